package dev.feder.asset;

import static dev.feder.asset.AssetFixtures.picture;
import static dev.feder.asset.AssetFixtures.uniquePhoto;
import static dev.feder.asset.AssetFixtures.upload;
import static dev.feder.support.Api.mergePatch;
import static dev.feder.support.Problems.assertProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.persistence.ContentVersions;
import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.QueryCounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Assets in use: featured images, images in bodies and avatars; what anonymous readers may fetch;
 * the usage list and the delete guard; and what embedding costs a list.
 */
@QuarkusTest
class AssetUsageTest {

  /** Where asset URLs point: the host the request was sent to, as frontends elsewhere need. */
  private static String origin() {
    return RestAssured.baseURI + ":" + RestAssured.port;
  }

  private static final String ARTICLES = "/api/v1/articles";

  @Inject ContentVersions versions;

  private Fixtures.Created category;
  private Fixtures.Created author;
  private String asset;

  @BeforeEach
  void fixtures() {
    String run = Fixtures.suffix();
    category = Fixtures.category("Bildressort " + run);
    author = Fixtures.author("Bildautor " + run);
    asset =
        upload(uniquePhoto(), "tor.jpg", "image/jpeg", Map.of("alt", "Menschen am Tor"))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
  }

  private Map<String, Object> article(String status, Map<String, Object> extra) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", "Bildtext " + Fixtures.suffix());
    body.put("category", Map.of("slug", category.slug()));
    body.put("authors", List.of(Map.of("slug", author.slug())));
    body.put("status", status);
    body.putAll(extra);
    return body;
  }

  private Response create(Map<String, Object> body) {
    Response response = Api.admin().body(body).post(ARTICLES);
    response.then().statusCode(201);
    return response;
  }

  private Map<String, Object> featured(Map<String, Object> image) {
    return Map.of("featuredImage", image);
  }

  // ------------------------------------------------------------------------ featured images

  @Test
  void featuredImageEmbedsTheAssetReadyForImgSrcset() {
    Response created =
        create(
            article(
                "published",
                featured(Map.of("asset", Map.of("id", asset), "caption", "Eigene Unterschrift"))));

    created
        .then()
        .body("featuredImage.asset.id", equalTo(asset))
        .body("featuredImage.url", equalTo(origin() + "/api/v1/assets/" + asset + "/file?v=1"))
        .body("featuredImage.width", equalTo(400))
        .body("featuredImage.height", equalTo(600))
        .body("featuredImage.alt", equalTo("Menschen am Tor"))
        .body("featuredImage.caption", equalTo("Eigene Unterschrift"))
        .body("featuredImage.credit", equalTo("dpa / Max Muster"))
        .body("featuredImage.focalPoint.x", equalTo(0.5f))
        .body("featuredImage.lqip", startsWith("data:image/webp;base64,"))
        .body(
            "featuredImage.srcset",
            equalTo(
                origin()
                    + "/api/v1/assets/"
                    + asset
                    + "/image?w=320&fm=webp&v=1 320w, "
                    + origin()
                    + "/api/v1/assets/"
                    + asset
                    + "/image?w=640&fm=webp&v=1 400w"));
    Api.anonymous()
        .get(ARTICLES + "?category=" + category.slug())
        .then()
        .statusCode(200)
        .body("data[0].featuredImage.asset.id", equalTo(asset))
        .body("data[0].featuredImage.srcset", containsString("320w"));
  }

  @Test
  void featuredImageByUrlStillWorks() {
    create(
            article(
                "draft",
                featured(
                    Map.of("url", "https://images.example.org/hafen.jpg", "alt", "Der Hafen"))))
        .then()
        .body("featuredImage.url", equalTo("https://images.example.org/hafen.jpg"))
        .body("featuredImage.asset", nullValue())
        .body("featuredImage.srcset", nullValue())
        .body("featuredImage.alt", equalTo("Der Hafen"));
  }

  @Test
  void anArticleReadCanBeWrittenBackUnchanged() {
    Response created = create(article("published", featured(Map.of("asset", Map.of("id", asset)))));
    String id = created.path("id");
    Map<String, Object> read =
        Api.admin().get(ARTICLES + "/" + id).then().extract().jsonPath().getMap("");

    Api.admin()
        .header("If-Match", created.header("ETag"))
        .body(read)
        .put(ARTICLES + "/" + id)
        .then()
        .statusCode(200)
        .body("featuredImage.asset.id", equalTo(asset));
  }

  @Test
  void badFeaturedImagesAreRefusedByField() {
    String pdf =
        upload(AssetUploadTest.uniquePdf(), "a.pdf", "application/pdf", Map.of())
            .then()
            .extract()
            .path("id");

    assertProblem(
            Api.rawAdmin()
                .contentType("application/json")
                .body(
                    article(
                        "draft",
                        featured(
                            Map.of("asset", Map.of("id", "00000000-0000-4000-8000-000000000000")))))
                .post(ARTICLES),
            400,
            "/problems/validation")
        .body("errors[0].field", equalTo("featuredImage.asset.id"));
    assertProblem(
            Api.rawAdmin()
                .contentType("application/json")
                .body(article("draft", featured(Map.of("asset", Map.of("id", pdf)))))
                .post(ARTICLES),
            400,
            "/problems/validation")
        .body("errors[0].field", equalTo("featuredImage.asset"));
    assertProblem(
            Api.rawAdmin()
                .contentType("application/json")
                .body(article("draft", featured(Map.of("alt", "Nur Text"))))
                .post(ARTICLES),
            400,
            "/problems/validation")
        .body("errors[0].field", equalTo("featuredImage"));
    assertProblem(
            Api.rawAdmin()
                .contentType("application/json")
                .body(article("draft", featured(Map.of("url", "javascript:alert(1)"))))
                .post(ARTICLES),
            400,
            "/problems/validation")
        .body("errors[0].field", equalTo("featuredImage.url"));
  }

  // -------------------------------------------------------------------------- body images

  @Test
  void imagesInBodiesAreStoredByAssetAndSentWithTheirSources() {
    String body =
        "<p>Am Tor.</p><img src=\"/api/v1/assets/"
            + asset
            + "/image?w=640&amp;fm=jpeg\" alt=\"Kundgebung\" onerror=\"alert(1)\">";
    Response created = create(article("published", Map.of("body", body)));

    String sent = created.path("body");
    // Absolute, on the host the request named: frontends elsewhere use the URLs as they are.
    String assets = origin() + "/api/v1/assets/";
    assertEquals(
        "<p>Am Tor.</p><img data-asset-id=\""
            + asset
            + "\" alt=\"Kundgebung\" src=\""
            + assets
            + asset
            + "/image?w=1280&amp;v=1\" srcset=\""
            + assets
            + asset
            + "/image?w=320&amp;fm=webp&amp;v=1 320w, "
            + assets
            + asset
            + "/image?w=640&amp;fm=webp&amp;v=1 400w\" sizes=\"100vw\" width=\"400\""
            + " height=\"600\" loading=\"lazy\">",
        sent);
    Api.anonymous()
        .queryParam("category", category.slug())
        .queryParam("fields", "id,body")
        .get(ARTICLES)
        .then()
        .body("data[0].body", equalTo(sent));
    Api.admin()
        .get(ARTICLES + "/" + created.path("id") + "/revisions/1")
        .then()
        .body(
            "state.body",
            equalTo("<p>Am Tor.</p><img data-asset-id=\"" + asset + "\" alt=\"Kundgebung\">"));
  }

  @Test
  void markdownImagesOfAssetsWorkTheSame() {
    create(
            article(
                "draft",
                Map.of(
                    "bodyFormat",
                    "markdown",
                    "body",
                    "Vor dem Tor:\n\n![Menschen](/api/v1/assets/" + asset + "/file)")))
        .then()
        .body("body", containsString("<img data-asset-id=\"" + asset + "\" alt=\"Menschen\""))
        .body("body", containsString("loading=\"lazy\""));
  }

  @Test
  void bodyShowingAnUnknownAssetIsRefusedNamingIt() {
    String missing = "00000000-0000-4000-8000-0000000000aa";
    assertProblem(
            Api.rawAdmin()
                .contentType("application/json")
                .body(
                    article(
                        "draft",
                        Map.of("body", "<p><img data-asset-id=\"" + missing + "\" alt=\"x\"></p>")))
                .post(ARTICLES),
            400,
            "/problems/validation")
        .body("errors[0].field", equalTo("body"))
        .body("errors[0].message", containsString(missing));
  }

  @Test
  void imagesFromElsewhereStayAsTheyAre() {
    create(
            article(
                "draft",
                Map.of("body", "<img src=\"https://images.example.org/a.jpg\" alt=\"Fremd\">")))
        .then()
        .body("body", equalTo("<img src=\"https://images.example.org/a.jpg\" alt=\"Fremd\">"));
  }

  // --------------------------------------------------------------------------- visibility

  @Test
  void anonymousReadersGetAnAssetOnlyWhilePublishedContentShowsIt() {
    Response draft = create(article("draft", featured(Map.of("asset", Map.of("id", asset)))));
    String file = "/api/v1/assets/" + asset + "/file?v=1";
    String image = "/api/v1/assets/" + asset + "/image?w=320&fm=webp&v=1";

    assertProblem(Api.anonymous().get(file), 404, "/problems/not-found");
    assertProblem(Api.anonymous().get(image), 404, "/problems/not-found");
    assertProblem(Api.anonymous().get("/api/v1/assets/" + asset), 404, "/problems/not-found");

    Response published =
        mergePatch(Api.admin())
            .header("If-Match", draft.header("ETag"))
            .body("{\"status\": \"published\"}")
            .patch(ARTICLES + "/" + draft.path("id"));
    published.then().statusCode(200);

    Api.anonymous()
        .get(file)
        .then()
        .statusCode(200)
        .header("Cache-Control", "public, max-age=31536000, immutable");
    Api.anonymous().get(image).then().statusCode(200).contentType("image/webp");
    Api.anonymous()
        .get("/api/v1/assets/" + asset)
        .then()
        .statusCode(200)
        .body("createdBy", nullValue());

    mergePatch(Api.admin())
        .header("If-Match", published.header("ETag"))
        .body("{\"status\": \"archived\"}")
        .patch(ARTICLES + "/" + draft.path("id"))
        .then()
        .statusCode(200);

    assertProblem(Api.anonymous().get(file), 404, "/problems/not-found");
    assertProblem(Api.anonymous().get(image), 404, "/problems/not-found");
  }

  @Test
  void scheduledArticlesDoNotShowTheirImagesYet() {
    create(
        article(
            "scheduled",
            Map.of(
                "publishedAt",
                "2099-01-01T00:00:00Z",
                "body",
                "<img data-asset-id=\"" + asset + "\" alt=\"später\">")));

    assertProblem(
        Api.anonymous().get("/api/v1/assets/" + asset + "/file"), 404, "/problems/not-found");
  }

  @Test
  void avatarsArePublicAndEmbeddedInAuthorsAndBylines() {
    Fixtures.Created pictured =
        Fixtures.author(
            Map.of(
                "name",
                "Mit Bild " + Fixtures.suffix(),
                "avatar",
                Map.of("asset", Map.of("id", asset))));

    Api.anonymous()
        .get("/api/v1/authors/" + pictured.id())
        .then()
        .statusCode(200)
        .body("avatar.asset.id", equalTo(asset))
        .body("avatar.srcset", containsString("320w"))
        .body("avatar.alt", equalTo("Menschen am Tor"));
    Api.anonymous().get("/api/v1/assets/" + asset + "/image?w=160&fm=webp").then().statusCode(200);
    Map<String, Object> body = article("published", Map.of());
    body.put("authors", List.of(Map.of("slug", pictured.slug())));
    create(body).then().body("authors[0].avatar.asset.id", equalTo(asset));
    assertProblem(
            Api.rawAdmin()
                .contentType("application/json")
                .body(
                    Map.of(
                        "name",
                        "Ohne " + Fixtures.suffix(),
                        "avatar",
                        Map.of("asset", Map.of("id", "00000000-0000-4000-8000-000000000000"))))
                .post("/api/v1/authors"),
            400,
            "/problems/validation")
        .body("errors[0].field", equalTo("avatar.asset.id"));
  }

  // ------------------------------------------------------------------ usage, delete guard

  @Test
  void usageListsEveryUserAndDeletingAnAssetInUseIsAConflictNamingThem() {
    Response used =
        create(
            article(
                "published",
                Map.of(
                    "featuredImage",
                    Map.of("asset", Map.of("id", asset)),
                    "body",
                    "<img data-asset-id=\"" + asset + "\" alt=\"\">")));
    Fixtures.Created pictured =
        Fixtures.author(
            Map.of(
                "name",
                "Nutzer " + Fixtures.suffix(),
                "avatar",
                Map.of("asset", Map.of("id", asset))));
    String slug = used.path("slug");

    Api.admin()
        .get("/api/v1/assets/" + asset + "/usage")
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(3))
        .body("data.type", equalTo(List.of("article", "article", "author")))
        .body("data.field", hasItem("featuredImage"))
        .body("data.field", hasItem("body"))
        .body("data[0].slug", equalTo(slug))
        .body("data[0].status", equalTo("published"))
        .body("data[2].slug", equalTo(pictured.slug()));
    Api.admin()
        .queryParam("q", "tor.jpg")
        .queryParam("unused", "true")
        .get("/api/v1/assets")
        .then()
        .body("data.id", not(hasItem(asset)));

    String etag = Fixtures.etag("/api/v1/assets/" + asset);
    assertProblem(
            Api.admin().header("If-Match", etag).delete("/api/v1/assets/" + asset),
            409,
            "/problems/conflict")
        .body("detail", containsString("article '" + slug + "' (featuredImage)"))
        .body("detail", containsString("author '" + pictured.slug() + "' (avatar)"));

    // In the trash, the article still holds it.
    Api.admin()
        .header("If-Match", Fixtures.etag(ARTICLES + "/" + used.path("id")))
        .delete(ARTICLES + "/" + used.path("id"))
        .then()
        .statusCode(204);
    mergePatch(Api.admin())
        .header("If-Match", Fixtures.etag("/api/v1/authors/" + pictured.id()))
        .body("{\"avatar\": null}")
        .patch("/api/v1/authors/" + pictured.id())
        .then()
        .statusCode(200)
        .body("avatar", nullValue());
    assertProblem(
            Api.admin().header("If-Match", etag).delete("/api/v1/assets/" + asset),
            409,
            "/problems/conflict")
        .body("detail", containsString("(featuredImage, in the trash)"));
    Api.admin()
        .get("/api/v1/assets/" + asset + "/usage")
        .then()
        .body("data.status", equalTo(List.of("trash", "trash")));

    // Purged, nothing holds it any more.
    Api.admin()
        .header("If-Match", Fixtures.etag("/api/v1/trash/" + used.path("id")))
        .delete("/api/v1/trash/" + used.path("id"))
        .then()
        .statusCode(204);
    Api.admin().get("/api/v1/assets/" + asset + "/usage").then().body("data", empty());
    Api.admin().header("If-Match", etag).delete("/api/v1/assets/" + asset).then().statusCode(204);
  }

  @Test
  void changingAnArticlesImagesUpdatesItsUses() {
    String other =
        upload(picture(30, 20, "jpeg"), "anders.jpg", "image/jpeg", Map.of())
            .then()
            .extract()
            .path("id");
    Response created = create(article("draft", featured(Map.of("asset", Map.of("id", asset)))));

    mergePatch(Api.admin())
        .header("If-Match", created.header("ETag"))
        .body("{\"featuredImage\": {\"asset\": {\"id\": \"" + other + "\"}}}")
        .patch(ARTICLES + "/" + created.path("id"))
        .then()
        .statusCode(200)
        .body("featuredImage.asset.id", equalTo(other));

    Api.admin().get("/api/v1/assets/" + asset + "/usage").then().body("data", empty());
    Api.admin()
        .get("/api/v1/assets/" + other + "/usage")
        .then()
        .body("data[0].field", equalTo("featuredImage"))
        .body("data[0].status", equalTo("draft"));
  }

  // ---------------------------------------------------------------------------- statements

  @Test
  void embeddingImagesCostsAListNoStatementPerItem() {
    String run = Fixtures.suffix();
    Fixtures.Created section = Fixtures.category("Bilderstrecke " + run);
    for (int i = 0; i < 12; i++) {
      String image =
          upload(picture(40 + i, 30, "jpeg"), "s" + i + ".jpg", "image/jpeg", Map.of())
              .then()
              .extract()
              .path("id");
      Fixtures.Created writer =
          Fixtures.author(
              Map.of(
                  "name",
                  "Fotograf " + i + " " + run,
                  "avatar",
                  Map.of("asset", Map.of("id", image))));
      Map<String, Object> body = new HashMap<>();
      body.put("title", "Bild " + i + " " + run);
      body.put("category", Map.of("slug", section.slug()));
      body.put("authors", List.of(Map.of("slug", writer.slug())));
      body.put("status", "published");
      body.put("featuredImage", Map.of("asset", Map.of("id", image)));
      body.put("body", "<img data-asset-id=\"" + image + "\" alt=\"\">");
      create(body);
    }

    statementsFor(section.slug(), 1, null);
    // Each URL is asked for the first time, so each answer is read from the database.
    long[] counts =
        QueryCounts.inOneVersion(
            versions,
            () ->
                new long[] {
                  statementsFor(section.slug(), 2, null),
                  statementsFor(section.slug(), 12, null),
                  statementsFor(section.slug(), 3, "id,body,featuredImage"),
                  statementsFor(section.slug(), 11, "id,body,featuredImage")
                });
    assertTrue(counts[0] > 0, "the page was read from the database");
    assertEquals(counts[0], counts[1]);
    assertEquals(counts[2], counts[3]);
    Api.anonymous()
        .queryParam("category", section.slug())
        .get(ARTICLES)
        .then()
        .body("data[0].featuredImage.srcset", endsWith("w"))
        .body("data[0].authors[0].avatar.url", containsString("/file?v=1"));
  }

  private static long statementsFor(String category, int size, String fields) {
    return QueryCounts.statementsFor(
        () -> {
          var request = Api.anonymous().queryParam("category", category).queryParam("size", size);
          if (fields != null) {
            request.queryParam("fields", fields);
          }
          request.get(ARTICLES).then().statusCode(200);
        });
  }
}
