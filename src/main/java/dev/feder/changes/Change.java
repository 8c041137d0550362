package dev.feder.changes;

import dev.feder.article.ArticleResponse;
import dev.feder.author.AuthorResponse;
import dev.feder.category.CategoryResponse;
import dev.feder.event.EntityKind;
import dev.feder.event.Event;
import dev.feder.event.EventType;
import dev.feder.event.PublicChange;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One item of the changes feed: an event and what it means for a copy of the content. An upsert
 * carries the entity as the caller reads it now (so a later item may carry a newer state); a delete
 * is a tombstone with the id and slug.
 */
@Schema(name = "Change", examples = ChangeExamples.UPSERT)
public record Change(
    @Schema(required = true) UUID eventId,
    @Schema(required = true) EventType eventType,
    @Schema(required = true) Instant occurredAt,
    @Schema(required = true) EntityKind entityType,
    @Schema(required = true) UUID entityId,
    @Schema(
            required = true,
            description =
                "The entity's slug after the change (for a delete: the last one); an asset's"
                    + " filename",
            examples = "groesste-uebung-seit-jahren-marine-probt-vor-der-kueste")
        String slug,
    @Schema(
            required = true,
            description =
                "upsert: the entity is new to the public view or changed in it, store the"
                    + " representation; delete: it left the public view (unpublished, trashed,"
                    + " purged, deleted), remove it; none: nothing public changed (only tokens"
                    + " see these)")
        PublicChange operation,
    @Schema(description = "With an upsert of an article: the article as the caller reads it now")
        ArticleResponse article,
    @Schema(description = "With an upsert of a category: the category as the caller reads it now")
        CategoryResponse category,
    @Schema(description = "With an upsert of an author: the author as the caller reads it now")
        AuthorResponse author,
    @Schema(
            description =
                "The whole event, with changed fields, statuses, paths and cache tags: only for"
                    + " requests with a token")
        Event event) {

  /** An item without a representation: a tombstone, or an event without a public change. */
  static Change of(Event event, PublicChange operation, boolean withEvent) {
    return new Change(
        event.id(),
        event.type(),
        event.occurredAt(),
        event.entityType(),
        event.entityId(),
        event.slug(),
        operation,
        null,
        null,
        null,
        withEvent ? event : null);
  }

  Change withArticle(ArticleResponse representation) {
    return with(representation, null, null);
  }

  Change withCategory(CategoryResponse representation) {
    return with(null, representation, null);
  }

  Change withAuthor(AuthorResponse representation) {
    return with(null, null, representation);
  }

  private Change with(ArticleResponse article, CategoryResponse category, AuthorResponse author) {
    return new Change(
        eventId,
        eventType,
        occurredAt,
        entityType,
        entityId,
        slug,
        operation,
        article,
        category,
        author,
        event);
  }
}
