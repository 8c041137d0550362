package dev.feder.article;

import io.quarkus.hibernate.orm.panache.common.ProjectedFieldName;
import java.time.Instant;

/**
 * Where a public article lives and when it last changed: the little that link indexes (such as a
 * sitemap) need, read as a projection rather than as whole articles.
 */
public record PublishedArticle(
    String slug,
    @ProjectedFieldName("category.slug") String categorySlug,
    Instant publishedAt,
    Instant updatedAt) {}
