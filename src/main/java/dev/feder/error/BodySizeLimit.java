package dev.feder.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body announced larger than {@code quarkus.http.limits.max-body-size} with a 413
 * problem. Quarkus checks the {@code Content-Length} itself, before any resource or exception
 * mapper runs, and answers with an empty 413; this route runs just before that check.
 */
@ApplicationScoped
public class BodySizeLimit {

  private final long limit;
  private final ObjectMapper mapper;

  public BodySizeLimit(
      @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "2M")
          MemorySize limit,
      ObjectMapper mapper) {
    this.limit = limit.asLongValue();
    this.mapper = mapper;
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
    ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
    Problem problem =
        new Problem(
            type.uri(),
            type.title(),
            type.status(),
            "The body may have at most " + limit + " bytes",
            context.request().path(),
            null);
    byte[] body;
    try {
      body = mapper.writeValueAsBytes(problem);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    // The rest of the body is not read: close the connection once the answer is out.
    context.response().endHandler(done -> context.request().connection().close());
    context
        .response()
        .setStatusCode(type.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(Buffer.buffer(body));
  }

  private boolean exceeds(String length) {
    try {
      return Long.parseLong(length.trim()) > limit;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
