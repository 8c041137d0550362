package dev.feder.category;

import dev.feder.persistence.ContentTags;
import dev.feder.persistence.ContentVersions;
import dev.feder.persistence.KeptTable;
import dev.feder.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The summary of every category (with its parent's slug), read in one statement and remembered
 * until a category changes ({@code category:any}; a {@link KeptTable}), on any instance, by any
 * tool. Article reads name their category by id instead of joining it and its parent into every
 * row.
 */
@ApplicationScoped
public class KnownCategories {

  private static final String CATEGORIES =
      "select c.id, c.slug, c.name, p.slug from category c"
          + " left join category p on p.id = c.parent_id";

  private final KeptTable<UUID, CategorySummary> categories;

  KnownCategories(ContentVersions versions, Sql sql) {
    this.categories =
        new KeptTable<>(
            versions,
            List.of(ContentTags.ANY_CATEGORY),
            () -> {
              Map<UUID, CategorySummary> read = new HashMap<>();
              sql.read(
                      CATEGORIES,
                      row ->
                          new CategorySummary(
                              row.getObject(1, UUID.class),
                              row.getString(2),
                              row.getString(3),
                              row.getString(4)))
                  .forEach(c -> read.put(c.id(), c));
              return read;
            });
  }

  /**
   * The summaries of every category, holding at least those with these ids that exist (see {@link
   * KeptTable#rowsWith}).
   */
  public Map<UUID, CategorySummary> summaries(Collection<UUID> ids) {
    return categories.rowsWith(ids);
  }
}
