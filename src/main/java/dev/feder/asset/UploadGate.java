package dev.feder.asset;

import dev.feder.config.FederConfig;
import dev.feder.error.EarlyProblems;
import dev.feder.error.LargeBodies;
import dev.feder.error.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The door of uploads, before their bodies are read: at most {@code feder.assets.max-uploads} at
 * once (more are a 503 with {@code Retry-After}, and their bodies are never read), and a body limit
 * of their own, the file's limit plus room for the other parts, where the JSON API has 2 MB.
 */
@ApplicationScoped
class UploadGate implements LargeBodies {

  /** Room for the multipart framing and the metadata parts next to the file. */
  private static final long FORM_OVERHEAD = 1024 * 1024;

  private final long limit;
  private final Semaphore permits;
  private final EarlyProblems problems;

  UploadGate(
      FederConfig config,
      EarlyProblems problems,
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> outer) {
    this.limit = config.assets().maxFileSize().asLongValue() + FORM_OVERHEAD;
    this.permits = new Semaphore(config.assets().maxUploads());
    this.problems = problems;
    if (outer.isPresent() && outer.get().asLongValue() < limit) {
      throw new IllegalStateException(
          "FEDER_ASSETS_MAX_FILE_SIZE allows uploads of "
              + limit
              + " bytes with their other parts, but QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE stops every"
              + " body at "
              + outer.get().asLongValue()
              + "; raise it");
    }
  }

  @Override
  public OptionalLong limitFor(HttpServerRequest request) {
    return isUpload(request) ? OptionalLong.of(limit) : OptionalLong.empty();
  }

  static boolean isUpload(HttpServerRequest request) {
    return request.method() == HttpMethod.POST
        && (request.path().equals("/api/v1/assets") || request.path().equals("/api/v1/assets/"));
  }

  void install(@Observes Router router) {
    // Before the body size limits, which come before anything reads the body.
    router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(this::admit);
  }

  private void admit(RoutingContext context) {
    if (!isUpload(context.request())) {
      context.next();
      return;
    }
    if (!permits.tryAcquire()) {
      refuse(context);
      return;
    }
    context.addEndHandler(done -> permits.release());
    context.next();
  }

  private void refuse(RoutingContext context) {
    // The body is left unread: the connection closes once the answer is out.
    context.response().putHeader("Retry-After", "5");
    problems.send(
        context,
        ProblemType.UNAVAILABLE,
        "Too many uploads are in progress; try again in a few seconds",
        null,
        true);
  }
}
