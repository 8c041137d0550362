package dev.feder.web;

import dev.feder.error.ProblemException;
import io.vertx.ext.web.RoutingContext;

/**
 * How a request carries a draft preview token: in the query parameter {@code preview} (a link an
 * editor can open) or in the header {@code Feder-Preview} (server code, such as a frontend's
 * draft-mode page, that keeps tokens out of URLs and access logs). Such a request may see an
 * unpublished article, so its answer is never kept in or served from the shared cache and is {@code
 * private, no-store}.
 */
public final class Previews {

  /** The query parameter that carries a preview token. */
  public static final String PARAMETER = "preview";

  /** The header that carries a preview token. */
  public static final String HEADER = "Feder-Preview";

  private Previews() {}

  /**
   * Whether the request carries a preview token, valid or not. Decides with the same decoded query
   * parameters that the resources read, so no spelling of the parameter ({@code %70review}) reaches
   * a resource unnoticed; a query that cannot be decoded counts as a preview request, which only
   * costs it the cache.
   */
  public static boolean requested(RoutingContext context) {
    if (context.request().headers().contains(HEADER)) {
      return true;
    }
    String query = context.request().query();
    if (query == null || (!query.contains(PARAMETER) && query.indexOf('%') < 0)) {
      // Cheap and exact for most requests: a name can decode to "preview" only from those.
      return false;
    }
    try {
      return context.queryParams().contains(PARAMETER);
    } catch (IllegalArgumentException malformed) {
      return true;
    }
  }

  /**
   * The preview token of a read, from the query parameter or the header; null when neither is sent,
   * a 400 when both are.
   */
  public static String token(String parameter, String header) {
    if (parameter != null && header != null) {
      throw ProblemException.badParameter(
          PARAMETER, "send the preview token either as this parameter or in " + HEADER);
    }
    return parameter != null ? parameter : header;
  }
}
