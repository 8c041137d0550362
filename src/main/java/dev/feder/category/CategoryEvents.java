package dev.feder.category;

import dev.feder.event.EntityState;
import java.util.ArrayList;
import java.util.List;

/** Categories as their events, and the events of the articles filed in them, see them. */
public final class CategoryEvents {

  /** Deeper than any real tree; a guard against a cycle that the service's rules already forbid. */
  private static final int MAX_DEPTH = 64;

  private CategoryEvents() {}

  /** The category and its ancestors, nearest first. */
  public static List<EntityState.Node> chain(Category category) {
    List<EntityState.Node> chain = new ArrayList<>();
    for (Category node = category; node != null && chain.size() < MAX_DEPTH; node = node.parent) {
      chain.add(new EntityState.Node(node.id, node.slug));
    }
    return chain;
  }

  /** A category's state for its own events. */
  static EntityState state(Category category) {
    return EntityState.category(category.slug, chain(category));
  }
}
