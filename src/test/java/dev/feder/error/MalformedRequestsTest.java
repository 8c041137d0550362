package dev.feder.error;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import dev.feder.support.RawHttp;
import dev.feder.support.RawHttp.Exchange;
import dev.feder.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Requests whose framing or addressing is in doubt are refused before anything reads them, with a
 * problem, and the connection is closed, so nothing after them on the connection is read as a
 * request of its own (the back half of request smuggling behind a lenient proxy). Sent on raw
 * sockets: HTTP clients refuse to write such requests.
 */
@QuarkusTest
class MalformedRequestsTest {

  /** A second request hidden in the first one's body, should the server frame it by length. */
  private static final String SMUGGLED = "GET /api/v1/authors HTTP/1.1\r\nHost: feder\r\n\r\n";

  @Test
  void unknownTransferEncodingIsRefusedAndTheRestIsNeverRead() {
    for (String encoding : List.of("xchunked", "chunked;q=1", "gzip, chunked", "identity")) {
      Exchange exchange =
          RawHttp.send(
              "POST /api/v1/categories HTTP/1.1\r\nHost: feder\r\nTransfer-Encoding: "
                  + encoding
                  + "\r\nContent-Type: application/json\r\n\r\n0\r\n\r\n"
                  + SMUGGLED);

      assertRefused(exchange, 400, "/problems/bad-request");
      assertThat(exchange.body(), containsString("Transfer-Encoding"));
    }
  }

  @Test
  void transferEncodingNextToContentLengthIsRefused() {
    Exchange exchange =
        RawHttp.send(
            "POST /api/v1/categories HTTP/1.1\r\nHost: feder\r\nTransfer-Encoding: xchunked\r\n"
                + "Content-Length: 4\r\n\r\nabcd"
                + SMUGGLED);

    assertRefused(exchange, 400, "/problems/bad-request");
  }

  @Test
  void transferEncodingInHttp10IsRefused() {
    // The server's HTTP decoder refuses this one itself, with a bare 400.
    Exchange exchange =
        RawHttp.send(
            "POST /api/v1/categories HTTP/1.0\r\nHost: feder\r\nTransfer-Encoding: chunked\r\n"
                + "\r\n0\r\n\r\n"
                + SMUGGLED);

    assertEquals(List.of(400), exchange.statuses(), exchange.text());
  }

