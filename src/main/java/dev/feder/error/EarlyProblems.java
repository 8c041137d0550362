package dev.feder.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Sends a problem from a Vert.x route, for refusals made before any resource or exception mapper
 * runs: the same problem+json, {@code Cache-Control: no-store} and {@code nosniff} as {@link
 * ProblemMappers} answers get.
 */
@ApplicationScoped
public class EarlyProblems {

  private final ObjectMapper mapper;

  public EarlyProblems(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Answers with a problem.
   *
   * @param close whether to close the connection once the answer is out: when the rest of the
   *     request cannot be trusted to end where its framing says, or will not be read
   */
  public void send(
      RoutingContext context,
      ProblemType type,
      String detail,
      List<Problem.FieldError> errors,
      boolean close) {
    Problem problem =
        new Problem(type.uri(), type.title(), type.status(), detail, instance(context), errors);
    byte[] body;
    try {
      body = mapper.writeValueAsBytes(problem);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    HttpServerResponse response = context.response();
    if (response.ended()) {
      return;
    }
    if (close) {
      response.endHandler(done -> context.request().connection().close());
      response.putHeader(HttpHeaders.CONNECTION, "close");
    }
    response
        .setStatusCode(type.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .putHeader("X-Content-Type-Options", "nosniff")
        .end(Buffer.buffer(body));
  }

  /** The request path, as far as it can be read, and never longer than a line of a log. */
  private static String instance(RoutingContext context) {
    String uri = context.request().uri();
    if (uri == null) {
      return "";
    }
    int query = uri.indexOf('?');
    String path = query < 0 ? uri : uri.substring(0, query);
    return path.length() <= 200 ? path : path.substring(0, 200) + "…";
  }
}
