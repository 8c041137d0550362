package dev.feder.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Browsers on the configured frontend origins ({@code quarkus.http.cors.origins}) may call the API,
 * including writes with {@code If-Match}, and read its ETag; other origins get no CORS grant.
 *
 * <p>Preflights and refused origins go out with plain {@code Api.plain()}: the spec has no OPTIONS
 * operations, and Quarkus refuses foreign origins before the API answers.
 */
@QuarkusTest
class CorsTest {

  private static final String FRONTEND = "http://localhost:3000";
  private static final String FOREIGN = "https://evil.example";

  @Test
  void preflightForPatchFromFrontendOriginIsAllowed() {
    String id = createCategory();

    Api.plain()
        .header("Origin", FRONTEND)
        .header("Access-Control-Request-Method", "PATCH")
        .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
        .options("/api/v1/categories/{id}", id)
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", FRONTEND)
        .header("Access-Control-Allow-Methods", containsString("PATCH"))
        .header("Access-Control-Allow-Headers", containsStringIgnoringCase("Authorization"))
        .header("Access-Control-Allow-Headers", containsStringIgnoringCase("Content-Type"))
        .header("Access-Control-Allow-Headers", containsStringIgnoringCase("If-Match"));
  }

  @Test
  void preflightFromAnotherConfiguredDevServerIsAllowed() {
    Api.plain()
        .header("Origin", "http://localhost:5173")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization,content-type")
        .options("/api/v1/articles")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", "http://localhost:5173")
        .header("Access-Control-Allow-Methods", containsString("POST"));
  }

  @Test
  void getFromFrontendOriginIsAllowedAndExposesEtag() {
    String id = createCategory();

    Api.anonymous()
        .header("Origin", FRONTEND)
        .get("/api/v1/categories/{id}", id)
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", FRONTEND)
        .header("Access-Control-Expose-Headers", containsString("ETag"))
        .header("Access-Control-Expose-Headers", containsString("Location"))
        .header("Access-Control-Expose-Headers", containsString("Link"))
        .header("Vary", containsString("Origin"))
        .body("id", equalTo(id));
  }

  @Test
  void preflightFromForeignOriginIsNotAllowed() {
    String id = createCategory();

    Api.plain()
        .header("Origin", FOREIGN)
        .header("Access-Control-Request-Method", "PATCH")
        .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
        .options("/api/v1/categories/{id}", id)
        .then()
        .statusCode(403)
        .header("Access-Control-Allow-Origin", nullValue());
  }

  @Test
  void getFromForeignOriginGetsNoCorsGrant() {
    String id = createCategory();

    Api.plain()
        .header("Origin", FOREIGN)
        .get("/api/v1/categories/{id}", id)
        .then()
        .header("Access-Control-Allow-Origin", nullValue())
        .header("Access-Control-Allow-Credentials", nullValue());
  }

  private static String createCategory() {
    return Fixtures.category("Lokales " + Fixtures.suffix()).id();
  }
}
