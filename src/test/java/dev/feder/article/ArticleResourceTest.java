package dev.feder.article;

import static dev.feder.support.Problems.assertInvalidField;
import static dev.feder.support.Problems.assertProblem;
import static dev.feder.support.Problems.assertUnauthorized;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Creating, reading, replacing, patching and deleting articles, and refusing bad input. */
@QuarkusTest
class ArticleResourceTest {

  private static final String ARTICLES = "/api/v1/articles";

  private static final String TITLE = "„Größte Übung seit Jahren“: Marine probt vor Pjöngjang";
  private static final String TITLE_SLUG =
      "groesste-uebung-seit-jahren-marine-probt-vor-pjoengjang";

  /** A biography longer than a list shows. */
  private static final String LONG_BIO =
      "Sophie Müller berichtet seit 2011 über Außen- und Sicherheitspolitik, zunächst als"
          + " Korrespondentin in Seoul, später in Tokio und Peking. Sie studierte Koreanistik und"
          + " Politikwissenschaft in Bochum und Seoul und volontierte bei einer großen"
          + " Regionalzeitung im Ruhrgebiet. Für ihre Reportagen über die entmilitarisierte Zone"
          + " erhielt sie 2019 den Preis für Auslandsberichterstattung. Sie spricht Koreanisch,"
          + " Japanisch und Mandarin, schreibt über Rüstungskontrolle, Flüchtlingsrouten und die"
          + " Wirtschaft Ostasiens und moderiert den wöchentlichen Podcast „Blick nach Osten“."
          + " Wenn sie nicht unterwegs ist, lebt sie mit ihrer Familie in Berlin-Kreuzberg, fährt"
          + " bei jedem Wetter Fahrrad und sammelt alte Landkarten der koreanischen Halbinsel.";

  /** 10 words. */
  private static final String FILLER = "Die Einheiten übten den Ernstfall bei rauer See im Norden.";

  /** The section tree Welt › Nachrichten, with slugs of their own. */
  private record Sections(Created welt, Created nachrichten) {}

  /** Shared by the tests of this class, which write articles into them but never change them. */
  private static Sections sections;

  private static Created sophie;
  private static Created joerg;

  private static synchronized Sections sections() {
    if (sections == null) {
      String sfx = Fixtures.suffix();
      Created welt = category("Welt", "welt-" + sfx, null);
      sections = new Sections(welt, category("Nachrichten", "nachrichten-" + sfx, welt));
      sophie = author("Sophie Müller", "sophie-mueller", LONG_BIO);
      joerg =
          author(
              "Jörg Weißmann",
              "joerg-weissmann",
              "Jörg Weißmann fotografiert für das Ressort Welt.");
    }
    return sections;
  }

