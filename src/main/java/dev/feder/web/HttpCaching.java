package dev.feder.web;

import dev.feder.config.FederConfig;
import dev.feder.persistence.ContentChanges;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * ETags, conditional GETs, {@code Cache-Control} and cache tags for every JSON and XML response of
 * Feder's resources.
 *
 * <p>The entity is serialized here once (JSON entities with Jackson, XML documents, which resources
 * return as strings, in UTF-8), its digest becomes the ETag, and the bytes are sent as they are, so
 * the ETag always describes exactly what went over the wire. A public answer names what it shows in
 * {@code Surrogate-Key} and {@code Cache-Tag} ({@link CacheTags}), and an anonymous one is offered
 * to the {@link ResponseCache} under the same tags.
 *
 * <p>After a successful write, the answer waits until this instance has heard the change (see
 * {@link ContentChanges#awaitHeard()}), so that its client never reads the old state from it. When
 * a public read fails because the database cannot be reached ({@code 503}), an answer kept before
 * stands in for it, with its {@code Age} (stale-if-error).
 */
public class HttpCaching {

  private final EntityTags tags;
  private final Clock clock;
  private final FederConfig config;
  private final ResponseCache cache;
  private final CachedResponses cachedResponses;
  private final ContentChanges changes;
  private final CurrentVertxRequest exchange;

  public HttpCaching(
      EntityTags tags,
      FederConfig config,
      ResponseCache cache,
      CachedResponses cachedResponses,
      ContentChanges changes,
      CurrentVertxRequest exchange,
      Clock clock) {
    this.clock = clock;
    this.tags = tags;
    this.config = config;
    this.cache = cache;
    this.cachedResponses = cachedResponses;
    this.changes = changes;
    this.exchange = exchange;
  }

  @ServerResponseFilter
  public void addEntityTag(
      ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
    Object entity = response.getEntity();
    int status = response.getStatus();
    String method = request.getMethod();
    boolean read = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    if (status < 300 && !read) {
      // This instance shows its own writes at once; others hear of them as soon as it does.
      changes.awaitHeard();
    }
    CachedResponses.Miss miss = exchange.getCurrent().get(CachedResponses.MISS);
    if (status == 503 && read && miss != null && miss.kept() != null) {
      serveKept(request, response, miss.kept());
      return;
    }
    MediaType type = response.getMediaType();
    if (entity == null || type == null || (status != 200 && status != 201)) {
      return;
    }
    byte[] body;
    if (entity instanceof String text && isXml(type)) {
      body = text.getBytes(StandardCharsets.UTF_8);
      type = type.withCharset(StandardCharsets.UTF_8.name());
    } else if (!(entity instanceof byte[])
        && !(entity instanceof String)
        && MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
      body = tags.serialize(entity);
    } else {
      return;
    }
    String etag = EntityTags.ofBytes(body);
    response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
    if (!read) {
      response.setEntity(body, response.getEntityAnnotations(), type);
      return;
    }
    boolean shared = isAnnotated(resource, SameForEveryCaller.class);
    boolean noStore = isAnnotated(resource, NoStore.class);
    boolean personal =
        !shared
            && (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || Previews.requested(exchange.getCurrent()));
    // Origin: the CORS headers of API answers differ per origin (browser frontends read the API),
    // and Quarkus' CORS filter does not say so. The preview header: a CDN must not answer a
    // preview read with the public answer it keeps for the same URL.
    response
        .getHeaders()
        .putSingle(
            HttpHeaders.VARY,
            shared
                ? "Accept-Encoding"
                : "Authorization, " + Previews.HEADER + ", Origin, Accept-Encoding");
    response
        .getHeaders()
        .putSingle(
            HttpHeaders.CACHE_CONTROL,
            noStore
                ? "no-store"
                : personal
                    ? "private, no-store"
                    : "public, max-age="
                        + config.http().maxAge().toSeconds()
                        + ", stale-while-revalidate="
                        + config.http().staleWhileRevalidate().toSeconds());
    if (!personal && !noStore && status == 200) {
      CacheTags shown = ResponseTags.of(exchange.getCurrent());
      if (entity instanceof CacheTagged tagged) {
        shown.add(tagged);
      }
      Set<String> named = shown.tags();
      if (!named.isEmpty()) {
        response.getHeaders().putSingle(CacheTags.SURROGATE_KEY, String.join(" ", named));
        response.getHeaders().putSingle(CacheTags.CACHE_TAG, String.join(",", named));
      }
      if (miss != null && miss.reading() != null) {
        keep(miss, response, body, type, etag, shown.all(), shown.isLagging());
      }
    }
    String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
    if (ifNoneMatch != null && EntityTags.matchesWeakly(ifNoneMatch, etag)) {
      response.setStatus(304);
      response.setEntity(null);
      return;
    }
    response.setEntity(body, response.getEntityAnnotations(), type);
  }

  private void keep(
      CachedResponses.Miss miss,
      ContainerResponseContext response,
      byte[] body,
      MediaType type,
      String etag,
      Set<String> tags,
      boolean lagging) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    headers.add(Map.entry(HttpHeaders.CONTENT_TYPE, type.toString()));
    response
        .getStringHeaders()
        .forEach(
            (name, values) -> {
              if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
                  && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)
                  && !HttpHeaders.SET_COOKIE.equalsIgnoreCase(name)) {
                values.forEach(value -> headers.add(Map.entry(name, value)));
              }
            });
    cachedResponses.keep(
        miss,
        new ResponseCache.Answer(
            body,
            etag,
            List.copyOf(headers),
            cachedResponses.compresses(type),
            CachedResponses.routeTemplate(exchange.getCurrent())),
        tags,
        lagging);
  }

  /**
   * The database cannot be reached: answers with what was kept for the request, if it stopped being
   * current recently enough, as it was first sent and with its {@code Age}; else the 503 stands.
   */
  private void serveKept(
      ContainerRequestContext request,
      ContainerResponseContext response,
      ResponseCache.Entry kept) {
    Instant now = clock.instant();
    if (!cache.mayServeStale(kept, now)) {
      return;
    }
    ResponseCache.Answer answer = kept.answer();
    response.getHeaders().clear();
    MediaType type = null;
    for (Map.Entry<String, String> header : answer.headers()) {
      if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(header.getKey())) {
        type = MediaType.valueOf(header.getValue());
      } else {
        response.getHeaders().add(header.getKey(), header.getValue());
      }
    }
    response.getHeaders().putSingle(CachedResponses.AGE, String.valueOf(kept.ageSeconds(now)));
    String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
    if (ifNoneMatch != null && EntityTags.matchesWeakly(ifNoneMatch, answer.etag())) {
      response.setStatus(304);
      response.setEntity(null);
      return;
    }
    response.setStatus(200);
    response.setEntity(answer.body(), new Annotation[0], type);
  }

  /** {@code application/xml}, {@code text/xml} and {@code application/*+xml} such as RSS. */
  static boolean isXml(MediaType type) {
    String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
    String main = type.getType().toLowerCase(Locale.ROOT);
    return (main.equals("application") || main.equals("text"))
        && (subtype.equals("xml") || subtype.endsWith("+xml"));
  }

  private static boolean isAnnotated(
      ResourceInfo resource, Class<? extends Annotation> annotation) {
    Method method = resource == null ? null : resource.getResourceMethod();
    return method != null && method.isAnnotationPresent(annotation);
  }
}
