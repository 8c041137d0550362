package dev.feder.paging;

import dev.feder.text.PercentEncoding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Navigation links of a page, keeping the request's other parameters. {@code prev} and {@code next}
 * are absent at the ends; pages fetched by cursor link only forward.
 *
 * <p>Links are paths with a query in one canonical form, whatever the request's looked like: the
 * parameters in alphabetical order, then {@code size}, then {@code page} or {@code cursor}, each
 * once, percent-encoded alike. They are built from the request's path and parameters only, never
 * from its {@code Host}. Only parameters the operation takes get this far: any other is refused
 * before the resource runs ({@code dev.feder.web.QueryParameters}).
 */
@Schema(name = "PageLinks")
public record PageLinks(
    @Schema(required = true, examples = "/api/v1/articles?page=2&size=20") String self,
    @Schema(required = true, examples = "/api/v1/articles?page=1&size=20") String first,
    @Schema(examples = "/api/v1/articles?page=1&size=20") String prev,
    @Schema(examples = "/api/v1/articles?page=3&size=20") String next,
    @Schema(
            description = "Absent for a page fetched by cursor",
            examples = "/api/v1/articles?page=62&size=20")
        String last) {

  /**
   * Most bytes the {@code Link} header may take. The request line is at most 8 KB and five links
   * repeat its query, so the header could take 40 KB, more than proxies, CDNs and HTTP clients
   * accept for all headers together: relations that do not fit are left out of the header, the
   * least useful first (self, last, first, prev, next). The body holds them all. With the cache tag
   * headers (at most 2 KB together) and the rest, an answer's header block stays within the 4 KB
   * that nginx reads from an upstream by default.
   */
  public static final int HEADER_BUDGET = 1280;

  /** Relations in the order they are kept when the header would exceed its budget. */
  private static final List<String> PREFERENCE = List.of("next", "prev", "first", "last", "self");

  /**
   * @param path the request's path, decoded
   * @param parameters the request's query parameters, decoded
   */
  static PageLinks of(String path, Map<String, List<String>> parameters, Page<?> page) {
    String base = PercentEncoding.path(path) + "?" + otherParameters(parameters);
    PageRequest request = page.request();
    String size = "size=" + request.size();
    if (request.isCursor()) {
      return new PageLinks(
          base + size + "&cursor=" + PercentEncoding.encode(request.cursor(), false),
          base + size + "&page=1",
          null,
          page.nextCursor() == null
              ? null
              : base + size + "&cursor=" + PercentEncoding.encode(page.nextCursor(), false),
          null);
    }
    int last = Math.max(1, page.totalPages());
    return new PageLinks(
        base + size + "&page=" + request.page(),
        base + size + "&page=1",
        request.page() > 1 ? base + size + "&page=" + Math.min(request.page() - 1, last) : null,
        request.page() < last ? base + size + "&page=" + (request.page() + 1) : null,
        base + size + "&page=" + last);
  }

  /**
   * The same links as an RFC 8288 {@code Link} header value, within {@link #HEADER_BUDGET}; null
   * when not even the next page's link fits.
   */
  public String header() {
    Map<String, String> relations = new LinkedHashMap<>();
    relations.put("self", self);
    relations.put("first", first);
    relations.put("prev", prev);
    relations.put("next", next);
    relations.put("last", last);
    Map<String, String> kept = new LinkedHashMap<>();
    int length = 0;
    for (String relation : PREFERENCE) {
      String link = relations.get(relation);
      if (link == null) {
        continue;
      }
      String value = "<" + link + ">; rel=\"" + relation + "\"";
      int added = value.length() + (kept.isEmpty() ? 0 : 2);
      if (length + added <= HEADER_BUDGET) {
        kept.put(relation, value);
        length += added;
      }
    }
    List<String> values = new ArrayList<>();
    relations
        .keySet()
        .forEach(
            relation -> {
              if (kept.containsKey(relation)) {
                values.add(kept.get(relation));
              }
            });
    return values.isEmpty() ? null : String.join(", ", values);
  }

  /** The request's parameters other than the paging ones, in canonical form, each with a '&'. */
  private static String otherParameters(Map<String, List<String>> parameters) {
    StringBuilder query = new StringBuilder();
    new TreeMap<>(parameters)
        .forEach(
            (name, values) -> {
              if (!name.equals("page")
                  && !name.equals("cursor")
                  && !name.equals("size")
                  && !values.isEmpty()) {
                query
                    .append(PercentEncoding.encode(name, false))
                    .append('=')
                    .append(PercentEncoding.encode(values.get(0), false))
                    .append('&');
              }
            });
    return query.toString();
  }
}
