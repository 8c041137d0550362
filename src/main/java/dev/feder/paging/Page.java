package dev.feder.paging;

import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * One page of items with its position, before it is shaped into a feature's list response.
 *
 * @param <T> item type
 * @param totalItems items in the whole list, or null for a page fetched by cursor
 * @param nextCursor cursor of the following page, or null on the last page
 */
public record Page<T>(List<T> items, PageRequest request, Long totalItems, String nextCursor) {

  /** A numbered page without cursors. */
  public Page(List<T> items, PageRequest request, long totalItems) {
    this(items, request, totalItems, null);
  }

  public Integer totalPages() {
    return totalItems == null ? null : (int) ((totalItems + request.size() - 1) / request.size());
  }

  public PageMeta meta() {
    return new PageMeta(
        request.isCursor() ? null : request.page(),
        request.size(),
        totalItems,
        totalPages(),
        nextCursor);
  }

  public PageLinks links(UriInfo uri) {
    return PageLinks.of(uri.getPath(), uri.getQueryParameters(), this);
  }
}
