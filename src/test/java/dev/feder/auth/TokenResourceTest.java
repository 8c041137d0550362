package dev.feder.auth;

import static dev.feder.support.Problems.assertUnauthorized;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TokenResourceTest {

  /** Issues a token as admin and returns the whole 201 answer. */
  private static Response issue(Map<String, ?> payload) {
    Response response = Api.admin().body(payload).post("/api/v1/tokens");
    response.then().statusCode(201);
    return response;
  }

  @Test
  void createTokenAnswersWithTheSecretOnceAndLocation() {
    String name = "Redaktion „Welt“ " + Fixtures.suffix();
    Response created = issue(Map.of("name", name, "role", "editor"));
    created
        .then()
        .header("Location", endsWith("/api/v1/tokens/" + created.path("id")))
        .body("name", equalTo(name))
        .body("role", equalTo("editor"))
        .body("token", matchesPattern("feder_[A-Za-z0-9_-]{43}"))
        .body("createdAt", notNullValue())
        .body("expiresAt", nullValue())
        .body("author", nullValue());
    String id = created.path("id");
    String secret = created.path("token");

    Api.admin()
        .get("/api/v1/tokens/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo(name))
        .body("token", nullValue())
        .body("tokenHash", nullValue())
        .body(not(containsString(secret)));
    Api.admin()
        .get("/api/v1/tokens?size=100")
        .then()
        .statusCode(200)
        .body("data.id", hasItem(id))
        .body("meta.page", equalTo(1))
        .body(not(containsString(secret)))
        .body(not(containsString(TokenSecrets.hash(secret))));
  }

  @Test
  void editorTokenWritesCategoriesButNotTokens() {
    String editor = Fixtures.token("editor");
    Api.withToken(editor)
        .body(Map.of("name", "Ressort " + Fixtures.suffix()))
        .post("/api/v1/categories")
        .then()
        .statusCode(201);
    Api.withToken(editor)
        .body(Map.of("name", "sneaky", "role", "admin"))
        .post("/api/v1/tokens")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/forbidden"));
    Api.withToken(editor).get("/api/v1/tokens").then().statusCode(403);
  }

  @Test
  void viewerTokenSeesDraftsButWritesNothing() {
    String viewer = Fixtures.token("viewer");
    String suffix = Fixtures.suffix();
    var category = Fixtures.category("Viewer-Ressort " + suffix);
    String title = "Entwurf für Leser " + suffix;
    Api.admin()
        .body(Map.of("title", title, "category", Map.of("slug", category.slug())))
        .post("/api/v1/articles")
        .then()
        .statusCode(201);

    Api.withToken(viewer)
        .queryParam("status", "draft")
        .queryParam("category", category.slug())
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("data.title", hasItem(title));
    Api.anonymous()
        .queryParam("status", "draft")
        .queryParam("category", category.slug())
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("data.title", not(hasItem(title)));

    Api.withToken(viewer)
        .body(Map.of("name", "Ressort " + suffix + "x"))
        .post("/api/v1/categories")
        .then()
        .statusCode(403)
        .body("type", equalTo("/problems/forbidden"));
    Api.withToken(viewer)
        .body(Map.of("title", "Nein", "category", Map.of("slug", category.slug())))
        .post("/api/v1/articles")
        .then()
        .statusCode(403);
    Api.withToken(viewer)
        .body(Map.of("name", "Autorin " + suffix))
        .post("/api/v1/authors")
        .then()
        .statusCode(403);
  }

  @Test
  void authorTokenShowsItsAuthor() {
    var author = Fixtures.author("Token-Autorin " + Fixtures.suffix());
    issue(
            Map.of(
                "name",
                "Autorin " + Fixtures.suffix(),
                "role",
                "author",
                "author",
                Map.of("slug", author.slug())))
        .then()
        .body("role", equalTo("author"))
        .body("author.id", equalTo(author.id()))
        .body("author.slug", equalTo(author.slug()));
  }

  @Test
  void revokedTokenIsRefusedAtOnce() {
    Response created = issue(Map.of("name", "Kurzzeit " + Fixtures.suffix(), "role", "editor"));
    String id = created.path("id");
    String secret = created.path("token");
    Api.withToken(secret).get("/api/v1/articles?status=draft").then().statusCode(200);

    Api.admin().delete("/api/v1/tokens/" + id).then().statusCode(204);

    Api.withToken(secret)
        .get("/api/v1/articles?status=draft")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", containsString("Bearer"))
        .contentType("application/problem+json");
    Api.withToken(secret)
        .body(Map.of("name", "Ressort " + Fixtures.suffix()))
        .post("/api/v1/categories")
        .then()
        .statusCode(401);
    Api.admin()
        .get("/api/v1/tokens/" + id)
        .then()
        .statusCode(200)
        .body("revokedAt", notNullValue());
    // A second revocation changes nothing.
    Api.admin().delete("/api/v1/tokens/" + id).then().statusCode(204);
  }

  @Test
  void expiredTokenIsRefused() {
    Response created =
        issue(
            Map.of(
                "name",
                "Ablaufend " + Fixtures.suffix(),
                "role",
                "editor",
                "expiresAt",
                Instant.now().plus(1, ChronoUnit.DAYS).toString()));
    String secret = created.path("token");
    Api.withToken(secret).get("/api/v1/articles").then().statusCode(200);

    UUID id = UUID.fromString(created.path("id"));
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                ApiToken.update(
                    "expiresAt = ?1 where id = ?2", Instant.now().minus(1, ChronoUnit.HOURS), id));

    assertUnauthorized(Api.withToken(secret).get("/api/v1/articles"));
  }

  @Test
  void unknownTokenIsRefused() {
    assertUnauthorized(Api.withToken("feder_" + "A".repeat(43)).get("/api/v1/articles"));
  }

  @Test
  void bootstrapTokenStillWorks() {
    Api.admin().get("/api/v1/tokens").then().statusCode(200);
  }

  @Test
  void createTokenWithoutNameOrRoleIsBadRequestNamingThem() {
    Api.rawAdmin()
        .contentType("application/json")
        .body("{}")
        .post("/api/v1/tokens")
        .then()
        .statusCode(400)
        .body("type", equalTo("/problems/validation"))
        .body("errors.field", hasItems("name", "role"));
  }

  @Test
  void createTokenWithUnknownRoleIsBadRequest() {
    Api.rawAdmin()
        .contentType("application/json")
        .body("{\"name\":\"x\",\"role\":\"superuser\"}")
        .post("/api/v1/tokens")
        .then()
        .statusCode(400)
        .body("detail", not(emptyOrNullString()));
  }

  @Test
  void authorRoleWithoutAuthorIsBadRequest() {
    Api.admin()
        .body(Map.of("name", "Autorin", "role", "author"))
        .post("/api/v1/tokens")
        .then()
        .statusCode(400)
        .body("errors.field", equalTo(List.of("author")));
  }

  @Test
  void authorGivenForAnotherRoleIsBadRequest() {
    var author = Fixtures.author("Überzählig " + Fixtures.suffix());
    Api.admin()
        .body(Map.of("name", "Ed", "role", "editor", "author", Map.of("slug", author.slug())))
        .post("/api/v1/tokens")
        .then()
        .statusCode(400)
        .body("errors.field", equalTo(List.of("author")));
  }

  @Test
  void unknownAuthorIsBadRequest() {
    Api.admin()
        .body(
            Map.of(
                "name",
                "Autorin",
                "role",
                "author",
                "author",
                Map.of("slug", "niemand-" + Fixtures.suffix())))
        .post("/api/v1/tokens")
        .then()
        .statusCode(400)
        .body("errors.field", equalTo(List.of("author")));
  }

  @Test
  void pastExpiryIsBadRequest() {
    Map<String, Object> payload = new HashMap<>();
    payload.put("name", "Abgelaufen");
    payload.put("role", "viewer");
    payload.put("expiresAt", "2020-01-01T00:00:00Z");
    Api.admin()
        .body(payload)
        .post("/api/v1/tokens")
        .then()
        .statusCode(400)
        .body("errors.field", equalTo(List.of("expiresAt")));
  }

  @Test
  void tokensNeedCredentials() {
    Api.raw().get("/api/v1/tokens").then().statusCode(401);
    Api.raw()
        .contentType("application/json")
        .body(Map.of("name", "x", "role", "admin"))
        .post("/api/v1/tokens")
        .then()
        .statusCode(401);
  }

  @Test
  void unknownTokenIdIsNotFound() {
    UUID id = UUID.randomUUID();
    Api.admin().get("/api/v1/tokens/" + id).then().statusCode(404);
    Api.admin().delete("/api/v1/tokens/" + id).then().statusCode(404);
  }

  @Test
  void authorWithTokenCannotBeDeleted() {
    var author = Fixtures.author("Bleibende " + Fixtures.suffix());
    issue(Map.of("name", "B", "role", "author", "author", Map.of("id", author.id())));
    Api.admin()
        .header("If-Match", author.etag())
        .delete("/api/v1/authors/" + author.id())
        .then()
        .statusCode(409)
        .body("type", equalTo("/problems/conflict"));
  }
}
