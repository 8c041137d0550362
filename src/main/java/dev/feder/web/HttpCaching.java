package dev.feder.web;

import dev.feder.config.FederConfig;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * ETags, conditional GETs and {@code Cache-Control} for every JSON response of the API.
 *
 * <p>The entity is serialized here once, its digest becomes the ETag, and the bytes are sent as
 * they are, so the ETag always describes exactly what went over the wire.
 */
public class HttpCaching {

  private final EntityTags tags;
  private final FederConfig config;

  public HttpCaching(EntityTags tags, FederConfig config) {
    this.tags = tags;
    this.config = config;
  }

  @ServerResponseFilter
  public void addEntityTag(ContainerRequestContext request, ContainerResponseContext response) {
    Object entity = response.getEntity();
    int status = response.getStatus();
    if (entity == null
        || entity instanceof byte[]
        || entity instanceof String
        || (status != 200 && status != 201)
        || !MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())
        || !request.getUriInfo().getPath().startsWith("/api/")) {
      return;
    }
    byte[] body = tags.serialize(entity);
    String etag = EntityTags.ofBytes(body);
    response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
    String method = request.getMethod();
    if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
      response.setEntity(body, response.getEntityAnnotations(), response.getMediaType());
      return;
    }
    boolean personal = request.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
    response.getHeaders().putSingle(HttpHeaders.VARY, "Authorization, Accept-Encoding");
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
    String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
    if (ifNoneMatch != null && EntityTags.matchesWeakly(ifNoneMatch, etag)) {
      response.setStatus(304);
      response.setEntity(null);
      return;
    }
    response.setEntity(body, response.getEntityAnnotations(), response.getMediaType());
  }
}
