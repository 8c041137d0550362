package dev.feder.asset;

import static dev.feder.asset.AssetFixtures.picture;
import static dev.feder.asset.AssetFixtures.storedObjects;
import static dev.feder.asset.AssetFixtures.upload;
import static dev.feder.asset.AssetFixtures.uploadedJpeg;
import static dev.feder.support.Api.mergePatch;
import static dev.feder.support.Problems.assertProblem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading, listing, changing and deleting assets, with preconditions, roles and the audit log. */
@QuarkusTest
class AssetResourceTest {

  private static final String ASSETS = "/api/v1/assets";

  @Test
  void getAnswersWithTheAssetAndAnEtagThatRevalidates() {
    AssetFixtures.Uploaded asset = uploadedJpeg();

    Response read = Api.admin().get(ASSETS + "/" + asset.id());

    read.then().statusCode(200).body("id", equalTo(asset.id())).body("width", equalTo(640));
    assertEquals(asset.etag(), read.header("ETag"));
    Api.admin()
        .header("If-None-Match", read.header("ETag"))
        .get(ASSETS + "/" + asset.id())
        .then()
        .statusCode(304);
  }

  @Test
  void unknownAssetIsNotFound() {
    assertProblem(
        Api.admin().get(ASSETS + "/00000000-0000-4000-8000-000000000000"),
        404,
        "/problems/not-found");
  }

  @Test
  void anonymousCallersDoNotSeeAnAssetThatNothingPublicShows() {
    AssetFixtures.Uploaded asset = uploadedJpeg();

    assertProblem(Api.anonymous().get(ASSETS + "/" + asset.id()), 404, "/problems/not-found");
    assertProblem(Api.raw().get(ASSETS), 401, "/problems/unauthorized");
  }

  @Test
  void listIsNewestFirstAndFilters() {
    String run = Fixtures.suffix();
    String older =
        upload(picture(30, 20, "png"), "liste-" + run + "-a.png", "image/png", Map.of())
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String newer =
        upload(
                picture(30, 20, "jpeg"),
                "liste-" + run + "-b.jpg",
                "image/jpeg",
                Map.of("credit", "Foto: Reuters " + run))
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    Api.admin()
        .queryParam("q", "LISTE-" + run)
        .get(ASSETS)
        .then()
        .statusCode(200)
        .body("data.id", contains(newer, older))
        .body("meta.totalItems", equalTo(2));
    Api.admin()
        .queryParam("q", "reuters " + run)
        .get(ASSETS)
        .then()
        .body("data.id", contains(newer));
    Api.admin()
        .queryParam("q", "liste-" + run)
        .queryParam("mediaType", "image/png")
        .get(ASSETS)
        .then()
        .body("data.id", contains(older));
    Api.admin()
        .queryParam("q", "liste-" + run)
        .queryParam("mediaType", "image/*")
        .get(ASSETS)
        .then()
        .body("data.id", contains(newer, older));
    Api.admin()
        .queryParam("q", "liste-" + run)
        .queryParam("unused", "true")
        .get(ASSETS)
        .then()
        .body("data.id", contains(newer, older));
    Api.admin()
        .queryParam("mediaType", "application/pdf")
        .get(ASSETS)
        .then()
        .body("data.mediaType", everyItem(equalTo("application/pdf")));
  }

  @Test
  void textFilterTakesPercentAndUnderscoreLiterally() {
    Api.admin()
        .queryParam("q", "%_" + Fixtures.suffix())
        .get(ASSETS)
        .then()
        .statusCode(200)
        .body("data", empty())
        .body("meta.totalItems", equalTo(0));
  }

