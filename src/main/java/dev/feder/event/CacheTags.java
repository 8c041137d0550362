package dev.feder.event;

import dev.feder.persistence.ContentTags;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The cache tags a change invalidates, in the scheme of Feder's {@code Surrogate-Key} headers
 * (API.md): {@code article:<id>}, {@code category:<id>}, {@code author:<id>} for answers that show
 * that item (also embedded, as an article shows its category and byline), {@code articles} for
 * article lists.
 *
 * <p>The tag names come from {@link ContentTags}; which of them an event names is decided here from
 * the states before and after, as the event describes the change.
 */
final class CacheTags {

  private CacheTags() {}

  /**
   * The tags of a change of {@code kind}. An article's own tag always; when it was or is public,
   * the article lists too, and the categories (their article counts) and authors (theirs) whose
   * counts the change moves: all of both states' when it became or stopped being public, else those
   * that came or went. A category's own tag, and its old and new ancestors when it moved in the
   * tree; an author's own; an asset's own (the articles and authors that embed it come from the
   * database, see {@link EventLog}).
   */
  static List<String> of(EntityKind kind, UUID id, EntityState before, EntityState after) {
    Set<String> tags = new LinkedHashSet<>();
    switch (kind) {
      case ARTICLE -> {
        tags.add(ContentTags.article(id));
        boolean wasVisible = before != null && before.visible();
        boolean isVisible = after != null && after.visible();
        if (wasVisible || isVisible) {
          tags.add(ContentTags.ARTICLES);
          boolean visibilityChanged = wasVisible != isVisible;
          List<EntityState.Node> oldChain = chain(before, wasVisible);
          List<EntityState.Node> newChain = chain(after, isVisible);
          if (visibilityChanged || !oldChain.equals(newChain)) {
            oldChain.forEach(node -> tags.add(ContentTags.category(node.id())));
            newChain.forEach(node -> tags.add(ContentTags.category(node.id())));
          }
          List<UUID> oldAuthors = wasVisible ? before.authors() : List.of();
          List<UUID> newAuthors = isVisible ? after.authors() : List.of();
          if (visibilityChanged || !Set.copyOf(oldAuthors).equals(Set.copyOf(newAuthors))) {
            oldAuthors.stream()
                .filter(a -> visibilityChanged || !newAuthors.contains(a))
                .forEach(a -> tags.add(ContentTags.author(a)));
            newAuthors.stream()
                .filter(a -> visibilityChanged || !oldAuthors.contains(a))
                .forEach(a -> tags.add(ContentTags.author(a)));
          }
        }
      }
      case CATEGORY -> {
        tags.add(ContentTags.category(id));
        List<EntityState.Node> oldChain = before == null ? List.of() : before.categories();
        List<EntityState.Node> newChain = after == null ? List.of() : after.categories();
        if (!Objects.equals(parents(oldChain), parents(newChain))) {
          parents(oldChain).forEach(node -> tags.add(ContentTags.category(node.id())));
          parents(newChain).forEach(node -> tags.add(ContentTags.category(node.id())));
        }
      }
      case AUTHOR -> tags.add(ContentTags.author(id));
      case ASSET -> tags.add(ContentTags.asset(id));
    }
    return List.copyOf(tags);
  }

  private static List<EntityState.Node> chain(EntityState state, boolean visible) {
    return visible ? state.categories() : List.of();
  }

  /** A category's ancestors: its chain without itself. */
  private static List<EntityState.Node> parents(List<EntityState.Node> chain) {
    return chain.isEmpty() ? List.of() : chain.subList(1, chain.size());
  }
}
