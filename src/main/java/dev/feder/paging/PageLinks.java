package dev.feder.paging;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Navigation links of a page, keeping the request's other parameters. {@code prev} and {@code next}
 * are absent at the ends; pages fetched by cursor link only forward.
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

  static PageLinks of(UriInfo uri, Page<?> page) {
    PageRequest request = page.request();
    int size = request.size();
    if (request.isCursor()) {
      return new PageLinks(
          cursor(uri, request.cursor(), size),
          numbered(uri, 1, size),
          null,
          page.nextCursor() == null ? null : cursor(uri, page.nextCursor(), size),
          null);
    }
    int last = Math.max(1, page.totalPages());
    return new PageLinks(
        numbered(uri, request.page(), size),
        numbered(uri, 1, size),
        request.page() > 1 ? numbered(uri, Math.min(request.page() - 1, last), size) : null,
        request.page() < last ? numbered(uri, request.page() + 1, size) : null,
        numbered(uri, last, size));
  }

  /** The same links as an RFC 8288 {@code Link} header value. */
  public String header() {
    Map<String, String> rels = new LinkedHashMap<>();
    rels.put("self", self);
    rels.put("first", first);
    rels.put("prev", prev);
    rels.put("next", next);
    rels.put("last", last);
    return rels.entrySet().stream()
        .filter(e -> e.getValue() != null)
        .map(e -> "<" + e.getValue() + ">; rel=\"" + e.getKey() + "\"")
        .collect(Collectors.joining(", "));
  }

  private static String numbered(UriInfo uri, int page, int size) {
    return relative(base(uri, size).replaceQueryParam("page", page).build());
  }

  private static String cursor(UriInfo uri, String cursor, int size) {
    return relative(base(uri, size).replaceQueryParam("cursor", cursor).build());
  }

  private static UriBuilder base(UriInfo uri, int size) {
    return uri.getRequestUriBuilder()
        .replaceQueryParam("page")
        .replaceQueryParam("cursor")
        .replaceQueryParam("size", size);
  }

  private static String relative(URI uri) {
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }
}
