package dev.feder.web;

import static dev.feder.support.Problems.assertLeaksNothing;
import static dev.feder.support.Problems.assertProblem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Errors raised by the framework rather than by Feder's services (routing, content negotiation,
 * body limits) are RFC 9457 problems like every other error, and none leaks internals.
 *
 * <p>Requests to paths or methods the spec does not have go out with plain {@code Api.plain()}: the
 * spec filter cannot check an exchange on an operation that does not exist.
 */
@QuarkusTest
class ProblemResponsesTest {

  private static final String CATEGORY = "{\"name\":\"Nachrichten %s\"}";

  @Test
  void unknownPathIsNotFoundProblem() {
    Response response = Api.plain().get("/api/v1/nothing");

    assertProblemAbout(response, 404, "/problems/not-found", "/api/v1/nothing");
  }

  @Test
  void unknownIdIsNotFoundProblem() {
    String path = "/api/v1/categories/" + UUID.randomUUID();

    Response response = Api.anonymous().get(path);

    assertProblemAbout(response, 404, "/problems/not-found", path);
  }

  @Test
  void deleteOnTheArticleCollectionIsMethodNotAllowedProblem() {
    Response response =
        Api.plain().header("Authorization", "Bearer " + Api.ADMIN_TOKEN).delete("/api/v1/articles");

    assertProblemAbout(response, 405, "/problems/method-not-allowed", "/api/v1/articles");
  }

  @Test
  void acceptingOnlyXmlIsNotAcceptableProblem() {
    String id = createCategory();

    Response single = Api.raw().accept(ContentType.XML).get("/api/v1/categories/{id}", id);
    Response list = Api.raw().accept(ContentType.XML).get("/api/v1/categories");

    assertProblemAbout(single, 406, "/problems/not-acceptable", "/api/v1/categories/" + id);
    assertProblemAbout(list, 406, "/problems/not-acceptable", "/api/v1/categories");
  }

  @Test
  void acceptListThatIncludesJsonIsServedAsJson() {
    String id = createCategory();

    Api.anonymous()
        .accept("application/xml, application/json;q=0.5")
        .get("/api/v1/categories/{id}", id)
        .then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .body("id", equalTo(id));
  }

  @Test
  void postingPlainTextIsUnsupportedMediaTypeProblem() {
    Response response =
        Api.rawAdmin()
            .contentType(ContentType.TEXT)
            .body(CATEGORY.formatted(Fixtures.suffix()))
            .post("/api/v1/categories");

    assertProblemAbout(response, 415, "/problems/unsupported-media-type", "/api/v1/categories");
  }

  @Test
  void patchingWithPlainJsonInsteadOfMergePatchIsUnsupportedMediaTypeProblem() {
    String id = createCategory();
    String etag =
        Api.anonymous().get("/api/v1/categories/{id}", id).then().extract().header("ETag");

    Response response =
        Api.rawAdmin()
            .contentType(ContentType.JSON)
            .header("If-Match", etag)
            .body("{\"description\":\"Meldungen aus aller Welt\"}")
            .patch("/api/v1/categories/{id}", id);

    assertProblemAbout(
        response, 415, "/problems/unsupported-media-type", "/api/v1/categories/" + id);
  }

  @Test
  void malformedJsonIsProblemWithoutParserInternals() {
    Response response =
        Api.rawAdmin()
            .contentType(ContentType.JSON)
            .body("{\"name\": \"Spaß mit „Anführungszeichen\"")
            .post("/api/v1/categories");

    assertProblemAbout(response, 400, "/problems/malformed-json", "/api/v1/categories");
    assertThat(response.asString(), not(containsString("fasterxml")));
    assertThat(response.asString(), not(containsString("Source:")));
  }

  @Test
  void overlongArticleBodyIsValidationProblemNamingTheBody() {
    String paragraph = "<p>Die Marine probt vor der Küste den Ernstfall – „so groß wie nie“.</p>";
    String body = paragraph.repeat(600_000 / paragraph.length() + 1);
    Map<String, Object> article =
        Map.of(
            "title",
            "„Größte Übung seit Jahren“ " + Fixtures.suffix(),
            "body",
            body,
            "category",
            Map.of("slug", "nachrichten"));

    Response response =
        Api.rawAdmin().contentType(ContentType.JSON).body(article).post("/api/v1/articles");

    assertProblemAbout(response, 400, "/problems/validation", "/api/v1/articles");
    JsonPath json = response.jsonPath();
    assertThat(json.getList("errors"), hasSize(1));
    assertEquals("body", json.getString("errors[0].field"));
    assertEquals("size must be between 0 and 500000", json.getString("errors[0].message"));
  }

  @Test
  void bodyOverTheServerLimitIsPayloadTooLargeProblem() {
    String name = "x".repeat(3 * 1024 * 1024);

    // Expect: 100-continue, as careful clients send large bodies: the server answers 413 before
    // the body is sent (and closes the connection instead of reading 3 MB it will not use).
    Response response =
        Api.expectingContinue(Api.rawAdmin())
            .contentType(ContentType.JSON)
            .body("{\"name\":\"" + name + "\"}")
            .post("/api/v1/categories");

    assertProblemAbout(response, 413, "/problems/payload-too-large", "/api/v1/categories");
    assertEquals(
        "The body may have at most 2097152 bytes", response.jsonPath().getString("detail"));
  }

  /** A complete problem of the given kind, about {@code instance}, without internals. */
  private static void assertProblemAbout(
      Response response, int status, String type, String instance) {
    assertProblem(response, status, type).body("instance", equalTo(instance));
    assertLeaksNothing(response.asString());
  }

  private static String createCategory() {
    return Fixtures.category("Nachrichten " + Fixtures.suffix()).id();
  }
}
