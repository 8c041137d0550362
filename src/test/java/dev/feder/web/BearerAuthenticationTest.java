package dev.feder.web;

import static dev.feder.support.Problems.assertUnauthorized;
import static org.hamcrest.Matchers.equalTo;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code Authorization} is checked the same way on every request: no header is an anonymous reader;
 * a header that is not a known bearer token is a 401 with a Bearer challenge, on writes and on
 * public reads alike.
 */
@QuarkusTest
class BearerAuthenticationTest {

  private static final String UNKNOWN_TOKEN = "Bearer not-a-feder-token";

  @Test
  void writeWithBasicSchemeIsUnauthorizedWithBearerChallenge() {
    assertUnauthorized(
            Api.raw()
                .header("Authorization", "Basic abc")
                .contentType(ContentType.JSON)
                .body(category())
                .post("/api/v1/categories"))
        .body("status", equalTo(401))
        .body("instance", equalTo("/api/v1/categories"));
  }

  @Test
  void writeWithoutTokenIsUnauthorizedWithBearerChallenge() {
    assertUnauthorized(
            Api.raw().contentType(ContentType.JSON).body(category()).post("/api/v1/categories"))
        .body("detail", equalTo("Send an API token as 'Authorization: Bearer <token>'"));
  }

  @Test
  void writeWithUnknownTokenIsUnauthorized() {
    assertUnauthorized(
            Api.raw()
                .header("Authorization", UNKNOWN_TOKEN)
                .contentType(ContentType.JSON)
                .body(category())
                .post("/api/v1/categories"))
        .body("detail", equalTo("The bearer token is unknown, revoked or expired"));
  }

  @Test
  void readWithUnknownTokenIsUnauthorizedOnEveryResource() {
    String id = createCategory();
    for (String path :
        new String[] {
          "/api/v1/categories", "/api/v1/categories/" + id, "/api/v1/authors", "/api/v1/articles"
        }) {
      assertUnauthorized(Api.anonymous().header("Authorization", UNKNOWN_TOKEN).get(path))
          .body("detail", equalTo("The bearer token is unknown, revoked or expired"))
          .body("instance", equalTo(path));
    }
  }

  @Test
  void readWithBasicSchemeIsUnauthorized() {
    assertUnauthorized(Api.raw().header("Authorization", "Basic abc").get("/api/v1/categories"));
  }

  @Test
  void bearerSchemeIsCaseInsensitive() {
    String id = createCategory();

    Api.anonymous()
        .header("Authorization", "bearer " + Api.ADMIN_TOKEN)
        .get("/api/v1/categories/{id}", id)
        .then()
        .statusCode(200)
        .header("Cache-Control", "private, no-store")
        .body("id", equalTo(id));
  }

  private static String createCategory() {
    return Fixtures.category(category()).id();
  }

  private static Map<String, Object> category() {
    return Map.of("name", "Außenpolitik " + Fixtures.suffix());
  }
}
