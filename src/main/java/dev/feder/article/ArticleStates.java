package dev.feder.article;

import dev.feder.asset.Asset;
import dev.feder.asset.AssetService;
import dev.feder.asset.BodyImages;
import dev.feder.author.Author;
import dev.feder.author.AuthorService;
import dev.feder.category.CategoryService;
import dev.feder.error.ProblemException;
import dev.feder.text.HtmlSanitizer;
import dev.feder.text.Markdown;
import dev.feder.text.Patterns;
import dev.feder.text.Slugs;
import dev.feder.web.Instants;
import dev.feder.web.Reference;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * An article's writable state, in the shape a PUT takes ({@link ArticleInput}): written into an
 * article by every create, replace, patch and restore, with the rules that go with it (slugs,
 * sanitizing, Markdown, publishing and scheduling, references), and read back from an article for a
 * patch's base, a revision and the audit log's comparison.
 */
@ApplicationScoped
class ArticleStates {

  private final CategoryService categories;
  private final AuthorService authors;
  private final HtmlSanitizer sanitizer;
  private final Markdown markdown;
  private final AssetService assets;
  private final Clock clock;

  ArticleStates(
      CategoryService categories,
      AuthorService authors,
      HtmlSanitizer sanitizer,
      Markdown markdown,
      AssetService assets,
      Clock clock) {
    this.categories = categories;
    this.authors = authors;
    this.sanitizer = sanitizer;
    this.markdown = markdown;
    this.assets = assets;
    this.clock = clock;
  }

  /** The article's state as a PUT would send it; pins to articles in the trash are left out. */
  ArticleInput of(Article article) {
    return new ArticleInput(
        article.title,
        article.slug,
        article.subtitle,
        article.excerpt,
        article.body,
        BodyFormat.HTML,
        article.language,
        article.statusAt(clock.instant()),
        article.publishedAt,
        new Reference(article.category.id, article.category.slug),
        article.authors.stream().map(a -> new Reference(a.id, a.slug)).toList(),
        List.copyOf(article.tags),
        article.related.stream()
            .filter(r -> !r.inTrash())
            .map(r -> new Reference(r.id, r.slug))
            .toList(),
        ArticleParts.source(article),
        ArticleParts.featuredImageInput(article),
        ArticleParts.seo(article));
  }

  /** Writes a state into the article; a rule it breaks is a 400 or 409 that says which. */
  void apply(Article article, ArticleInput input) {
    Instant now = clock.instant();
    article.title = input.title();
    if (input.slug() != null
        && !input.slug().equals(article.slug)
        && Article.slugInTrash(input.slug())) {
      throw ProblemException.conflict(
          "The slug '"
              + input.slug()
              + "' belongs to an article in the trash; restore that article or purge it first");
    }
    article.slug =
        Slugs.choose(article.slug, input.slug(), input.title(), "article", Article::slugTaken);
    article.subtitle = input.subtitle();
    article.excerpt = input.excerpt();
    article.body =
        BodyImages.normalize(
                sanitizer.sanitize(
                    input.bodyFormat() == BodyFormat.MARKDOWN
                        ? markdown.toHtml(input.body())
                        : input.body()),
                assets::findAll)
            .html();
    article.bodyText = HtmlSanitizer.plainText(article.body);
    article.wordCount = HtmlSanitizer.wordCount(article.body);
    article.readingTimeMinutes = HtmlSanitizer.readingTimeMinutes(article.wordCount);
    article.language = input.language() == null ? "de" : input.language();
    applyStatus(article, input.status(), input.publishedAt(), now);
    article.category = categories.resolve(input.category(), "category");
    // A new list makes Hibernate delete and insert the whole byline (and pins), statements that
    // the database reports as a change of which articles an author has: only when it differs.
    List<Author> byline = resolveAuthors(input.authors());
    if (!byline.equals(article.authors)) {
      article.authors = byline;
    }
    article.tags = normalizeTags(input.tags());
    // Pins to articles in the trash are hidden, not gone: they stay (at the end) for a restore.
    List<Article> pins = resolveRelated(article, input.related());
    article.related.stream().filter(Article::inTrash).forEach(pins::add);
    if (!pins.equals(article.related)) {
      article.related = pins;
    }
    ArticleParts.apply(
        article,
        input.source(),
        input.featuredImage(),
        featuredAsset(input.featuredImage()),
        input.seo());
  }

