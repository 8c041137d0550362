package dev.feder.event;

import dev.feder.config.FederConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The public pages a change affects: the website's article and category pages (their paths, from
 * {@code feder.frontend.article-url} and {@code feder.frontend.category-url}) and Feder's own feeds
 * and sitemap. Only what anonymous readers see counts: a change to a draft affects no page.
 */
@ApplicationScoped
class PublicPaths {

  static final String SITEMAP = "/sitemap.xml";
  private static final String FEEDS = "/api/v1/feeds/";

  private final FederConfig.Frontend frontend;

  PublicPaths(FederConfig config) {
    this.frontend = config.frontend();
  }

  /** The website paths: an article's page and its categories' pages, or a category's page. */
  List<String> pages(EntityKind kind, EntityState before, EntityState after) {
    Set<String> paths = new LinkedHashSet<>();
    for (EntityState state : visible(before, after)) {
      switch (kind) {
        case ARTICLE -> {
          String category = state.categories().isEmpty() ? "" : state.categories().get(0).slug();
          paths.add(
              path(
                  frontend
                      .articleUrl()
                      .replace("{slug}", state.slug())
                      .replace("{category}", category)));
          state.categories().forEach(node -> paths.add(categoryPage(node.slug())));
        }
        case CATEGORY -> paths.add(categoryPage(state.slug()));
        case AUTHOR, ASSET -> {
          // No author pages are configured; the tags name the author. Assets are never visible.
        }
      }
    }
    return List.copyOf(paths);
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
