package dev.feder.author;

import dev.feder.asset.Asset;
import dev.feder.persistence.ContentTags;
import dev.feder.persistence.ContentVersions;
import dev.feder.persistence.ContentVersions.Reading;
import dev.feder.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What bylines show of every author, read in one statement and remembered until an author or an
 * asset changes ({@code author:any}, {@code asset:any}; see {@link ContentVersions}), on any
 * instance, by any tool. Article reads then name their authors by id instead of joining them into
 * every row: bylines repeat a newsroom's few hundred authors over and over.
 *
 * <p>While changes cannot be heard, every byline reads the authors again, as nothing is kept then.
 * The summaries are made per call, because the avatar's URLs may depend on the request ({@link
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

  /** Every author, as read after {@code reading} was noted. */
  private record Snapshot(Reading reading, Map<UUID, Known> authors) {}

  private final ContentVersions versions;
  private final Sql sql;
  private volatile Snapshot snapshot;

  KnownAuthors(ContentVersions versions, Sql sql) {
    this.versions = versions;
    this.sql = sql;
  }

  /**
   * The byline of these authors, in their order. An author that the remembered authors do not know
   * yet (created a moment ago, its change not heard yet) makes them be read again.
   */
  public List<AuthorSummary> byline(List<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Snapshot known = current(null);
    if (!known.authors().keySet().containsAll(ids)) {
      known = current(known);
    }
    List<AuthorSummary> byline = new ArrayList<>(ids.size());
    for (UUID id : ids) {
      Known author = known.authors().get(id);
      if (author != null) {
        byline.add(author.summary());
      }
    }
    return List.copyOf(byline);
  }

  /**
   * The authors as remembered, or as read again when an author or asset changed since, or when what
   * is remembered is {@code outdated}; read again by one caller at a time.
   */
  private Snapshot current(Snapshot outdated) {
    Snapshot known = snapshot;
    if (known != null && known != outdated && valid(known)) {
      return known;
    }
    synchronized (this) {
      known = snapshot;
      if (known != null && known != outdated && valid(known)) {
        return known;
      }
      Reading reading = versions.begin();
      Map<UUID, Known> authors = new HashMap<>();
      for (Known author : sql.read(AUTHORS, KnownAuthors::known)) {
        authors.put(author.id(), author);
      }
      Snapshot read = new Snapshot(reading, Map.copyOf(authors));
      snapshot = reading == null ? null : read;
      return read;
    }
  }

  private boolean valid(Snapshot known) {
    return versions.unchangedSince(known.reading(), ContentTags.ANY_AUTHOR)
        && versions.unchangedSince(known.reading(), ContentTags.ANY_ASSET);
  }

  private static Known known(ResultSet row) throws SQLException {
    Asset avatar = null;
    UUID assetId = row.getObject(5, UUID.class);
    if (assetId != null) {
      avatar = new Asset();
      avatar.id = assetId;
      avatar.fileVersion = row.getInt(6);
      avatar.width = row.getObject(7, Integer.class);
      avatar.height = row.getObject(8, Integer.class);
      avatar.alt = row.getString(9);
      avatar.caption = row.getString(10);
      avatar.credit = row.getString(11);
      avatar.focalX = row.getDouble(12);
      avatar.focalY = row.getDouble(13);
      avatar.lqip = row.getString(14);
    }
    return new Known(
        row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4), avatar);
  }
}
