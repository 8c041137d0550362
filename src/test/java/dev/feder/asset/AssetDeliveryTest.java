package dev.feder.asset;

import static dev.feder.asset.AssetFixtures.picture;
import static dev.feder.asset.AssetFixtures.uniquePhoto;
import static dev.feder.asset.AssetFixtures.upload;
import static dev.feder.asset.AssetFixtures.uploadedJpeg;
import static dev.feder.support.Problems.assertProblem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Files and renditions: what is sent, how it is cached, ranges, and the bounded parameters. */
@QuarkusTest
class AssetDeliveryTest {

  private static String file(String id) {
    return "/api/v1/assets/" + id + "/file";
  }

  private static String image(String id) {
    return "/api/v1/assets/" + id + "/image";
  }

  @Test
  void fileCarriesNoPrivateMetadataAndIsNamed() {
    String id =
        upload(uniquePhoto(), "Kundgebung am Tor.jpg", "image/jpeg", Map.of())
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    Response response = Api.admin().get(file(id) + "?v=1");

    response
        .then()
        .statusCode(200)
        .contentType("image/jpeg")
        .header("Content-Disposition", startsWith("inline; filename=\"Kundgebung am Tor.jpg\""))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .header("Accept-Ranges", "bytes")
        .header("Cache-Control", "private, max-age=31536000, immutable");
    byte[] bytes = response.asByteArray();
    assertEquals(Integer.parseInt(response.header("Content-Length")), bytes.length);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    for (String secret :
        List.of("Canon", "083021004711", "Max Muster", "dpa", "Photoshop", "GPS")) {
      assertThat(text, not(containsString(secret)));
    }
    assertTrue(text.contains("ICC_PROFILE"), "the colour profile stays");
  }

