package dev.feder.event;

import java.util.List;
import java.util.UUID;

/**
 * What an entity was before a change or is after it, as far as its event tells: a feature builds it
 * from its entity; {@link EventLog} derives the public paths and cache tags the change affects.
 *
 * @param slug the slug; an asset's filename (assets have no slug)
 * @param status an article's status as readers see it at the time ({@code draft}, {@code
 *     scheduled}, {@code published}, {@code archived}); null for other kinds
 * @param visible whether anonymous readers see the entity: an article that is public now and not in
 *     the trash; categories and authors always; assets never, as far as events tell (see {@link
 *     #asset})
 * @param categories an article's category and that category's ancestors, nearest first; a category
 *     itself and its ancestors; empty for authors
 * @param authors an article's byline; empty for other kinds
 */
public record EntityState(
    String slug, String status, boolean visible, List<Node> categories, List<UUID> authors) {

  /** A category in a chain of categories. */
  public record Node(UUID id, String slug) {}

  public EntityState {
    categories = List.copyOf(categories);
    authors = List.copyOf(authors);
  }

  /** A category: always visible, named with its chain (itself first). */
  public static EntityState category(String slug, List<Node> chain) {
    return new EntityState(slug, null, true, chain, List.of());
  }

  /** An author: always visible. */
  public static EntityState author(String slug) {
    return new EntityState(slug, null, true, List.of(), List.of());
  }

  /**
   * An asset, named by its filename. Not part of the public view of the changes feed: whether
   * anonymous readers may fetch it depends on the published content that uses it, which changes
   * without an asset event, so anonymous consumers learn of assets through the articles and authors
   * that embed them.
   */
  public static EntityState asset(String filename) {
    return new EntityState(filename, null, false, List.of(), List.of());
  }
}
