package dev.feder.asset;

import static dev.feder.asset.AssetFixtures.picture;
import static dev.feder.asset.AssetFixtures.upload;
import static dev.feder.asset.AssetFixtures.uploadedJpeg;
import static dev.feder.support.ChangesFeed.of;
import static dev.feder.support.ChangesFeed.types;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import dev.feder.support.ChangesFeed;
import dev.feder.support.Fixtures;
import dev.feder.support.Problems;
import dev.feder.support.WebhookReceiver;
import dev.feder.support.WebhookReceiver.Received;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Assets in the event outbox: uploads, metadata changes and deletes are events in the write's own
 * transaction, with the cache tags of what shows the asset; refused writes and repeated uploads are
 * none; anonymous consumers of the changes feed never see them; webhooks can ask for them.
 */
@QuarkusTest
class AssetEventsTest {

  private static final String ASSETS = "/api/v1/assets";
  private static final String CHANGES = "/api/v1/changes";

  @Test
  void uploadEditAndDeleteAreEventsNamingWhatShowsTheAsset() {
    ChangesFeed feed = ChangesFeed.fromNow(Api::admin);
    byte[] bytes = picture(320, 240, "jpeg");
    String id = AssetFixtures.created(upload(bytes, "hafen.jpg", "image/jpeg", Map.of())).id();
    // The same bytes again: the asset they made, no new one and no event.
    upload(bytes, "noch-einmal.jpg", "image/jpeg", Map.of()).then().statusCode(200);
    patchAsset(id, "{\"alt\": \"Der Hafen\", \"caption\": \"Kiel am Morgen\"}");
    // A write that changes nothing announces nothing, as for the other kinds.
    patchAsset(id, "{\"alt\": \"Der Hafen\"}");
    String run = Fixtures.suffix();
    Fixtures.Created category = Fixtures.category("Hafenressort " + run);
    Fixtures.Created shown =
        Fixtures.article(
            Map.of(
                "title",
                "Hafen " + run,
                "category",
                Map.of("slug", category.slug()),
                "status",
                "published",
                "featuredImage",
                Map.of("asset", Map.of("id", id))));
    String article = shown.id();
    patchAsset(id, "{\"credit\": \"dpa\"}");
    String gone = uploadedJpeg().id();
    Api.admin()
        .header("If-Match", Fixtures.etag(ASSETS + "/" + gone))
        .delete(ASSETS + "/" + gone)
        .then()
        .statusCode(204);

    List<Map<String, Object>> items = feed.pollUntil(read -> of(read, gone).size() >= 2);
    List<Map<String, Object>> asset = of(items, id);
    assertEquals(List.of("asset.created", "asset.updated", "asset.updated"), types(asset));
    assertEquals(
        List.of("asset.created", "asset.deleted"), types(of(items, gone)), "upload and delete");

    Map<String, Object> created = event(asset.get(0));
    assertEquals("asset", created.get("entityType"));
    assertEquals("hafen.jpg", created.get("slug"), "an asset is named by its filename");
    assertFalse(created.containsKey("status"), "assets have no status");
    assertEquals(List.of(), created.get("changed"));
    assertEquals(List.of(), created.get("paths"));
    assertEquals(List.of(), created.get("feeds"));
    assertEquals("asset:" + id, tags(created).get(0));
    assertEquals("none", asset.get(0).get("operation"), "assets are not in the public view");

    Map<String, Object> edited = event(asset.get(1));
    assertEquals(List.of("alt", "caption"), edited.get("changed"));
    assertFalse(tags(edited).contains("article:" + article), "no article used it yet");
    assertEquals(List.of(), edited.get("paths"), "no public page showed it yet");

    Map<String, Object> credited = event(asset.get(2));
    assertEquals(List.of("credit"), credited.get("changed"));
    assertTrue(
        tags(credited).containsAll(List.of("asset:" + id, "article:" + article)),
        "the article that embeds the asset shows the change: " + tags(credited));
    assertEquals(
        List.of("/" + category.slug() + "/" + shown.slug(), "/" + category.slug()),
        credited.get("paths"),
        "the page of the public article that shows the asset, and its category's page");

    Map<String, Object> deleted = event(of(items, gone).get(1));
    assertEquals("bild.jpg", deleted.get("slug"));
    assertEquals("asset:" + gone, tags(deleted).get(0));
  }

