package dev.feder.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Links name a page in one canonical form, whatever the request looked like, and the {@code Link}
 * header never outgrows its budget however long the query is.
 */
class PageLinksTest {

  private static final String ARTICLES = "/api/v1/articles";

  @Test
  void parametersComeInAlphabeticalOrderThenSizeThenPage() {
    Map<String, List<String>> query = new LinkedHashMap<>();
    query.put("size", List.of("5"));
    query.put("sort", List.of("-publishedAt,title"));
    query.put("page", List.of("2"));
    query.put("category", List.of("welt"));

    PageLinks links = PageLinks.of(ARTICLES, query, numbered(2, 5, 23));

    assertEquals(
        "/api/v1/articles?category=welt&sort=-publishedAt,title&size=5&page=2", links.self());
    assertEquals(
        "/api/v1/articles?category=welt&sort=-publishedAt,title&size=5&page=1", links.first());
    assertEquals(
        "/api/v1/articles?category=welt&sort=-publishedAt,title&size=5&page=1", links.prev());
    assertEquals(
        "/api/v1/articles?category=welt&sort=-publishedAt,title&size=5&page=3", links.next());
    assertEquals(
        "/api/v1/articles?category=welt&sort=-publishedAt,title&size=5&page=5", links.last());
  }

  @Test
  void sizeIsTheOneInEffectAndPageOneIsNamed() {
    PageLinks links = PageLinks.of(ARTICLES, Map.of(), numbered(1, 20, 3));

    assertEquals("/api/v1/articles?size=20&page=1", links.self());
    assertNull(links.prev());
    assertNull(links.next());
  }

  @Test
  void valuesArePercentEncodedAlike() {
    PageLinks links =
        PageLinks.of(
            ARTICLES,
            Map.of(
                "q", List.of("„Übung“ & Küste+1"),
                "publishedAfter", List.of("2026-11-01T00:00:00Z")),
            numbered(1, 20, 3));

    assertEquals(
        "/api/v1/articles?publishedAfter=2026-11-01T00:00:00Z"
            + "&q=%E2%80%9E%C3%9Cbung%E2%80%9C%20%26%20K%C3%BCste%2B1&size=20&page=1",
        links.self());
  }

  @Test
  void pagesFetchedByCursorLinkForwardByCursor() {
    Page<String> page =
        new Page<>(List.of("a"), new PageRequest(1, 10, "WyJ4Il0"), null, "WyJ5Il0");

    PageLinks links = PageLinks.of(ARTICLES, Map.of("cursor", List.of("WyJ4Il0")), page);

    assertEquals("/api/v1/articles?size=10&cursor=WyJ4Il0", links.self());
    assertEquals("/api/v1/articles?size=10&page=1", links.first());
    assertEquals("/api/v1/articles?size=10&cursor=WyJ5Il0", links.next());
    assertNull(links.last());
  }

  @Test
  void headerHoldsEveryRelationWhileItFits() {
    PageLinks links = PageLinks.of(ARTICLES, Map.of(), numbered(2, 20, 100));

    assertEquals(
        "</api/v1/articles?size=20&page=2>; rel=\"self\", </api/v1/articles?size=20&page=1>;"
            + " rel=\"first\", </api/v1/articles?size=20&page=1>; rel=\"prev\","
            + " </api/v1/articles?size=20&page=3>; rel=\"next\","
            + " </api/v1/articles?size=20&page=5>; rel=\"last\"",
        links.header());
  }

  @Test
  void headerLeavesOutTheLeastUsefulRelationsBeyondItsBudget() {
    // A search text that takes 6,000 bytes percent-encoded, as the longest request line allows.
    String q = "😀".repeat(500);

    PageLinks links = PageLinks.of(ARTICLES, Map.of("q", List.of(q)), numbered(2, 20, 100));

    String header = links.header();
    assertNull(header, "not even the next page's link fits in " + PageLinks.HEADER_BUDGET);
    assertTrue(links.self().length() > 6000);
    assertNotNull(links.next());

    PageLinks shorter =
        PageLinks.of(ARTICLES, Map.of("q", List.of("ä".repeat(90))), numbered(2, 20, 100));
    String kept = shorter.header();
    assertTrue(kept.length() <= PageLinks.HEADER_BUDGET, kept.length() + " bytes");
    assertTrue(kept.contains("rel=\"next\""), kept);
    assertTrue(kept.contains("rel=\"prev\""), kept);
    assertTrue(!kept.contains("rel=\"self\""), kept);
  }

  private static Page<String> numbered(int page, int size, long total) {
    return new Page<>(List.of(), new PageRequest(page, size, null), total);
  }
}
