package dev.feder.asset;

import dev.feder.config.FederConfig;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.config.SmallRyeConfig;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The URLs of an asset's file and renditions, as responses carry them: absolute, such as {@code
 * https://cms.example.org/api/v1/assets/<id>/image?w=640&fm=webp&v=2}, since frontends on other
 * origins put them into {@code <img src>} as they are. They start with {@code
 * feder.assets.base-url} if set (a CDN), else with the scheme and host the request was sent to
 * (behind a proxy, with {@code quarkus.http.proxy.proxy-address-forwarding}); outside a request
 * they are paths. Each carries the asset's version, so a new file or focal point makes new URLs and
 * the old answers can be cached for good.
 */
@ApplicationScoped
public class AssetUrls {

  static final String PATH = "/api/v1/assets/";

  private static volatile AssetUrls current;

  private final Optional<String> base;
  private final List<Integer> srcsetWidths;

  public AssetUrls(FederConfig config) {
    this.base = config.assets().baseUrl().map(AssetUrls::withoutTrailingSlash);
    this.srcsetWidths = config.assets().srcsetWidths().stream().sorted().toList();
  }

  /**
   * The URLs as configured, for the records that embed assets in responses, which are built in
   * static factories all over the features that use assets.
   */
  public static AssetUrls current() {
    AssetUrls urls = current;
    if (urls == null) {
      urls =
          new AssetUrls(
              ConfigProvider.getConfig()
                  .unwrap(SmallRyeConfig.class)
                  .getConfigMapping(FederConfig.class));
      current = urls;
    }
    return urls;
  }

  /** The file as it is now, without a version: for references that outlive versions. */
  public String file(UUID id) {
    return base() + PATH + id + "/file";
  }

  /** The file. */
  public String file(UUID id, int version) {
    return base() + PATH + id + "/file?v=" + version;
  }

  /** A WebP rendition {@code width} pixels wide (at most the image's own width). */
  public String image(UUID id, int version, int width) {
    return base() + PATH + id + "/image?w=" + width + "&fm=webp&v=" + version;
  }

  /** A rendition {@code width} pixels wide in the format the client's Accept header allows. */
  public String imageInAnyFormat(UUID id, int version, int width) {
    return base() + PATH + id + "/image?w=" + width + "&v=" + version;
  }

  /**
   * A {@code srcset} of WebP renditions of an image {@code imageWidth} pixels wide: each configured
   * width below it, and the image at its own width, described by the widths the renditions have.
   */
  public String srcset(UUID id, int version, int imageWidth) {
    StringBuilder out = new StringBuilder();
    for (int width : srcsetWidths) {
      if (!out.isEmpty()) {
        out.append(", ");
      }
      int actual = Math.min(width, imageWidth);
      out.append(image(id, version, width)).append(' ').append(actual).append('w');
      if (width >= imageWidth) {
        break;
      }
    }
    return out.toString();
  }

  /** The widths of {@link #srcset}, for tests and documentation. */
  List<Integer> srcsetWidths() {
    return srcsetWidths;
  }

  /** The path prefix of every asset URL, such as {@code https://cdn.example.org/api/v1/assets/}. */
  public String prefix() {
    return base() + PATH;
  }

  /** The configured base, or the origin of the request being answered, or none. */
  private String base() {
    if (base.isPresent()) {
      return base.get();
    }
    ArcContainer container = Arc.container();
    if (container == null || !container.requestContext().isActive()) {
      return "";
    }
    RoutingContext routing = container.instance(CurrentVertxRequest.class).get().getCurrent();
    // Without a Host (HTTP/1.0) or with one that is no host, the URLs stay paths.
    if (routing == null || routing.request().getHeader("Host") == null) {
      return "";
    }
    try {
      URI uri = URI.create(routing.request().absoluteURI());
      return uri.getScheme() == null || uri.getRawAuthority() == null
          ? ""
          : uri.getScheme() + "://" + uri.getRawAuthority();
    } catch (IllegalArgumentException | NullPointerException e) {
      return "";
    }
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
