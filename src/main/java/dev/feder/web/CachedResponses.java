package dev.feder.web;

import dev.feder.persistence.ContentGenerations;
import io.netty.buffer.Unpooled;
import io.quarkus.vertx.http.runtime.VertxHttpBuildTimeConfig;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers anonymous GET and HEAD requests from the {@link ResponseCache} on the I/O thread, before
 * any resource runs; everything else (credentials, a {@link Previews preview token}), and every
 * miss, goes on to the resources. A kept answer goes out as the first one did: with the CORS
 * headers for the asking origin, compressed when its media type is one Quarkus compresses and the
 * client accepts it, and counted in the HTTP metrics under the route template of the resource
 * method that built it.
 *
 * <p>A response is built once for all who ask for it at the same time: when the content changes and
 * a popular page drops out of the cache, the first GET that misses builds it and the same GETs
 * arriving meanwhile wait for it instead of each reading the database (on two cores, 32 readers of
 * the front page rebuilding it at once took the list's p99 from 6 ms to 650 ms). Whoever waited and
 * finds nothing kept (the answer was not cacheable, or the content changed again) builds its own.
 */
@ApplicationScoped
public class CachedResponses {

  /** Where a request that the cache could not answer keeps its {@link Miss}. */
  static final String MISS = Miss.class.getName();

  /**
   * A cacheable request the cache could not answer yet.
   *
   * @param generation the content the answer will show, null when nothing may be kept now
   */
  record Miss(ResponseCache.Key key, ContentGenerations.Generation generation) {}

  /** A response being built for the first GET that missed, and the GETs waiting for it. */
  private static final class Building {
    final ContentGenerations.Generation generation;
    private final List<Runnable> waiters = new ArrayList<>();
    private boolean done;

    Building(ContentGenerations.Generation generation) {
      this.generation = generation;
    }

    /** Adds a waiter, unless the response is built already. */
    synchronized boolean await(Runnable waiter) {
      if (done) {
        return false;
      }
      waiters.add(waiter);
      return true;
    }

    synchronized List<Runnable> finish() {
      done = true;
      return List.copyOf(waiters);
    }
  }

  /** Where Quarkus REST leaves the route template that the HTTP metrics count a request under. */
  private static final String ROUTE_TEMPLATE = "UrlPathTemplate";

  private final ResponseCache cache;
  private final Set<String> compressedTypes;
  private final Map<ResponseCache.Key, Building> building = new ConcurrentHashMap<>();

  public CachedResponses(ResponseCache cache, VertxHttpBuildTimeConfig http) {
    this.cache = cache;
    this.compressedTypes =
        http.enableCompression()
            ? Set.copyOf(http.compressMediaTypes().orElse(List.of()))
            : Set.of();
  }

  void install(@Observes Router router) {
    // After Quarkus' CORS filter, which adds the headers for the asking origin and refuses
    // origins it does not know. Before authentication and authorization, and before Quarkus REST
    // matches the path against every resource again to name the request in the metrics: on a kept
    // answer these took a seventh of the I/O threads' time. Skipping authorization is sound as long
    // as access depends only on what the key holds and on credentials, which keep a request away
    // from here: an answer is kept only after authorization let the same anonymous request through
    // (permissions are fixed at startup). A policy that looked at anything else, such as the
    // client's address, would need this route to move after authorization.
    router.route().order(-SecurityHandlerPriorities.AUTHENTICATION - 1).handler(this::answer);
  }

  /** Whether Quarkus compresses answers of this media type for clients that accept it. */
  boolean compresses(MediaType type) {
    return compressedTypes.contains(
        (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT));
  }

  /** The route template the request is counted under in the HTTP metrics, or null. */
  static String routeTemplate(RoutingContext context) {
    return requestContext(context).getLocal(ROUTE_TEMPLATE);
  }

  private static Context requestContext(RoutingContext context) {
    return ((HttpServerRequestInternal) context.request()).context();
  }

  private void answer(RoutingContext context) {
    HttpServerRequest request = context.request();
    HttpMethod method = request.method();
    if ((method != HttpMethod.GET && method != HttpMethod.HEAD)
        || request.headers().contains(HttpHeaders.AUTHORIZATION)
        || Previews.requested(context)
        || hasBody(request)) {
      context.next();
      return;
    }
    ResponseCache.Key key =
        new ResponseCache.Key(request.host(), request.uri(), request.getHeader(HttpHeaders.ACCEPT));
    ResponseCache.Entry entry = cache.find(key);
    if (entry != null) {
      send(context, entry);
      return;
    }
    if (method == HttpMethod.HEAD) {
      context.next();
      return;
    }
    // Noted before any resource reads the database, so a change meanwhile is never kept.
    Miss miss = new Miss(key, cache.begin());
    context.put(MISS, miss);
    if (miss.generation() == null) {
      context.next();
      return;
    }
    Building mine = new Building(miss.generation());
    Building other = building.putIfAbsent(key, mine);
    if (other != null && other.generation != miss.generation()) {
      // Built for content that has changed since: it will not be kept, so build anew.
      other = building.replace(key, other, mine) ? null : building.putIfAbsent(key, mine);
    }
    if (other == null) {
      context.addEndHandler(done -> finish(key, mine));
      context.next();
      return;
    }
    Context vertx = Vertx.currentContext();
    Runnable resume = () -> vertx.runOnContext(v -> resume(context, key));
    if (!other.await(resume)) {
      // Built just now: kept or not, as for those who waited.
      resume(context, key);
    }
  }

  /** A GET with a body goes on to the body size limits, as any request with a body does. */
  private static boolean hasBody(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    return (length != null && !length.strip().equals("0"))
        || request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
  }

  /** Ends a building: those who waited look again. */
  private void finish(ResponseCache.Key key, Building done) {
    building.remove(key, done);
    done.finish().forEach(Runnable::run);
  }

  /** After waiting: the response just built if it was kept, else this request builds its own. */
  private void resume(RoutingContext context, ResponseCache.Key key) {
    ResponseCache.Entry entry = cache.find(key);
    if (entry != null) {
      send(context, entry);
    } else {
      context.next();
    }
  }

  private void send(RoutingContext context, ResponseCache.Entry entry) {
    HttpServerRequest request = context.request();
    HttpServerResponse response = context.response();
    for (Map.Entry<String, String> header : entry.headers()) {
      response.headers().add(header.getKey(), header.getValue());
    }
    if (!entry.compressed()) {
      // What Quarkus' compression route says for every response it is not told to compress.
      // Every type Feder keeps is on its list today (application.properties); this keeps a kept
      // answer right should one be taken off.
      response.headers().set(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
    }
    if (entry.routeTemplate() != null) {
      requestContext(context).putLocal(ROUTE_TEMPLATE, entry.routeTemplate());
    }
    String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
    if (ifNoneMatch != null && EntityTags.matchesWeakly(ifNoneMatch, entry.etag())) {
      response.headers().remove(HttpHeaders.CONTENT_TYPE);
      response.setStatusCode(304).end();
    } else if (request.method() == HttpMethod.HEAD) {
      response.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(entry.body().length)).end();
    } else {
      // Wraps the kept bytes rather than copying them (25 KB for a list page, on every hit).
      response.end(Buffer.buffer(Unpooled.wrappedBuffer(entry.body())));
    }
  }
}
