package dev.feder.web;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.OpenApiDocument;
import dev.feder.support.ResponseShapes;
import dev.feder.support.SpecValidation;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The spec's {@code required} lists match what Feder sends: typed clients make a required field a
 * plain property and an optional one a maybe, so a field sent in every answer must be required.
 *
 * <p>The calls below read every kind of response with as little in it as Feder allows (a category
 * without parent or description, an author with only a name, a draft with only a title, a token
 * without author or expiry, a page fetched by cursor), next to fuller ones. Each object in the
 * answers is matched with its schema in the committed spec ({@link ResponseShapes}); a field that
 * was in every object of its schema must be marked required there. A field sent only sometimes is
 * absent from at least one of these answers, so it cannot raise a false alarm.
 *
 * <p>A new response schema must appear here: add the calls that return it, with its optional fields
 * left out at least once. (That a required field is always sent is checked on every test answer by
 * {@link dev.feder.support.SpecValidation}.)
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequiredFieldsTest {

  private static final String API = "/api/v1";

  private final OpenApiDocument spec = OpenApiDocument.committed();
  private final ResponseShapes shapes = new ResponseShapes(spec);
  private final String run = Fixtures.suffix();

  private boolean read;
  private Map<String, Object> root;
  private Map<String, Object> child;
  private Map<String, Object> bare;
  private Map<String, Object> full;
  private Map<String, Object> draft;
  private Map<String, Object> published;
  private Map<String, Object> sparse;

  /**
   * Once for both tests (RestAssured knows Feder's port only within a test). A new kind of resource
   * gets a method of its own here.
   */
  private void readEveryKindOfResponse() {
    if (read) {
      return;
    }
    read = true;
    String since =
        Api.admin().queryParam("since", "now").get(API + "/changes").path("meta.nextCursor");
    categories();
    authors();
    articles();
    lists();
    changes();
    trash();
    previews();
    tokens();
    assets();
    auditLog();
    changesFeed(since);
    webhooks();
    problems();
  }

  /** A bare root and a described child, flat and as a tree. */
  private void categories() {
    root = created("/categories", Map.of("name", "Ressort " + run));
    child =
        created(
            "/categories",
            Map.of(
                "name",
                "Unterressort " + run,
                "description",
                "Meldungen aus der Region",
                "parent",
                Map.of("slug", root.get("slug")),
                "position",
                1));
    admin().get(API + "/categories/" + child.get("id")).then().statusCode(200);
    admin().get(API + "/categories/slug/" + root.get("slug")).then().statusCode(200);
    anonymous().queryParam("size", 100).get(API + "/categories").then().statusCode(200);
    anonymous().queryParam("tree", true).get(API + "/categories").then().statusCode(200);
  }

  /** One with only a name, one with everything (its email shown only to tokens). */
  private void authors() {
    bare = created("/authors", Map.of("name", "Nur Name " + run));
    full =
        created(
            "/authors",
            Map.of(
                "name", "Jörg Weißmann " + run,
                "bio", "Berichtet aus Brüssel.",
                "email", "joerg-" + run + "@example.org",
                "avatarUrl", "https://images.example.org/authors/joerg.jpg",
                "website", "https://joerg.example.org"));
    anonymous().get(API + "/authors/" + full.get("id")).then().statusCode(200);
    admin().get(API + "/authors/slug/" + bare.get("slug")).then().statusCode(200);
    anonymous().queryParam("size", 100).get(API + "/authors").then().statusCode(200);
  }

  /**
   * A draft with only a title and a category, a published one with everything and a pin to the
   * draft, and two with the smallest source, image and SEO fields.
   */
  private void articles() {
    draft = created("/articles", Map.of("title", "Entwurf " + run, "category", slugOf(root)));
    published =
        created(
            "/articles",
            Map.ofEntries(
                Map.entry("title", "Marine probt Quellwort" + run),
                Map.entry("subtitle", "Manöver im Gelben Meer"),
                Map.entry("excerpt", "Die Marine hat die größte Übung seit Jahren begonnen."),
                Map.entry("body", "<p>Am frühen Morgen liefen zwölf Schiffe aus.</p>"),
                Map.entry("language", "de"),
                Map.entry("status", "published"),
                Map.entry("category", slugOf(child)),
                Map.entry("authors", List.of(slugOf(full), slugOf(bare))),
                Map.entry("tags", List.of("Marine", "Nordkorea")),
                Map.entry("related", List.of(Map.of("id", draft.get("id")))),
                Map.entry(
                    "source", Map.of("name", "The Telegraph", "url", "https://telegraph.co.uk/")),
                Map.entry(
                    "featuredImage",
                    Map.of(
                        "url", "https://images.example.org/hafen.jpg",
                        "alt", "Schiffe im Hafen",
                        "caption", "Der Hafen am Morgen.",
                        "credit", "Foto: Jörg Weißmann")),
                Map.entry(
                    "seo",
                    Map.of(
                        "metaTitle", "Marine probt",
                        "metaDescription", "Die Marine probt den Ernstfall.",
                        "canonicalUrl", "https://www.example.org/marine"))));
    sparse =
        created(
            "/articles",
            Map.of(
                "title", "Kurzmeldung Spurwort" + run,
                "status", "published",
                "category", slugOf(child),
                "source", Map.of("name", "dpa"),
                "featuredImage", Map.of("url", "https://images.example.org/kurz.jpg"),
                "seo", Map.of("canonicalUrl", "https://www.example.org/kurz")));
    created(
        "/articles",
        Map.of(
            "title",
            "Zweite Kurzmeldung " + run,
            "excerpt",
            "Nur ein Vorspann.",
            "category",
            slugOf(root),
            "seo",
            Map.of("metaTitle", "Zweite Kurzmeldung")));
    String article = API + "/articles/" + published.get("id");
    admin().get(article).then().statusCode(200);
    anonymous().get(API + "/articles/slug/" + sparse.get("slug")).then().statusCode(200);
    anonymous().get(article + "/related").then().statusCode(200);
    admin().get(article + "/related").then().statusCode(200);
  }

  /** Pages by number and by cursor, first and last, and searches matching more or less. */
  private void lists() {
    ExtractableResponse<Response> first =
        admin()
            .queryParam("category", root.get("slug"))
            .queryParam("size", 2)
            .get(API + "/articles")
            .then()
            .statusCode(200)
            .extract();
    admin()
        .queryParam("category", root.get("slug"))
        .queryParam("size", 2)
        .queryParam("page", 2)
        .get(API + "/articles")
        .then()
        .statusCode(200);
    admin()
        .queryParam("category", root.get("slug"))
        .queryParam("size", 2)
        .queryParam("cursor", first.<String>path("meta.nextCursor"))
        .get(API + "/articles")
        .then()
        .statusCode(200);
    anonymous().queryParam("q", "Quellwort" + run).get(API + "/articles").then().statusCode(200);
    anonymous().queryParam("q", "Spurwort" + run).get(API + "/articles").then().statusCode(200);
  }

  /** A patch, a replacement, revisions, their diffs and a restore. */
  private void changes() {
    String article = API + "/articles/" + published.get("id");
    admin()
        .contentType(MergePatch.MEDIA_TYPE)
        .header("If-Match", Fixtures.etag(article))
        .body(
            Map.of(
                "title",
                "Marine übt Quellwort" + run,
                "tags",
                List.of("Marine", "Manöver"),
                "body",
                "<p>Am Morgen liefen Schiffe aus.</p><p>Quelle: The Telegraph</p>",
                "seo",
                Map.of("metaTitle", "Marine übt")))
        .patch(article)
        .then()
        .statusCode(200);
    String draftPath = API + "/articles/" + draft.get("id");
    admin()
        .header("If-Match", Fixtures.etag(draftPath))
        .body(
            Map.of(
                "title",
                "Entwurf " + run,
                "category",
                slugOf(root),
                "status",
                "published",
                "subtitle",
                "Jetzt mit Unterzeile"))
        .put(draftPath)
        .then()
        .statusCode(200);
    admin().get(article + "/revisions").then().statusCode(200);
    admin().get(article + "/revisions/1").then().statusCode(200);
    admin().get(draftPath + "/revisions/1").then().statusCode(200);
    admin().get(article + "/revisions/2/diff").then().statusCode(200);
    admin().queryParam("from", 2).get(article + "/revisions/1/diff").then().statusCode(200);
    admin().get(draftPath + "/revisions/2/diff").then().statusCode(200);
    // The pinned draft is published now, which changed the article's ETag.
    admin()
        .header("If-Match", Fixtures.etag(article))
        .post(article + "/revisions/1/restore")
        .then()
        .statusCode(200);
  }

  /** A deleted article, listed, read and restored. */
  private void trash() {
    String sparsePath = API + "/articles/" + sparse.get("id");
    admin().header("If-Match", Fixtures.etag(sparsePath)).delete(sparsePath).then().statusCode(204);
    admin().get(API + "/trash").then().statusCode(200);
    String trashed = API + "/trash/" + sparse.get("id");
    admin().get(trashed).then().statusCode(200);
    admin()
        .header("If-Match", Fixtures.etag(trashed))
        .post(trashed + "/restore")
        .then()
        .statusCode(200);
  }

  /** A preview link to the draft, and the draft read with it by id and by slug. */
  private void previews() {
    Object token =
        created("/articles/" + draft.get("id") + "/preview-links", Map.of()).get("token");
    anonymous()
        .queryParam("preview", token)
        .get(API + "/articles/" + draft.get("id"))
        .then()
        .statusCode(200);
    anonymous()
        .header("Feder-Preview", token)
        .get(API + "/articles/slug/" + draft.get("slug"))
        .then()
        .statusCode(200);
  }

  /** One with neither author nor expiry, one with both, one revoked. */
  private void tokens() {
    Map<String, Object> editor =
        created("/tokens", Map.of("name", "Redaktion " + run, "role", "editor"));
    created(
        "/tokens",
        Map.of(
            "name",
            "Autor " + run,
            "role",
            "author",
            "author",
            slugOf(bare),
            "expiresAt",
            "2099-01-01T00:00:00Z"));
    admin().delete(API + "/tokens/" + editor.get("id")).then().statusCode(204);
    admin().get(API + "/tokens/" + editor.get("id")).then().statusCode(200);
    admin().queryParam("size", 100).get(API + "/tokens").then().statusCode(200);
  }

  /**
   * A bare image and a described one, a PDF (no size, no renditions), the list, usage empty and by
   * an article and an author, and the revision state of an article that shows an asset.
   */
  private void assets() {
    Map<String, Object> image = uploaded(picture(), "bild.png", "image/png", Map.of());
    uploaded(
        picture(),
        "hafen.png",
        "image/png",
        Map.of(
            "title", "Hafen",
            "alt", "Schiffe im Hafen",
            "caption", "Der Hafen am Morgen.",
            "credit", "Foto: Jörg Weißmann",
            "copyright", "© Feder",
            "source", "Feder",
            "focalPoint", "{\"x\": 0.25, \"y\": 0.5}"));
    uploaded(
        ("%PDF-1.4\n% "
                + run
                + "\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII),
        "liste.pdf",
        "application/pdf",
        Map.of());
    String asset = API + "/assets/" + image.get("id");
    admin().get(asset + "/usage").then().statusCode(200);
    Map<String, Object> shown =
        created(
            "/articles",
            Map.of(
                "title",
                "Bildmeldung " + run,
                "status",
                "published",
                "category",
                slugOf(root),
                "featuredImage",
                Map.of("asset", Map.of("id", image.get("id"))),
                "body",
                "<p>Vorher</p><img data-asset-id=\"" + image.get("id") + "\" alt=\"\">"));
    created(
        "/authors",
        Map.of(
            "name", "Fotografin " + run, "avatar", Map.of("asset", Map.of("id", image.get("id")))));
    anonymous().get(asset).then().statusCode(200);
    admin().get(asset).then().statusCode(200);
    admin().get(asset + "/usage").then().statusCode(200);
    admin().queryParam("size", 100).get(API + "/assets").then().statusCode(200);
    admin().get(API + "/articles/" + shown.get("id") + "/revisions/1").then().statusCode(200);
  }

  private Map<String, Object> uploaded(
      byte[] bytes, String filename, String type, Map<String, String> parts) {
    RequestSpecification request =
        RestAssured.given()
            .filter(SpecValidation.responsesOnly())
            .filter(shapes)
            .header("Authorization", "Bearer " + Api.ADMIN_TOKEN)
            .accept("application/json, application/problem+json")
            .contentType("multipart/form-data; charset=UTF-8")
            .multiPart("file", filename, bytes, type);
    for (Map.Entry<String, String> part : parts.entrySet()) {
      request =
          request.multiPart(
              new MultiPartSpecBuilder(part.getValue())
                  .controlName(part.getKey())
                  .mimeType("text/plain")
                  .charset(StandardCharsets.UTF_8)
                  .build());
    }
    return request.post(API + "/assets").then().statusCode(201).extract().path("$");
  }

  /** A PNG of its own: random colours, so no earlier upload has its bytes. */
  private static byte[] picture() {
    java.util.Random random = new Random();
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 64; x++) {
      for (int y = 0; y < 48; y++) {
        image.setRGB(x, y, random.nextInt(0xFFFFFF));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The audit log of all the above: creates, patches, restores, token events. */
  private void auditLog() {
    admin().queryParam("size", 100).get(API + "/audit-events").then().statusCode(200);
  }

  /**
   * The changes of all the above, as tokens read them (every event, with its details) and as
   * anonymous callers do (upserts with representations, tombstones).
   */
  private void changesFeed(String since) {
    List<Supplier<RequestSpecification>> callers = List.of(this::admin, this::anonymous);
    for (Supplier<RequestSpecification> caller : callers) {
      String cursor = since;
      boolean more = true;
      while (more) {
        ExtractableResponse<Response> page =
            caller
                .get()
                .queryParam("since", cursor)
                .queryParam("size", 100)
                .get(API + "/changes")
                .then()
                .statusCode(200)
                .extract();
        cursor = page.path("meta.nextCursor");
        more = page.path("meta.hasMore");
      }
    }
  }

  /**
   * A bare endpoint and a described one (both disabled: nothing listens), patched, rotated, pinged
   * and its deliveries listed.
   */
  private void webhooks() {
    Map<String, Object> hook =
        created(
            "/webhooks",
            Map.of(
                "url",
                "http://127.0.0.1:9/" + run,
                "enabled",
                false,
                "eventTypes",
                List.of("article.*")));
    created(
        "/webhooks",
        Map.of(
            "url",
            "https://www.zeitung.example/api/revalidate",
            "description",
            "Next.js",
            "enabled",
            false,
            "eventTypes",
            List.of("*")));
    String path = API + "/webhooks/" + hook.get("id");
    admin().get(path).then().statusCode(200);
    admin().queryParam("size", 100).get(API + "/webhooks").then().statusCode(200);
    admin().post(path + "/test").then().statusCode(202);
    admin().post(path + "/rotate-secret").then().statusCode(200);
    admin().get(path).then().statusCode(200);
    admin().get(path + "/deliveries").then().statusCode(200);
    // Nothing listens there: the ping fails every attempt (the test profile retries within a
    // second or two), and a finished delivery has no next attempt.
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!"failed".equals(Api.admin().get(path + "/deliveries").path("data[0].status"))
        && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    admin()
        .get(path + "/deliveries")
        .then()
        .statusCode(200)
        .body("data[0].status", equalTo("failed"));
  }

  /** Problems with and without field errors. */
  private void problems() {
    anonymous().get(API + "/articles/" + UUID.randomUUID()).then().statusCode(404);
    Api.rawAdmin()
        .filter(shapes)
        .contentType("application/json")
        .body("{\"title\": \"\"}")
        .post(API + "/articles")
        .then()
        .statusCode(400);
  }

  @Test
  void everyFieldSentInEveryAnswerIsRequired() {
    readEveryKindOfResponse();
    assertEquals(
        List.of(),
        shapes.alwaysSentButOptional(),
        "These fields were in every answer: mark them @Schema(required = true), or, if Feder"
            + " leaves them out at times, add a call to this test that shows it");
  }

  @Test
  void everyResponseSchemaIsSeen() {
    readEveryKindOfResponse();
    Set<String> unseen = new TreeSet<>(shapes.responseSchemas());
    unseen.removeAll(shapes.seen());
    assertTrue(
        unseen.isEmpty(),
        "No answer of this test held "
            + unseen
            + ": add calls that return it, with its optional fields left out at least once");
  }

  private RequestSpecification admin() {
    return Api.admin().filter(shapes);
  }

  private RequestSpecification anonymous() {
    return Api.anonymous().filter(shapes);
  }

  private Map<String, Object> created(String path, Map<String, ?> body) {
    return admin().body(body).post(API + path).then().statusCode(201).extract().path("$");
  }

  private static Map<String, Object> slugOf(Map<String, Object> resource) {
    return Map.of("slug", resource.get("slug"));
  }
}
