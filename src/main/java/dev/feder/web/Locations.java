package dev.feder.web;

import dev.feder.config.FederConfig;
import dev.feder.text.PercentEncoding;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * URLs of Feder's own resources as answers name them: the request's path, under {@code
 * feder.http.public-base-url} when it is set. Never built from the request's {@code Host}, which a
 * client chooses freely (and HTTP/1.0 clients may leave out).
 */
@ApplicationScoped
public class Locations {

  private final String base;

  public Locations(FederConfig config) {
    this.base =
        config
            .http()
            .publicBaseUrl()
            .map(URI::toString)
            .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
            .orElse("");
  }

  void check(@Observes StartupEvent started) {
    if (base.isEmpty()) {
      return;
    }
    URI url = URI.create(base);
    if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
        || url.getHost() == null
        || url.getRawQuery() != null
        || url.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "feder.http.public-base-url (FEDER_HTTP_PUBLIC_BASE_URL) must be an http or https URL"
              + " without query or fragment, such as https://cms.example.org");
    }
  }

  /** The request's own path as a link, such as a feed's self link. */
  public URI self(UriInfo uri) {
    return URI.create(base + path(uri));
  }

  /** A 201 for an item created under the request's path, with its {@code Location}. */
  public <T> RestResponse<T> created(UriInfo uri, UUID id, T item) {
    return RestResponse.ResponseBuilder.<T>create(RestResponse.Status.CREATED)
        .header(HttpHeaders.LOCATION, base + path(uri) + "/" + id)
        .entity(item)
        .build();
  }

  private static String path(UriInfo uri) {
    return PercentEncoding.path(uri.getPath());
  }
}
