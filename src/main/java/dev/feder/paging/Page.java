package dev.feder.paging;

import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.Function;

/**
 * One page of items with its position, before it is shaped into a feature's list response.
 *
 * @param <T> item type
 */
public record Page<T>(List<T> items, PageRequest request, long totalItems) {

  public int totalPages() {
    return (int) ((totalItems + request.size() - 1) / request.size());
  }

  public PageMeta meta() {
    return new PageMeta(request.page(), request.size(), totalItems, totalPages());
  }

  public PageLinks links(UriInfo uri) {
    return PageLinks.of(uri, request, totalPages());
  }

  public <R> List<R> map(Function<T, R> mapper) {
    return items.stream().map(mapper).toList();
  }
}
