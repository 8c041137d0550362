package dev.feder.event;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What happened, named {@code <resource>.<verb>}. Article visibility has types of its own: {@code
 * article.published} when an article becomes public (by a write, or by itself when its scheduled
 * time comes), {@code article.unpublished} when it leaves the public view for draft, scheduled or
 * archived. Assets of the media library have {@code asset.created} (an upload that kept new bytes),
 * {@code asset.updated} (metadata or focal point) and {@code asset.deleted}. Consumers must expect
 * types to be added.
 */
@Schema(
    name = "EventType",
    description =
        "What happened, as <kind>.<verb>. An open list: new types are added as features are, in"
            + " minor versions of the API; skip or log an event of a type you do not know.")
public enum EventType {
  ARTICLE_CREATED(EntityKind.ARTICLE, "created"),
  ARTICLE_UPDATED(EntityKind.ARTICLE, "updated"),
  ARTICLE_PUBLISHED(EntityKind.ARTICLE, "published"),
  ARTICLE_UNPUBLISHED(EntityKind.ARTICLE, "unpublished"),
  ARTICLE_TRASHED(EntityKind.ARTICLE, "trashed"),
  ARTICLE_RESTORED(EntityKind.ARTICLE, "restored"),
  ARTICLE_PURGED(EntityKind.ARTICLE, "purged"),
  CATEGORY_CREATED(EntityKind.CATEGORY, "created"),
  CATEGORY_UPDATED(EntityKind.CATEGORY, "updated"),
  CATEGORY_DELETED(EntityKind.CATEGORY, "deleted"),
  AUTHOR_CREATED(EntityKind.AUTHOR, "created"),
  AUTHOR_UPDATED(EntityKind.AUTHOR, "updated"),
  AUTHOR_DELETED(EntityKind.AUTHOR, "deleted"),
  ASSET_CREATED(EntityKind.ASSET, "created"),
  ASSET_UPDATED(EntityKind.ASSET, "updated"),
  ASSET_DELETED(EntityKind.ASSET, "deleted");

  private final EntityKind entity;
  private final String value;

  EventType(EntityKind entity, String verb) {
    this.entity = entity;
    this.value = entity.value() + "." + verb;
  }

  /** The kind of content the event is about. */
  public EntityKind entity() {
    return entity;
  }

  /** The type as clients read it, such as {@code article.published}. */
  public String value() {
    return value;
  }

  @JsonValue
  @Override
  public String toString() {
    return value;
  }

  /** The type with this name, if there is one. */
  public static Optional<EventType> find(String value) {
    return Arrays.stream(values()).filter(type -> type.value.equals(value)).findFirst();
  }

  /** Every type's name, in declaration order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(EventType::value).toList();
  }

  /** The created, updated or deleted type of a category or author. */
  public static EventType of(EntityKind entity, String verb) {
    return find(entity.value() + "." + verb)
        .orElseThrow(() -> new IllegalArgumentException("No event " + entity + "." + verb));
  }
}
