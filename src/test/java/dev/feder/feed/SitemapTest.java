package dev.feder.feed;

import static dev.feder.feed.FeedScenario.SITEMAP_NS;
import static dev.feder.feed.FeedScenario.link;
import static dev.feder.support.Xml.children;
import static dev.feder.support.Xml.elements;
import static dev.feder.support.Xml.parse;
import static dev.feder.support.Xml.text;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import dev.feder.support.Fixtures.Created;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The sitemap: website URLs of public articles only, newest first, with lastmod and ETags. */
@QuarkusTest
class SitemapTest {

  private FeedScenario data;

  @BeforeEach
  void createFixtures() {
    data = new FeedScenario();
  }

  @Test
  void sitemapListsPublishedArticlePagesWithTheirLastChange() {
    Map<String, String> urls = urls(parse(sitemap()));

    String lastmod = urls.get(link(data.published));
    assertNotNull(lastmod, "the published article is missing");
    assertEquals(
        Instant.parse(data.published.json().getString("updatedAt")).truncatedTo(ChronoUnit.SECONDS),
        Instant.parse(lastmod));
    assertNotNull(urls.get(link(data.publishedInParent)));
  }

  @Test
  void sitemapNeverListsDraftsScheduledOrArchivedArticles() {
    Map<String, String> urls =
        urls(
            parse(
                Api.admin()
                    .accept("application/xml")
                    .get("/sitemap.xml")
                    .then()
                    .statusCode(200)
                    .extract()
                    .response()));

    assertTrue(urls.containsKey(link(data.published)), "the published article is missing");
    assertTrue(urls.containsKey(link(data.publishedInParent)), "the older article is missing");
    for (Created hidden : List.of(data.draft, data.scheduled, data.archived)) {
      assertFalse(urls.containsKey(link(hidden)), hidden.json().getString("title"));
    }
  }

  @Test
  void sitemapListsTheNewestFirst() {
    List<String> locs =
        elements(parse(sitemap()), SITEMAP_NS, "loc").stream()
            .map(Element::getTextContent)
            .toList();

    int newer = locs.indexOf(link(data.published));
    int older = locs.indexOf(link(data.publishedInParent));
    assertTrue(newer >= 0 && older > newer, "published now must come before an hour ago");
  }

  @Test
  void sitemapAnswersNotModifiedForItsEntityTag() {
    Response first = sitemap();
    String etag = first.header("ETag");
    assertNotNull(etag);

    Api.anonymous()
        .accept("application/xml")
        .header("If-None-Match", etag)
        .get("/sitemap.xml")
        .then()
        .statusCode(304)
        .header("ETag", etag)
        .body(emptyString());
  }

  private static Response sitemap() {
    return Api.anonymous()
        .accept("application/xml")
        .get("/sitemap.xml")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/xml"))
        .header("Cache-Control", startsWith("public, max-age="))
        .header("Vary", equalTo("Accept-Encoding"))
        .extract()
        .response();
  }

  private static Map<String, String> urls(Document sitemap) {
    assertEquals(SITEMAP_NS, sitemap.getDocumentElement().getNamespaceURI());
    assertEquals("urlset", sitemap.getDocumentElement().getLocalName());
    return children(sitemap.getDocumentElement(), SITEMAP_NS, "url").stream()
        .collect(
            Collectors.toMap(
                url -> text(url, SITEMAP_NS, "loc"), url -> text(url, SITEMAP_NS, "lastmod")));
  }
}
