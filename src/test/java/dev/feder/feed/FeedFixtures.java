package dev.feder.feed;

import dev.feder.support.Api;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Test data for the feeds and the sitemap: a category tree Welt › Übersee with a published article
 * in each, and a draft, a scheduled and an archived article that must never show. Names carry a
 * random suffix, so runs and other test classes do not collide.
 */
final class FeedFixtures {

  static final String RSS = "application/rss+xml";
  static final String ATOM = "application/atom+xml";
  static final String ATOM_NS = "http://www.w3.org/2005/Atom";
  static final String DC_NS = "http://purl.org/dc/elements/1.1/";
  static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

  /** The article URL pattern of the test profile. */
  static final String ARTICLE_URL = "https://zeitung.example/{category}/{slug}";

  final String run = UUID.randomUUID().toString().substring(0, 8);
  final String world;
  final String overseas;
  final String overseasName = "Übersee " + run;
  final String authorName = "Jörg Weißmann " + run;
  final String title =
      "„Größte Übung seit Jahren“: Marine probt in Übersee – Straße gesperrt " + run;
  final String excerpt = "Die Marine übt <vor> der Küste & größer als „je zuvor“.";

  /** Published now in Übersee: the newest public article when the fixtures are made. */
  final JsonPath published;

  /** Published an hour ago in Welt, the parent category. */
  final JsonPath publishedInParent;

  final JsonPath draft;
  final JsonPath scheduled;
  final JsonPath archived;

  FeedFixtures() {
    world = category("Welt " + run, null);
    overseas = category(overseasName, world);
    String author = author(authorName);
    draft = article("Entwurf " + run, overseas, author, "draft", null);
    scheduled = article("Geplant " + run, overseas, author, "published", "2099-01-01T06:00:00Z");
    archived = article("Archiviert " + run, overseas, author, "archived", null);
    publishedInParent =
        article(
            "Gipfel in Genf " + run,
            world,
            author,
            "published",
            java.time.Instant.now().minusSeconds(3600).toString());
    published = article(title, overseas, author, "published", null);
  }

  /** The website URL the configured pattern gives an article. */
  static String link(JsonPath article) {
    return ARTICLE_URL
        .replace("{category}", article.getString("category.slug"))
        .replace("{slug}", article.getString("slug"));
  }

  static String category(String name, String parent) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("description", "Meldungen aus " + name);
    if (parent != null) {
      body.put("parent", Map.of("slug", parent));
    }
    return Api.admin()
        .body(body)
        .post("/api/v1/categories")
        .then()
        .statusCode(201)
        .extract()
        .path("slug");
  }

  static String author(String name) {
    return Api.admin()
        .body(Map.of("name", name))
        .post("/api/v1/authors")
        .then()
        .statusCode(201)
        .extract()
        .path("slug");
  }

  JsonPath article(
      String articleTitle, String category, String author, String status, String publishedAt) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", articleTitle);
    body.put("excerpt", excerpt);
    body.put("body", "<p>Text</p>");
    body.put("category", Map.of("slug", category));
    body.put("authors", List.of(Map.of("slug", author)));
    body.put("status", status);
    if (publishedAt != null) {
      body.put("publishedAt", publishedAt);
    }
    return Api.admin()
        .body(body)
        .post("/api/v1/articles")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  /** Parses a response as namespace-aware XML; fails when it is not well-formed. */
  static Document parse(Response response) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.asByteArray()));
    } catch (Exception e) {
      throw new AssertionError("Not well-formed XML: " + response.asString(), e);
    }
  }

  /** The elements with this name anywhere in the document. */
  static List<Element> elements(Document document, String namespace, String name) {
    return elements(document.getElementsByTagNameNS(namespace, name));
  }

  /** The child elements of {@code parent} with this name. */
  static List<Element> children(Element parent, String namespace, String name) {
    List<Element> children = new ArrayList<>();
    for (Element e : elements(parent.getElementsByTagNameNS(namespace, name))) {
      if (e.getParentNode() == parent) {
        children.add(e);
      }
    }
    return children;
  }

  /** The text of the only child element with this name, or null. */
  static String text(Element parent, String namespace, String name) {
    List<Element> found = children(parent, namespace, name);
    if (found.size() > 1) {
      throw new AssertionError("More than one " + name + " in " + parent.getTagName());
    }
    return found.isEmpty() ? null : found.get(0).getTextContent();
  }

  private static List<Element> elements(NodeList nodes) {
    List<Element> list = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      list.add((Element) nodes.item(i));
    }
    return list;
  }
}
