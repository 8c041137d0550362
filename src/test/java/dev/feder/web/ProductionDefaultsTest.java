package dev.feder.web;

import static dev.feder.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.feder.support.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a production deployment gets without configuring anything more: health checks and metrics on
 * the management port only, no browser origin allowed but the server's own, and, once a public base
 * URL is set, absolute {@code Location} headers and feed links under it.
 */
@QuarkusTest
@TestProfile(ProductionDefaultsTest.Production.class)
class ProductionDefaultsTest {

  /** The prod defaults of {@code application.properties}, with a public base URL. */
  public static class Production implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.management.enabled", "true",
          "quarkus.management.test-port", "0",
          "quarkus.http.cors.origins", "",
          "feder.http.public-base-url", "https://cms.example.org/");
    }
  }

  // Paths under the management interface's root, /q.
  @TestHTTPResource(value = "metrics", management = true)
  URL metrics;

  @TestHTTPResource(value = "health/ready", management = true)
  URL readiness;

  @Test
  void metricsAndHealthAreNotOnTheApiPort() {
    for (String path : new String[] {"/q/metrics", "/q/health", "/q/health/ready"}) {
      assertProblem(given().get(path), 404, "/problems/not-found");
    }
  }

  @Test
  void managementPortServesMetricsAndHealth() {
    Api.anonymous().get("/api/v1/categories").then().statusCode(200);

    given().get(metrics).then().statusCode(200).body(containsString("uri=\"/api/v1/categories\""));
    given().get(readiness).then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void theSpecStaysOnTheApiPort() {
    given().get("/q/openapi").then().statusCode(200);
  }

  @Test
  void noBrowserOriginIsAllowedButTheServersOwn() {
    assertProblem(
        given().header("Origin", "http://localhost:3000").get("/api/v1/categories"),
        403,
        "/problems/forbidden");
    given()
        .header("Origin", "http://localhost:" + io.restassured.RestAssured.port)
        .get("/api/v1/categories")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Credentials", nullValue());
  }

  @Test
  void locationAndFeedLinksAreUnderThePublicBaseUrl() {
    String name = "Basis " + java.util.UUID.randomUUID().toString().substring(0, 8);
    Api.admin()
        .body(Map.of("name", name))
        .post("/api/v1/categories")
        .then()
        .statusCode(201)
        .header("Location", startsWith("https://cms.example.org/api/v1/categories/"));
    Api.anonymous()
        .accept("application/atom+xml")
        .get("/api/v1/feeds/articles.atom")
        .then()
        .statusCode(200)
        .body(containsString("href=\"https://cms.example.org/api/v1/feeds/articles.atom\""));
  }
}
