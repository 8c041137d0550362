package dev.feder.web;

import dev.feder.persistence.ContentGenerations;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * Answers anonymous GET and HEAD requests from the {@link ResponseCache} on the I/O thread, before
 * any resource runs; everything else, and every miss, goes on to the resources. CORS, compression
 * and metrics apply as to any other response.
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

  private final ResponseCache cache;

  public CachedResponses(ResponseCache cache) {
    this.cache = cache;
  }

  void install(@Observes Router router) {
    router.route().order(RouteConstants.ROUTE_ORDER_COMPRESSION + 1).handler(this::answer);
  }

  private void answer(RoutingContext context) {
    HttpServerRequest request = context.request();
    HttpMethod method = request.method();
    if ((method != HttpMethod.GET && method != HttpMethod.HEAD)
        || request.headers().contains(HttpHeaders.AUTHORIZATION)) {
      context.next();
      return;
    }
    ResponseCache.Key key =
        new ResponseCache.Key(request.host(), request.uri(), request.getHeader(HttpHeaders.ACCEPT));
    ResponseCache.Entry entry = cache.find(key);
    if (entry == null) {
      if (method == HttpMethod.GET) {
        // Noted before any resource reads the database, so a change meanwhile is never kept.
        context.put(MISS, new Miss(key, cache.begin()));
      }
      context.next();
      return;
    }
    HttpServerResponse response = context.response();
    for (Map.Entry<String, String> header : entry.headers()) {
      response.headers().add(header.getKey(), header.getValue());
    }
    String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
    if (ifNoneMatch != null && EntityTags.matchesWeakly(ifNoneMatch, entry.etag())) {
      response.headers().remove(HttpHeaders.CONTENT_TYPE);
      response.setStatusCode(304).end();
    } else if (request.method() == HttpMethod.HEAD) {
      response.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(entry.body().length)).end();
    } else {
      response.end(Buffer.buffer(entry.body()));
    }
  }
}
