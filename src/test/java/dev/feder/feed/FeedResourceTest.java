package dev.feder.feed;

import static dev.feder.feed.FeedScenario.ATOM;
import static dev.feder.feed.FeedScenario.ATOM_NS;
import static dev.feder.feed.FeedScenario.DC_NS;
import static dev.feder.feed.FeedScenario.RSS;
import static dev.feder.feed.FeedScenario.link;
import static dev.feder.support.Xml.children;
import static dev.feder.support.Xml.elements;
import static dev.feder.support.Xml.parse;
import static dev.feder.support.Xml.text;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** RSS and Atom feeds: only public articles, correct XML, configured links, HTTP caching. */
@QuarkusTest
class FeedResourceTest {

  /** Elements without a namespace, as in RSS 2.0. */
  private static final String NONE = null;

  private FeedScenario data;

  @BeforeEach
  void createFixtures() {
    data = new FeedScenario();
  }

  @Test
  void overallRssFeedListsTheNewestPublishedArticleWithItsConfiguredLink() {
    Document rss = parse(get(RSS, "/api/v1/feeds/articles.rss"));

    Element channel = elements(rss, NONE, "channel").get(0);
    assertEquals("Feder", text(channel, NONE, "title"));
    assertEquals("http://localhost:3000/", text(channel, NONE, "link"));
    assertNotNull(text(channel, NONE, "description"));
    Element item = rssItem(rss, data.published);
    assertEquals(data.title, text(item, NONE, "title"));
    assertEquals(link(data.published), text(item, NONE, "link"));
    assertEquals(
        "https://zeitung.example/" + data.overseas.slug() + "/" + data.published.slug(),
        text(item, NONE, "link"));
    Element guid = children(item, NONE, "guid").get(0);
    assertEquals("false", guid.getAttribute("isPermaLink"));
    assertEquals(data.excerpt, text(item, NONE, "description"));
    assertEquals(data.authorName, text(item, DC_NS, "creator"));
    assertEquals(data.overseasName, text(item, NONE, "category"));
    assertEquals(
        Instant.parse(data.published.json().getString("publishedAt"))
            .truncatedTo(ChronoUnit.SECONDS),
        ZonedDateTime.parse(text(item, NONE, "pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME)
            .toInstant());
  }

  @Test
  void parentCategoryFeedHoldsItsOwnAndItsDescendantsPublishedArticlesNewestFirst() {
    Document rss = parse(get(RSS, "/api/v1/feeds/categories/" + data.world.slug() + ".rss"));

    assertEquals(List.of(data.published.id(), data.publishedInParent.id()), guids(rss));
    Element channel = elements(rss, NONE, "channel").get(0);
    assertEquals("Feder – Welt " + data.run, text(channel, NONE, "title"));
    assertEquals("Meldungen aus Welt " + data.run, text(channel, NONE, "description"));
  }

  @Test
  void childCategoryFeedLeavesOutItsParentsArticles() {
    Document rss = parse(get(RSS, "/api/v1/feeds/categories/" + data.overseas.slug() + ".rss"));

    assertEquals(List.of(data.published.id()), guids(rss));
  }

  @Test
  void draftsScheduledAndArchivedArticlesNeverAppearWhateverTheCredentials() {
    String path = "/api/v1/feeds/categories/" + data.overseas.slug() + ".rss";
    List<String> anonymous = guids(parse(get(RSS, path)));
    List<String> admin =
        guids(parse(Api.admin().accept(RSS).get(path).then().statusCode(200).extract().response()));
    List<String> overall =
        guids(
            parse(
                Api.admin()
                    .accept(RSS)
                    .get("/api/v1/feeds/articles.rss")
                    .then()
                    .statusCode(200)
                    .extract()
                    .response()));

    assertEquals(List.of(data.published.id()), anonymous);
    assertEquals(anonymous, admin);
    for (Created hidden : List.of(data.draft, data.scheduled, data.archived)) {
      assertFalse(overall.contains(hidden.id()), hidden.json().getString("title"));
    }
  }

  @Test
  void anUnknownTokenIsIgnoredRatherThanRefused() {
    Api.raw()
        .header("Authorization", "Bearer kein-gueltiges-token")
        .accept(RSS)
        .get("/api/v1/feeds/categories/" + data.overseas.slug() + ".rss")
        .then()
        .statusCode(200)
        .header("Cache-Control", startsWith("public, max-age="));
  }

  @Test
  void anAuthenticatedRequestGetsTheSharedCacheableFeed() {
    Api.admin()
        .accept(ATOM)
        .get("/api/v1/feeds/articles.atom")
        .then()
        .statusCode(200)
        .header("Cache-Control", startsWith("public, max-age="))
        .header("Vary", equalTo("Accept-Encoding"));
  }

  @Test
  void atomFeedsCarryEntriesWithIdsLinksDatesAndAuthors() {
    Document atom = parse(get(ATOM, "/api/v1/feeds/categories/" + data.world.slug() + ".atom"));

    Element feed = atom.getDocumentElement();
    assertEquals(ATOM_NS, feed.getNamespaceURI());
    assertEquals("feed", feed.getLocalName());
    assertTrue(text(feed, ATOM_NS, "id").startsWith("urn:uuid:"));
    assertEquals("Feder – Welt " + data.run, text(feed, ATOM_NS, "title"));
    assertNotNull(Instant.parse(text(feed, ATOM_NS, "updated")));
    List<Element> entries = children(feed, ATOM_NS, "entry");
    assertEquals(2, entries.size());
    Element entry = entries.get(0);
    assertEquals("urn:uuid:" + data.published.id(), text(entry, ATOM_NS, "id"));
    assertEquals(data.title, text(entry, ATOM_NS, "title"));
    assertEquals(
        link(data.published), children(entry, ATOM_NS, "link").get(0).getAttribute("href"));
    assertEquals(data.excerpt, text(entry, ATOM_NS, "summary"));
    assertEquals(
        Instant.parse(data.published.json().getString("publishedAt"))
            .truncatedTo(ChronoUnit.SECONDS),
        Instant.parse(text(entry, ATOM_NS, "published")));
    assertNotNull(Instant.parse(text(entry, ATOM_NS, "updated")));
    Element author = children(entry, ATOM_NS, "author").get(0);
    assertEquals(data.authorName, text(author, ATOM_NS, "name"));

    Document overall = parse(get(ATOM, "/api/v1/feeds/articles.atom"));
    assertTrue(
        elements(overall, ATOM_NS, "id").stream()
            .anyMatch(id -> id.getTextContent().equals("urn:uuid:" + data.published.id())));
  }

  @Test
  void markupAndCharactersXmlCannotCarryStayWellFormed() {
    Created odd =
        data.article(
                "Tom & Jerry <script>alert(1)</script> \u0007„Glocke“ " + data.run, data.overseas)
            .authors(Fixtures.author("Zoë Ärger " + data.run))
            .published()
            .create();

    Document rss = parse(get(RSS, "/api/v1/feeds/categories/" + data.overseas.slug() + ".rss"));
    Element item = rssItem(rss, odd);
    assertEquals(
        "Tom & Jerry <script>alert(1)</script> „Glocke“ " + data.run, text(item, NONE, "title"));
    assertEquals("Zoë Ärger " + data.run, text(item, DC_NS, "creator"));
    Document atom = parse(get(ATOM, "/api/v1/feeds/categories/" + data.overseas.slug() + ".atom"));
    assertEquals(
        "Tom & Jerry <script>alert(1)</script> „Glocke“ " + data.run,
        text(children(atom.getDocumentElement(), ATOM_NS, "entry").get(0), ATOM_NS, "title"));
  }

  @Test
  void unknownCategoryIsNotFound() {
    for (String path :
        List.of(
            "/api/v1/feeds/categories/gibt-es-nicht-" + data.run + ".rss",
            "/api/v1/feeds/categories/gibt-es-nicht-" + data.run + ".atom",
            "/api/v1/feeds/categories/Kein%20Slug.rss")) {
      Api.anonymous()
          .accept(path.endsWith(".rss") ? RSS : ATOM)
          .get(path)
          .then()
          .statusCode(404)
          .contentType("application/problem+json")
          .body("type", equalTo("/problems/not-found"))
          .body("status", equalTo(404));
    }
  }

  @Test
  void feedsAnswerWithAnEntityTagAndNotModifiedWhenItMatches() {
    String path = "/api/v1/feeds/categories/" + data.overseas.slug() + ".atom";
    Response first = get(ATOM, path);
    String etag = first.header("ETag");
    assertNotNull(etag);
    assertTrue(first.contentType().startsWith(ATOM), first.contentType());
    assertTrue(first.contentType().toLowerCase().contains("charset=utf-8"), first.contentType());

    Api.anonymous()
        .accept(ATOM)
        .header("If-None-Match", etag)
        .get(path)
        .then()
        .statusCode(304)
        .header("ETag", etag)
        .header("Cache-Control", startsWith("public, max-age="))
        .body(emptyString());
    Api.anonymous()
        .accept(ATOM)
        .header("If-None-Match", "\"something-else\"")
        .get(path)
        .then()
        .statusCode(200)
        .header("ETag", etag);
  }

  @Test
  void publishingAnArticleChangesTheEntityTag() {
    String path = "/api/v1/feeds/categories/" + data.overseas.slug() + ".rss";
    String before = get(RSS, path).header("ETag");

    data.article("Neu " + data.run, data.overseas)
        .authors(Fixtures.author("Neu " + data.run))
        .published()
        .create();

    Api.anonymous()
        .accept(RSS)
        .header("If-None-Match", before)
        .get(path)
        .then()
        .statusCode(200)
        .header("ETag", not(equalTo(before)));
  }

  @Test
  void askingForJsonIsNotAcceptable() {
    Api.raw()
        .accept("application/json")
        .get("/api/v1/feeds/articles.rss")
        .then()
        .statusCode(406)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/not-acceptable"));
  }

  private static Response get(String mediaType, String path) {
    return Api.anonymous()
        .accept(mediaType)
        .get(path)
        .then()
        .statusCode(200)
        .header("Vary", equalTo("Accept-Encoding"))
        .extract()
        .response();
  }

  private static List<String> guids(Document rss) {
    return elements(rss, NONE, "guid").stream().map(Element::getTextContent).toList();
  }

  private static Element rssItem(Document rss, Created article) {
    return elements(rss, NONE, "item").stream()
        .filter(item -> article.id().equals(text(item, NONE, "guid")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No item for " + article.json().getString("title")));
  }
}