  @Test
  void contentLengthInOtherDigitsIsRefused() {
    Exchange exchange =
        RawHttp.send(
            ("POST /api/v1/categories HTTP/1.1\r\nHost: feder\r\nContent-Length: \u0662\r\n\r\n{}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertEquals(400, exchange.statuses().get(0), exchange.text());
  }

  @Test
  void twoHostHeadersAreRefused() {
    Exchange exchange =
        RawHttp.send(
            "GET /api/v1/categories HTTP/1.1\r\nHost: feder\r\nHost: evil.example\r\n\r\n");

    assertRefused(exchange, 400, "/problems/bad-request");
    assertThat(exchange.body(), containsString("one Host header"));
  }

  @Test
  void aHostThatIsNoHostNameIsRefused() {
    Exchange exchange =
        RawHttp.send("GET /api/v1/categories HTTP/1.1\r\nHost: evil.example/path?x\r\n\r\n");

    assertRefused(exchange, 400, "/problems/bad-request");
  }

  @Test
  void http11WithoutHostIsAProblem() {
    Exchange exchange = RawHttp.send("GET /api/v1/categories HTTP/1.1\r\n\r\n");

    assertEquals(List.of(400), exchange.statuses(), exchange.text());
    assertThat(exchange.header("Content-Type"), startsWith("application/problem+json"));
    assertThat(exchange.body(), containsString("HTTP/1.1 requests need a Host header"));
  }

  @Test
  void http10WithoutHostReadsEveryListAndFeed() {
    String category = TestData.category("Ohne Host " + TestData.suffix()).slug();
    String admin = "Authorization: Bearer " + Api.ADMIN_TOKEN + "\r\n";
    for (String path :
        List.of(
            "/api/v1/articles",
            "/api/v1/categories",
            "/api/v1/authors",
            "/api/v1/feeds/articles.rss",
            "/api/v1/feeds/articles.atom",
            "/api/v1/feeds/categories/" + category + ".rss",
            "/api/v1/feeds/categories/" + category + ".atom",
            "/sitemap.xml")) {
      Exchange exchange = RawHttp.send("GET " + path + " HTTP/1.0\r\n\r\n");
      assertEquals(List.of(200), exchange.statuses(), path + ": " + exchange.text());
    }
    for (String path : List.of("/api/v1/trash", "/api/v1/audit-events", "/api/v1/tokens")) {
      Exchange exchange = RawHttp.send("GET " + path + "?size=1 HTTP/1.0\r\n" + admin + "\r\n");
      assertEquals(List.of(200), exchange.statuses(), path + ": " + exchange.text());
      assertThat(exchange.header("Link"), containsString("<" + path + "?size=1&page=1>"));
    }
  }

  @Test
  void feedSelfLinksAreThePathNeverTheHost() {
    Exchange exchange =
        RawHttp.send(
            "GET /api/v1/feeds/articles.atom HTTP/1.1\r\nHost: evil.example\r\n"
                + "Connection: close\r\n\r\n");

    assertEquals(List.of(200), exchange.statuses(), exchange.text());
    assertThat(exchange.body(), containsString("href=\"/api/v1/feeds/articles.atom\""));
    assertTrue(!exchange.body().contains("evil.example"), exchange.body());
  }

  @Test
  void requestLinesOver8KbAreA414Problem() {
    String longest = "/api/v1/categories?sort=" + "a".repeat(8192 - 24 - 13);
    assertEquals(8192, ("GET " + longest + " HTTP/1.1").length());
    Response fits = Api.raw().urlEncodingEnabled(false).get(longest);
    assertEquals(400, fits.statusCode(), "a bad sort, read as one");

    Response tooLong = Api.raw().urlEncodingEnabled(false).get(longest + "a");

    tooLong
        .then()
        .statusCode(414)
        .header("Content-Type", startsWith("application/problem+json"))
        .header("Cache-Control", "no-store");
    assertEquals("/problems/uri-too-long", tooLong.path("type"));
    assertThat(tooLong.<String>path("detail"), containsString("at most 8192 bytes"));
  }

  @Test
  void aSearchTextOf500CharactersOfFourBytesFitsTheRequestLine() {
    Api.anonymous()
        .queryParam("q", "😀".repeat(500))
        .queryParam("tag", "Ü".repeat(100))
        .queryParam("publishedAfter", "2026-11-01T00:00:00Z")
        .queryParam("publishedBefore", "2026-12-01T00:00:00Z")
        .queryParam("sort", "-publishedAt,title")
        .queryParam("size", 20)
        .get("/api/v1/articles")
        .then()
        .statusCode(200);
  }

  @Test
  void locationIsThePathOfTheCreatedResourceWhateverTheHost() {
    String body = "{\"name\": \"Ortlos " + TestData.suffix() + "\"}";
    Exchange exchange =
        RawHttp.send(
            "POST /api/v1/categories HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n"
                + "Authorization: Bearer "
                + Api.ADMIN_TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length()
                + "\r\n\r\n"
                + body);

    assertEquals(List.of(201), exchange.statuses(), exchange.text());
    assertThat(exchange.header("Location"), startsWith("/api/v1/categories/"));
  }

  private static void assertRefused(Exchange exchange, int status, String type) {
    assertEquals(List.of(status), exchange.statuses(), "one answer only: " + exchange.text());
    assertThat(exchange.header("Content-Type"), startsWith("application/problem+json"));
    assertEquals("close", exchange.header("Connection"));
    assertEquals("no-store", exchange.header("Cache-Control"));
    assertThat(exchange.body(), containsString("\"type\":\"" + type + "\""));
    assertTrue(exchange.closed(), "the server closes the connection");
    assertNull(exchange.header("Location"));
  }
}
