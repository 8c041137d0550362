package dev.feder.asset;

import dev.feder.error.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * Images of the media library inside HTML bodies. On write, an {@code <img>} whose {@code src} is
 * one of Feder's asset URLs, or that names an asset in {@code data-asset-id}, is stored as {@code
 * <img data-asset-id="…" alt="…">} (an unknown asset is a 400 naming it); on read it gets {@code
 * src}, {@code srcset}, {@code sizes}, {@code width}, {@code height} and {@code loading="lazy"} for
 * the asset as it is then, so edits of the asset reach every body that shows it.
 */
public final class BodyImages {

  /** The attribute that names the asset of an image. */
  public static final String ATTRIBUTE = "data-asset-id";

  private static final Pattern ASSET_PATH =
      Pattern.compile(
          "/api/v1/assets/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/(?:file|image)(?:[?#].*)?");

  /** An asset image as bodies store it. */
  private static final Pattern STORED = Pattern.compile(ATTRIBUTE + "=\"([0-9a-f-]{36})\"");

  /** Width of the {@code src} fallback, for browsers that ignore {@code srcset}. */
  private static final int FALLBACK_WIDTH = 1280;

  private static final Document.OutputSettings OUTPUT =
      new Document.OutputSettings()
          .prettyPrint(false)
          .charset(StandardCharsets.UTF_8)
          .escapeMode(Entities.EscapeMode.base);

  /** A body as stored, and the assets it shows. */
  public record Normalized(String html, Set<UUID> assets) {}

  private BodyImages() {}

  /**
   * The sanitized body with its asset images in their stored form.
   *
   * @param find the assets of a set of ids that exist
   * @throws ProblemException 400 naming {@code body} for an asset that does not exist or is no
   *     image
   */
  public static Normalized normalize(
      String html, Function<Collection<UUID>, Map<UUID, Asset>> find) {
    if (html == null || !html.contains("<img")) {
      return new Normalized(html, Set.of());
    }
    Document document = Jsoup.parseBodyFragment(html);
    Map<Element, UUID> images = new java.util.LinkedHashMap<>();
    for (Element img : document.select("img")) {
      UUID id = assetOf(img);
      if (id != null) {
        images.put(img, id);
      }
    }
    if (images.isEmpty()) {
      return new Normalized(html, Set.of());
    }
    Set<UUID> ids = new LinkedHashSet<>(images.values());
    Map<UUID, Asset> found = find.apply(ids);
    for (UUID id : ids) {
      Asset asset = found.get(id);
      if (asset == null) {
        throw ProblemException.invalidField(
            "body", "shows the asset " + id + ", which does not exist; upload it first");
      }
      if (!asset.isImage()) {
        throw ProblemException.invalidField(
            "body", "shows the asset " + id + " as an image, but it is a PDF; link to it instead");
      }
    }
    images.forEach(
        (img, id) -> {
          String alt = img.attr("alt");
          String title = img.attr("title");
          String sizes = img.attr("sizes");
          img.clearAttributes();
          img.attr(ATTRIBUTE, id.toString());
          img.attr("alt", alt);
          if (!title.isEmpty()) {
            img.attr("title", title);
          }
          if (!sizes.isEmpty()) {
            img.attr("sizes", sizes);
          }
        });
    return new Normalized(output(document), ids);
  }

  /** The assets a stored body shows. */
  public static Set<UUID> referenced(String html) {
    Set<UUID> ids = new LinkedHashSet<>();
    if (html == null || !html.contains(ATTRIBUTE)) {
      return ids;
    }
    Matcher m = STORED.matcher(html);
    while (m.find()) {
      ids.add(UUID.fromString(m.group(1)));
    }
    return ids;
  }

  /** A stored body as responses send it, its assets read in one query. */
  public static String render(String html) {
    return renderAll(Map.of(0, html == null ? "" : html)).get(0);
  }

  /** Stored bodies as responses send them, the assets of all of them read in one query. */
  public static <K> Map<K, String> renderAll(Map<K, String> bodies) {
    Set<UUID> ids = new LinkedHashSet<>();
    bodies.values().forEach(body -> ids.addAll(referenced(body)));
    if (ids.isEmpty()) {
      return bodies;
    }
    Map<UUID, Asset> assets = new java.util.HashMap<>();
    Asset.<Asset>list("id in ?1", ids).forEach(asset -> assets.put(asset.id, asset));
    Map<K, String> rendered = new java.util.HashMap<>();
    bodies.forEach((key, body) -> rendered.put(key, render(body, assets)));
    return rendered;
  }

  /**
   * A stored body as responses send it: each asset image with its sources and size, the assets read
   * already ({@code assets}: at least those the body shows that exist).
   */
  public static String render(String html, Map<UUID, Asset> assets) {
    if (html == null || referenced(html).isEmpty()) {
      return html;
    }
    AssetUrls urls = AssetUrls.current();
    Document document = Jsoup.parseBodyFragment(html);
    for (Element img : document.select("img[" + ATTRIBUTE + "]")) {
      Asset asset = assets.get(UUID.fromString(img.attr(ATTRIBUTE)));
      if (asset == null || !asset.isImage()) {
        continue;
      }
      String alt = img.attr("alt").isEmpty() && asset.alt != null ? asset.alt : img.attr("alt");
      String sizes = img.attr("sizes").isEmpty() ? "100vw" : img.attr("sizes");
      img.attr("src", urls.imageInAnyFormat(asset.id, asset.fileVersion, FALLBACK_WIDTH));
      img.attr("srcset", urls.srcset(asset.id, asset.fileVersion, asset.width));
      img.attr("sizes", sizes);
      img.attr("width", String.valueOf(asset.width));
      img.attr("height", String.valueOf(asset.height));
      img.attr("loading", "lazy");
      img.attr("alt", alt);
    }
    return output(document);
  }

  /** The asset an image shows: named by {@code data-asset-id}, or by an asset URL as its source. */
  private static UUID assetOf(Element img) {
    String named = img.attr(ATTRIBUTE).trim();
    if (!named.isEmpty()) {
      try {
        return UUID.fromString(named);
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalidField(
            "body", "has an image whose " + ATTRIBUTE + " '" + named + "' is no asset id");
      }
    }
    String src = img.attr("src").trim();
    String prefix = AssetUrls.current().prefix();
    String path;
    if (src.startsWith(AssetUrls.PATH)) {
      path = src;
    } else if (!prefix.equals(AssetUrls.PATH) && src.startsWith(prefix)) {
      path = src.substring(prefix.length() - AssetUrls.PATH.length());
    } else {
      return null;
    }
    Matcher m = ASSET_PATH.matcher(path);
    return m.matches() ? UUID.fromString(m.group(1).toLowerCase(java.util.Locale.ROOT)) : null;
  }

  private static String output(Document document) {
    document.outputSettings(OUTPUT);
    return document.body().html();
  }
}
