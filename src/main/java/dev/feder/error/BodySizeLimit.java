package dev.feder.error;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body announced larger than its route accepts with a 413 problem: {@code
 * feder.http.max-body-size} (declared in {@code FederConfig}, read here by name, since {@code
 * error} sits below {@code config}) for the JSON API, more where a {@link LargeBodies} route says
 * so (file uploads). Quarkus' own limit ({@code quarkus.http.limits.max-body-size}) is the outer
 * bound of all of them; it checks the {@code Content-Length} itself, before any resource or
 * exception mapper runs, and answers with an empty 413, so this route runs just before that check.
 * A body sent without a length (chunked) is cut off by Quarkus at the route's own limit, which a
 * second route hands to it just after its check.
 */
@ApplicationScoped
public class BodySizeLimit {

  private final long limit;
  private final Instance<LargeBodies> larger;
  private final EarlyProblems problems;

  public BodySizeLimit(
      @ConfigProperty(name = "feder.http.max-body-size", defaultValue = "2M") MemorySize limit,
      Instance<LargeBodies> larger,
      EarlyProblems problems) {
    this.limit = limit.asLongValue();
    this.larger = larger;
    this.problems = problems;
  }

  void install(@Observes Router router) {
    router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(this::limitChunks);
  }

  /** The largest body the request may carry. */
  private long limitFor(RoutingContext context) {
    for (LargeBodies route : larger) {
      OptionalLong own = route.limitFor(context.request());
      if (own.isPresent()) {
        return own.getAsLong();
      }
    }
    return limit;
  }

  private void check(RoutingContext context) {
    String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    long max = limitFor(context);
    if (length == null || !exceeds(length, max)) {
      context.next();
      return;
    }
    // The rest of the body is not read: close the connection once the answer is out.
    problems.send(
        context,
        ProblemType.PAYLOAD_TOO_LARGE,
        "The body may have at most " + max + " bytes",
        null,
        true);
  }

  /** Hands Quarkus the route's own limit for a body without a length, in place of its own. */
  private void limitChunks(RoutingContext context) {
    if (context.get(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY) != null) {
      context.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, limitFor(context));
    }
    context.next();
  }

  private static boolean exceeds(String length, long max) {
    try {
      return Long.parseLong(length.trim()) > max;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
