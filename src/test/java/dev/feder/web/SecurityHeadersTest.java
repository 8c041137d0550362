package dev.feder.web;

import static dev.feder.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.feder.support.Api;
import dev.feder.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every answer tells browsers not to guess its type, no error answer is kept by a cache, a 405 says
 * which methods the resource takes, and the Swagger UI runs under a Content-Security-Policy that
 * keeps it from loading anything from elsewhere and any other site from framing it.
 */
@QuarkusTest
class SecurityHeadersTest {

  private static final String NOSNIFF = "X-Content-Type-Options";

  @Test
  void apiAnswersAreNosniff() {
    Api.anonymous().get("/api/v1/categories").then().statusCode(200).header(NOSNIFF, "nosniff");
  }

  @Test
  void keptAnswersAreNosniffToo() {
    String id = TestData.category("Gemerkt " + TestData.suffix()).id();
    Api.anonymous().get("/api/v1/categories/{id}", id).then().statusCode(200);

    Response kept = Api.anonymous().get("/api/v1/categories/{id}", id);

    kept.then().statusCode(200).header(NOSNIFF, "nosniff");
    assertEquals(1, kept.headers().getValues(NOSNIFF).size());
  }

  @Test
  void feedsSpecAndSwaggerUiAreNosniff() {
    Api.anonymous()
        .accept("application/rss+xml")
        .get("/api/v1/feeds/articles.rss")
        .then()
        .statusCode(200)
        .header(NOSNIFF, "nosniff");
    given().get("/q/openapi").then().statusCode(200).header(NOSNIFF, "nosniff");
    given().get("/q/swagger-ui/").then().statusCode(200).header(NOSNIFF, "nosniff");
  }

  @Test
  void errorAnswersAreNeverStored() {
    for (Response response :
        List.of(
            Api.raw().get("/api/v1/articles/slug/gibt-es-nicht"),
            Api.raw().get("/api/v1/articles?size=1000"),
            Api.raw().header("Authorization", "Bearer falsch").get("/api/v1/articles"),
            given().get("/nirgendwo"))) {
      response
          .then()
          .header("Cache-Control", "no-store")
          .header(NOSNIFF, "nosniff")
          .header("Content-Type", containsString("application/problem+json"));
    }
  }

  @Test
  void methodNotAllowedSaysWhichMethodsAre() {
    // Plain given(): the spec has no such operations to check the answers against.
    assertProblem(given().delete("/api/v1/articles"), 405, "/problems/method-not-allowed")
        .header("Allow", "GET, HEAD, POST, OPTIONS")
        .header("Cache-Control", "no-store");
    assertProblem(
            given().post("/api/v1/articles/{id}", "6f1c2a43-5e1b-4d8e-9a57-3b2c1d0e9f88"),
            405,
            "/problems/method-not-allowed")
        .header("Allow", "GET, HEAD, PUT, PATCH, DELETE, OPTIONS");
    assertProblem(given().put("/api/v1/feeds/articles.rss"), 405, "/problems/method-not-allowed")
        .header("Allow", "GET, HEAD, OPTIONS");
  }

  @Test
  void swaggerUiMayNotBeFramedNorLoadFromElsewhere() {
    Response page = given().get("/q/swagger-ui/");

    page.then().statusCode(200).header("X-Frame-Options", "DENY");
    String policy = page.header("Content-Security-Policy");
    assertThat(policy, containsString("frame-ancestors 'none'"));
    assertThat(policy, containsString("default-src 'none'"));
    assertThat(policy, containsString("connect-src 'self'"));
    assertFalse(policy.contains("'unsafe-eval'"), policy);
    assertFalse(policy.contains("http"), policy);
    assertFalse(inlineScripts(page.asString()).isEmpty(), "the page runs inline scripts");
    assertThat(policy, containsString("script-src 'self' 'unsafe-inline'"));
    given()
        .get("/q/swagger-ui/swagger-ui-bundle.js")
        .then()
        .statusCode(200)
        .header("Content-Security-Policy", equalTo(policy));
  }

  @Test
  void apiAnswersCarryNoSwaggerUiPolicy() {
    Api.anonymous()
        .get("/api/v1/categories")
        .then()
        .header("Content-Security-Policy", equalTo(null));
  }

  /** The inline scripts of an HTML page. */
  private static List<String> inlineScripts(String html) {
    List<String> scripts = new ArrayList<>();
    Matcher script =
        Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", Pattern.DOTALL)
            .matcher(html);
    while (script.find()) {
      scripts.add(script.group(1));
    }
    return scripts;
  }
}