  /**
   * Records which assets the article shows, for the media library's usage and visibility; after
   * every change of its state, once the article's row is written.
   */
  void recordAssetUses(Article article) {
    assets.recordUses(
        article.id,
        null,
        "featuredImage",
        article.imageAsset == null ? List.of() : List.of(article.imageAsset.id));
    assets.recordUses(article.id, null, "body", BodyImages.referenced(article.body));
  }

  /** The lead image's asset, or null for an image by URL; a bad reference is an invalid field. */
  private Asset featuredAsset(FeaturedImageInput image) {
    if (image == null) {
      return null;
    }
    if (image.asset() == null) {
      if (image.url() == null || !image.url().matches(Patterns.HTTP_URL)) {
        throw ProblemException.invalidField(
            image.url() == null ? "featuredImage" : "featuredImage.url",
            image.url() == null ? "must hold an asset or a url" : "must be an http or https URL");
      }
      return null;
    }
    Asset asset = assets.findAll(List.of(image.asset().id())).get(image.asset().id());
    if (asset == null) {
      throw ProblemException.invalidField(
          "featuredImage.asset.id", "no asset with id '" + image.asset().id() + "'");
    }
    if (!asset.isImage()) {
      throw ProblemException.invalidField("featuredImage.asset", "is a PDF, not an image");
    }
    return asset;
  }

  private static void applyStatus(
      Article article, ArticleStatus status, Instant publishedAt, Instant now) {
    ArticleStatus wanted = status == null ? ArticleStatus.DRAFT : status;
    boolean wasPublished = Article.PUBLISHED.equals(article.status);
    Instant when = Instants.accept(publishedAt, "publishedAt", false);
    if (when == null && wanted == ArticleStatus.PUBLISHED) {
      // Publishing keeps the original date of an article that is already out.
      when =
          wasPublished && article.publishedAt != null
              ? article.publishedAt
              : now.truncatedTo(ChronoUnit.MILLIS);
    }
    switch (wanted) {
      case DRAFT -> article.status = Article.DRAFT;
      case ARCHIVED -> article.status = Article.ARCHIVED;
      case PUBLISHED -> article.status = Article.PUBLISHED;
      case SCHEDULED -> {
        if (publishedAt == null || !publishedAt.isAfter(now)) {
          throw ProblemException.invalidField(
              "publishedAt", "must be a future instant to schedule an article");
        }
        article.status = Article.PUBLISHED;
      }
    }
    article.publishedAt = when;
  }

  private List<Author> resolveAuthors(List<Reference> references) {
    List<Author> byline = new ArrayList<>();
    if (references == null) {
      return byline;
    }
    for (int i = 0; i < references.size(); i++) {
      Author author = authors.resolve(references.get(i), "authors[" + i + "]");
      if (byline.contains(author)) {
        throw ProblemException.invalidField(
            "authors[" + i + "]", "names an author who is already in the byline");
      }
      byline.add(author);
    }
    return byline;
  }

  private static List<Article> resolveRelated(Article article, List<Reference> references) {
    List<Article> related = new ArrayList<>();
    if (references == null) {
      return related;
    }
    for (int i = 0; i < references.size(); i++) {
      String field = "related[" + i + "]";
      Reference reference = references.get(i);
      reference.requireTarget(field);
      Article target =
          (reference.id() != null
                  ? Article.findLive(reference.id())
                  : Article.findBySlug(reference.slug()))
              .orElseThrow(
                  () ->
                      ProblemException.invalidField(
                          field, "no article with " + reference.describe()));
      if (target == article) {
        throw ProblemException.invalidField(field, "an article cannot be related to itself");
      }
      if (related.contains(target)) {
        throw ProblemException.invalidField(field, "names an article that is already pinned");
      }
      related.add(target);
    }
    return related;
  }

  private static List<String> normalizeTags(List<String> tags) {
    if (tags == null) {
      return new ArrayList<>();
    }
    LinkedHashSet<String> unique = new LinkedHashSet<>();
    tags.forEach(tag -> unique.add(tag.strip()));
    return new ArrayList<>(unique);
  }
}
