package dev.feder.bench.seed;

import dev.feder.article.ArticleInput;
import dev.feder.article.ArticleSource;
import dev.feder.article.ArticleStatus;
import dev.feder.article.BodyFormat;
import dev.feder.article.FeaturedImageInput;
import dev.feder.article.Seo;
import dev.feder.bench.seed.Newsroom.Author;
import dev.feder.bench.seed.Newsroom.Category;
import dev.feder.web.Reference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One generated article, with the columns of the article table. */
final class Article {
  UUID id;
  String slug, title, subtitle, excerpt, body, bodyText, status;
  Instant publishedAt, createdAt;
  Category category;
  final List<Author> byline = new ArrayList<>(3);
  final List<String> tags = new ArrayList<>(6);
  String sourceName, sourceUrl, imageUrl, imageAlt, imageCaption, imageCredit;
  String metaTitle, metaDescription, canonicalUrl;

  /** The search vector; null lets PostgreSQL compute it. */
  SearchVector searchVector;

  int words, readingTime;
  int[] related;

  /**
   * What Feder stores as the article's first revision: the article as an {@link ArticleInput} at
   * its creation (a later publication date is "scheduled").
   */
  ArticleInput input(Generator g) {
    ArticleStatus readStatus =
        "draft".equals(status)
            ? ArticleStatus.DRAFT
            : publishedAt.isAfter(createdAt) ? ArticleStatus.SCHEDULED : ArticleStatus.PUBLISHED;
    return new ArticleInput(
        title,
        slug,
        subtitle,
        excerpt,
        body,
        BodyFormat.HTML,
        "de",
        readStatus,
        publishedAt,
        new Reference(category.id(), category.slug()),
        byline.stream().map(a -> new Reference(a.id(), a.slug())).toList(),
        List.copyOf(tags),
        Arrays.stream(related).mapToObj(j -> new Reference(g.articleId(j), g.slugs[j])).toList(),
        sourceName == null ? null : new ArticleSource(sourceName, sourceUrl),
        imageUrl == null
            ? null
            : new FeaturedImageInput(null, imageUrl, imageAlt, imageCaption, imageCredit),
        metaTitle == null && metaDescription == null && canonicalUrl == null
            ? null
            : new Seo(metaTitle, metaDescription, canonicalUrl));
  }
}
