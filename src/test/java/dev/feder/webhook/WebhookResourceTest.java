package dev.feder.webhook;

import static dev.feder.support.Problems.assertProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/webhooks}: registering, reading, changing and removing endpoints, admins only. */
@QuarkusTest
class WebhookResourceTest {

  private static final String WEBHOOKS = "/api/v1/webhooks";

  /** Registers an endpoint (nothing listens there: these tests send no event to it). */
  static Response register(Map<String, ?> payload) {
    Response response = Api.admin().body(payload).post(WEBHOOKS);
    response.then().statusCode(201);
    return response;
  }

  private static Map<String, Object> endpoint(String... eventTypes) {
    Map<String, Object> payload = new HashMap<>();
    payload.put("url", "https://www.zeitung.example/api/revalidate/" + Fixtures.suffix());
    payload.put("description", "Next.js " + Fixtures.suffix());
    payload.put("eventTypes", List.of(eventTypes));
    payload.put("enabled", false);
    return payload;
  }

  @Test
  void registeringShowsTheSecretOnceAndNeverAgain() {
    Map<String, Object> payload = endpoint("article.*", "category.updated");
    Response created = register(payload);
    String id = created.path("id");
    String secret = created.path("secret");
    created
        .then()
        .header("Location", endsWith(WEBHOOKS + "/" + id))
        .header("ETag", notNullValue())
        .body("url", equalTo(payload.get("url")))
        .body("eventTypes", equalTo(List.of("article.*", "category.updated")))
        .body("enabled", equalTo(false))
        .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]{43}="));

