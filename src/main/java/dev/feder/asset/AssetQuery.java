package dev.feder.asset;

import dev.feder.error.ProblemException;
import dev.feder.paging.Cursor;
import dev.feder.paging.PageRequest;
import dev.feder.paging.PagedQuery;
import dev.feder.paging.SortOrder;
import dev.feder.web.Instants;
import io.quarkus.panache.common.Parameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The asset list: the filters, then newest first with the id as the tie-breaker, by page or after a
 * keyset cursor. Every value is a bound parameter; the indexes of {@code V18__assets.sql} serve the
 * order alone and by media type, and the text filter through trigrams.
 */
final class AssetQuery implements PagedQuery<Asset> {

  /** The one order of the list: newest first. */
  static final SortOrder NEWEST_FIRST =
      SortOrder.parse(null, Map.of("createdAt", "createdAt"), "-createdAt");

  private final List<String> where = new ArrayList<>();
  private final Parameters params = new Parameters();

  void ofType(String mediaType) {
    if (mediaType.equals("image/*")) {
      where.add("mediaType <> 'application/pdf'");
    } else {
      where.add("mediaType = :mediaType");
      params.and("mediaType", mediaType);
    }
  }

  void containing(String text) {
    where.add("searchText like :text escape '\\'");
    params.and("text", "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%");
  }

  void unused() {
    where.add("id not in (select u.assetId from AssetUse u)");
  }

  @Override
  public SortOrder order() {
    return NEWEST_FIRST;
  }

  /** Only assets after the position a cursor names. */
  @Override
  public void after(Cursor cursor) {
    List<String> raw = cursor.values();
    try {
      where.add(
          NEWEST_FIRST.after(
              List.of(
                  Instants.accept(Instant.parse(raw.get(0)), "cursor", true),
                  UUID.fromString(raw.get(1))),
              params,
              true)); // asset.created_at is NOT NULL
    } catch (RuntimeException e) {
      throw ProblemException.badParameter("cursor", "is not a cursor this API issued");
    }
  }

  /** The cursor that continues after {@code last}. */
  @Override
  public Cursor cursorAfter(Asset last) {
    return new Cursor(NEWEST_FIRST.spec(), List.of(last.createdAt.toString(), last.id.toString()));
  }

  /** The first {@code limit} assets, without OFFSET. */
  @Override
  public List<Asset> first(int limit) {
    return Asset.<Asset>find(condition(), NEWEST_FIRST.toSort(), params).range(0, limit - 1).list();
  }

  @Override
  public List<Asset> page(PageRequest page) {
    return Asset.<Asset>find(condition(), NEWEST_FIRST.toSort(), params)
        .page(page.page() - 1, page.size())
        .list();
  }

  @Override
  public long count() {
    return Asset.count(condition(), params);
  }

  private String condition() {
    return where.isEmpty() ? "1 = 1" : String.join(" and ", where);
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
