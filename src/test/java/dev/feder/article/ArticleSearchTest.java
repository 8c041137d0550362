package dev.feder.article;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import dev.feder.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Full-text search of the article list ({@code q}): ranking, accents and umlauts, stemming, typos,
 * highlights, visibility, filters and hostile input.
 *
 * <p>Every test writes into a category of its own and puts a random word (the token) into its
 * titles, so articles of other tests never match.
 */
@QuarkusTest
class ArticleSearchTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  private static final String PYONGYANG_TITLE =
      "„Größte Übung seit Jahren“: Marine probt vor Pjöngjang";

  private String token;
  private String category;
  private String author;

  @BeforeEach
  void createFixtures() {
    token = randomWord();
    category = create("/api/v1/categories", Map.of("name", "Suche " + token));
    author = create("/api/v1/authors", Map.of("name", "Sophie Müller " + token));
  }

  @Test
  void titleHitRanksAboveBodyOnlyHitUnlessASortIsGiven() {
    String inBody =
        article(
            Map.of(
                "title", "Neues aus dem Hafen " + token,
                "body", "<p>Am Abend leuchtete der Leuchtturm über der Bucht.</p>",
                "publishedAt", "2026-11-20T08:00:00Z"));
    String inTitle =
        article(
            Map.of(
                "title", "Der Leuchtturm von Warnemünde " + token,
                "body", "<p>Ein Besuch an der Küste.</p>",
                "publishedAt", "2026-11-10T08:00:00Z"));

    search("Leuchtturm").body("data.slug", contains(inTitle, inBody));
    search("Leuchtturm", Map.of("sort", "-publishedAt"))
        .body("data.slug", contains(inBody, inTitle));
  }

  @Test
  void searchConsidersTheNewestMatchesOnly() {
    // The test profile sets feder.search.max-results to 25: 30 matches, the 5 oldest left out.
    List<String> slugs = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String body =
          i == 0 || i == 6
              ? "<p>Der Leuchtturm, der Leuchtturm und nochmals der Leuchtturm.</p>"
              : "<p>Ein Leuchtturm an der Küste.</p>";
      slugs.add(
          article(
              Map.of(
                  "title", "Meldung " + i + " " + token,
                  "body", body,
                  "publishedAt", "2026-11-20T08:" + String.format("%02d", i) + ":00Z")));
    }

    ValidatableResponse ranked =
        search("Leuchtturm")
            .body("meta.totalItems", equalTo(25))
            .body("meta.totalPages", equalTo(1))
            .body("data", org.hamcrest.Matchers.hasSize(25))
            .body("data[0].slug", equalTo(slugs.get(6)));
    for (int i = 0; i < 5; i++) {
      ranked.body("data.slug", not(org.hamcrest.Matchers.hasItem(slugs.get(i))));
    }
    search("Leuchtturm", Map.of("sort", "-publishedAt", "size", "20"))
        .body("meta.totalItems", equalTo(25))
        .body("meta.totalPages", equalTo(2))
        .body("data[0].slug", equalTo(slugs.get(29)));
    search("Leuchtturm", Map.of("sort", "-publishedAt", "size", "20", "page", "2"))
        .body(
            "data.slug",
            contains(slugs.get(9), slugs.get(8), slugs.get(7), slugs.get(6), slugs.get(5)));
    // Past the last hit: no items, and still the number of matches considered.
    search("Leuchtturm", Map.of("size", "20", "page", "3"))
        .body("data", empty())
        .body("meta.totalItems", equalTo(25));
  }

  @Test
  void accentsAndUmlautsDoNotMatter() {
    String slug = article(Map.of("title", PYONGYANG_TITLE + " " + token));

    for (String q : List.of("Pjongjang", "PJÖNGJANG", "Ubung", "grosste ubung", "Grösste")) {
      search(q).body("data.slug", contains(slug));
    }
  }

  @Test
  void germanWordsMatchInAnyInflection() {
    String slug =
        article(
            Map.of(
                "title",
                "Manöver vor der Küste " + token,
                "body",
                "<p>Am frühen Morgen liefen zwölf Schiffe mit schweren Waffen aus.</p>"));

    search("Waffe").body("data.slug", contains(slug));
    search("Schiff").body("data.slug", contains(slug));
    search("Manövers").body("data.slug", contains(slug));
  }

  @Test
  void englishArticlesMatchByEnglishStem() {
    String slug =
        article(
            Map.of(
                "title", "Navy tests new weapons near the coast " + token,
                "language", "en",
                "body", "<p>The ships were sailing all night.</p>"));

    search("weapon").body("data.slug", contains(slug));
    search("testing sail").body("data.slug", contains(slug));
  }

  @Test
  void oneTypoInATitleWordIsForgiven() {
    String slug = article(Map.of("title", PYONGYANG_TITLE + " " + token));

    search("Pjöngjagn").body("data.slug", contains(slug));
    search("Übnug").body("data.slug", contains(slug));
    search("Marine Übnug").body("data.slug", contains(slug));
    search("Pjöngjagn Marien").body("data.slug", contains(slug));
    // A stop word is no typo and does not stop the others from being forgiven.
    search("Übnug zwischen").body("data.slug", contains(slug));
    // The typed word stands for the title word, which is then marked like any match.
    search("Übnug").body("data[0].highlight.title", containsString("<mark>Übung</mark>"));
  }

  @Test
  void aTitleWordIsForgivenItsTyposOnceTheTitleHasIt() {
    TestData.Created article =
        TestData.publishedArticle("Hafen im Nebel " + token, category, author);
    search("Leuchtfeurer").body("data", empty());

    Api.admin()
        .contentType("application/merge-patch+json")
        .header("If-Match", article.etag())
        .body(Map.of("title", "Leuchtfeuer im Nebel " + token))
        .patch("/api/v1/articles/" + article.id())
        .then()
        .statusCode(200);

    search("Leuchtfeurer").body("data.slug", contains(article.slug()));
  }

  @Test
  void wordsThatOnlyShareLettersAreNoTypos() {
    article(Map.of("title", PYONGYANG_TITLE + " " + token));

    search("Überblick").body("data", empty());
    search("Jahrmarkt").body("data", empty());
    search("Pnöjgjagn").body("data", empty());
    // An excluded word stays excluded, even where a typo match would bring the article back.
    search("Übnug -Marine").body("data", empty());
  }

  @Test
  void highlightsMarkMatchesInEscapedText() {
    article(
        Map.of(
            "title", "Übung & „Tor“ <Nord> " + token,
            "excerpt", "Die Übung begann früh.",
            "body",
                "<p>Am frühen Morgen liefen zwölf Schiffe aus.</p><p>Sie übten mit <b>Waffen</b>"
                    + " & Booten.</p>"));

    search("Übung")
        .body(
            "data[0].highlight.title",
            equalTo("<mark>Übung</mark> &amp; „Tor“ &lt;Nord&gt; " + token))
        .body("data[0].highlight.excerpt", equalTo("Die <mark>Übung</mark> begann früh."))
        .body("data[0].highlight.body", nullValue());
    search("Waffe")
        .body("data[0].highlight.title", equalTo("Übung &amp; „Tor“ &lt;Nord&gt; " + token))
        .body("data[0].highlight.body", containsString("<mark>Waffen</mark> &amp; Booten"))
        .body("data[0].highlight.body", not(containsString("<b>")));

    list(Map.of("category", category)).body("data[0].highlight", nullValue());
  }

  @Test
  void bodyHighlightShowsPassagesAroundMatchesAnywhereInALongBody() {
    String filler =
        "<p>Der Ausschuss vertagte die Beratung über den Haushalt erneut auf die kommende"
            + " Woche.</p>";
    article(
        Map.of(
            "title", "Sitzung im Rathaus " + token,
            "body",
                "<p>Vor dem Rathaus an der Straße warteten Hunderte.</p>"
                    + filler.repeat(120)
                    + "<p>Die Ärztekammer schwieg. Am Ende sprachen zwei Ärzte vor dem Rat.</p>"));

    // Words far apart make two passages, each with its match; the body is not all sent back.
    search("Strasse Ärzte")
        .body("data[0].highlight.body", containsString("an der <mark>Straße</mark>"))
        .body("data[0].highlight.body", containsString(" … "))
        .body("data[0].highlight.body", containsString("zwei <mark>Ärzte</mark>"))
        // A word that merely begins like the match is not marked.
        .body("data[0].highlight.body", not(containsString("<mark>Ärztekammer")))
        .body("data[0].highlight.body.length()", org.hamcrest.Matchers.lessThan(400));
    search("Ausschuss")
        .body("data[0].highlight.body", containsString("<mark>Ausschuss</mark> vertagte"));
  }

  @Test
  void bodyHighlightFindsTheMatchBehindWordsThatOnlyBeginLikeIt() {
    article(
        Map.of(
            "title", "Die Regierung tagt " + token,
            "body",
                "<p>Der Regierungschef, die Regierungssprecherin, das Regierungsviertel, die"
                    + " Regierungskrise und die Regierungsbank.</p>"
                    + "<p>Lange war unklar, wer kommt.</p>".repeat(20)
                    + "<p>Am Abend tagte die Regierung im Kanzleramt.</p>"));

    search("Regierung")
        .body("data[0].highlight.body", containsString("die <mark>Regierung</mark>"))
        .body("data[0].highlight.body", not(containsString("<mark>Regierungschef")));
  }

  @Test
  void bodyHighlightIsAbsentWhenOnlyLongerWordsBeginLikeTheMatch() {
    article(
        Map.of(
            "title",
            "Die Regierung tagt " + token,
            "body",
            "<p>Der Regierungschef und die Regierungssprecherin schwiegen.</p>"));

    search("Regierung")
        .body("data[0].highlight.title", containsString("<mark>Regierung</mark>"))
        .body("data[0].highlight.body", nullValue());
  }

  @Test
  void draftsScheduledAndArchivedArticlesStayOutOfAnonymousSearch() {
    String published = article(Map.of("title", "Veröffentlicht " + token));
    String draft = article(Map.of("title", "Entwurf " + token, "status", "draft"));
    String scheduled =
        article(Map.of("title", "Geplant " + token, "publishedAt", "2099-01-01T00:00:00Z"));
    String archived = article(Map.of("title", "Archiviert " + token, "status", "archived"));

    // No category filter: the token alone must not reveal anything unpublished.
    Api.anonymous()
        .queryParam("q", token)
        .queryParam("status", "draft")
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("data.slug", contains(published))
        .body("meta.totalItems", equalTo(1));
    Api.admin()
        .queryParam("q", token)
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("data.slug", containsInAnyOrder(published, draft, scheduled, archived));
  }

  @Test
  void searchCombinesWithFilters() {
    String other = create("/api/v1/categories", Map.of("name", "Andere " + token));
    String german = article(Map.of("title", "Wahl in Übersee " + token));
    String english = article(Map.of("title", "Wahl observers arrive " + token, "language", "en"));
    String elsewhere = article(Map.of("title", "Wahl im Norden " + token, "category", other));

    search("Wahl").body("data.slug", containsInAnyOrder(german, english));
    search("Wahl", Map.of("language", "en")).body("data.slug", contains(english));
    list(Map.of("q", "Wahl " + token, "category", other)).body("data.slug", contains(elsewhere));
  }

  @Test
  void searchResultsArePagedByNumber() {
    for (int i = 0; i < 3; i++) {
      article(Map.of("title", "Hochwasser Meldung " + i + " " + token));
    }

    search("Hochwasser", Map.of("size", "2"))
        .body("data.size()", equalTo(2))
        .body("data.highlight.title", everyItem(containsString("<mark>Hochwasser</mark>")))
        .body("meta.totalItems", equalTo(3))
        .body("meta.totalPages", equalTo(2))
        .body("meta.nextCursor", nullValue())
        .body("links.next", containsString("q=Hochwasser"));
    search("Hochwasser", Map.of("size", "2", "page", "2")).body("data.size()", equalTo(1));
  }

  @Test
  void searchWithCursorIsBadRequest() {
    Api.raw()
        .queryParam("q", "Übung")
        .queryParam("cursor", "WyItcHVibGlzaGVkQXQiLCIyMDI2LTExLTI2VDA4OjE1OjAwWiJd")
        .get("/api/v1/articles")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("cursor"));
  }

  @Test
  void tooLongSearchTextIsBadRequestNamingQ() {
    badSearch("x".repeat(ArticleFilter.MAX_SEARCH_LENGTH + 1));
    badSearch("Übung ".repeat(200)); // 1,200 characters; longer ones exceed the request line
    badSearch("Übung\u0000");
    // 500 characters are fine, even when each takes four bytes (twelve in the URL).
    Api.raw()
        .queryParam("q", "🚢".repeat(ArticleFilter.MAX_SEARCH_LENGTH))
        .get("/api/v1/articles")
        .then()
        .statusCode(200);
  }

  @Test
  void hostileSearchTextNeverFailsTheServer() {
    List<String> hostile =
        List.of(
            "\"",
            "'",
            "\"unclosed phrase",
            "& | ! : * ( )",
            "a & b | !c:* <-> d",
            "' OR 1=1 --",
            "'; DROP TABLE article; --",
            "\\",
            "%_<%>%",
            ":q :1 ?",
            "-",
            "- - -",
            "or",
            "\"-\"",
            "((((((((((",
            "Übung:*",
            "der die das",
            "🙂🚢🔥",
            "\u202eÜbung\u202c",
            "\t\n",
            "     ",
            "Übnug \"Marine\" -Pjöngjang or Waffe",
            "x".repeat(ArticleFilter.MAX_SEARCH_LENGTH),
            "Übung ".repeat(600));
    for (String q : hostile) {
      int status =
          Api.raw().queryParam("q", q).get("/api/v1/articles").then().extract().statusCode();
      assertTrue(status == 200 || status == 400, () -> "q=" + q + " answered " + status);
      if (status == 400) {
        Api.raw()
            .queryParam("q", q)
            .get("/api/v1/articles")
            .then()
            .contentType("application/problem+json")
            .body("errors[0].field", equalTo("q"));
      }
    }
  }

  @Test
  void blankSearchIsTheUnfilteredList() {
    String slug = article(Map.of("title", "Leerzeichen " + token));

    // raw: the spec validator takes a blank value for a missing parameter
    Api.raw()
        .queryParam("q", "   ")
        .queryParam("category", category)
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("data.slug", contains(slug))
        .body("data[0].highlight", nullValue());
  }

  private void badSearch(String q) {
    Api.raw()
        .queryParam("q", q)
        .get("/api/v1/articles")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/bad-parameter"))
        .body("errors[0].field", equalTo("q"));
  }

  private ValidatableResponse search(String q) {
    return search(q, Map.of());
  }

  /** A search within this test's category. */
  private ValidatableResponse search(String q, Map<String, String> more) {
    Map<String, String> params = new HashMap<>(more);
    params.put("q", q);
    params.put("category", category);
    return list(params);
  }

  private static ValidatableResponse list(Map<String, String> params) {
    RequestSpecification request = Api.anonymous().queryParams(params);
    if (!params.containsKey("size")) {
      request.queryParam("size", 100);
    }
    return request.get("/api/v1/articles").then().statusCode(200);
  }

  /** A published German article in this test's category, with the given fields replaced. */
  private String article(Map<String, String> fields) {
    Map<String, Object> body = new HashMap<>();
    body.put("category", Map.of("slug", fields.getOrDefault("category", category)));
    body.put("authors", List.of(Map.of("slug", author)));
    body.put("status", "published");
    body.put("publishedAt", "2026-11-26T08:15:00Z");
    fields.forEach(
        (name, value) -> {
          if (!name.equals("category")) {
            body.put(name, value);
          }
        });
    return create("/api/v1/articles", body);
  }

  private static String create(String path, Map<String, ?> body) {
    return Api.admin().body(body).post(path).then().statusCode(201).extract().path("slug");
  }

  /** A random lower-case word, which the search treats as one plain word. */
  private static String randomWord() {
    StringBuilder word = new StringBuilder("zq");
    for (int i = 0; i < 10; i++) {
      word.append((char) ('a' + RANDOM.nextInt(26)));
    }
    return word.toString();
  }
}