    Api.admin()
        .get(WEBHOOKS + "/" + id)
        .then()
        .statusCode(200)
        .body("description", equalTo(payload.get("description")))
        .body("secret", nullValue())
        .body("disabledReason", nullValue())
        .body(not(containsString(secret.substring(6))));
    Api.admin()
        .queryParam("size", 100)
        .get(WEBHOOKS)
        .then()
        .statusCode(200)
        .header("Link", notNullValue())
        .body("data.id", hasItem(id))
        .body(not(containsString(secret.substring(6))));
  }

  @Test
  void onlyAdminsManageWebhooks() {
    String editor =
        Api.admin()
            .body(Map.of("name", "Redaktion " + Fixtures.suffix(), "role", "editor"))
            .post("/api/v1/tokens")
            .then()
            .statusCode(201)
            .extract()
            .path("token");
    assertProblem(
        Api.raw()
            .header("Authorization", "Bearer " + editor)
            .contentType("application/json")
            .body(endpoint("*"))
            .post(WEBHOOKS),
        403,
        "/problems/forbidden");
    assertProblem(
        Api.raw().header("Authorization", "Bearer " + editor).get(WEBHOOKS),
        403,
        "/problems/forbidden");
    assertProblem(Api.raw().get(WEBHOOKS), 401, "/problems/unauthorized");
  }

  @Test
  void invalidRegistrationsAreRefusedAndRegisterNothing() {
    int before = Api.admin().get(WEBHOOKS).then().statusCode(200).extract().path("meta.totalItems");
    Map<String, String> badUrls =
        Map.of(
            "ftp://files.zeitung.example/hook", "http or https",
            "/api/revalidate", "http or https",
            "https://user:pass@www.zeitung.example/hook", "credentials",
            "https://www.zeitung.example/hook#fragment", "fragment",
            "https:///nohost", "host",
            "not a url", "http or https");
    badUrls.forEach(
        (url, message) -> {
          Map<String, Object> payload = endpoint("*");
          payload.put("url", url);
          assertProblem(
                  Api.rawAdmin().contentType("application/json").body(payload).post(WEBHOOKS),
                  400,
                  "/problems/validation")
              .body("errors[0].field", equalTo("url"))
              .body("errors[0].message", containsString(message));
        });

    Map<String, Object> unknownType = endpoint("article.published", "article.exploded", "tag.*");
    assertProblem(
            Api.rawAdmin().contentType("application/json").body(unknownType).post(WEBHOOKS),
            400,
            "/problems/validation")
        .body("errors.field", equalTo(List.of("eventTypes[1]", "eventTypes[2]")))
        .body("errors[0].message", containsString("article.*"));

    Map<String, Object> noTypes = endpoint();
    assertProblem(
            Api.rawAdmin().contentType("application/json").body(noTypes).post(WEBHOOKS),
            400,
            "/problems/validation")
        .body("errors[0].field", equalTo("eventTypes"));

    assertProblem(
            Api.rawAdmin()
                .contentType("application/json")
                .body(Map.of("eventTypes", List.of("*")))
                .post(WEBHOOKS),
            400,
            "/problems/validation")
        .body("errors[0].field", equalTo("url"));
    assertProblem(
        Api.rawAdmin().contentType("application/json").body("{\"url\": ").post(WEBHOOKS),
        400,
        "/problems/malformed-json");

    Api.admin().get(WEBHOOKS).then().body("meta.totalItems", equalTo(before));
  }

  @Test
  void patchAndDeleteNeedTheCurrentEtag() {
    String id = register(endpoint("category.*")).path("id");
    String path = WEBHOOKS + "/" + id;

    assertProblem(
        Api.mergePatch(Api.rawAdmin()).body("{\"enabled\": true}").patch(path),
        428,
        "/problems/precondition-required");
    assertProblem(
        Api.mergePatch(Api.rawAdmin())
            .header("If-Match", "\"stale\"")
            .body("{\"enabled\": true}")
            .patch(path),
        412,
        "/problems/precondition-failed");
    assertProblem(
            Api.mergePatch(Api.rawAdmin())
                .header("If-Match", Fixtures.etag(path))
                .body("{\"url\": \"gopher://zeitung.example\"}")
                .patch(path),
            400,
            "/problems/validation")
        .body("errors[0].field", equalTo("url"));

    Api.mergePatch(Api.admin())
        .header("If-Match", Fixtures.etag(path))
        .body("{\"eventTypes\": [\"article.published\", \"article.published\"]}")
        .patch(path)
        .then()
        .statusCode(200)
        .body("eventTypes", equalTo(List.of("article.published")))
        .body("enabled", equalTo(false));

    assertProblem(
        Api.rawAdmin().header("If-Match", "\"stale\"").delete(path),
        412,
        "/problems/precondition-failed");
    Api.admin().header("If-Match", Fixtures.etag(path)).delete(path).then().statusCode(204);
    assertProblem(
        Api.raw().header("Authorization", "Bearer " + Api.ADMIN_TOKEN).get(path),
        404,
        "/problems/not-found");

    List<String> actions =
        Api.admin()
            .queryParam("entityType", "webhook")
            .queryParam("entityId", id)
            .get("/api/v1/audit-events")
            .then()
            .statusCode(200)
            .extract()
            .path("data.action");
    assertEquals(List.of("delete", "patch", "create"), actions);
  }

  @Test
  void rotatingMakesANewSecretAndKeepsTheOldOneForADay() {
    Response created = register(endpoint("*"));
    String id = created.path("id");
    Response rotated = Api.admin().post(WEBHOOKS + "/" + id + "/rotate-secret");
    rotated
        .then()
        .statusCode(200)
        .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]{43}="))
        .body("previousSecretExpiresAt", notNullValue());
    String before = created.path("secret");
    String after = rotated.path("secret");
    assertNotEquals(before, after);
    Duration grace =
        Duration.between(Instant.now(), Instant.parse(rotated.path("previousSecretExpiresAt")));
    assertTrue(
        grace.compareTo(Duration.ofHours(23)) > 0 && grace.compareTo(Duration.ofHours(25)) < 0,
        "the old secret signs for 24 hours: " + grace);
    Api.admin()
        .get(WEBHOOKS + "/" + id)
        .then()
        .body("previousSecretExpiresAt", equalTo(rotated.path("previousSecretExpiresAt")))
        .body("secret", nullValue());
    assertEquals(
        List.of("rotate-secret", "create"),
        Api.admin()
            .queryParam("entityType", "webhook")
            .queryParam("entityId", id)
            .get("/api/v1/audit-events")
            .then()
            .extract()
            .path("data.action"));
  }

  @Test
  void unknownWebhooksAndDeliveriesAreNotFound() {
    String unknown = WEBHOOKS + "/" + UUID.randomUUID();
    assertProblem(Api.rawAdmin().get(unknown), 404, "/problems/not-found");
    assertProblem(Api.rawAdmin().post(unknown + "/rotate-secret"), 404, "/problems/not-found");
    assertProblem(Api.rawAdmin().post(unknown + "/test"), 404, "/problems/not-found");
    assertProblem(Api.rawAdmin().get(unknown + "/deliveries"), 404, "/problems/not-found");
    assertProblem(
        Api.rawAdmin().header("If-Match", "\"x\"").delete(unknown), 404, "/problems/not-found");

    String id = register(endpoint("*")).path("id");
    assertProblem(
        Api.rawAdmin()
            .post(WEBHOOKS + "/" + id + "/deliveries/" + UUID.randomUUID() + "/redeliver"),
        404,
        "/problems/not-found");
    assertProblem(
        Api.rawAdmin().queryParam("size", 0).get(WEBHOOKS + "/" + id + "/deliveries"),
        400,
        "/problems/bad-parameter");
  }
}
