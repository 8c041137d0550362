package dev.feder.event;

import dev.feder.config.FederConfig;
import dev.feder.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The public pages a change affects: the website's article and category pages (their paths, from
 * {@code feder.frontend.article-url} and {@code feder.frontend.category-url}) and Feder's own feeds
 * and sitemap. Only what anonymous readers see counts: a change to a draft affects no page. An
 * asset has no page of its own; a change of it affects the pages of the public articles that show
 * it.
 */
@ApplicationScoped
class PublicPaths {

  static final String SITEMAP = "/sitemap.xml";
  private static final String FEEDS = "/api/v1/feeds/";

  /** At most this many articles' pages are named for an asset; the event's tags name them all. */
  static final int ASSET_ARTICLES = 100;

  private final FederConfig.Frontend frontend;
  private final Sql sql;

  PublicPaths(FederConfig config, Sql sql) {
    this.frontend = config.frontend();
    this.sql = sql;
  }

  /**
   * The website paths: an article's page and its categories' pages, or a category's page; for an
   * asset, those of the articles public at {@code now} that show it (as featured image or in the
   * body), newest first, at most {@link #ASSET_ARTICLES}.
   */
  List<String> pages(EntityKind kind, UUID id, EntityState before, EntityState after, Instant now) {
    Set<String> paths = new LinkedHashSet<>();
    if (kind == EntityKind.ASSET) {
      addPagesShowingAsset(paths, id, now);
    }
    for (EntityState state : visible(before, after)) {
      switch (kind) {
        case ARTICLE -> {
          List<String> categories =
              state.categories().stream().map(EntityState.Node::slug).toList();
          addArticlePages(paths, state.slug(), categories);
        }
        case CATEGORY -> paths.add(categoryPage(state.slug()));
        case AUTHOR, ASSET -> {
          // No author pages are configured; the tags name the author. Assets are never visible.
        }
      }
    }
    return List.copyOf(paths);
  }

  /** An article's page, then the pages of its category and the categories above it. */
  private void addArticlePages(Set<String> paths, String slug, List<String> categories) {
    String category = categories.isEmpty() ? "" : categories.get(0);
    paths.add(path(frontend.articleUrl().replace("{slug}", slug).replace("{category}", category)));
    categories.forEach(node -> paths.add(categoryPage(node)));
  }

  /** Where a public article is: its slug, and its category's slug and those above it. */
  private record Placed(String slug, List<String> categories) {}

  private void addPagesShowingAsset(Set<String> paths, UUID asset, Instant now) {
    List<Placed> articles =
        sql.list(
            "select a.slug, array(with recursive chain(slug, parent_id, depth) as ("
                + " select c.slug, c.parent_id, 0 from category c where c.id = a.category_id"
                + " union all select p.slug, p.parent_id, chain.depth + 1"
                + " from category p join chain on p.id = chain.parent_id)"
                + " select slug from chain order by depth)"
                + " from article a"
                + " where a.id in (select u.article_id from asset_use u where u.asset_id = ?)"
                + " and a.status = 'published' and a.published_at <= ? and a.deleted_at is null"
                + " order by a.published_at desc, a.id limit ?",
            row -> new Placed(row.getString(1), List.of((String[]) row.getArray(2).getArray())),
            asset,
            now,
            ASSET_ARTICLES);
    articles.forEach(article -> addArticlePages(paths, article.slug(), article.categories()));
  }

  /** Feder's feeds and sitemap whose documents the change alters. */
  List<String> feeds(EntityKind kind, EntityState before, EntityState after) {
    Set<String> feeds = new LinkedHashSet<>();
    for (EntityState state : visible(before, after)) {
      switch (kind) {
        case ARTICLE -> {
          feeds.add(FEEDS + "articles.rss");
          feeds.add(FEEDS + "articles.atom");
          state.categories().forEach(node -> addCategoryFeeds(feeds, node.slug()));
          feeds.add(SITEMAP);
        }
        case CATEGORY -> addCategoryFeeds(feeds, state.slug());
        case AUTHOR, ASSET -> {
          // Feeds name authors, but which feeds show an author's articles is not known here.
        }
      }
    }
    return List.copyOf(feeds);
  }

  private static List<EntityState> visible(EntityState before, EntityState after) {
    List<EntityState> states = new ArrayList<>(2);
    if (before != null && before.visible()) {
      states.add(before);
    }
    if (after != null && after.visible()) {
      states.add(after);
    }
    return states;
  }

  private static void addCategoryFeeds(Set<String> feeds, String slug) {
    feeds.add(FEEDS + "categories/" + slug + ".rss");
    feeds.add(FEEDS + "categories/" + slug + ".atom");
  }

  private String categoryPage(String slug) {
    return path(frontend.categoryUrl().replace("{slug}", slug));
  }

  /** The path (and query) of a URL; slugs are safe in URLs, so no encoding is needed. */
  static String path(String url) {
    URI uri = URI.create(url);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }
}
