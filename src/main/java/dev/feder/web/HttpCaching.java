package dev.feder.web;

import dev.feder.config.FederConfig;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * ETags, conditional GETs and {@code Cache-Control} for every JSON and XML response of Feder's
 * resources.
 *
 * <p>The entity is serialized here once (JSON entities with Jackson, XML documents, which resources
 * return as strings, in UTF-8), its digest becomes the ETag, and the bytes are sent as they are, so
 * the ETag always describes exactly what went over the wire.
 */
public class HttpCaching {

  private final EntityTags tags;
  private final FederConfig config;
  private final ResponseCache cache;
  private final CachedResponses cachedResponses;
  private final CurrentVertxRequest exchange;

  public HttpCaching(
      EntityTags tags,
      FederConfig config,
      ResponseCache cache,
      CachedResponses cachedResponses,
      CurrentVertxRequest exchange) {
    this.tags = tags;
    this.config = config;
    this.cache = cache;
    this.cachedResponses = cachedResponses;
    this.exchange = exchange;
  }

  @ServerResponseFilter
  public void addEntityTag(
      ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
    Object entity = response.getEntity();
    int status = response.getStatus();
    String method = request.getMethod();
    if (status < 300 && !HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
      // This instance shows its own writes at once; others hear of them from the database.
      cache.invalidate();
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
    if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
      response.setEntity(body, response.getEntityAnnotations(), type);
      return;
    }
    boolean shared = isSameForEveryCaller(resource);
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
            personal
                ? "private, no-store"
                : "public, max-age="
                    + config.http().maxAge().toSeconds()
                    + ", stale-while-revalidate="
                    + config.http().staleWhileRevalidate().toSeconds());
    CachedResponses.Miss miss = exchange.getCurrent().get(CachedResponses.MISS);
    if (status == 200 && miss != null) {
      keep(miss, response, body, type, etag);
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
      String etag) {
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
    cache.store(
        miss.key(),
        miss.generation(),
        new ResponseCache.Entry(
            body,
            etag,
            List.copyOf(headers),
            cachedResponses.compresses(type),
            CachedResponses.routeTemplate(exchange.getCurrent()),
            miss.generation()));
  }

  /** {@code application/xml}, {@code text/xml} and {@code application/*+xml} such as RSS. */
  static boolean isXml(MediaType type) {
    String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
    String main = type.getType().toLowerCase(Locale.ROOT);
    return (main.equals("application") || main.equals("text"))
        && (subtype.equals("xml") || subtype.endsWith("+xml"));
  }

  private static boolean isSameForEveryCaller(ResourceInfo resource) {
    Method method = resource == null ? null : resource.getResourceMethod();
    return method != null && method.isAnnotationPresent(SameForEveryCaller.class);
  }
}