  @Test
  void refusedAssetWritesLeaveNoEvent() {
    AssetFixtures.Uploaded used = uploadedJpeg();
    String run = Fixtures.suffix();
    Fixtures.Created category = Fixtures.category("Verweigert " + run);
    Fixtures.article(
        Map.of(
            "title", "Benutzt " + run,
            "category", Map.of("slug", category.slug()),
            "featuredImage", Map.of("asset", Map.of("id", used.id()))));
    ChangesFeed feed = ChangesFeed.fromNow(Api::admin);

    // A delete of an asset in use rolls back; so does a stale or invalid metadata change.
    Problems.assertProblem(
        Api.rawAdmin()
            .header("If-Match", Fixtures.etag(ASSETS + "/" + used.id()))
            .delete(ASSETS + "/" + used.id()),
        409,
        "/problems/conflict");
    Problems.assertProblem(
        Api.mergePatch(Api.rawAdmin())
            .header("If-Match", "\"veraltet\"")
            .body("{\"alt\": \"Neu\"}")
            .patch(ASSETS + "/" + used.id()),
        412,
        "/problems/precondition-failed");
    Problems.assertProblem(
        Api.mergePatch(Api.rawAdmin())
            .header("If-Match", Fixtures.etag(ASSETS + "/" + used.id()))
            .body("{\"alt\": \"" + "x".repeat(2000) + "\"}")
            .patch(ASSETS + "/" + used.id()),
        400,
        "/problems/validation");
    // An upload whose content contradicts its name is refused before anything is written.
    upload(picture(20, 20, "png"), "foto.jpg", "image/jpeg", Map.of()).then().statusCode(415);

    List<Map<String, Object>> assets =
        feed.pollAllCommitted().stream()
            .filter(item -> "asset".equals(item.get("entityType")))
            .toList();
    assertEquals(List.of(), assets);
  }

