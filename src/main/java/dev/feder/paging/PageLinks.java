package dev.feder.paging;

import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Navigation links of a page; {@code prev} and {@code next} are absent at the ends. */
@Schema(name = "PageLinks")
public record PageLinks(
    @Schema(required = true, examples = "/api/v1/articles?page=2&size=20") String self,
    @Schema(required = true, examples = "/api/v1/articles?page=1&size=20") String first,
    @Schema(examples = "/api/v1/articles?page=1&size=20") String prev,
    @Schema(examples = "/api/v1/articles?page=3&size=20") String next,
    @Schema(required = true, examples = "/api/v1/articles?page=62&size=20") String last) {

  /** Links for a page of the current request, keeping its other query parameters. */
  public static PageLinks of(UriInfo uri, PageRequest request, int totalPages) {
    int last = Math.max(1, totalPages);
    return new PageLinks(
        link(uri, request.page(), request.size()),
        link(uri, 1, request.size()),
        request.page() > 1 ? link(uri, Math.min(request.page() - 1, last), request.size()) : null,
        request.page() < last ? link(uri, request.page() + 1, request.size()) : null,
        link(uri, last, request.size()));
  }

  /** The same links as an RFC 8288 {@code Link} header value. */
  public String header() {
    Map<String, String> rels = new LinkedHashMap<>();
    rels.put("self", self);
    rels.put("first", first);
    if (prev != null) {
      rels.put("prev", prev);
    }
    if (next != null) {
      rels.put("next", next);
    }
    rels.put("last", last);
    return rels.entrySet().stream()
        .map(e -> "<" + e.getValue() + ">; rel=\"" + e.getKey() + "\"")
        .collect(Collectors.joining(", "));
  }

  private static String link(UriInfo uri, int page, int size) {
    var builder =
        uri.getRequestUriBuilder()
            .replaceQueryParam("page", page)
            .replaceQueryParam("size", size)
            .replaceQueryParam("cursor");
    var built = builder.build();
    return built.getRawPath() + (built.getRawQuery() == null ? "" : "?" + built.getRawQuery());
  }
}
