package dev.feder.asset;

import static org.hamcrest.Matchers.notNullValue;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.SpecValidation;
import io.restassured.RestAssured;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.http.params.CoreProtocolPNames;

/**
 * Files and uploads for the asset tests. Uploads of the same bytes find the asset they made, so
 * every test that needs an asset of its own uploads bytes no other test sends: a fixture with a
 * comment of its own (which the kept copy drops), or a generated picture.
 */
final class AssetFixtures {

  /** Where the test profile keeps stored files. */
  static final Path STORAGE = Path.of("target/test-storage");

  private AssetFixtures() {}

  /** A committed fixture under {@code src/test/resources/assets}. */
  static byte[] fixture(String name) {
    try {
      return Files.readAllBytes(
          Path.of(AssetFixtures.class.getResource("/assets/" + name).toURI()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The agency photo (IPTC, XMP, EXIF with GPS and orientation 6) with a comment of its own. */
  static byte[] uniquePhoto() {
    return withJpegComment(fixture("photo.jpg"), "test " + Fixtures.suffix());
  }

  /** A JPEG with a COM segment right after its start, which makes its bytes unique. */
  static byte[] withJpegComment(byte[] jpeg, String comment) {
    byte[] text = comment.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + text.length + 4);
    out.write(jpeg, 0, 2);
    out.write(0xFF);
    out.write(0xFE);
    out.write((text.length + 2) >> 8);
    out.write((text.length + 2) & 0xFF);
    out.write(text, 0, text.length);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** A picture of random colours, encoded as {@code format} (jpeg, png, gif). */
  static byte[] picture(int width, int height, String format) {
    Random random = new Random();
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    for (int i = 0; i < 6; i++) {
      g.setColor(new Color(random.nextInt(0xFFFFFF)));
      g.fillRect(random.nextInt(width), random.nextInt(height), width / 2 + 1, height / 2 + 1);
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A multipart request with the admin token. */
  static RequestSpecification admin() {
    return multipart().header("Authorization", "Bearer " + Api.ADMIN_TOKEN);
  }

  /**
   * A multipart request in UTF-8 (file names and text parts). The spec validator cannot read
   * multipart bodies, so only the response is checked against the spec.
   */
  static RequestSpecification multipart() {
    return RestAssured.given()
        .config(
            RestAssured.config()
                .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset("UTF-8"))
                .httpClient(
                    HttpClientConfig.httpClientConfig()
                        .setParam(CoreProtocolPNames.USE_EXPECT_CONTINUE, true)))
        .filter(SpecValidation.responsesOnly())
        .accept("application/json, application/problem+json")
        .contentType("multipart/form-data; charset=UTF-8");
  }

  /** Uploads {@code bytes} as the file part, with text parts, as admin. */
  static Response upload(byte[] bytes, String filename, String type, Map<String, String> parts) {
    return upload(admin(), bytes, filename, type, parts);
  }

  static Response upload(
      RequestSpecification spec,
      byte[] bytes,
      String filename,
      String type,
      Map<String, String> parts) {
    RequestSpecification request = spec.multiPart("file", filename, bytes, type);
    for (Map.Entry<String, String> part : parts.entrySet()) {
      request =
          request.multiPart(
              new MultiPartSpecBuilder(part.getValue())
                  .controlName(part.getKey())
                  .mimeType("text/plain")
                  .charset(StandardCharsets.UTF_8)
                  .build());
    }
    return request.post("/api/v1/assets");
  }

  /** An uploaded asset: its id, version and ETag. */
  record Uploaded(String id, int version, String etag) {}

  /** Uploads a unique generated JPEG as admin and expects 201. */
  static Uploaded uploadedJpeg() {
    return created(upload(picture(640, 480, "jpeg"), "bild.jpg", "image/jpeg", Map.of()));
  }

  static Uploaded created(Response response) {
    response.then().statusCode(201).header("ETag", notNullValue());
    return new Uploaded(response.path("id"), response.path("version"), response.header("ETag"));
  }

  /** The number of objects in the storage folder. */
  static long storedObjects() {
    if (!Files.isDirectory(STORAGE)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(STORAGE)) {
      return files.filter(Files::isRegularFile).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many assets the list holds, as admin sees it. */
  static int assetCount() {
    return Api.admin()
        .get("/api/v1/assets?size=1")
        .then()
        .statusCode(200)
        .extract()
        .path("meta.totalItems");
  }
}
