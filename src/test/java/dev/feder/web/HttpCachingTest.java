package dev.feder.web;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ETags, conditional GETs and {@code Cache-Control} across resources: every GET and every write
 * that answers with a representation carries the ETag of exactly that representation.
 */
@QuarkusTest
class HttpCachingTest {

  /** A strong ETag as Feder makes them: 27 base64url characters in quotes. */
  private static final String STRONG_ETAG = "^\"[A-Za-z0-9_-]{27}\"$";

  private static final String PUBLIC_CACHE = "public, max-age=60, stale-while-revalidate=300";
  private static final String PRIVATE_CACHE = "private, no-store";

  @Test
  void getCategoryAnswersWithEtagAndPublicCacheControl() {
    String id = createCategory("Wirtschaft").id();

    Api.anonymous()
        .get("/api/v1/categories/{id}", id)
        .then()
        .statusCode(200)
        .header("ETag", matchesPattern(STRONG_ETAG))
        .header("Cache-Control", PUBLIC_CACHE)
        .header("Vary", containsString("Authorization"))
        .header("Vary", containsString("Origin"));
  }

  @Test
  void getBySlugAnswersWithTheSameEtagAsGetById() {
    Created created = createCategory("Größere Städte");
    String id = created.id();
    String slug = created.slug();

    String byId =
        Api.anonymous().get("/api/v1/categories/{id}", id).then().extract().header("ETag");
    Api.anonymous()
        .get("/api/v1/categories/slug/{slug}", slug)
        .then()
        .statusCode(200)
        .header("ETag", byId)
        .header("Cache-Control", PUBLIC_CACHE);
  }

  @Test
  void everyListAnswersWithEtagAndPublicCacheControl() {
    createCategory("Kultur");
    for (String list : new String[] {"categories", "authors", "articles"}) {
      Api.anonymous()
          .queryParam("size", 100)
          .get("/api/v1/" + list)
          .then()
          .statusCode(200)
          .header("ETag", matchesPattern(STRONG_ETAG))
          .header("Cache-Control", PUBLIC_CACHE)
          .header("Vary", containsString("Authorization"));
    }
  }

  @Test
  void publishedArticleAndAuthorReadsAnswerWithEtag() {
    String category = createCategory("Hafen").id();
    String author =
        Api.admin()
            .body(Map.of("name", unique("Jörg Weißmann")))
            .post("/api/v1/authors")
            .then()
            .statusCode(201)
            .header("ETag", matchesPattern(STRONG_ETAG))
            .extract()
            .path("id");
    String article =
        Api.admin()
            .body(
                Map.of(
                    "title", unique("„Nebel über dem Hafen“: Fähren fahren später"),
                    "body", "<p>Die Fähren nach Föhr fahren heute später.</p>",
                    "status", "published",
                    "category", Map.of("id", category),
                    "authors", List.of(Map.of("id", author))))
            .post("/api/v1/articles")
            .then()
            .statusCode(201)
            .header("ETag", matchesPattern(STRONG_ETAG))
            .extract()
            .path("id");

    Api.anonymous()
        .get("/api/v1/articles/{id}", article)
        .then()
        .statusCode(200)
        .header("ETag", matchesPattern(STRONG_ETAG))
        .header("Cache-Control", PUBLIC_CACHE);
    Api.anonymous()
        .get("/api/v1/authors/{id}", author)
        .then()
        .statusCode(200)
        .header("ETag", matchesPattern(STRONG_ETAG))
        .header("Cache-Control", PUBLIC_CACHE);
  }

  @Test
  void createAnswersWithTheEtagOfTheCreatedRepresentation() {
    Created created = createCategory("Sport");
    String etag = created.etag();

    Api.anonymous()
        .get("/api/v1/categories/{id}", created.id())
        .then()
        .statusCode(200)
        .header("ETag", etag);
  }

  @Test
  void replaceAnswersWithTheNewEtag() {
    Created created = createCategory("Wissen");
    String id = created.id();
    String before = created.etag();

    String after =
        Api.admin()
            .header("If-Match", before)
            .body(
                Map.of(
                    "name",
                    created.json().getString("name"),
                    "description",
                    "Forschung, Technik und „große Fragen“"))
            .put("/api/v1/categories/{id}", id)
            .then()
            .statusCode(200)
            .header("ETag", matchesPattern(STRONG_ETAG))
            .extract()
            .header("ETag");

    assertNotEquals(before, after);
    Api.anonymous().get("/api/v1/categories/{id}", id).then().statusCode(200).header("ETag", after);
  }

  @Test
  void patchAnswersWithTheNewEtag() {
    Created created = createCategory("Reise");
    String id = created.id();
    String before = created.etag();

    String after =
        Api.mergePatch(Api.admin())
            .header("If-Match", before)
            .body("{\"description\": \"Ziele zwischen Sylt und Zugspitze\"}")
            .patch("/api/v1/categories/{id}", id)
            .then()
            .statusCode(200)
            .header("ETag", matchesPattern(STRONG_ETAG))
            .extract()
            .header("ETag");

    assertNotEquals(before, after);
    Api.anonymous().get("/api/v1/categories/{id}", id).then().statusCode(200).header("ETag", after);
  }

