package dev.feder.category;

import dev.feder.event.EntityState;
import dev.feder.persistence.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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

  /** The category with this id and its ancestors, nearest first, read with plain SQL. */
  public static List<EntityState.Node> chain(Sql sql, UUID id) {
    return sql.list(
        "with recursive chain (id, slug, parent_id, depth) as ("
            + " select id, slug, parent_id, 0 from category where id = ?"
            + " union all select c.id, c.slug, c.parent_id, chain.depth + 1"
            + " from category c join chain on c.id = chain.parent_id where chain.depth < ?)"
            + " select id, slug from chain order by depth",
        row -> new EntityState.Node(row.getObject(1, UUID.class), row.getString(2)),
        id,
        MAX_DEPTH - 1);
  }

  /** A category's state for its own events. */
  static EntityState state(Category category) {
    return EntityState.category(category.slug, chain(category));
  }
}
