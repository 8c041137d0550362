package dev.feder.web;

import static dev.feder.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/**
 * Browsers on origins the server does not allow get a 403 problem that says why, not an empty
 * answer; allowed origins get their grant without {@code Access-Control-Allow-Credentials}, since
 * Feder authenticates with bearer tokens, never cookies. Plain {@code given()}: the spec has no
 * OPTIONS operations.
 */
@QuarkusTest
class CorsRefusalTest {

  private static final String FOREIGN = "https://evil.example";

  @Test
  void readFromAForeignOriginIsAProblem() {
    assertProblem(
            given().header("Origin", FOREIGN).get("/api/v1/categories"), 403, "/problems/forbidden")
        .header("Access-Control-Allow-Origin", nullValue())
        .header("Vary", containsString("Origin"))
        .header("Cache-Control", "no-store")
        .body("detail", containsString("QUARKUS_HTTP_CORS_ORIGINS"));
  }

  @Test
  void preflightFromAForeignOriginIsAProblem() {
    assertProblem(
            given()
                .header("Origin", FOREIGN)
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/articles"),
            403,
            "/problems/forbidden")
        .header("Access-Control-Allow-Methods", nullValue());
  }

  @Test
  void allowedOriginsGetNoCredentialsGrant() {
    given()
        .header("Origin", "http://localhost:3000")
        .get("/api/v1/categories")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", "http://localhost:3000")
        .header("Access-Control-Allow-Credentials", nullValue());
    given()
        .header("Origin", "http://localhost:3000")
        .header("Access-Control-Request-Method", "PATCH")
        .options("/api/v1/categories")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Credentials", nullValue());
  }

  @Test
  void theServersOwnOriginIsAllowed() {
    // The Swagger UI's "Try it out" sends the server's own origin.
    given()
        .header("Origin", "http://localhost:" + RestAssured.port)
        .get("/api/v1/categories")
        .then()
        .statusCode(200);
  }

  @Test
  void aMethodBrowsersMayNotUseIsAProblem() {
    assertProblem(
        given().header("Origin", "http://localhost:3000").request("PROPFIND", "/api/v1/categories"),
        403,
        "/problems/forbidden");
  }
}
