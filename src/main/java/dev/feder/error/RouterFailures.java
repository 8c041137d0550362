package dev.feder.error;

import io.quarkus.security.AuthenticationException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Answers requests that fail in the router itself, before any resource runs, with a problem: an
 * HTTP/1.1 request without {@code Host}, a path that is not valid percent-encoding, a failure in a
 * route. Quarkus would answer them with an empty body or a JSON document of its own.
 */
@ApplicationScoped
public class RouterFailures {

  private static final Logger LOG = Logger.getLogger(RouterFailures.class);

  private final EarlyProblems problems;

  public RouterFailures(EarlyProblems problems) {
    this.problems = problems;
  }

  void install(@Observes Router router) {
    router.route().order(MalformedRequests.ORDER).failureHandler(this::answer);
  }

  private void answer(RoutingContext context) {
    if (context.response().headWritten()) {
      // Part of an answer is out already: all that is left is to end the exchange.
      context.request().connection().close();
      return;
    }
    int status = context.statusCode();
    if (status >= 400 && status < 500) {
      ProblemType type = status == 400 ? ProblemType.BAD_REQUEST : ProblemType.forStatus(status);
      problems.send(context, type, detail(context.request(), type), null, true);
      return;
    }
    Throwable failure = context.failure();
    if (failure instanceof AuthenticationException || failure instanceof SecurityException) {
      // Quarkus' own handler answers these with a 401 or 403 and its challenge.
      context.next();
      return;
    }
    LOG.errorf(failure, "Internal error on %s", context.request().path());
    problems.send(
        context,
        ProblemType.INTERNAL,
        "An internal error occurred; it has been logged on the server",
        null,
        false);
  }

  private static String detail(HttpServerRequest request, ProblemType type) {
    if (type == ProblemType.BAD_REQUEST) {
      return request.version() == HttpVersion.HTTP_1_1
              && request.headers().get(HttpHeaders.HOST) == null
          ? "HTTP/1.1 requests need a Host header"
          : "The request cannot be read (a path or query that is not valid percent-encoded"
              + " UTF-8, for example)";
    }
    return switch (type) {
      case PAYLOAD_TOO_LARGE -> "The body is larger than the server accepts";
      case NOT_FOUND -> "No resource at this path";
      default -> type.title();
    };
  }
}
