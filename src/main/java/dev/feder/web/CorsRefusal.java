package dev.feder.web;

import dev.feder.error.EarlyProblems;
import dev.feder.error.ProblemType;
import io.quarkus.vertx.http.runtime.VertxHttpConfig;
import io.quarkus.vertx.http.runtime.cors.CORSConfig;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Refuses browser requests from origins that {@code quarkus.http.cors.origins} does not allow with
 * a 403 problem, just before Quarkus' CORS filter would refuse them with an empty 403; the filter
 * then grants the origins let through. The same rules: an origin listed exactly or matching a
 * {@code /regular expression/}, any origin for {@code *}, and the server's own origin always. A
 * method outside {@code quarkus.http.cors.methods} is refused for the listed origins likewise.
 */
@ApplicationScoped
public class CorsRefusal {

  private final boolean enabled;
  private final boolean anyOrigin;
  private final Set<String> origins;
  private final List<Pattern> originPatterns;
  private final Set<String> methods;
  private final EarlyProblems problems;

  public CorsRefusal(VertxHttpConfig http, EarlyProblems problems) {
    CORSConfig cors = http.cors();
    List<String> listed = cors.origins().orElse(List.of());
    this.enabled = cors.enabled();
    this.anyOrigin =
        listed.size() == 1 && (listed.get(0).equals("*") || listed.get(0).equals("/.*/"));
    this.origins =
        listed.stream().filter(o -> !isPattern(o)).collect(Collectors.toUnmodifiableSet());
    this.originPatterns =
        listed.stream()
            .filter(CorsRefusal::isPattern)
            .map(o -> Pattern.compile(o.substring(1, o.length() - 1)))
            .toList();
    List<String> configured = cors.methods().orElse(List.of());
    this.methods =
        configured.isEmpty() || configured.equals(List.of("*"))
            ? Set.of()
            : configured.stream()
                .map(m -> m.strip().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    this.problems = problems;
  }

  void install(@Observes Router router) {
    if (enabled) {
      router.route().order(-SecurityHandlerPriorities.CORS - 1).handler(this::check);
    }
  }

  private void check(RoutingContext context) {
    HttpServerRequest request = context.request();
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    if (origin == null) {
      context.next();
      return;
    }
    boolean listed = anyOrigin || origins.contains(origin) || matchesPattern(origin);
    if (!listed && !isSameOrigin(request, origin)) {
      context.response().headers().add(HttpHeaders.VARY, "Origin");
      problems.send(
          context,
          ProblemType.FORBIDDEN,
          "Browsers on this origin may not call the API; the server allows the origins in"
              + " QUARKUS_HTTP_CORS_ORIGINS",
          null,
          false);
      return;
    }
    HttpMethod method = request.method();
    if (listed && !methods.isEmpty() && !methods.contains(method.name())) {
      problems.send(
          context,
          ProblemType.FORBIDDEN,
          "Browsers on other origins may not use " + method.name() + " here",
          null,
          false);
      return;
    }
    context.next();
  }

  private boolean matchesPattern(String origin) {
    for (Pattern pattern : originPatterns) {
      if (pattern.matcher(origin).matches()) {
        return true;
      }
    }
    return false;
  }

  /** Scheme, host and port of the origin are those of the request (default ports omitted). */
  static boolean isSameOrigin(HttpServerRequest request, String origin) {
    String authority = request.getHeader(HttpHeaders.HOST);
    if (authority == null || authority.isBlank()) {
      return false;
    }
    try {
      URI own = new URI(request.scheme() + "://" + authority.strip());
      URI other = new URI(origin);
      return other.getHost() != null
          && (other.getPath() == null || other.getPath().isEmpty())
          && own.getScheme().equalsIgnoreCase(other.getScheme())
          && own.getHost() != null
          && own.getHost().equalsIgnoreCase(other.getHost())
          && port(own) == port(other);
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static boolean isPattern(String origin) {
    return origin.length() > 1 && origin.startsWith("/") && origin.endsWith("/");
  }
}