  @Test
  void anonymousConsumersNeverSeeAssetEvents() {
    ChangesFeed anonymous = ChangesFeed.fromNow(Api::anonymous);
    ChangesFeed tokens = ChangesFeed.fromNow(Api::admin);
    String embargoed = uploadedJpeg().id();
    String run = Fixtures.suffix();
    Fixtures.Created category = Fixtures.category("Sperrfrist " + run);
    String draft =
        Fixtures.article(
                Map.of(
                    "title", "Noch geheim " + run,
                    "category", Map.of("slug", category.slug()),
                    "featuredImage", Map.of("asset", Map.of("id", embargoed))))
            .id();
    patchAsset(embargoed, "{\"alt\": \"Vor der Veröffentlichung\"}");
    String shown = uploadedJpeg().id();
    Fixtures.article(
        Map.of(
            "title",
            "Öffentlich " + run,
            "category",
            Map.of("slug", category.slug()),
            "status",
            "published",
            "featuredImage",
            Map.of("asset", Map.of("id", shown))));
    patchAsset(shown, "{\"alt\": \"Öffentlich gezeigt\"}");

    assertEquals(
        List.of("asset.created", "asset.updated"),
        types(of(tokens.pollUntil(read -> of(read, shown).size() >= 2), embargoed)),
        "tokens see every asset event");
    List<Map<String, Object>> seen = anonymous.pollAllCommitted();
    assertEquals(List.of(), of(seen, embargoed), "an embargoed asset never appears");
    assertEquals(List.of(), of(seen, shown), "nor does a public one: its articles carry it");
    assertEquals(List.of(), of(seen, draft), "nor the draft that uses it");

    Api.anonymous()
        .queryParam("since", tokens.cursor())
        .queryParam("types", "asset")
        .get(CHANGES)
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(0));
  }

  @Test
  void theTypesFilterTakesAssetsAndNamesTheKindsItKnows() {
    ChangesFeed feed = ChangesFeed.fromNow(Api::admin);
    String start = feed.cursor();
    Fixtures.category("Nur Bilder " + Fixtures.suffix());
    String id = uploadedJpeg().id();
    feed.pollUntilChangeOf(id);

    JsonPath page =
        Api.admin()
            .queryParam("since", start)
            .queryParam("types", "asset")
            .get(CHANGES)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of(id), page.getList("data.entityId"));
    assertEquals(List.of("asset"), page.getList("data.entityType"));

    Problems.assertProblem(
            Api.raw().queryParam("types", "article,assets").get(CHANGES),
            400,
            "/problems/bad-parameter")
        .body("errors[0].field", equalTo("types"))
        .body("errors[0].message", containsString("asset"));
  }

  @Test
  void aWebhookForAssetEventsReceivesThem() {
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      String hook =
          Api.admin()
              .body(Map.of("url", receiver.url("/bilder"), "eventTypes", List.of("asset.*")))
              .post("/api/v1/webhooks")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      try {
        Fixtures.Created category = Fixtures.category("Kein Bild " + Fixtures.suffix());
        String id = uploadedJpeg().id();
        patchAsset(id, "{\"title\": \"Hafen\"}");

        List<Received> got =
            receiver.await(
                r -> id.equals(JsonPath.from(r.body()).getString("data.entityId")),
                2,
                Duration.ofSeconds(20));
        assertEquals(
            List.of("asset.created", "asset.updated"),
            got.stream().map(r -> JsonPath.from(r.body()).getString("type")).toList());
        assertEquals(List.of("title"), JsonPath.from(got.get(1).body()).getList("data.changed"));
        assertTrue(
            receiver.received("/bilder").stream().noneMatch(r -> r.body().contains(category.id())),
            "asset.* sends no category event");
      } finally {
        Fixtures.delete("/api/v1/webhooks/" + hook);
      }
    }
  }

  @Test
  void webhooksAcceptAssetTypesAndRefuseUnknownOnes() {
    String hook =
        Api.admin()
            .body(
                Map.of(
                    "url",
                    "https://hooks.example.org/feder",
                    "eventTypes",
                    List.of("asset.deleted", "article.*")))
            .post("/api/v1/webhooks")
            .then()
            .statusCode(201)
            .body("eventTypes", equalTo(List.of("asset.deleted", "article.*")))
            .extract()
            .path("id");
    try {
      Problems.assertProblem(
              Api.rawAdmin()
                  .contentType("application/json")
                  .body(
                      Map.of(
                          "url",
                          "https://hooks.example.org/feder",
                          "eventTypes",
                          List.of("asset.renamed")))
                  .post("/api/v1/webhooks"),
              400,
              "/problems/validation")
          .body("errors[0].message", containsString("asset.*"));
    } finally {
      Fixtures.delete("/api/v1/webhooks/" + hook);
    }
  }

  private static void patchAsset(String id, String patch) {
    Api.mergePatch(Api.admin())
        .header("If-Match", Fixtures.etag(ASSETS + "/" + id))
        .body(patch)
        .patch(ASSETS + "/" + id)
        .then()
        .statusCode(200);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> event(Map<String, Object> item) {
    Map<String, Object> event = (Map<String, Object>) item.get("event");
    assertNull(item.get("asset"), "an asset item carries no representation");
    return event;
  }

  @SuppressWarnings("unchecked")
  private static List<String> tags(Map<String, Object> event) {
    return (List<String>) event.get("tags");
  }
}
