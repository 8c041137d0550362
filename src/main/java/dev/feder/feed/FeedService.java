package dev.feder.feed;

import dev.feder.article.ArticleListItem;
import dev.feder.article.ArticleService;
import dev.feder.author.AuthorSummary;
import dev.feder.category.CategoryResponse;
import dev.feder.category.CategoryService;
import dev.feder.config.FederConfig;
import dev.feder.persistence.ContentTags;
import dev.feder.web.ResponseTags;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * The content of the feeds and the sitemap: only articles that are public now, whoever asks, with
 * links to their pages on the website ({@code feder.frontend.*}).
 */
@ApplicationScoped
class FeedService {

  /** The most URLs one sitemap file may list (sitemaps.org). */
  static final int SITEMAP_LIMIT = 50_000;

  private final ArticleService articles;
  private final CategoryService categories;
  private final FederConfig.Frontend frontend;
  private final ResponseTags responseTags;

  FeedService(
      ArticleService articles,
      CategoryService categories,
      FederConfig config,
      ResponseTags responseTags) {
    this.articles = articles;
    this.categories = categories;
    this.frontend = config.frontend();
    this.responseTags = responseTags;
  }

  /** The newest articles of the whole site. */
  Feed latest() {
    List<FeedEntry> entries = entries(articles.latestPublic(null, frontend.feedSize()));
    return new Feed(
        frontend.siteUrl(),
        frontend.siteTitle(),
        frontend.siteUrl(),
        "The latest articles of " + frontend.siteTitle(),
        updated(entries, Instant.EPOCH),
        entries);
  }

  /** The newest articles of a category and its descendants; 404 for an unknown category. */
  Feed ofCategory(String slug) {
    CategoryResponse category = categories.getBySlug(slug);
    responseTags.current().add(ContentTags.category(category.id()));
    List<FeedEntry> entries = entries(articles.latestPublic(category.slug(), frontend.feedSize()));
    String description = category.description();
    return new Feed(
        "urn:uuid:" + category.id(),
        frontend.siteTitle() + " – " + category.name(),
        frontend.siteUrl(),
        description == null || description.isBlank()
            ? "The latest articles in " + category.name()
            : description,
        updated(entries, category.updatedAt()),
        entries);
  }

  /** The pages of all public articles, newest first, at most {@link #SITEMAP_LIMIT}. */
  List<SitemapUrl> sitemap() {
    // Up to 50,000 articles and their categories' slugs: too many to name one by one.
    responseTags
        .current()
        .add(ContentTags.ARTICLES)
        .add(ContentTags.ANY_ARTICLE)
        .add(ContentTags.ANY_CATEGORY);
    return articles.publishedLocations(SITEMAP_LIMIT).stream()
        .map(
            a ->
                new SitemapUrl(
                    articleUrl(a.slug(), a.categorySlug()), later(a.updatedAt(), a.publishedAt())))
        .toList();
  }

  private List<FeedEntry> entries(List<ArticleListItem> items) {
    responseTags.current().add(ContentTags.ARTICLES).addAll(items);
    return items.stream()
        .map(
            a ->
                new FeedEntry(
                    a.id(),
                    a.title(),
                    articleUrl(a.slug(), a.category().slug()),
                    a.excerpt(),
                    a.publishedAt(),
                    later(a.updatedAt(), a.publishedAt()),
                    a.authors().stream().map(AuthorSummary::name).toList(),
                    a.category().slug(),
                    a.category().name()))
        .toList();
  }

  private String articleUrl(String slug, String categorySlug) {
    // Slugs are lower-case ASCII words joined by '-': safe in any URL without encoding.
    return frontend.articleUrl().replace("{slug}", slug).replace("{category}", categorySlug);
  }

  private static Instant updated(List<FeedEntry> entries, Instant whenEmpty) {
    return entries.stream().map(FeedEntry::updated).max(Instant::compareTo).orElse(whenEmpty);
  }

  private static Instant later(Instant a, Instant b) {
    return b != null && b.isAfter(a) ? b : a;
  }
}
