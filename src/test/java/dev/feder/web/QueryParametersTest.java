package dev.feder.web;

import static dev.feder.support.Problems.assertProblem;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import dev.feder.support.TestData;
import dev.feder.support.TestData.Created;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * An operation takes the query parameters its resource method declares, each once: anything else is
 * a 400 that names the parameter, before the resource runs, so no unknown parameter (a token, a
 * password, a cache-busting nonce) is ever echoed in links or kept apart in the response cache.
 */
@QuarkusTest
class QueryParametersTest {

  private static final String BAD_PARAMETER = "/problems/bad-parameter";

  @Test
  void unknownParameterIsRefusedAndNeverReflected() {
    Response response = Api.raw().get("/api/v1/articles?access_token=s3cr3t-value&size=2");

    assertProblem(response, 400, BAD_PARAMETER)
        .body("detail", equalTo("Unknown parameter 'access_token'"))
        .body("errors", hasSize(1))
        .body("errors[0].field", equalTo("access_token"))
        .body("errors[0].message", containsString("category"))
        .body("errors[0].message", containsString("publishedAfter"))
        .header("Link", nullValue());
    assertFalse(response.asString().contains("s3cr3t-value"), response.asString());
  }

  @Test
  void everyUnknownParameterIsNamed() {
    assertProblem(Api.raw().get("/api/v1/articles?api_key=1&password=2&page=1"), 400, BAD_PARAMETER)
        .body("detail", equalTo("2 unknown parameters"))
        .body("errors.field", hasItems("api_key", "password"));
  }

  @Test
  void itemReadsTakeNoParametersButTheirOwn() {
    Created category = TestData.category("Parameterlos " + TestData.suffix());

    assertProblem(
            Api.raw().get("/api/v1/categories/{id}?expand=parent", category.id()),
            400,
            BAD_PARAMETER)
        .body("errors[0].field", equalTo("expand"))
        .body("errors[0].message", equalTo("unknown parameter; this operation takes none"));
    Api.anonymous().get("/api/v1/categories/{id}", category.id()).then().statusCode(200);
  }

  @Test
  void unknownParameterOnAWriteChangesNothing() {
    String name = "Probelauf " + TestData.suffix();

    assertProblem(
        Api.rawAdmin()
            .contentType("application/json")
            .body(Map.of("name", name))
            .post("/api/v1/categories?dryRun=true"),
        400,
        BAD_PARAMETER);

    Api.anonymous()
        .get("/api/v1/categories?size=100")
        .then()
        .statusCode(200)
        .body("data.name", not(org.hamcrest.Matchers.hasItem(name)));
  }

  @Test
  void feedsRefuseUnknownParametersToo() {
    assertProblem(
            Api.raw().get("/api/v1/feeds/articles.rss?utm_source=newsletter"), 400, BAD_PARAMETER)
        .body("errors[0].field", equalTo("utm_source"));
  }

  @Test
  void aParameterGivenTwiceIsRefused() {
    assertProblem(Api.raw().get("/api/v1/articles?tag=Marine&tag=Flotte"), 400, BAD_PARAMETER)
        .body("detail", equalTo("Parameter 'tag' is given more than once"))
        .body("errors[0].field", equalTo("tag"))
        .body("errors[0].message", equalTo("given 2 times; send it once"));
  }

  @Test
  void hundredsOfTagsAreRefusedAtOnce() {
    assertProblem(articlesWithTags(700), 400, BAD_PARAMETER)
        .body("errors[0].message", equalTo("given 700 times; send it once"));
  }

  @Test
  void thousandsOfTagsDoNotFitTheRequestLine() {
    assertProblem(articlesWithTags(5000), 414, "/problems/uri-too-long");
  }

  @Test
  void parametersOfEveryKindTheOperationDeclaresAreTaken() {
    // page and size come from PageParameters, q, tag and language from ArticleFilter (both
    // @BeanParam), sort and fields from the method itself.
    Api.anonymous()
        .queryParam("page", 1)
        .queryParam("size", 5)
        .queryParam("q", "Übung")
        .queryParam("tag", "Marine")
        .queryParam("language", "de")
        .queryParam("sort", "-publishedAt")
        .queryParam("fields", "id,title")
        .get("/api/v1/articles")
        .then()
        .statusCode(200);
  }

  @Test
  void emptyPartsOfTheQueryAreNoParameters() {
    Api.anonymous()
        .urlEncodingEnabled(false)
        .get("/api/v1/categories?size=2&&")
        .then()
        .statusCode(200)
        .body("meta.size", equalTo(2));
  }

  @Test
  void malformedPercentEncodingIsRefused() {
    assertProblem(
            Api.raw().urlEncodingEnabled(false).get("/api/v1/articles?q=%C3%28"),
            400,
            BAD_PARAMETER)
        .body("detail", equalTo("The query is not valid percent-encoded UTF-8"));
    assertProblem(
        Api.raw().urlEncodingEnabled(false).get("/api/v1/articles?q=%E0%A4"), 400, BAD_PARAMETER);
  }

  @Test
  void theLongestNameIsCutShortInTheAnswer() {
    String name = "x".repeat(3000);

    Response response = Api.raw().get("/api/v1/articles?" + name + "=1");

    assertProblem(response, 400, BAD_PARAMETER)
        .body("errors[0].field", allOf(containsString("xxxx"), containsString("…")));
    String field = response.path("errors[0].field");
    assertEquals(65, field.length());
    assertTrue(response.asString().length() < 1000, response.asString().length() + " bytes");
  }

  /** The article list filtered by {@code count} different tags. */
  private static Response articlesWithTags(int count) {
    String tags =
        IntStream.range(0, count).mapToObj(i -> "tag=t" + i).collect(Collectors.joining("&"));
    return Api.raw().urlEncodingEnabled(false).get("/api/v1/articles?" + tags);
  }
}