  @Test
  void cursorPagesWalkTheWholeListWithoutRepeats() {
    String run = Fixtures.suffix();
    for (int i = 0; i < 3; i++) {
      upload(picture(10 + i, 10, "png"), "seite-" + run + "-" + i + ".png", "image/png", Map.of())
          .then()
          .statusCode(201);
    }
    Response first = Api.admin().queryParam("q", "seite-" + run).queryParam("size", 2).get(ASSETS);
    first.then().statusCode(200).body("data.size()", equalTo(2));
    String cursor = first.path("meta.nextCursor");

    Response second =
        Api.admin()
            .queryParam("q", "seite-" + run)
            .queryParam("size", 2)
            .queryParam("cursor", cursor)
            .get(ASSETS);

    second
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(1))
        .body("meta.nextCursor", nullValue());
    List<String> all = new java.util.ArrayList<>(first.path("data.id"));
    all.addAll(second.path("data.id"));
    assertEquals(3, all.stream().distinct().count());
  }

  @Test
  void badListParametersAreNamed() {
    assertProblem(
            Api.rawAdmin().queryParam("mediaType", "image/svg+xml").get(ASSETS),
            400,
            "/problems/bad-parameter")
        .body("errors[0].field", equalTo("mediaType"));
    assertProblem(
            Api.rawAdmin().queryParam("unused", "ja").get(ASSETS), 400, "/problems/bad-parameter")
        .body("errors[0].field", equalTo("unused"));
    assertProblem(
            Api.rawAdmin().queryParam("q", "x".repeat(201)).get(ASSETS),
            400,
            "/problems/bad-parameter")
        .body("errors[0].field", equalTo("q"));
    assertProblem(
            Api.rawAdmin().queryParam("cursor", "kaputt").get(ASSETS),
            400,
            "/problems/bad-parameter")
        .body("errors[0].field", equalTo("cursor"));
    assertProblem(
            Api.rawAdmin().queryParam("size", 101).get(ASSETS), 400, "/problems/bad-parameter")
        .body("errors[0].field", equalTo("size"));
  }

  @Test
  void patchChangesMetadataAndANewFocalPointMakesNewUrls() {
    AssetFixtures.Uploaded asset = uploadedJpeg();
    String rendition = ASSETS + "/" + asset.id() + "/image?w=320&h=180&fit=cover&fm=webp&v=1";
    Api.admin().accept("image/webp").get(rendition).then().statusCode(200);

    Response patched =
        mergePatch(Api.admin())
            .header("If-Match", asset.etag())
            .body("{\"alt\": \"Ein Bild\", \"focalPoint\": {\"x\": 0.1, \"y\": 0.9}}")
            .patch(ASSETS + "/" + asset.id());

    patched
        .then()
        .statusCode(200)
        .body("alt", equalTo("Ein Bild"))
        .body("focalPoint.x", equalTo(0.1f))
        .body("version", equalTo(2))
        .body("url", containsString("v=2"))
        .body("srcset", containsString("v=2"));
    assertNotEquals(asset.etag(), patched.header("ETag"));
    assertFalse(
        Files.exists(AssetFixtures.STORAGE.resolve("assets/" + asset.id() + "/v1")),
        "the renditions of version 1 are gone");
  }

  @Test
  void patchOfTextAloneKeepsTheVersion() {
    AssetFixtures.Uploaded asset = uploadedJpeg();

    mergePatch(Api.admin())
        .header("If-Match", asset.etag())
        .body("{\"caption\": \"Neue Bildunterschrift\", \"title\": null}")
        .patch(ASSETS + "/" + asset.id())
        .then()
        .statusCode(200)
        .body("caption", equalTo("Neue Bildunterschrift"))
        .body("title", nullValue())
        .body("version", equalTo(1));
  }

  @Test
  void putReplacesAllMetadataAndKeepsTheFile() {
    AssetFixtures.Uploaded asset = uploadedJpeg();

    Api.admin()
        .header("If-Match", asset.etag())
        .body(Map.of("filename", "umbenannt.jpg", "alt", "Neu"))
        .put(ASSETS + "/" + asset.id())
        .then()
        .statusCode(200)
        .body("filename", equalTo("umbenannt.jpg"))
        .body("alt", equalTo("Neu"))
        .body("focalPoint.x", equalTo(0.5f))
        .body("width", equalTo(640))
        .body("version", equalTo(1));
  }

  @Test
  void whatAGetReturnedCanBePutBack() {
    AssetFixtures.Uploaded asset = uploadedJpeg();
    Map<String, Object> read =
        Api.admin().get(ASSETS + "/" + asset.id()).then().extract().jsonPath().getMap("");

    Api.admin()
        .header("If-Match", asset.etag())
        .body(read)
        .put(ASSETS + "/" + asset.id())
        .then()
        .statusCode(200)
        .header("ETag", equalTo(asset.etag()));
  }

  @Test
  void writesNeedTheCurrentEtag() {
    AssetFixtures.Uploaded asset = uploadedJpeg();

    assertProblem(
        mergePatch(Api.rawAdmin()).body("{\"alt\": \"x\"}").patch(ASSETS + "/" + asset.id()),
        428,
        "/problems/precondition-required");
    assertProblem(
            mergePatch(Api.rawAdmin())
                .header("If-Match", "\"veraltet\"")
                .body("{\"alt\": \"x\"}")
                .patch(ASSETS + "/" + asset.id()),
            412,
            "/problems/precondition-failed")
        .header("ETag", equalTo(asset.etag()));
    assertProblem(
        Api.rawAdmin().header("If-Match", "\"veraltet\"").delete(ASSETS + "/" + asset.id()),
        412,
        "/problems/precondition-failed");
  }

  @Test
  void invalidMetadataIsRefusedByField() {
    AssetFixtures.Uploaded asset = uploadedJpeg();

    assertProblem(
            mergePatch(Api.rawAdmin())
                .header("If-Match", asset.etag())
                .body(
                    "{\"focalPoint\": {\"x\": 2, \"y\": 0.5}, \"filename\": \"../../etc/passwd\"}")
                .patch(ASSETS + "/" + asset.id()),
            400,
            "/problems/validation")
        .body("errors.field", contains("filename", "focalPoint.x"));
    assertProblem(
            Api.rawAdmin()
                .contentType("application/json")
                .header("If-Match", asset.etag())
                .body("{\"alt\": \"x\", \"sha256\": \"egal\", \"colour\": \"rot\"}")
                .put(ASSETS + "/" + asset.id()),
            400,
            "/problems/validation")
        .body("errors[0].field", equalTo("colour"));
    assertProblem(
        Api.rawAdmin()
            .contentType("application/json")
            .header("If-Match", asset.etag())
            .body("{\"alt\": ")
            .put(ASSETS + "/" + asset.id()),
        400,
        "/problems/malformed-json");
  }

  @Test
  void deleteRemovesTheAssetAndItsStoredFiles() {
    AssetFixtures.Uploaded asset = uploadedJpeg();
    Api.admin()
        .accept("image/webp")
        .get(ASSETS + "/" + asset.id() + "/image?w=160")
        .then()
        .statusCode(200);
    assertTrue(Files.exists(AssetFixtures.STORAGE.resolve("assets/" + asset.id())));

    Api.admin()
        .header("If-Match", asset.etag())
        .delete(ASSETS + "/" + asset.id())
        .then()
        .statusCode(204);

    assertProblem(Api.admin().get(ASSETS + "/" + asset.id()), 404, "/problems/not-found");
    assertFalse(Files.exists(AssetFixtures.STORAGE.resolve("assets/" + asset.id())));
  }

  @Test
  void usageOfAnUnusedAssetIsEmpty() {
    AssetFixtures.Uploaded asset = uploadedJpeg();

    Api.admin()
        .get(ASSETS + "/" + asset.id() + "/usage")
        .then()
        .statusCode(200)
        .body("data", empty());
    assertProblem(
        Api.admin().get(ASSETS + "/00000000-0000-4000-8000-000000000000/usage"),
        404,
        "/problems/not-found");
  }

  @Test
  void authorsChangeOnlyTheirOwnUploads() {
    Fixtures.Created me = Fixtures.author("Bildautorin " + Fixtures.suffix());
    String token =
        Api.admin()
            .body(
                Map.of(
                    "name",
                    "Bildautorin " + Fixtures.suffix(),
                    "role",
                    "author",
                    "author",
                    Map.of("slug", me.slug())))
            .post("/api/v1/tokens")
            .then()
            .statusCode(201)
            .extract()
            .path("token");
    Response mine =
        upload(
            AssetFixtures.multipart().header("Authorization", "Bearer " + token),
            picture(30, 30, "jpeg"),
            "eigenes.jpg",
            "image/jpeg",
            Map.of());
    mine.then().statusCode(201);
    AssetFixtures.Uploaded theirs = uploadedJpeg();

    mergePatch(Api.withToken(token))
        .header("If-Match", mine.header("ETag"))
        .body("{\"alt\": \"Mein Bild\"}")
        .patch(ASSETS + "/" + mine.path("id"))
        .then()
        .statusCode(200);
    assertProblem(
            mergePatch(Api.withToken(token))
                .header("If-Match", theirs.etag())
                .body("{\"alt\": \"Fremdes Bild\"}")
                .patch(ASSETS + "/" + theirs.id()),
            403,
            "/problems/forbidden")
        .body("detail", containsString("only the assets they uploaded"));
    assertProblem(
        Api.withToken(token).header("If-Match", theirs.etag()).delete(ASSETS + "/" + theirs.id()),
        403,
        "/problems/forbidden");
  }

  @Test
  void viewersReadButDoNotWrite() {
    String viewer = AssetUploadTest.token("viewer");
    AssetFixtures.Uploaded asset = uploadedJpeg();

    Api.withToken(viewer)
        .get(ASSETS + "/" + asset.id())
        .then()
        .statusCode(200)
        .body("createdBy", notNullValue());
    Api.withToken(viewer).get(ASSETS).then().statusCode(200);
    assertProblem(
        mergePatch(Api.withToken(viewer))
            .header("If-Match", asset.etag())
            .body("{\"alt\": \"x\"}")
            .patch(ASSETS + "/" + asset.id()),
        403,
        "/problems/forbidden");
    assertProblem(
        Api.withToken(viewer).header("If-Match", asset.etag()).delete(ASSETS + "/" + asset.id()),
        403,
        "/problems/forbidden");
  }

  @Test
  void wrongTokenIsUnauthorizedEvenOnPublicReads() {
    AssetFixtures.Uploaded asset = uploadedJpeg();

    assertProblem(
        Api.raw().header("Authorization", "Bearer falsch").get(ASSETS + "/" + asset.id()),
        401,
        "/problems/unauthorized");
    assertProblem(
        Api.raw().header("Authorization", "Bearer falsch").get(ASSETS + "/" + asset.id() + "/file"),
        401,
        "/problems/unauthorized");
  }

  @Test
  void everyChangeIsAudited() {
    AssetFixtures.Uploaded asset = uploadedJpeg();
    Response patched =
        mergePatch(Api.admin())
            .header("If-Match", asset.etag())
            .body("{\"alt\": \"Prüfung\"}")
            .patch(ASSETS + "/" + asset.id());
    Api.admin()
        .header("If-Match", patched.header("ETag"))
        .delete(ASSETS + "/" + asset.id())
        .then()
        .statusCode(204);

    Api.admin()
        .queryParam("entityType", "asset")
        .queryParam("entityId", asset.id())
        .get("/api/v1/audit-events")
        .then()
        .statusCode(200)
        .body("data.action", contains("delete", "patch", "create"))
        .body("data[1].details.changed", contains("alt"))
        .body("data.label", everyItem(equalTo("bild.jpg")))
        .body("data.actor", hasItem("bootstrap-admin"));
  }

  @Test
  void refusedWritesChangeNothing() {
    AssetFixtures.Uploaded asset = uploadedJpeg();
    long stored = storedObjects();

    mergePatch(Api.rawAdmin())
        .header("If-Match", asset.etag())
        .body("{\"focalPoint\": {\"x\": 5, \"y\": 5}}")
        .patch(ASSETS + "/" + asset.id())
        .then()
        .statusCode(400);

    Api.admin()
        .get(ASSETS + "/" + asset.id())
        .then()
        .header("ETag", equalTo(asset.etag()))
        .body("version", equalTo(1));
    Api.admin()
        .queryParam("entityId", asset.id())
        .get("/api/v1/audit-events")
        .then()
        .body("data.action", not(hasItem("patch")));
    assertEquals(stored, storedObjects());
  }
}
