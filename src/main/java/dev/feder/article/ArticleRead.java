package dev.feder.article;

import dev.feder.asset.BodyImages;
import dev.feder.asset.EmbeddedImage;
import dev.feder.author.AuthorSummary;
import dev.feder.category.CategorySummary;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An article with everything its representations embed, as it was read: by one statement ({@link
 * ArticleReads}) for the reads, or from the entity a write just changed. Both kinds of source make
 * the same answer through the same mapping ({@link #response}, {@link #listItem}), so a read shows
 * byte for byte what the write that made the state answered.
 *
 * @param body the body as responses send it ({@link BodyImages#render}); null when it was not read
 * @param status the stored status ({@link Article#status})
 * @param related the live pinned articles in order, whatever their status; null when not read
 */
record ArticleRead(
    UUID id,
    String slug,
    String title,
    String subtitle,
    String excerpt,
    String body,
    String language,
    String status,
    Instant publishedAt,
    CategorySummary category,
    List<AuthorSummary> authors,
    List<String> tags,
    List<Pinned> related,
    ArticleSource source,
    EmbeddedImage featuredImage,
    Seo seo,
    int wordCount,
    int readingTimeMinutes,
    Instant createdAt,
    Instant updatedAt) {

  /** A live pinned related article, with what decides who may see it. */
  record Pinned(RelatedArticle article, String status) {

    boolean isPublicAt(Instant now) {
      return Article.statusAt(status, article.publishedAt(), now) == ArticleStatus.PUBLISHED;
    }
  }

  /**
   * The article as an entity holds it; {@code body} as responses send it or null, and its pinned
   * articles only {@code withRelated} (loading them costs a query).
   */
  static ArticleRead of(Article a, String body, boolean withRelated) {
    return new ArticleRead(
        a.id,
        a.slug,
        a.title,
        a.subtitle,
        a.excerpt,
        body,
        a.language,
        a.status,
        a.publishedAt,
        CategorySummary.from(a.category),
        a.authors.stream().map(AuthorSummary::from).toList(),
        List.copyOf(a.tags),
        withRelated
            ? a.related.stream()
                .filter(r -> !r.inTrash())
                .map(r -> new Pinned(RelatedArticle.from(r), r.status))
                .toList()
            : null,
        ArticleParts.source(a),
        ArticleParts.featuredImage(a),
        ArticleParts.seo(a),
        a.wordCount,
        a.readingTimeMinutes,
        a.createdAt,
        a.updatedAt);
  }

  ArticleStatus statusAt(Instant now) {
    return Article.statusAt(status, publishedAt, now);
  }

  boolean isPublicAt(Instant now) {
    return statusAt(now) == ArticleStatus.PUBLISHED;
  }

  /**
   * The article as clients read it at {@code now}: with its body, read, and the pinned articles the
   * reader may see (the public ones, unless {@code withUnpublished}).
   */
  ArticleResponse response(Instant now, boolean withUnpublished) {
    return new ArticleResponse(
        id,
        slug,
        title,
        subtitle,
        excerpt,
        body,
        language,
        statusAt(now),
        publishedAt,
        category,
        authors,
        tags,
        related.stream()
            .filter(pinned -> withUnpublished || pinned.isPublicAt(now))
            .map(Pinned::article)
            .toList(),
        source,
        featuredImage,
        seo,
        wordCount,
        readingTimeMinutes,
        createdAt,
        updatedAt);
  }

  /** The article in a list at {@code now}, with its body if it was read. */
  ArticleListItem listItem(Instant now) {
    return listItem(now, null);
  }

  /** The article among the results of a search at {@code now}, with where it matched. */
  ArticleListItem listItem(Instant now, ArticleHighlight highlight) {
    return new ArticleListItem(
        id,
        slug,
        title,
        subtitle,
        excerpt,
        body,
        language,
        statusAt(now),
        publishedAt,
        category,
        authors,
        tags,
        source,
        featuredImage,
        seo,
        wordCount,
        readingTimeMinutes,
        createdAt,
        updatedAt,
        highlight);
  }
}
