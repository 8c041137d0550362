package dev.feder.web;

import dev.feder.persistence.ContentVersions;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Answers anonymous GET and HEAD requests from the {@link ResponseCache} on the I/O thread, before
 * any resource runs; everything else (credentials, a {@link Previews preview token}), and every
 * miss, goes on to the resources. A kept answer goes out as the first one did: with the CORS
 * headers for the asking origin, compressed when its media type is one Quarkus compresses and the
 * client accepts it, and counted in the HTTP metrics under the route template of the resource
 * method that built it.
 *
 * <p>A response is built once for all who ask for it at the same time: when a change ends a popular
 * page, the first GET that misses builds it and the same GETs arriving meanwhile wait for it
 * instead of each reading the database (on two cores, 32 readers of the front page rebuilding it at
 * once took the list's p99 from 6 ms to 650 ms). Waiting is bounded: after {@link #WAIT} a reader
 * builds its own. Whoever waited and finds nothing kept builds its own too, or, when what the
 * answer shows changed while it was built, waits for the next one to be built in the same way.
 */
@ApplicationScoped
public class CachedResponses {

  /** Where a request that the cache could not answer keeps its {@link Miss}. */
  static final String MISS = Miss.class.getName();

  /** The longest a reader waits for another to build the answer it wants. */
  static final Duration WAIT = Duration.ofSeconds(5);

  /**
   * A cacheable request the cache could not answer as current.
   *
   * @param reading noted before the answer is built; null when nothing may be kept now
   * @param kept what the cache holds for the request, not current: an answer for when the database
   *     cannot be reached; null if nothing
   * @param building the building this request does for others, null if none
   */
  record Miss(
      ResponseCache.Key key,
      ContentVersions.Reading reading,
      ResponseCache.Entry kept,
      Building building) {}

  /** A response being built for the first GET that missed, and the GETs waiting for it. */
  static final class Building {
    final ContentVersions.Epoch epoch;
    private final List<Runnable> waiters = new ArrayList<>();
    private boolean done;

    /** Set when the response was not kept because what it shows changed while it was built. */
    volatile boolean changed;

    Building(ContentVersions.Epoch epoch) {
      this.epoch = epoch;
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

  /** RFC 9111's {@code Age}: the seconds since a kept answer was built. */
  static final String AGE = "Age";

  private final ResponseCache cache;
  private final Clock clock;
  private final Set<String> compressedTypes;
  private final Map<ResponseCache.Key, Building> building = new ConcurrentHashMap<>();

  public CachedResponses(ResponseCache cache, VertxHttpBuildTimeConfig http, Clock clock) {
    this.cache = cache;
    this.clock = clock;
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

  /**
   * Whether the answer to the current request may be kept as the bytes of a file or an image
   * rendition of {@code size} bytes: an anonymous GET that the cache missed while changes can be
   * heard (not a range, which never comes here), no larger than {@code
   * feder.http.cache.max-binary-size}.
   */
  public boolean mayKeep(RoutingContext context, long size) {
    Miss miss = context.get(MISS);
    return miss != null && miss.reading() != null && cache.keepsBinary(size);
  }

  /**
   * Keeps the bytes of a file or an image rendition (see {@link #mayKeep}) as the answer to the
   * current request, with the headers it is sent with (but its length), under {@code tags}. Never
   * compressed: images are compressed already.
   */
  public void keep(
      RoutingContext context,
      byte[] body,
      String etag,
      List<Map.Entry<String, String>> headers,
      Set<String> tags) {
    Miss miss = context.get(MISS);
    if (miss == null || miss.reading() == null) {
      return;
    }
    List<Map.Entry<String, String>> kept = new ArrayList<>();
    for (Map.Entry<String, String> header : headers) {
      if (!HttpHeaders.CONTENT_LENGTH.toString().equalsIgnoreCase(header.getKey())) {
        kept.add(header);
      }
    }
    keep(
        miss,
        new ResponseCache.Answer(body, etag, List.copyOf(kept), false, routeTemplate(context)),
        tags,
        false);
  }

  /**
   * Offers an answer built after a miss to the cache; those who waited for it learn how it went.
   */
  void keep(Miss miss, ResponseCache.Answer answer, Set<String> tags, boolean lagging) {
    ResponseCache.Stored stored = cache.store(miss.key(), miss.reading(), answer, tags, lagging);
    if (miss.building() != null && stored == ResponseCache.Stored.CHANGED) {
      // Those who waited for it wait for the next one instead of each reading the database.
      miss.building().changed = true;
    }
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
        // A part of a file or rendition is cut from the stored bytes by the resource.
        || request.headers().contains(HttpHeaderNames.RANGE)
        || Previews.requested(context)
        || hasBody(request)) {
      context.next();
      return;
    }
    ResponseCache.Key key =
        ResponseCache.Key.of(request.host(), request.uri(), request.getHeader(HttpHeaders.ACCEPT));
    ResponseCache.Entry kept = cache.find(key);
    Instant now = clock.instant();
    if (kept != null && cache.isCurrent(kept, now)) {
      send(context, kept, now);
      return;
    }
    if (method == HttpMethod.HEAD) {
      context.put(MISS, new Miss(key, null, kept, null));
      context.next();
      return;
    }
    miss(context, key, kept, System.nanoTime() + WAIT.toNanos());
  }

  /**
   * Builds the answer, or waits for another request building it until {@code deadline} (of {@link
   * System#nanoTime()}).
   */
  private void miss(
      RoutingContext context, ResponseCache.Key key, ResponseCache.Entry kept, long deadline) {
    // Noted before any resource reads the database, so a change meanwhile is never kept.
    ContentVersions.Reading reading = cache.begin();
    if (reading == null) {
      context.put(MISS, new Miss(key, null, kept, null));
      context.next();
      return;
    }
    Building mine = new Building(reading.epoch());
    Building other = building.putIfAbsent(key, mine);
    if (other != null && other.epoch != reading.epoch()) {
      // Built in an earlier epoch: it will not be kept, so build anew.
      other = building.replace(key, other, mine) ? null : building.putIfAbsent(key, mine);
    }
    if (other == null) {
      context.put(MISS, new Miss(key, reading, kept, mine));
      context.addEndHandler(done -> finish(key, mine));
      context.next();
      return;
    }
    Building awaited = other;
    Context vertx = Vertx.currentContext();
    AtomicBoolean resumed = new AtomicBoolean();
    long[] timer = {-1};
    Runnable resume =
        () -> {
          if (resumed.compareAndSet(false, true)) {
            vertx.runOnContext(
                v -> {
                  if (timer[0] >= 0) {
                    vertx.owner().cancelTimer(timer[0]);
                  }
                  resume(context, key, kept, awaited, deadline);
                });
          }
        };
    long wait = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    if (wait < 1 || !awaited.await(resume)) {
      // Built just now, or waited long enough already.
      resume.run();
      return;
    }
    timer[0] = vertx.owner().setTimer(wait, id -> resume.run());
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

  /**
   * After waiting: the response just built if it was kept; else, if it was not kept because what it
   * shows changed meanwhile, the next building (until the deadline); else this request builds its
   * own.
   */
  private void resume(
      RoutingContext context,
      ResponseCache.Key key,
      ResponseCache.Entry kept,
      Building awaited,
      long deadline) {
    if (context.response().closed()) {
      return;
    }
    ResponseCache.Entry entry = cache.find(key);
    Instant now = clock.instant();
    if (entry != null && cache.isCurrent(entry, now)) {
      send(context, entry, now);
      return;
    }
    ResponseCache.Entry stale = entry != null ? entry : kept;
    if (awaited.changed && System.nanoTime() < deadline) {
      miss(context, key, stale, deadline);
      return;
    }
    context.put(MISS, new Miss(key, cache.begin(), stale, null));
    context.next();
  }

  private void send(RoutingContext context, ResponseCache.Entry entry, Instant now) {
    HttpServerRequest request = context.request();
    HttpServerResponse response = context.response();
    ResponseCache.Answer answer = entry.answer();
    for (Map.Entry<String, String> header : answer.headers()) {
      response.headers().add(header.getKey(), header.getValue());
    }
    if (entry.lagging()) {
      // It may lag behind new content for up to max-age: caches further on count from its age.
      response.headers().set(AGE, String.valueOf(entry.ageSeconds(now)));
    }
    if (!answer.compressed()) {
      // What Quarkus' compression route says for every response it is not told to compress.
      // Every type Feder keeps is on its list today (application.properties); this keeps a kept
      // answer right should one be taken off.
      response.headers().set(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
    }
    if (answer.routeTemplate() != null) {
      requestContext(context).putLocal(ROUTE_TEMPLATE, answer.routeTemplate());
    }
    String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
    if (ifNoneMatch != null && EntityTags.matchesWeakly(ifNoneMatch, answer.etag())) {
      response.headers().remove(HttpHeaders.CONTENT_TYPE);
      response.setStatusCode(304).end();
    } else if (request.method() == HttpMethod.HEAD) {
      response.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(answer.body().length)).end();
    } else {
      // Wraps the kept bytes rather than copying them (25 KB for a list page, on every hit).
      response.end(Buffer.buffer(Unpooled.wrappedBuffer(answer.body())));
    }
  }
}
