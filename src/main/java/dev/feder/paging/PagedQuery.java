package dev.feder.paging;

import java.util.List;
import java.util.function.Function;

/**
 * A list query that serves numbered pages (with totals) and pages after a keyset cursor (without
 * them, and without OFFSET), in one fixed order.
 *
 * @param <E> the rows it reads
 */
public interface PagedQuery<E> {

  /** The order of the list, which cursors belong to. */
  SortOrder order();

  /** Keeps only the rows after the position a cursor names. */
  void after(Cursor cursor);

  /** The first {@code limit} rows. */
  List<E> first(int limit);

  /** The rows of a numbered page. */
  List<E> page(PageRequest request);

  /** How many rows there are in all. */
  long count();

  /** The cursor that continues after {@code last}. */
  Cursor cursorAfter(E last);

  /** The page a request asks for, its items shaped by {@code view}. */
  default <T> Page<T> fetch(PageRequest request, Function<E, T> view) {
    if (request.isCursor()) {
      after(Cursor.decode(request.cursor(), order()));
      List<E> rows = first(request.size() + 1);
      boolean more = rows.size() > request.size();
      List<E> items = more ? rows.subList(0, request.size()) : rows;
      return new Page<>(
          items.stream().map(view).toList(),
          request,
          null,
          more ? cursorAfter(items.get(items.size() - 1)).encode() : null);
    }
    long total = count();
    List<E> rows = page(request);
    boolean more = (long) request.offset() + rows.size() < total;
    return new Page<>(
        rows.stream().map(view).toList(),
        request,
        total,
        more && !rows.isEmpty() ? cursorAfter(rows.get(rows.size() - 1)).encode() : null);
  }
}
