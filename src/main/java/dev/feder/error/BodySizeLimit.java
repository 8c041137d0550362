package dev.feder.error;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body announced larger than {@code quarkus.http.limits.max-body-size} with a 413
 * problem. Quarkus checks the {@code Content-Length} itself, before any resource or exception
 * mapper runs, and answers with an empty 413; this route runs just before that check.
 */
@ApplicationScoped
public class BodySizeLimit {

  private final long limit;
  private final EarlyProblems problems;

  public BodySizeLimit(
      @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "2M")
          MemorySize limit,
      EarlyProblems problems) {
    this.limit = limit.asLongValue();
    this.problems = problems;
  }

  void install(@Observes Router router) {
    router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
  }

  private void check(RoutingContext context) {
    String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length == null || !exceeds(length)) {
      context.next();
      return;
    }
    // The rest of the body is not read: close the connection once the answer is out.
    problems.send(
        context,
        ProblemType.PAYLOAD_TOO_LARGE,
        "The body may have at most " + limit + " bytes",
        null,
        true);
  }

  private boolean exceeds(String length) {
    try {
      return Long.parseLong(length.trim()) > limit;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
