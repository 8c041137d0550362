package dev.feder.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Problems sent by routes that run before any resource, such as the body limits: the same
 * problem+json as the exception mappers write, after which the connection is closed, since the
 * request's body is left unread.
 */
public final class RouteProblems {

  private RouteProblems() {}

  /** Answers with a problem and closes the connection once it is out. */
  public static void refuse(
      RoutingContext context,
      ObjectMapper mapper,
      ProblemType type,
      String detail,
      Map<String, String> headers) {
    Problem problem =
        new Problem(
            type.uri(), type.title(), type.status(), detail, context.request().path(), null);
    byte[] body;
    try {
      body = mapper.writeValueAsBytes(problem);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    context.response().endHandler(done -> context.request().connection().close());
    var response =
        context
            .response()
            .setStatusCode(type.status())
            .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
            .putHeader(HttpHeaders.CONNECTION, "close");
    headers.forEach(response::putHeader);
    response.end(Buffer.buffer(body));
  }
}
