package dev.feder.asset;

import static dev.feder.asset.AssetFixtures.picture;
import static dev.feder.asset.AssetFixtures.upload;
import static dev.feder.support.Api.mergePatch;
import static dev.feder.support.Problems.assertProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.QueryCounts;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Files and renditions that anonymous readers may fetch are kept in the response cache: the second
 * reader gets the same bytes and headers from memory, and every change that could alter the answer
 * (the asset, or the articles and authors that make it public) ends it at once, by API or by SQL.
 * Ranges, signed-in callers and embargoed assets take the usual way.
 */
@QuarkusTest
class KeptRenditionTest {

  private static final String ARTICLES = "/api/v1/articles";

  @Inject MeterRegistry registry;
  @Inject AgroalDataSource dataSource;

  private Fixtures.Created category;
  private Fixtures.Created author;
  private String asset;
  private String image;

  @BeforeEach
  void fixtures() {
    String run = Fixtures.suffix();
    category = Fixtures.category("Bildspeicher " + run);
    author = Fixtures.author("Speicherautorin " + run);
    asset =
        upload(picture(800, 600, "jpeg"), "kept.jpg", "image/jpeg", Map.of())
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    image = "/api/v1/assets/" + asset + "/image?w=640&fm=webp&v=1";
  }

  @Test
  void secondReaderGetsTheSameAnswerFromMemory() {
    Response article = publishedWith(asset);

    Response first = Api.anonymous().get(image);
    first.then().statusCode(200).contentType("image/webp");
    Response[] second = new Response[1];
    assertTrue(fromCache(() -> second[0] = Api.anonymous().get(image)));

    assertArrayEquals(first.asByteArray(), second[0].asByteArray());
    assertEquals(headers(first), headers(second[0]));
    second[0]
        .then()
        .header("Cache-Control", "public, max-age=31536000, immutable")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Length", String.valueOf(first.asByteArray().length))
        .header("Surrogate-Key", containsString("asset:" + asset))
        .header("Surrogate-Key", containsString("article:" + article.path("id")))
        .header("Cache-Tag", containsString("asset:" + asset));
    assertEquals(0, statements(() -> Api.anonymous().get(image).then().statusCode(200)));

    Response head = Api.plain().head(image);
    head.then()
        .statusCode(200)
        .header("ETag", first.header("ETag"))
        .header("Content-Type", "image/webp")
        .header("Content-Length", first.header("Content-Length"));
    assertEquals(0, head.asByteArray().length);
    Api.anonymous()
        .header("If-None-Match", first.header("ETag"))
        .get(image)
        .then()
        .statusCode(304)
        .header("ETag", first.header("ETag"));
  }

  @Test
  void aRangeIsCutFromTheStoredBytes() {
    publishedWith(asset);
    byte[] all = Api.anonymous().get(image).asByteArray();
    Api.anonymous().get(image).then().statusCode(200);

    Response[] part = new Response[1];
    boolean cached =
        fromCache(() -> part[0] = Api.anonymous().header("Range", "bytes=0-9").get(image));

    assertEquals(false, cached);
    part[0]
        .then()
        .statusCode(206)
        .header("Content-Range", "bytes 0-9/" + all.length)
        .header("Content-Length", "10");
    assertArrayEquals(Arrays.copyOf(all, 10), part[0].asByteArray());
  }

  @Test
  void automaticFormatKeepsOneAnswerPerAccept() {
    publishedWith(asset);
    String auto = "/api/v1/assets/" + asset + "/image?w=320&v=1";
    for (int i = 0; i < 2; i++) {
      Api.anonymous()
          .accept("image/webp,*/*")
          .get(auto)
          .then()
          .statusCode(200)
          .contentType("image/webp")
          .header("Vary", "Accept");
      Api.anonymous()
          .accept("image/jpeg")
          .get(auto)
          .then()
          .statusCode(200)
          .contentType("image/jpeg")
          .header("Vary", "Accept");
    }
    assertTrue(fromCache(() -> Api.anonymous().accept("image/jpeg").get(auto)));
  }

