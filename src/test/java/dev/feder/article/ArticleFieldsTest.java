package dev.feder.article;

import static dev.feder.support.Problems.assertBadParameter;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sparse fieldsets ({@code fields}) on the article list and single reads. */
@QuarkusTest
class ArticleFieldsTest {

  private static final String BODY = "<h2>Lage</h2><p>Die Fähre „Nordlicht“ läuft wieder aus.</p>";

  private String category;
  private String slug;

  @BeforeEach
  void createArticle() {
    String run = Fixtures.suffix();
    Created section = Fixtures.category("Felder " + run);
    category = section.slug();
    slug =
        Fixtures.newArticle("Fähre läuft aus " + run, section)
            .with("body", BODY)
            .published()
            .create()
            .slug();
  }

  @Test
  void listItemsOmitTheBodyByDefault() {
    Api.anonymous()
        .queryParam("category", category)
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("data[0]", not(hasKey("body")))
        .body("data[0]", hasKey("title"));
  }

  @Test
  void listReturnsOnlyTheRequestedFields() {
    Map<String, Object> item =
        Api.anonymous()
            .queryParam("category", category)
            .queryParam("fields", "id,slug,title")
            .get("/api/v1/articles")
            .then()
            .statusCode(200)
            .body("meta.totalItems", equalTo(1))
            .extract()
            .path("data[0]");
    assertEquals(Set.of("id", "slug", "title"), item.keySet());
  }

  @Test
  void listIncludesTheBodyWhenAsked() {
    Api.anonymous()
        .queryParam("category", category)
        .queryParam("fields", "slug,body")
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("data[0].slug", equalTo(slug))
        .body("data[0].body", equalTo(BODY));
  }

  @Test
  void singleReadReturnsOnlyTheRequestedFieldsWithItsOwnEtag() {
    String full =
        Api.anonymous().get("/api/v1/articles/slug/" + slug).then().extract().header("ETag");
    var sparse =
        Api.anonymous()
            .queryParam("fields", "title,wordCount")
            .get("/api/v1/articles/slug/" + slug)
            .then()
            .statusCode(200)
            .extract();
    Map<String, Object> body = sparse.path("");
    assertEquals(Set.of("title", "wordCount"), body.keySet());
    assertNotEquals(full, sparse.header("ETag"));
  }

  @Test
  void unknownFieldIsRefusedWithTheAllowedOnes() {
    for (String path : List.of("/api/v1/articles", "/api/v1/articles/slug/" + slug)) {
      assertBadParameter(
          Api.raw().queryParam("fields", "id,passwort").get(path),
          "fields",
          containsString("readingTimeMinutes"));
    }
  }
}