  @Test
  void ifNoneMatchWithTheCurrentEtagIsNotModified() {
    String id = createCategory("Panorama").id();
    String etag =
        Api.anonymous().get("/api/v1/categories/{id}", id).then().extract().header("ETag");

    Api.anonymous()
        .header("If-None-Match", etag)
        .get("/api/v1/categories/{id}", id)
        .then()
        .statusCode(304)
        .header("ETag", etag)
        .header("Cache-Control", PUBLIC_CACHE)
        .body(emptyString());
  }

  @Test
  void weakIfNoneMatchIsNotModified() {
    String id = createCategory("Medien").id();
    String etag =
        Api.anonymous().get("/api/v1/categories/{id}", id).then().extract().header("ETag");

    Api.anonymous()
        .header("If-None-Match", "W/" + etag)
        .get("/api/v1/categories/{id}", id)
        .then()
        .statusCode(304)
        .header("ETag", etag)
        .body(emptyString());
  }

  @Test
  void ifNoneMatchListContainingTheCurrentEtagIsNotModified() {
    String id = createCategory("Gesundheit").id();
    String etag =
        Api.anonymous().get("/api/v1/categories/{id}", id).then().extract().header("ETag");

    Api.anonymous()
        .header("If-None-Match", "\"a\", " + etag + ", \"b\"")
        .get("/api/v1/categories/{id}", id)
        .then()
        .statusCode(304)
        .body(emptyString());
  }

  @Test
  void ifNoneMatchListOfOtherEtagsAnswersTheRepresentation() {
    Created created = createCategory("Bildung");
    String id = created.id();

    Api.anonymous()
        .header("If-None-Match", "\"a\", \"b\"")
        .get("/api/v1/categories/{id}", id)
        .then()
        .statusCode(200)
        .header("ETag", matchesPattern(STRONG_ETAG))
        .body("id", equalTo(id))
        .body("name", equalTo(created.json().getString("name")));
  }

  @Test
  void ifNoneMatchOnAListWithItsCurrentEtagIsNotModified() {
    createCategory("Verkehr");
    String etag =
        Api.anonymous()
            .queryParam("size", 100)
            .get("/api/v1/categories")
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");

    Api.anonymous()
        .queryParam("size", 100)
        .header("If-None-Match", etag)
        .get("/api/v1/categories")
        .then()
        .statusCode(304)
        .header("ETag", etag)
        .body(emptyString());
  }

  @Test
  void etagChangesAfterAnEditAndTheOldOneNoLongerMatches() {
    Created created = createCategory("Meinung");
    String id = created.id();
    String old = Api.anonymous().get("/api/v1/categories/{id}", id).then().extract().header("ETag");

    Api.mergePatch(Api.admin())
        .header("If-Match", old)
        .body("{\"description\": \"Kommentare und Kolumnen – „pointiert“\"}")
        .patch("/api/v1/categories/{id}", id)
        .then()
        .statusCode(200);

    String current =
        Api.anonymous()
            .header("If-None-Match", old)
            .get("/api/v1/categories/{id}", id)
            .then()
            .statusCode(200)
            .body("description", equalTo("Kommentare und Kolumnen – „pointiert“"))
            .extract()
            .header("ETag");
    assertNotEquals(old, current);
  }

  @Test
  void authenticatedGetIsPrivateAndNotStored() {
    String id = createCategory("Intern").id();

    Api.admin()
        .get("/api/v1/categories/{id}", id)
        .then()
        .statusCode(200)
        .header("ETag", matchesPattern(STRONG_ETAG))
        .header("Cache-Control", PRIVATE_CACHE)
        .header("Vary", containsString("Authorization"));
    Api.admin()
        .queryParam("size", 100)
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .header("Cache-Control", PRIVATE_CACHE)
        .header("Vary", containsString("Authorization"));
  }

  @Test
  void authorReadWithTokenHasItsOwnEtagBecauseItShowsTheEmail() {
    String id =
        Api.admin()
            .body(Map.of("name", unique("Anna Schäfer"), "email", "anna.schaefer@example.org"))
            .post("/api/v1/authors")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    String anonymous =
        Api.anonymous()
            .get("/api/v1/authors/{id}", id)
            .then()
            .statusCode(200)
            .body("email", equalTo(null))
            .extract()
            .header("ETag");
    String authenticated =
        Api.admin()
            .get("/api/v1/authors/{id}", id)
            .then()
            .statusCode(200)
            .body("email", equalTo("anna.schaefer@example.org"))
            .extract()
            .header("ETag");

    assertNotEquals(anonymous, authenticated);
  }

  private static Created createCategory(String name) {
    Created created = Fixtures.category(unique(name));
    assertThat(created.etag(), matchesPattern(STRONG_ETAG));
    return created;
  }

  private static String unique(String name) {
    return name + " " + Fixtures.suffix();
  }
}
