package dev.feder.author;

import dev.feder.asset.Asset;
import dev.feder.persistence.ContentTags;
import dev.feder.persistence.ContentVersions;
import dev.feder.persistence.KeptTable;
import dev.feder.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What bylines show of every author, read in one statement and remembered until an author or an
 * asset changes ({@code author:any}, {@code asset:any}; a {@link KeptTable}), on any instance, by
 * any tool. Article reads then name their authors by id instead of joining them into every row:
 * bylines repeat a newsroom's few hundred authors over and over.
 *
 * <p>The summaries are made per call, because the avatar's URLs may depend on the request ({@link
 * dev.feder.asset.AssetUrls}).
 */
@ApplicationScoped
public class KnownAuthors {

  private static final String AUTHORS =
      "select w.id, w.slug, w.name, w.avatar_url, v.id, v.file_version, v.width, v.height, v.alt,"
          + " v.caption, v.credit, v.focal_x, v.focal_y, v.lqip"
          + " from author w left join asset v on v.id = w.avatar_asset_id";

  /** An author as bylines show it: its avatar as far as embedding it needs, or null. */
  private record Known(UUID id, String slug, String name, String avatarUrl, Asset avatar) {

    AuthorSummary summary() {
      return AuthorSummary.of(id, slug, name, avatarUrl, avatar);
    }
  }

  private final KeptTable<UUID, Known> authors;

  KnownAuthors(ContentVersions versions, Sql sql) {
    this.authors =
        new KeptTable<>(
            versions,
            List.of(ContentTags.ANY_AUTHOR, ContentTags.ANY_ASSET),
            () -> {
              Map<UUID, Known> read = new HashMap<>();
              sql.read(AUTHORS, KnownAuthors::known).forEach(a -> read.put(a.id(), a));
              return read;
            });
  }

  /**
   * The summaries of the authors with these ids, as bylines show them (see {@link
   * KeptTable#rowsWith}); an id no author has is left out.
   */
  public Map<UUID, AuthorSummary> summaries(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<UUID, Known> known = authors.rowsWith(ids);
    Map<UUID, AuthorSummary> summaries = new HashMap<>();
    for (UUID id : ids) {
      Known author = known.get(id);
      if (author != null) {
        summaries.put(id, author.summary());
      }
    }
    return summaries;
  }

  private static Known known(ResultSet row) throws SQLException {
    UUID avatar = row.getObject(5, UUID.class);
    return new Known(
        row.getObject(1, UUID.class),
        row.getString(2),
        row.getString(3),
        row.getString(4),
        avatar == null
            ? null
            : Asset.embeddable(
                avatar,
                row.getInt(6),
                row.getObject(7, Integer.class),
                row.getObject(8, Integer.class),
                row.getString(9),
                row.getString(10),
                row.getString(11),
                row.getDouble(12),
                row.getDouble(13),
                row.getString(14)));
  }
}
