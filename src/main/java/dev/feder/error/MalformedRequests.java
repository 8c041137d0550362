package dev.feder.error;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Refuses HTTP messages that Feder will not read, before anything else looks at them, with a
 * problem; where the framing is in doubt, the connection is closed after the answer.
 *
 * <ul>
 *   <li>A request line longer than {@link #MAX_REQUEST_LINE} bytes is a 414. The server's own limit
 *       ({@code quarkus.http.limits.max-initial-line-length}) is set higher, so that this route
 *       sees such requests and answers them with a problem; beyond that limit the server answers a
 *       bare 414 before any route runs.
 *   <li>A {@code Transfer-Encoding} other than {@code chunked}, one next to a {@code
 *       Content-Length}, or in an HTTP/1.0 request is a 400 (RFC 9112, section 6.1): the server
 *       would frame the body by the {@code Content-Length} and read the rest as another request,
 *       while a proxy in front may have framed it otherwise (request smuggling).
 *   <li>A {@code Content-Length} that is not one number in ASCII digits is a 400.
 *   <li>More than one {@code Host} header, or one that is not a host name or address with an
 *       optional port, is a 400 (RFC 9112, section 3.2). An HTTP/1.1 request without one is refused
 *       by the router ({@link RouterFailures}); HTTP/1.0 requests may leave it out.
 * </ul>
 */
@ApplicationScoped
public class MalformedRequests {

  /**
   * The longest request line accepted, in bytes: method, target and version. It leaves room for a
   * search text of 500 characters that each take 4 bytes in UTF-8 (6,000 bytes percent-encoded)
   * together with every other parameter of the article list.
   */
  public static final int MAX_REQUEST_LINE = 8192;

  /** Runs before Quarkus' CORS filter (-300) and everything after it. */
  static final int ORDER = -1000;

  /** A reg-name, IPv4 address or IP literal (RFC 3986), with an optional port. */
  private static final Pattern HOST =
      Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._~!$&'()*+,;=%-]*)(:[0-9]{0,5})?");

  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

  private final EarlyProblems problems;

  public MalformedRequests(EarlyProblems problems) {
    this.problems = problems;
  }

  void install(@Observes Router router) {
    router.route().order(ORDER).handler(this::check);
  }

  /** Why a request is refused, and as what. */
  record Refusal(ProblemType type, String detail) {}

  private void check(RoutingContext context) {
    Refusal refusal = refusal(context.request());
    if (refusal == null) {
      context.next();
    } else {
      problems.send(context, refusal.type(), refusal.detail(), null, true);
    }
  }

  /** Why the request is refused, or null. */
  static Refusal refusal(HttpServerRequest request) {
    int line =
        request.method().name().length() + 1 + request.uri().length() + 1 + "HTTP/1.1".length();
    if (line > MAX_REQUEST_LINE) {
      return new Refusal(
          ProblemType.URI_TOO_LONG,
          "The request line (method, path and query) may be at most "
              + MAX_REQUEST_LINE
              + " bytes; this one has "
              + line);
    }
    List<String> hosts = request.headers().getAll(HttpHeaders.HOST);
    if (hosts.size() > 1) {
      return malformed("Send one Host header, not " + hosts.size());
    }
    if (hosts.size() == 1 && !HOST.matcher(hosts.get(0).strip()).matches()) {
      return malformed("The Host header must be a host name or address with an optional port");
    }
    List<String> lengths = request.headers().getAll(HttpHeaders.CONTENT_LENGTH);
    if (lengths.size() > 1 || (lengths.size() == 1 && !DIGITS.matcher(lengths.get(0)).matches())) {
      return malformed("Send one Content-Length, a number in ASCII digits");
    }
    List<String> encodings = request.headers().getAll(HttpHeaders.TRANSFER_ENCODING);
    if (encodings.isEmpty()) {
      return null;
    }
    if (request.version() == HttpVersion.HTTP_1_0) {
      return malformed("HTTP/1.0 requests cannot use Transfer-Encoding; send a Content-Length");
    }
    if (!lengths.isEmpty()) {
      return malformed("Send either a Content-Length or Transfer-Encoding: chunked, not both");
    }
    String codings = String.join(",", encodings).strip().toLowerCase(Locale.ROOT);
    if (!codings.equals("chunked")) {
      return malformed(
          "The only Transfer-Encoding accepted is chunked; send the body with it or with a"
              + " Content-Length");
    }
    return null;
  }

  private static Refusal malformed(String detail) {
    return new Refusal(ProblemType.BAD_REQUEST, detail);
  }
}