  private static Created category(String name, String slug, Created parent) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("slug", slug);
    body.put("description", "Aktuelle Meldungen aus aller Welt");
    if (parent != null) {
      body.put("parent", parent.bySlug());
    }
    return Fixtures.category(body);
  }

  /** An author with every field, the slug {@code slugBase} and a suffix. */
  private static Created author(String name, String slugBase, String bio) {
    String slug = slugBase + "-" + Fixtures.suffix();
    return Fixtures.author(
        Map.of(
            "name", name,
            "slug", slug,
            "bio", bio,
            "email", slug + "@example.org",
            "avatarUrl", "https://images.example.org/authors/" + slug + ".jpg"));
  }

  /** Each of {@code fields} reads the same in both representations. */
  private static void assertSameFields(
      JsonPath expected, JsonPath actual, String why, String... fields) {
    for (String field : fields) {
      assertEquals((Object) expected.get(field), (Object) actual.get(field), field + why);
    }
  }

  private static Created news() {
    return sections().nachrichten();
  }

  /**
   * A typical article body: subheadings, paragraphs, a "see also" link, a figure, a quote and a
   * list (50 words), then a paragraph of 10-word filler sentences: 35 of them make 400 words.
   */
  static String typicalBody(int fillerSentences) {
    return "<h2>Was geschah</h2>"
        + "<p>Am frühen Morgen liefen zwölf Schiffe aus dem Hafen von Nampo aus.</p>"
        + "<p>Lesen Sie auch: <a href=\"/artikel/spannungen-im-gelben-meer\">Spannungen im Gelben"
        + " Meer</a></p>"
        + "<figure><img src=\"https://images.example.org/2026/11/hafen-nampo.jpg\""
        + " alt=\"Schiffe im Hafen von Nampo\"><figcaption>Der Hafen am Morgen nach der"
        + " Übung.</figcaption></figure>"
        + "<h2>Wie die Nachbarn reagieren</h2>"
        + "<blockquote><p>„Wir beobachten die Lage sehr genau“, sagte ein Sprecher in"
        + " Seoul.</p></blockquote>"
        + "<ul><li>Zwölf Schiffe</li><li>Drei U-Boote</li><li>Über 4000 Soldaten</li></ul>"
        + "<p>"
        + String.join(" ", Collections.nCopies(fillerSentences, FILLER))
        + "</p>";
  }

  private static Map<String, Object> typicalArticle(String title) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", title);
    body.put("subtitle", "Manöver im Gelben Meer");
    body.put(
        "excerpt",
        "Die Marine hat vor der Küste die größte Übung seit Jahren begonnen – „ein klares"
            + " Signal“, heißt es in Seoul.");
    body.put("body", typicalBody(35));
    body.put("language", "de");
    body.put("status", "published");
    body.put("publishedAt", Fixtures.now().minus(Duration.ofHours(2)).toString());
    body.put("category", news().bySlug());
    body.put("authors", List.of(sophie.bySlug()));
    body.put("tags", List.of("Nordkorea", "Marine", "Manöver"));
    body.put("source", Map.of("name", "The Telegraph", "url", "https://www.telegraph.co.uk/"));
    body.put(
        "featuredImage",
        Map.of(
            "url", "https://images.example.org/2026/11/hafen.jpg",
            "alt", "Schiffe im Hafen",
            "caption", "Der Hafen am Morgen nach der Übung.",
            "credit", "Foto: Jörg Weißmann"));
    body.put(
        "seo",
        Map.of(
            "metaTitle", "Größte Übung seit Jahren",
            "metaDescription", "Die Marine probt vor der Küste den Ernstfall.",
            "canonicalUrl", "https://www.example.org/welt/groesste-uebung"));
    return body;
  }

  private static String minimalJson(String extraFields) {
    return "{\"title\":\"Hafen von Nampo gesperrt\",\"category\":{\"slug\":\""
        + news().slug()
        + "\"}"
        + (extraFields.isEmpty() ? "" : "," + extraFields)
        + "}";
  }

  private static JsonPath createDraft(String title) {
    return Fixtures.newArticle(title, news()).withText().create().json();
  }

  /** A raw admin client sending JSON, for requests that break the contract on purpose. */
  private static RequestSpecification rawJson() {
    return Api.rawAdmin().contentType(ContentType.JSON).accept(ContentType.JSON);
  }

  /** POST and the read after it: what is sent comes back, what is derived is right. */
  @Nested
  class Create {

    @Test
    void typicalArticleReadsBackExactlyAsSent() {
      sections();
      String sfx = Fixtures.suffix();
      String title = TITLE + " " + sfx;
      Map<String, Object> sent = typicalArticle(title);

      Response created = Api.admin().body(sent).post(ARTICLES);
      created
          .then()
          .statusCode(201)
          .header("ETag", notNullValue())
          .body("slug", equalTo(TITLE_SLUG + "-" + sfx));
      String id = created.jsonPath().getString("id");
      created.then().header("Location", endsWith(ARTICLES + "/" + id));

      Response read = Api.anonymous().get(ARTICLES + "/slug/" + TITLE_SLUG + "-" + sfx);
      read.then()
          .statusCode(200)
          .header("ETag", notNullValue())
          .body("id", equalTo(id))
          .body("slug", equalTo(TITLE_SLUG + "-" + sfx))
          .body("title", equalTo(title))
          .body("subtitle", equalTo(sent.get("subtitle")))
          .body("excerpt", equalTo(sent.get("excerpt")))
          .body("body", equalTo(sent.get("body")))
          .body("language", equalTo("de"))
          .body("status", equalTo("published"))
          .body("publishedAt", equalTo(sent.get("publishedAt")))
          .body("tags", equalTo(List.of("Nordkorea", "Marine", "Manöver")))
          .body("source", equalTo(sent.get("source")))
          .body("featuredImage", equalTo(sent.get("featuredImage")))
          .body("seo", equalTo(sent.get("seo")))
          .body("category.id", equalTo(news().id()))
          .body("category.slug", equalTo(news().slug()))
          .body("category.name", equalTo("Nachrichten"))
          .body("category.parentSlug", equalTo(sections().welt().slug()))
          .body("authors.size()", is(1))
          .body("authors[0].id", equalTo(sophie.id()))
          .body("authors[0].slug", equalTo(sophie.slug()))
          .body("authors[0].name", equalTo("Sophie Müller"))
          .body("authors[0]", not(hasKey("email")))
          .body("authors[0]", not(hasKey("bio")))
          .body("wordCount", is(400))
          .body("readingTimeMinutes", is(2))
          .body("createdAt", notNullValue())
          .body("updatedAt", notNullValue());

      Api.anonymous()
          .get(ARTICLES + "/" + id)
          .then()
          .statusCode(200)
          .header("ETag", equalTo(read.header("ETag")))
          .body("slug", equalTo(TITLE_SLUG + "-" + sfx));
    }

    @Test
    void bylineKeepsTheOrderSent() {
      sections();
      Map<String, Object> body =
          Fixtures.newArticle("Gipfel in Seoul " + Fixtures.suffix(), news()).withText().toMap();
      body.put("authors", List.of(joerg.bySlug(), sophie.byId()));
      String id = Fixtures.article(body).id();
      Api.admin()
          .get(ARTICLES + "/" + id)
          .then()
          .statusCode(200)
          .body("authors.id", equalTo(List.of(joerg.id(), sophie.id())))
          .body("authors.slug", equalTo(List.of(joerg.slug(), sophie.slug())))
          .body("authors.name", equalTo(List.of("Jörg Weißmann", "Sophie Müller")));

      Map<String, Object> reversed =
          Fixtures.newArticle("Gipfel in Tokio " + Fixtures.suffix(), news()).withText().toMap();
      reversed.put("authors", List.of(sophie.bySlug(), joerg.bySlug()));
      assertEquals(
          List.of(sophie.slug(), joerg.slug()),
          Fixtures.article(reversed).json().getList("authors.slug"));
    }

    @Test
    void readingTimeRoundsUpPerTwoHundredWords() {
      sections();
      // 50 structural words + 351 filler words = 401 words -> 3 minutes.
      Map<String, Object> body =
          Fixtures.newArticle("Lange Analyse " + Fixtures.suffix(), news()).withText().toMap();
      body.put("body", typicalBody(35).replace("</ul><p>", "</ul><p>Heute "));
      JsonPath created = Fixtures.article(body).json();
      assertEquals(401, created.getInt("wordCount"));
      assertEquals(3, created.getInt("readingTimeMinutes"));

      Map<String, Object> empty =
          Fixtures.newArticle("Nur eine Meldung " + Fixtures.suffix(), news()).withText().toMap();
      empty.remove("body");
      JsonPath noBody = Fixtures.article(empty).json();
      assertEquals("", noBody.getString("body"));
      assertEquals(0, noBody.getInt("wordCount"));
      assertEquals(0, noBody.getInt("readingTimeMinutes"));
    }

    @Test
    void derivedSlugTransliteratesAndTakenOneGetsNumbered() {
      sections();
      String sfx = Fixtures.suffix();
      String title = "Ärger über Straßensperren in Köln " + sfx;
      JsonPath first = createDraft(title);
      JsonPath second = createDraft(title);
      assertEquals("aerger-ueber-strassensperren-in-koeln-" + sfx, first.getString("slug"));
      assertEquals("aerger-ueber-strassensperren-in-koeln-" + sfx + "-2", second.getString("slug"));
    }

    @Test
    void createWithoutStatusIsADraftWithDefaults() {
      sections();
      JsonPath created = createDraft("Hafen von Nampo gesperrt " + Fixtures.suffix());
      assertEquals("draft", created.getString("status"));
      assertEquals("de", created.getString("language"));
      assertEquals(List.of(), created.getList("tags"));
      assertEquals(List.of(), created.getList("authors"));
      assertNull(created.get("publishedAt"));
    }

    @Test
    void bodyIsSanitizedButKeepsNewsroomMarkup() {
      sections();
      Map<String, Object> body =
          Fixtures.newArticle("Sicherheitslücke " + Fixtures.suffix(), news()).withText().toMap();
      body.put(
          "body",
          "<h2 style=\"color:red\">Lage</h2>"
              + "<p onclick=\"alert(1)\">Die Behörde warnt. <a href=\"javascript:alert(1)\">Klick"
              + " mich</a> oder <a href=\"https://www.bsi.bund.de/\" onclick=\"steal()\">BSI</a>"
              + "</p>"
              + "<script>alert('xss')</script>"
              + "<iframe src=\"https://evil.example/\"></iframe>"
              + "<img src=\"https://images.example.org/a.jpg\" onerror=\"alert(1)\" alt=\"Bild\">"
              + "<figure><img src=\"https://images.example.org/b.jpg\" alt=\"Grafik\">"
              + "<figcaption>Grafik: Feder</figcaption></figure>"
              + "<blockquote><p>„Keine Panik“</p></blockquote>"
              + "<ol><li>Updates einspielen</li><li>Passwörter ändern</li></ol>");
      String sanitized = Fixtures.article(body).json().getString("body");

      for (String gone :
          List.of(
              "<script",
              "alert('xss')",
              "onerror",
              "onclick",
              "javascript:",
              "<iframe",
              "style=")) {
        assertTrue(!sanitized.contains(gone), gone + " survived sanitizing: " + sanitized);
      }
      for (String kept :
          List.of(
              "<h2>Lage</h2>",
              "<p>Die Behörde warnt. <a>Klick mich</a> oder <a href=\"https://www.bsi.bund.de/\">BSI</a></p>",
              "<img src=\"https://images.example.org/a.jpg\" alt=\"Bild\">",
              "<figure><img src=\"https://images.example.org/b.jpg\" alt=\"Grafik\">"
                  + "<figcaption>Grafik: Feder</figcaption></figure>",
              "<blockquote><p>„Keine Panik“</p></blockquote>",
              "<ol><li>Updates einspielen</li><li>Passwörter ändern</li></ol>")) {
        assertTrue(sanitized.contains(kept), kept + " was lost in sanitizing: " + sanitized);
      }
    }
  }

  /** Creates that are refused, each with a problem that names the cause, creating nothing. */
  @Nested
  class Refusals {

    @Test
    void createWithoutTitleNamesTitle() {
      assertInvalidField(
          rawJson().body("{\"category\":{\"slug\":\"" + news().slug() + "\"}}").post(ARTICLES),
          "title",
          equalTo("must not be blank"));
    }

    @Test
    void createWithBlankTitleNamesTitle() {
      assertInvalidField(
          rawJson()
              .body("{\"title\":\"   \",\"category\":{\"slug\":\"" + news().slug() + "\"}}")
              .post(ARTICLES),
          "title",
          equalTo("must not be blank"));
    }

    @Test
    void createWithoutCategoryNamesCategory() {
      assertInvalidField(
          rawJson().body("{\"title\":\"Hafen von Nampo gesperrt\"}").post(ARTICLES),
          "category",
          equalTo("must not be null"));
    }

    @Test
    void createWithUnknownCategoryNamesCategory() {
      String slug = "gibt-es-nicht-" + Fixtures.suffix();
      assertInvalidField(
          Api.admin()
              .body(Map.of("title", "Hafen von Nampo gesperrt", "category", Map.of("slug", slug)))
              .post(ARTICLES),
          "category",
          containsString(slug));
    }

    @Test
    void createWithUnknownAuthorNamesTheAuthorsPosition() {
      String slug = "niemand-" + Fixtures.suffix();
      Map<String, Object> body =
          Fixtures.newArticle("Hafen gesperrt " + Fixtures.suffix(), news()).withText().toMap();
      body.put("authors", List.of(Map.of("slug", slug)));
      assertInvalidField(Api.admin().body(body).post(ARTICLES), "authors[0]", containsString(slug));

      body.put("authors", List.of(sophie.bySlug(), Map.of("id", UUID.randomUUID().toString())));
      assertInvalidField(
          Api.admin().body(body).post(ARTICLES), "authors[1]", containsString("no author"));
    }

    @Test
    void createWithTheSameAuthorTwiceIsInvalid() {
      Map<String, Object> body =
          Fixtures.newArticle("Hafen gesperrt " + Fixtures.suffix(), news()).withText().toMap();
      body.put("authors", List.of(sophie.bySlug(), sophie.byId()));
      assertInvalidField(
          Api.admin().body(body).post(ARTICLES), "authors[1]", containsString("already"));
    }

    @Test
    void createWithAuthorReferenceWithoutIdOrSlugIsInvalid() {
      assertInvalidField(
          rawJson().body(minimalJson("\"authors\":[{}]")).post(ARTICLES),
          "authors[0]",
          equalTo("must hold an id or a slug"));
    }

    @Test
    void createWithWrongTypesNamesTheField() {
      assertInvalidField(
          rawJson()
              .body("{\"title\":42,\"category\":{\"slug\":\"" + news().slug() + "\"}}")
              .post(ARTICLES),
          "title",
          equalTo("must be a string"));
      assertInvalidField(
          rawJson().body(minimalJson("\"tags\":\"Nordkorea\"")).post(ARTICLES),
          "tags",
          equalTo("must be an array"));
      assertInvalidField(
          rawJson().body(minimalJson("\"publishedAt\":\"yesterday\"")).post(ARTICLES),
          "publishedAt",
          containsString("ISO-8601"));
      assertInvalidField(
          rawJson().body(minimalJson("\"status\":\"live\"")).post(ARTICLES),
          "status",
          equalTo("must be one of: draft, scheduled, published, archived"));
      assertInvalidField(
          rawJson().body(minimalJson("\"category\":\"nachrichten\"")).post(ARTICLES),
          "category",
          equalTo("must be an object"));
    }

    @Test
    void createWithUnknownFieldNamesIt() {
      assertInvalidField(
          rawJson().body(minimalJson("\"dachzeile\":\"Nordkorea\"")).post(ARTICLES),
          "dachzeile",
          startsWith("unknown field"));
    }

    @Test
    void createIgnoresReadOnlyFields() {
      String id = UUID.randomUUID().toString();
      rawJson()
          .body(
              minimalJson(
                  "\"id\":\""
                      + id
                      + "\",\"wordCount\":9999,\"readingTimeMinutes\":77,"
                      + "\"createdAt\":\"2001-01-01T00:00:00Z\","
                      + "\"updatedAt\":\"2001-01-01T00:00:00Z\""))
          .post(ARTICLES)
          .then()
          .statusCode(201)
          .body("id", not(equalTo(id)))
          .body("wordCount", is(0))
          .body("readingTimeMinutes", is(0))
          .body("createdAt", not(equalTo("2001-01-01T00:00:00Z")))
          .body("updatedAt", not(equalTo("2001-01-01T00:00:00Z")));
      Api.admin().get(ARTICLES + "/" + id).then().statusCode(404);
    }

    @Test
    void createWithInvalidLanguageNamesLanguage() {
      Map<String, Object> body =
          Fixtures.newArticle("Hafen gesperrt " + Fixtures.suffix(), news()).withText().toMap();
      body.put("language", "deutsch!");
      assertInvalidField(rawJson().body(body).post(ARTICLES), "language", containsString("BCP 47"));
    }

    @Test
    void createWithFiftyOneTagsNamesTags() {
      Map<String, Object> body =
          Fixtures.newArticle("Hafen gesperrt " + Fixtures.suffix(), news()).withText().toMap();
      body.put("tags", IntStream.rangeClosed(1, 51).mapToObj(i -> "Schlagwort " + i).toList());
      assertInvalidField(
          rawJson().body(body).post(ARTICLES), "tags", containsString("between 0 and 50"));

      body.put("tags", IntStream.rangeClosed(1, 50).mapToObj(i -> "Schlagwort " + i).toList());
      Api.admin().body(body).post(ARTICLES).then().statusCode(201).body("tags.size()", is(50));
    }

    @Test
    void createWithTakenSlugIsConflict() {
      String slug = "hafen-gesperrt-" + Fixtures.suffix();
      Map<String, Object> body = Fixtures.newArticle("Hafen gesperrt", news()).withText().toMap();
      body.put("slug", slug);
      Fixtures.article(body).json();
      assertProblem(Api.admin().body(body).post(ARTICLES), 409, "/problems/conflict")
          .body("detail", containsString(slug));
    }

    @Test
    void createWithInvalidExplicitSlugNamesSlug() {
      assertInvalidField(
          rawJson().body(minimalJson("\"slug\":\"Größte Übung\"")).post(ARTICLES),
          "slug",
          containsString("lower-case"));
    }

    @Test
    void createWithMalformedJsonIsMalformedJsonProblem() {
      assertProblem(
          rawJson().body("{\"title\":\"Hafen gesperrt\",").post(ARTICLES),
          400,
          "/problems/malformed-json");
      assertProblem(
          rawJson().body(minimalJson("") + " trailing").post(ARTICLES),
          400,
          "/problems/malformed-json");
    }

    @Test
    void createWithJsonNullBodyIsBadRequest() {
      assertProblem(rawJson().body("null").post(ARTICLES), 400, "/problems/malformed-json")
          .body("detail", containsString("JSON object"))
          .body("$", not(hasKey("errors")));
    }

    @Test
    void createWithEmptyBodyIsBadRequest() {
      assertProblem(rawJson().body("").post(ARTICLES), 400, "/problems/malformed-json")
          .body("detail", containsString("JSON object"));
    }

    @Test
    void replaceWithJsonNullBodyIsBadRequest() {
      String id = createDraft("Hafen von Nampo gesperrt " + Fixtures.suffix()).getString("id");
      assertProblem(
          rawJson()
              .header("If-Match", Fixtures.etag(ARTICLES + "/" + id))
              .body("null")
              .put(ARTICLES + "/" + id),
          400,
          "/problems/malformed-json");
    }

    @Test
    void createWithNonObjectBodyIsBadRequest() {
      assertProblem(rawJson().body("[]").post(ARTICLES), 400, "/problems/malformed-json");
      assertProblem(rawJson().body("\"Hafen\"").post(ARTICLES), 400, "/problems/malformed-json");
    }

    @Test
    void createAsPlainTextIsUnsupportedMediaType() {
      assertProblem(
          Api.rawAdmin()
              .contentType("text/plain; charset=UTF-8")
              .body(minimalJson(""))
              .post(ARTICLES),
          415,
          "/problems/unsupported-media-type");
    }

    @Test
    void createWithoutTokenIsUnauthorized() {
      assertUnauthorized(
          Api.raw().contentType(ContentType.JSON).body(minimalJson("")).post(ARTICLES));
    }

    @Test
    void createWithWrongTokenIsUnauthorized() {
      assertUnauthorized(
          Api.raw()
              .header("Authorization", "Bearer not-the-admin-token")
              .contentType(ContentType.JSON)
              .body(minimalJson(""))
              .post(ARTICLES));
      assertUnauthorized(
          Api.raw()
              .header("Authorization", "Basic YWRtaW46YWRtaW4=")
              .contentType(ContentType.JSON)
              .body(minimalJson(""))
              .post(ARTICLES));
    }
  }

  /** PUT: what a GET gave goes back unchanged; every writable field is replaced. */
  @Nested
  class Replace {

    @Test
    void putWhatGetReturnedRoundTrips() {
      sections();
      Map<String, Object> sent = typicalArticle(TITLE + " " + Fixtures.suffix());
      sent.put("authors", List.of(sophie.bySlug(), joerg.bySlug()));
      String id = Fixtures.article(sent).id();

      Response read = Api.admin().get(ARTICLES + "/" + id);
      read.then().statusCode(200);
      JsonPath before = read.jsonPath();

      Response put =
          Api.admin()
              .header("If-Match", read.header("ETag"))
              .body(read.asString())
              .put(ARTICLES + "/" + id);
      put.then().statusCode(200).header("ETag", notNullValue());
      JsonPath after = put.jsonPath();
      assertSameFields(
          before,
          after,
          " changed on a round trip",
          "id",
          "slug",
          "title",
          "subtitle",
          "excerpt",
          "body",
          "language",
          "status",
          "publishedAt",
          "category",
          "authors",
          "tags",
          "source",
          "featuredImage",
          "seo",
          "wordCount",
          "readingTimeMinutes",
          "createdAt");
      Api.admin()
          .get(ARTICLES + "/" + id)
          .then()
          .statusCode(200)
          .header("ETag", equalTo(put.header("ETag")));
    }

    @Test
    void putReplacesAllWritableFieldsAndKeepsTheSlug() {
      sections();
      JsonPath created = Fixtures.article(typicalArticle(TITLE + " " + Fixtures.suffix())).json();
      String id = created.getString("id");

      Map<String, Object> replacement =
          Fixtures.newArticle("Marine beendet Übung vor Pjöngjang", news()).withText().toMap();
      replacement.put("body", "<p>Die Schiffe sind zurück im Hafen.</p>");
      Api.admin()
          .header("If-Match", Fixtures.etag(ARTICLES + "/" + id))
          .body(replacement)
          .put(ARTICLES + "/" + id)
          .then()
          .statusCode(200)
          .body("title", equalTo("Marine beendet Übung vor Pjöngjang"))
          .body("slug", equalTo(created.getString("slug")))
          .body("status", equalTo("draft"))
          .body("$", not(hasKey("subtitle")))
          .body("$", not(hasKey("source")))
          .body("tags", equalTo(List.of()))
          .body("wordCount", is(6))
          .body("readingTimeMinutes", is(1));
    }
  }

  /** Merge patches: only the given fields change, null removes, the result is validated. */
  @Nested
  class Patch {

    @Test
    void patchChangesOnlyTheGivenFieldsAndNullRemoves() {
      sections();
      JsonPath created = Fixtures.article(typicalArticle(TITLE + " " + Fixtures.suffix())).json();
      String id = created.getString("id");

      Response patched =
          Api.mergePatch(Api.admin())
              .header("If-Match", Fixtures.etag(ARTICLES + "/" + id))
              .body("{\"title\":\"Marine übt weiter vor Pjöngjang\",\"subtitle\":null}")
              .patch(ARTICLES + "/" + id);
      patched
          .then()
          .statusCode(200)
          .body("title", equalTo("Marine übt weiter vor Pjöngjang"))
          .body("$", not(hasKey("subtitle")));
      JsonPath after = patched.jsonPath();
      assertSameFields(
          created,
          after,
          " changed by an unrelated patch",
          "slug",
          "excerpt",
          "body",
          "status",
          "publishedAt",
          "category",
          "authors",
          "tags",
          "source",
          "featuredImage",
          "seo",
          "wordCount",
          "createdAt");
    }

    @Test
    void patchNamingAnotherCategoryBySlugMovesTheArticle() {
      Sections sections = sections();
      JsonPath created = Fixtures.article(typicalArticle(TITLE + " " + Fixtures.suffix())).json();
      String id = created.getString("id");
      assertEquals(sections.nachrichten().slug(), created.getString("category.slug"));

      Api.mergePatch(Api.admin())
          .header("If-Match", Fixtures.etag(ARTICLES + "/" + id))
          .body(Map.of("category", Map.of("slug", sections.welt().slug())))
          .patch(ARTICLES + "/" + id)
          .then()
          .statusCode(200)
          .body("category.slug", equalTo(sections.welt().slug()))
          .body("category.id", equalTo(sections.welt().id()));
    }

    @Test
    void patchStatusToPublishedPublishes() {
      sections();
      JsonPath draft = createDraft("Hafen von Nampo wieder offen " + Fixtures.suffix());
      String id = draft.getString("id");
      String slug = draft.getString("slug");
      Api.anonymous().get(ARTICLES + "/slug/" + slug).then().statusCode(404);

      Api.mergePatch(Api.admin())
          .header("If-Match", Fixtures.etag(ARTICLES + "/" + id))
          .body("{\"status\":\"published\"}")
          .patch(ARTICLES + "/" + id)
          .then()
          .statusCode(200)
          .body("status", equalTo("published"))
          .body("publishedAt", notNullValue());

      Api.anonymous()
          .get(ARTICLES + "/slug/" + slug)
          .then()
          .statusCode(200)
          .body("status", equalTo("published"))
          .body("title", equalTo(draft.getString("title")));
    }

    @Test
    void patchWithInvalidResultNamesTheField() {
      sections();
      String id = createDraft("Hafen von Nampo gesperrt " + Fixtures.suffix()).getString("id");
      assertInvalidField(
          Api.mergePatch(Api.rawAdmin())
              .header("If-Match", Fixtures.etag(ARTICLES + "/" + id))
              .body("{\"title\":\"\"}")
              .patch(ARTICLES + "/" + id),
          "title",
          equalTo("must not be blank"));
      assertInvalidField(
          Api.mergePatch(Api.rawAdmin())
              .header("If-Match", Fixtures.etag(ARTICLES + "/" + id))
              .body("{\"category\":null}")
              .patch(ARTICLES + "/" + id),
          "category",
          equalTo("must not be null"));
    }

    @Test
    void patchWithNonObjectBodyIsBadRequest() {
      sections();
      String id = createDraft("Hafen von Nampo gesperrt " + Fixtures.suffix()).getString("id");
      assertProblem(
          Api.mergePatch(Api.rawAdmin())
              .header("If-Match", Fixtures.etag(ARTICLES + "/" + id))
              .body("[]")
              .patch(ARTICLES + "/" + id),
          400,
          "/problems/malformed-json");
    }
  }

  /** If-Match: required on every write, and no write overwrites a newer one. */
  @Nested
  class Preconditions {

    @Test
    void writesWithoutIfMatchArePreconditionRequired() {
      sections();
      String id = createDraft("Hafen von Nampo gesperrt " + Fixtures.suffix()).getString("id");
      assertProblem(
          Api.mergePatch(Api.rawAdmin()).body("{\"title\":\"Neu\"}").patch(ARTICLES + "/" + id),
          428,
          "/problems/precondition-required");
      assertProblem(
          rawJson().body(minimalJson("")).put(ARTICLES + "/" + id),
          428,
          "/problems/precondition-required");
      assertProblem(
          Api.rawAdmin().delete(ARTICLES + "/" + id), 428, "/problems/precondition-required");
      Api.admin().get(ARTICLES + "/" + id).then().statusCode(200);
    }

    @Test
    void writesWithStaleIfMatchFailAndSendTheCurrentEtag() {
      sections();
      String id = createDraft("Hafen von Nampo gesperrt " + Fixtures.suffix()).getString("id");
      String stale = Fixtures.etag(ARTICLES + "/" + id);
      Api.mergePatch(Api.admin())
          .header("If-Match", stale)
          .body("{\"subtitle\":\"Manöver im Gelben Meer\"}")
          .patch(ARTICLES + "/" + id)
          .then()
          .statusCode(200);
      String current = Fixtures.etag(ARTICLES + "/" + id);
      assertNotEquals(stale, current);

      assertProblem(
              Api.mergePatch(Api.rawAdmin())
                  .header("If-Match", stale)
                  .body("{\"title\":\"Überschrieben\"}")
                  .patch(ARTICLES + "/" + id),
              412,
              "/problems/precondition-failed")
          .header("ETag", equalTo(current));
      assertProblem(
              Api.admin()
                  .header("If-Match", stale)
                  .body(Fixtures.newArticle("Überschrieben", news()).withText().toMap())
                  .put(ARTICLES + "/" + id),
              412,
              "/problems/precondition-failed")
          .header("ETag", equalTo(current));
      assertProblem(
              Api.admin()
                  .accept(Api.ACCEPT_WITH_PROBLEMS)
                  .header("If-Match", stale)
                  .delete(ARTICLES + "/" + id),
              412,
              "/problems/precondition-failed")
          .header("ETag", equalTo(current));
      Api.admin()
          .get(ARTICLES + "/" + id)
          .then()
          .statusCode(200)
          .body("subtitle", equalTo("Manöver im Gelben Meer"));
    }

    @Test
    void concurrentPatchesWithTheSameEtagHaveExactlyOneWinner() throws Exception {
      sections();
      String id = createDraft("Hafen von Nampo gesperrt " + Fixtures.suffix()).getString("id");
      String etag = Fixtures.etag(ARTICLES + "/" + id);
      int writers = 20;

      record Outcome(String title, int status, String type) {}

      ExecutorService pool = Executors.newFixedThreadPool(writers);
      try {
        CountDownLatch ready = new CountDownLatch(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
          String title = "Fassung Nr. " + (i + 1) + ": Übung vor Pjöngjang";
          futures.add(
              pool.submit(
                  () -> {
                    ready.countDown();
                    start.await();
                    Response r =
                        Api.mergePatch(Api.rawAdmin())
                            .header("If-Match", etag)
                            .body("{\"title\":\"" + title + "\"}")
                            .patch(ARTICLES + "/" + id);
                    return new Outcome(
                        title,
                        r.statusCode(),
                        r.statusCode() == 200 ? null : r.jsonPath().getString("type"));
                  }));
        }
        assertTrue(ready.await(60, TimeUnit.SECONDS));
        start.countDown();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> f : futures) {
          outcomes.add(f.get(120, TimeUnit.SECONDS));
        }

        List<Outcome> winners = outcomes.stream().filter(o -> o.status() == 200).toList();
        List<Outcome> losers = outcomes.stream().filter(o -> o.status() == 412).toList();
        assertEquals(1, winners.size(), "exactly one write may win: " + outcomes);
        assertEquals(
            writers - 1, losers.size(), "all others must fail the precondition: " + outcomes);
        losers.forEach(o -> assertEquals("/problems/precondition-failed", o.type()));
        Api.admin()
            .get(ARTICLES + "/" + id)
            .then()
            .statusCode(200)
            .body("title", equalTo(winners.get(0).title()));
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /** DELETE, and writes to articles that do not exist. */
  @Nested
  class Delete {

    @Test
    void deleteRemovesTheArticle() {
      sections();
      Map<String, Object> body =
          Fixtures.newArticle("Hafen von Nampo gesperrt " + Fixtures.suffix(), news())
              .withText()
              .published(Fixtures.now().minus(Duration.ofHours(1)))
              .toMap();
      JsonPath created = Fixtures.article(body).json();
      String id = created.getString("id");

      Api.admin()
          .accept(Api.ACCEPT_WITH_PROBLEMS)
          .header("If-Match", Fixtures.etag(ARTICLES + "/" + id))
          .delete(ARTICLES + "/" + id)
          .then()
          .statusCode(204);

      assertProblem(Api.admin().get(ARTICLES + "/" + id), 404, "/problems/not-found");
      assertProblem(Api.anonymous().get(ARTICLES + "/" + id), 404, "/problems/not-found");
      assertProblem(
          Api.anonymous().get(ARTICLES + "/slug/" + created.getString("slug")),
          404,
          "/problems/not-found");
    }

    @Test
    void writesToAnUnknownArticleAreNotFound() {
      String id = UUID.randomUUID().toString();
      assertProblem(
          Api.mergePatch(Api.admin())
              .header("If-Match", "\"abc\"")
              .body("{\"title\":\"Neu\"}")
              .patch(ARTICLES + "/" + id),
          404,
          "/problems/not-found");
      assertProblem(
          Api.admin()
              .accept(Api.ACCEPT_WITH_PROBLEMS)
              .header("If-Match", "\"abc\"")
              .delete(ARTICLES + "/" + id),
          404,
          "/problems/not-found");
    }
  }

  /** Hostile input is refused with a 4xx problem, never a 500, never leaking internals. */
  @Nested
  class BadInput {

    @Test
    void nulCharacterInTitleIsInvalid() {
      assertInvalidField(
          rawJson()
              .body(
                  "{\"title\":\"Hafen\\u0000gesperrt\",\"category\":{\"slug\":\""
                      + news().slug()
                      + "\"}}")
              .post(ARTICLES),
          "title",
          containsString("NUL"));
    }

    @Test
    void hugeNumberIsRefused() {
      assertProblem(
          rawJson()
              .body(
                  "{\"title\":"
                      + "9".repeat(5000)
                      + ",\"category\":{\"slug\":\""
                      + news().slug()
                      + "\"}}")
              .post(ARTICLES),
          400,
          "/problems/malformed-json");
    }

    @Test
    void deeplyNestedJsonIsRefused() {
      String deepArray = "[".repeat(5000) + "]".repeat(5000);
      // In a field Jackson skips, the parser still has to walk the nesting and hits the limit.
      assertProblem(
              rawJson().body(minimalJson("\"wordCount\":" + deepArray)).post(ARTICLES),
              400,
              "/problems/malformed-json")
          .body("detail", containsString("nesting"));
      // A merge patch is read as a whole tree.
      String id = createDraft("Hafen von Nampo gesperrt " + Fixtures.suffix()).getString("id");
      assertProblem(
          Api.mergePatch(Api.rawAdmin())
              .header("If-Match", Fixtures.etag(ARTICLES + "/" + id))
              .body("{\"seo\":" + "{\"a\":".repeat(5000) + "1" + "}".repeat(5000) + "}")
              .patch(ARTICLES + "/" + id),
          400,
          "/problems/malformed-json");
      // Where an object is expected, the first bracket is already wrong.
      assertInvalidField(
          rawJson().body(minimalJson("\"seo\":" + deepArray)).post(ARTICLES),
          "seo",
          equalTo("must be an object"));
    }

    @Test
    void titleLongerThan300CharactersNamesTitle() {
      String sfx = Fixtures.suffix();
      String longest = (sfx + " Übung im Gelben Meer vor Pjöngjang ").repeat(10).substring(0, 300);
      JsonPath created =
          Fixtures.article(Fixtures.newArticle(longest, news()).withText().toMap()).json();
      assertEquals(longest, created.getString("title"));
      assertTrue(created.getString("slug").length() <= 120, created.getString("slug"));

      assertInvalidField(
          rawJson()
              .body(Fixtures.newArticle(longest + "ß", news()).withText().toMap())
              .post(ARTICLES),
          "title",
          containsString("300"));
    }

    @Test
    void invalidUuidInPathIsNotFound() {
      assertProblem(
          Api.raw().accept(ContentType.JSON).get(ARTICLES + "/keine-uuid"),
          404,
          "/problems/not-found");
      assertProblem(
          Api.mergePatch(Api.rawAdmin())
              .header("If-Match", "\"abc\"")
              .body("{}")
              .patch(ARTICLES + "/keine-uuid"),
          404,
          "/problems/not-found");
    }

    @Test
    void unknownIdAndSlugAreNotFound() {
      assertProblem(
          Api.anonymous().get(ARTICLES + "/" + UUID.randomUUID()), 404, "/problems/not-found");
      assertProblem(
          Api.anonymous().get(ARTICLES + "/slug/gibt-es-nicht-" + Fixtures.suffix()),
          404,
          "/problems/not-found");
    }

    @Test
    void problemsNeverLeakInternals() {
      Response r =
          rawJson()
              .body("{\"title\":\"Hafen\\u0000gesperrt\",\"category\":{\"id\":\"kein-uuid\"}}")
              .post(ARTICLES);
      assertEquals(400, r.statusCode());
      String text = r.asString();
      for (String leak : List.of("Exception", "jackson", "dev.feder", "at org.", "SQL")) {
        assertTrue(!text.contains(leak), "problem leaks '" + leak + "': " + text);
      }
      assertNull(r.jsonPath().get("trace"));
    }
  }
}
