package dev.feder.web;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Headers every answer of the API port carries, installed before every other route so that they
 * also reach answers that never meet a resource (kept answers, early refusals, static files):
 *
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff}, so no browser reads a JSON or XML answer as
 *       something else;
 *   <li>{@code Cache-Control: no-store} on every error (status 400 and above), so no cache keeps
 *       one;
 *   <li>no {@code Access-Control-Allow-Credentials} unless the operator allows credentials: Feder
 *       authenticates with bearer tokens, not cookies, and Quarkus' CORS filter would otherwise
 *       send {@code true} (or {@code false}) for every allowed origin;
 *   <li>a Content-Security-Policy and {@code frame-ancestors 'none'} on the Swagger UI (outside dev
 *       mode, whose tools may add scripts of their own).
 * </ul>
 */
@ApplicationScoped
public class SecurityHeaders {

  /**
   * The policy of the Swagger UI: its own scripts, styles and images only (its stylesheets use
   * data: images), requests to this server only, no framing. Its page runs inline scripts that
   * Quarkus writes differently per version and launch mode, so they are allowed as inline scripts
   * rather than pinned by hash, which an upgrade would silently break.
   */
  static final String SWAGGER_UI_POLICY =
      "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";

  private static final String NOSNIFF = "X-Content-Type-Options";

  private final String swaggerUiPath;
  private final boolean credentialsAllowed;

  public SecurityHeaders(
      @ConfigProperty(name = "quarkus.swagger-ui.path", defaultValue = "/q/swagger-ui")
          String swaggerUiPath,
      @ConfigProperty(
              name = "quarkus.http.cors.access-control-allow-credentials",
              defaultValue = "false")
          boolean credentialsAllowed) {
    this.swaggerUiPath = swaggerUiPath.startsWith("/") ? swaggerUiPath : "/q/" + swaggerUiPath;
    this.credentialsAllowed = credentialsAllowed;
  }

  void install(@Observes Router router) {
    router.route().order(RouteConstants.ROUTE_ORDER_HEADERS).handler(this::add);
  }

  private void add(RoutingContext context) {
    HttpServerResponse response = context.response();
    response.headers().set(NOSNIFF, "nosniff");
    String path = context.request().path();
    boolean swaggerUi = path != null && path.startsWith(swaggerUiPath);
    context.addHeadersEndHandler(
        done -> {
          if (response.getStatusCode() >= 400) {
            response.headers().set(HttpHeaders.CACHE_CONTROL, "no-store");
          }
          if (!credentialsAllowed) {
            response.headers().remove(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
          }
          if (swaggerUi) {
            response.headers().set("Content-Security-Policy", SWAGGER_UI_POLICY);
            response.headers().set("X-Frame-Options", "DENY");
          }
        });
    context.next();
  }
}