  @Test
  void pdfIsSentAsAnAttachment() {
    String id =
        upload(AssetUploadTest.uniquePdf(), "pm.pdf", "application/pdf", Map.of())
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String etag = Api.admin().get("/api/v1/assets/" + id).header("ETag");
    Api.mergePatch(Api.admin())
        .header("If-Match", etag)
        .body("{\"filename\": \"Pressemitteilung Ä.pdf\"}")
        .patch("/api/v1/assets/" + id)
        .then()
        .statusCode(200);

    Api.admin()
        .get(file(id))
        .then()
        .statusCode(200)
        .contentType("application/pdf")
        .header(
            "Content-Disposition",
            "attachment; filename=\"Pressemitteilung _.pdf\";"
                + " filename*=UTF-8''Pressemitteilung%20%C3%84.pdf")
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "private, max-age=60");
    assertProblem(Api.admin().get(image(id) + "?w=320"), 404, "/problems/not-found")
        .body("detail", containsString("is a PDF"));
  }

  @Test
  void matchingEtagIsNotModifiedAndHeadSendsNoBody() {
    AssetFixtures.Uploaded asset = uploadedJpeg();
    Response full = Api.admin().get(file(asset.id()));
    String etag = full.header("ETag");

    Api.admin()
        .header("If-None-Match", etag)
        .get(file(asset.id()))
        .then()
        .statusCode(304)
        .header("ETag", etag);
    // HEAD is answered like GET without the body; the spec lists GET only, so it is not checked.
    Response head =
        RestAssured.given()
            .header("Authorization", "Bearer " + Api.ADMIN_TOKEN)
            .head(file(asset.id()));
    head.then().statusCode(200).header("ETag", etag).header("Content-Type", "image/jpeg");
    assertEquals(full.header("Content-Length"), head.header("Content-Length"));
    assertEquals(0, head.asByteArray().length);
  }

  @Test
  void rangesSendTheBytesAskedFor() {
    AssetFixtures.Uploaded asset = uploadedJpeg();
    Response full = Api.admin().get(file(asset.id()));
    byte[] all = full.asByteArray();
    int size = all.length;

    Response first = Api.admin().header("Range", "bytes=0-9").get(file(asset.id()));
    first
        .then()
        .statusCode(206)
        .header("Content-Range", "bytes 0-9/" + size)
        .header("Content-Length", "10");
    assertArrayEquals(Arrays.copyOf(all, 10), first.asByteArray());

    Response last = Api.admin().header("Range", "bytes=-5").get(file(asset.id()));
    last.then()
        .statusCode(206)
        .header("Content-Range", "bytes " + (size - 5) + "-" + (size - 1) + "/" + size);
    assertArrayEquals(Arrays.copyOfRange(all, size - 5, size), last.asByteArray());

    Response rest = Api.admin().header("Range", "bytes=100-").get(file(asset.id()));
    rest.then().statusCode(206);
    assertArrayEquals(Arrays.copyOfRange(all, 100, size), rest.asByteArray());

    Api.admin().header("Range", "bytes=0-1,5-6").get(file(asset.id())).then().statusCode(200);
    Api.admin().header("Range", "Zeilen=1-2").get(file(asset.id())).then().statusCode(200);
    Api.admin()
        .header("Range", "bytes=0-9")
        .header("If-Range", "\"anders\"")
        .get(file(asset.id()))
        .then()
        .statusCode(200);
    Api.admin()
        .header("Range", "bytes=0-9")
        .header("If-Range", full.header("ETag"))
        .get(file(asset.id()))
        .then()
        .statusCode(206);
    assertProblem(
            Api.admin().header("Range", "bytes=" + size + "-").get(file(asset.id())),
            416,
            "/problems/range-not-satisfiable")
        .header("Content-Range", "bytes */" + size);
  }

  @Test
  void renditionHasTheAskedSizeAndFormat() throws IOException {
    AssetFixtures.Uploaded asset = uploadedJpeg();

    Response webp = Api.admin().get(image(asset.id()) + "?w=320&fm=webp&v=1");
    webp.then()
        .statusCode(200)
        .contentType("image/webp")
        .header("Vary", nullValue())
        .header("Cache-Control", "private, max-age=31536000, immutable");
    assertSize(webp, 320, 240);

    Response jpeg = Api.admin().get(image(asset.id()) + "?h=120&fm=jpeg&q=60");
    jpeg.then()
        .statusCode(200)
        .contentType("image/jpeg")
        .header("Cache-Control", "private, max-age=60");
    assertSize(jpeg, 160, 120);

    assertSize(Api.admin().get(image(asset.id()) + "?w=160&h=160&fit=cover&fm=png"), 160, 160);
    assertSize(Api.admin().get(image(asset.id()) + "?w=160&h=160&fit=contain&fm=png"), 160, 160);
    assertSize(Api.admin().get(image(asset.id()) + "?w=160&h=160&fit=inside&fm=png"), 160, 120);
  }

  @Test
  void renditionIsNeverScaledUp() throws IOException {
    AssetFixtures.Uploaded asset = uploadedJpeg();

    assertSize(Api.admin().get(image(asset.id()) + "?w=2560&fm=jpeg"), 640, 480);
    assertSize(Api.admin().get(image(asset.id()) + "?fm=jpeg"), 640, 480);
  }

  @Test
  void autoFormatFollowsTheAcceptHeader() {
    AssetFixtures.Uploaded asset = uploadedJpeg();

    Api.admin()
        .accept("image/avif,image/webp,*/*")
        .get(image(asset.id()) + "?w=160")
        .then()
        .statusCode(200)
        .contentType("image/webp")
        .header("Vary", "Accept");
    Api.admin()
        .accept("image/png,image/webp;q=0,*/*;q=0.5")
        .get(image(asset.id()) + "?w=160&fm=auto")
        .then()
        .statusCode(200)
        .contentType("image/jpeg")
        .header("Vary", "Accept");
    String png =
        upload(picture(50, 40, "png"), "grafik.png", "image/png", Map.of())
            .then()
            .extract()
            .path("id");
    Api.admin().accept("*/*").get(image(png) + "?w=160").then().contentType("image/png");
  }

  @Test
  void renditionIsComputedOnceAndKept() throws IOException {
    AssetFixtures.Uploaded asset = uploadedJpeg();
    String url = image(asset.id()) + "?w=480&h=270&fit=cover&fm=webp&q=70&v=1";

    Response first = Api.admin().get(url);
    first.then().statusCode(200);
    Path version = AssetFixtures.STORAGE.resolve("assets/" + asset.id() + "/v1");
    List<Path> kept;
    try (Stream<Path> files = Files.list(version)) {
      kept = files.toList();
    }
    assertEquals(1, kept.size());
    assertEquals("480x270-cover-q70.webp", kept.get(0).getFileName().toString());

    Response second = Api.admin().get(url);
    assertEquals(first.header("ETag"), second.header("ETag"));
    assertArrayEquals(first.asByteArray(), second.asByteArray());
    Api.admin().header("If-None-Match", first.header("ETag")).get(url).then().statusCode(304);
    // Asked differently, the same pixels: the same kept rendition.
    Api.admin()
        .get(image(asset.id()) + "?w=480&h=270&fit=cover&fm=webp&q=70")
        .then()
        .header("ETag", first.header("ETag"));
    Api.admin()
        .header("Range", "bytes=0-11")
        .get(url)
        .then()
        .statusCode(206)
        .header("Content-Range", startsWith("bytes 0-11/"));
  }

  @Test
  void parametersOutsideTheirSetsAreRefused() {
    AssetFixtures.Uploaded asset = uploadedJpeg();
    String url = image(asset.id());

    assertProblem(Api.rawAdmin().get(url + "?w=333"), 400, "/problems/bad-parameter")
        .body("errors[0].field", equalTo("w"))
        .body("errors[0].message", startsWith("must be one of 64, 160, 320,"));
    assertProblem(Api.rawAdmin().get(url + "?h=7"), 400, "/problems/bad-parameter")
        .body("errors[0].field", equalTo("h"));
    assertProblem(Api.rawAdmin().get(url + "?w=320&q=101"), 400, "/problems/bad-parameter")
        .body("errors[0].field", equalTo("q"));
    assertProblem(Api.rawAdmin().get(url + "?w=320&fit=stretch"), 400, "/problems/bad-parameter")
        .body("errors[0].field", equalTo("fit"));
    assertProblem(Api.rawAdmin().get(url + "?w=320&fm=gif"), 400, "/problems/bad-parameter")
        .body("errors[0].field", equalTo("fm"));
    assertProblem(Api.rawAdmin().get(url + "?w=320&v=0"), 400, "/problems/bad-parameter")
        .body("errors[0].field", equalTo("v"));
    assertProblem(Api.rawAdmin().get(url + "?w=1e3"), 400, "/problems/bad-parameter")
        .body("errors[0].field", equalTo("w"));
    assertProblem(Api.rawAdmin().get(file(asset.id()) + "?v=neu"), 400, "/problems/bad-parameter")
        .body("errors[0].field", equalTo("v"));
  }

  @Test
  void unknownAssetIsNotFoundAndNotCached() {
    for (String path :
        List.of(
            file("00000000-0000-4000-8000-000000000000"),
            image("00000000-0000-4000-8000-000000000000"))) {
      assertProblem(Api.admin().get(path), 404, "/problems/not-found")
          .header("Cache-Control", "no-store");
    }
  }

  @Test
  void anonymousCallersGetNothingThatNoPublicContentShows() {
    AssetFixtures.Uploaded asset = uploadedJpeg();

    assertProblem(Api.anonymous().get(file(asset.id())), 404, "/problems/not-found")
        .header("Cache-Control", "no-store");
    assertProblem(Api.anonymous().get(image(asset.id()) + "?w=320"), 404, "/problems/not-found");
  }

  private static void assertSize(Response response, int width, int height) throws IOException {
    response.then().statusCode(200);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.asByteArray()));
    assertEquals(width, image.getWidth(), "width");
    assertEquals(height, image.getHeight(), "height");
  }
}