  @Test
  void signedInCallersGoTheirOwnWay() {
    publishedWith(asset);
    Api.anonymous().get(image).then().statusCode(200);
    Api.anonymous().get(image).then().statusCode(200);

    Api.admin()
        .get(image)
        .then()
        .statusCode(200)
        .header("Cache-Control", "private, max-age=31536000, immutable")
        .header("Surrogate-Key", nullValue());
  }

  @Test
  void unpublishingTheOnlyArticleEndsIt() {
    Response article = publishedWith(asset);
    keep(image);

    patch(article, "{\"status\": \"draft\"}");

    assertProblem(Api.anonymous().get(image), 404, "/problems/not-found")
        .header("Cache-Control", "no-store");
    Api.admin().get(image).then().statusCode(200);
  }

  @Test
  void trashingTheOnlyArticleEndsIt() {
    Response article = publishedWith(asset);
    keep(image);

    Api.admin()
        .header("If-Match", article.header("ETag"))
        .delete(ARTICLES + "/" + article.path("id"))
        .then()
        .statusCode(204);

    assertProblem(Api.anonymous().get(image), 404, "/problems/not-found");
  }

  @Test
  void removingTheImageFromTheArticleEndsItAndTheAssetMayGo() {
    Response article = publishedWith(asset);
    keep(image);

    Response changed = patch(article, "{\"featuredImage\": null}");

    assertProblem(Api.anonymous().get(image), 404, "/problems/not-found");
    Response current = Api.admin().get("/api/v1/assets/" + asset);
    Api.admin()
        .header("If-Match", current.header("ETag"))
        .delete("/api/v1/assets/" + asset)
        .then()
        .statusCode(204);
    assertProblem(Api.anonymous().get(image), 404, "/problems/not-found");
    changed.then().statusCode(200);
  }

  @Test
  void anotherPublishedArticleKeepsItPublic() {
    Response first = publishedWith(asset);
    publishedWith(asset);
    keep(image);

    patch(first, "{\"status\": \"draft\"}");

    Api.anonymous().get(image).then().statusCode(200);
  }

  @Test
  void aChangeMadeInTheDatabaseEndsIt() throws SQLException {
    Response article = publishedWith(asset);
    keep(image);

    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement("update article set status = 'draft' where id = ?")) {
      update.setObject(1, UUID.fromString(article.path("id")));
      assertEquals(1, update.executeUpdate());
    }

    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (Api.anonymous().get(image).statusCode() != 404) {
      assertTrue(Instant.now().isBefore(deadline), "still served 10 s after the change");
      sleep();
    }
    assertProblem(Api.anonymous().get(image), 404, "/problems/not-found");
  }

  @Test
  void anAvatarIsKeptUnderItsAuthor() {
    Fixtures.Created pictured =
        Fixtures.author(
            Map.of(
                "name",
                "Mit Avatar " + Fixtures.suffix(),
                "avatar",
                Map.of("asset", Map.of("id", asset))));

    Response kept = keep(image);

    kept.then().header("Surrogate-Key", containsString("author:" + pictured.id()));
  }

  @Test
  void aMetadataEditEndsItAndAFocalPointMakesANewVersion() {
    publishedWith(asset);
    keep(image);
    Response current = Api.admin().get("/api/v1/assets/" + asset);

    mergePatch(Api.admin())
        .header("If-Match", current.header("ETag"))
        .body("{\"title\": \"Neuer Titel\"}")
        .patch("/api/v1/assets/" + asset)
        .then()
        .statusCode(200);
    assertEquals(false, fromCache(() -> Api.anonymous().get(image).then().statusCode(200)));
    assertTrue(fromCache(() -> Api.anonymous().get(image).then().statusCode(200)));

    current = Api.admin().get("/api/v1/assets/" + asset);
    Response moved =
        mergePatch(Api.admin())
            .header("If-Match", current.header("ETag"))
            .body("{\"focalPoint\": {\"x\": 0.1, \"y\": 0.9}}")
            .patch("/api/v1/assets/" + asset);
    moved.then().statusCode(200).body("version", equalTo(2));

    // The old URL answers as before: the current bytes, cached briefly.
    Api.anonymous()
        .get(image)
        .then()
        .statusCode(200)
        .header("Cache-Control", startsWith("public, max-age=60"));
    String next = "/api/v1/assets/" + asset + "/image?w=640&fm=webp&v=2";
    Response fresh = keep(next);
    fresh.then().header("Cache-Control", "public, max-age=31536000, immutable");
  }

  @Test
  void anEmbargoedImageStaysMissingForAnonymousReadersWhateverTheOrder() {
    Response scheduled = created("scheduled", Map.of("publishedAt", "2099-01-01T00:00:00Z"), asset);

    assertProblem(Api.anonymous().get(image), 404, "/problems/not-found");
    Api.admin().get(image).then().statusCode(200);
    Api.admin().get(image).then().statusCode(200);
    assertProblem(Api.anonymous().get(image), 404, "/problems/not-found");
    assertProblem(Api.anonymous().get(image), 404, "/problems/not-found");
    Api.admin().get(image).then().statusCode(200);

    patch(scheduled, "{\"status\": \"published\", \"publishedAt\": \"2020-01-01T00:00:00Z\"}");

    Api.anonymous().get(image).then().statusCode(200);
  }

  @Test
  void theOriginalFileIsKeptUpToTheCeiling() throws IOException {
    publishedWith(asset);
    String small = "/api/v1/assets/" + asset + "/file?v=1";
    Response first = keep(small);
    first.then().contentType("image/jpeg").header("Content-Disposition", startsWith("inline"));

    // Random pixels do not compress: well over the 256 KB a kept file may have.
    String noisy =
        upload(noise(600, 600), "rauschen.png", "image/png", Map.of())
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    publishedWith(noisy);
    String large = "/api/v1/assets/" + noisy + "/file?v=1";
    byte[] bytes = Api.anonymous().get(large).then().statusCode(200).extract().asByteArray();
    assertTrue(bytes.length > 256 * 1024, "size " + bytes.length);

    Response[] again = new Response[1];
    assertEquals(false, fromCache(() -> again[0] = Api.anonymous().get(large)));
    assertArrayEquals(bytes, again[0].asByteArray());
  }

  // ------------------------------------------------------------------------------- helpers

  private Response publishedWith(String assetId) {
    return created("published", Map.of(), assetId);
  }

  private Response created(String status, Map<String, Object> extra, String assetId) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", "Bildspeicher " + Fixtures.suffix());
    body.put("category", Map.of("slug", category.slug()));
    body.put("authors", List.of(Map.of("slug", author.slug())));
    body.put("status", status);
    body.put("featuredImage", Map.of("asset", Map.of("id", assetId)));
    body.putAll(extra);
    Response response = Api.admin().body(body).post(ARTICLES);
    response.then().statusCode(201);
    return response;
  }

  private static Response patch(Response article, String patch) {
    Response current = Api.admin().get(ARTICLES + "/" + article.path("id"));
    Response changed =
        mergePatch(Api.admin())
            .header("If-Match", current.header("ETag"))
            .body(patch)
            .patch(ARTICLES + "/" + article.path("id"));
    changed.then().statusCode(200);
    return changed;
  }

  private static byte[] noise(int width, int height) throws IOException {
    Random random = new Random();
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt(0xFFFFFF));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** Reads {@code url} anonymously until it is kept; the kept answer. */
  private Response keep(String url) {
    Api.anonymous().get(url).then().statusCode(200);
    Response[] kept = new Response[1];
    assertTrue(fromCache(() -> kept[0] = Api.anonymous().get(url)), "kept: " + url);
    kept[0].then().statusCode(200);
    return kept[0];
  }

  /** Whether the response cache answered the request. */
  private boolean fromCache(Supplier<?> request) {
    double before = hits();
    request.get();
    return hits() > before;
  }

  private double hits() {
    FunctionCounter hits =
        registry
            .find("cache.gets")
            .tag("cache", "feder.http.responses")
            .tag("result", "hit")
            .functionCounter();
    return hits == null ? 0 : hits.count();
  }

  private long statements(Supplier<?> reads) {
    return QueryCounts.statementsFor(reads::get);
  }

  /** The headers of a response but its date, as name: value lines. */
  private static Set<String> headers(Response response) {
    Set<String> lines = new TreeSet<>();
    for (Header header : response.headers()) {
      if (!header.getName().equalsIgnoreCase("Date")) {
        lines.add(header.getName().toLowerCase() + ": " + header.getValue());
      }
    }
    return lines;
  }

  private static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
