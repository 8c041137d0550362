package dev.feder.asset;

import static dev.feder.asset.AssetFixtures.assetCount;
import static dev.feder.asset.AssetFixtures.fixture;
import static dev.feder.asset.AssetFixtures.picture;
import static dev.feder.asset.AssetFixtures.storedObjects;
import static dev.feder.asset.AssetFixtures.uniquePhoto;
import static dev.feder.asset.AssetFixtures.upload;
import static dev.feder.asset.AssetFixtures.withJpegComment;
import static dev.feder.support.Problems.assertProblem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/assets}: what is kept from an upload, and what is refused. */
@QuarkusTest
class AssetUploadTest {

  @Test
  void agencyPhotoIsKeptWithItsMetadataOrientedAndPreviewed() throws Exception {
    byte[] photo = uniquePhoto();

    Response response = upload(photo, "kundgebung.jpg", "image/jpeg", Map.of());

    response
        .then()
        .statusCode(201)
        .header("Location", matchesPattern(".*/api/v1/assets/[0-9a-f-]{36}"))
        .body("filename", equalTo("kundgebung.jpg"))
        .body("mediaType", equalTo("image/jpeg"))
        .body("bytes", equalTo(photo.length))
        .body("sha256", equalTo(sha256(photo)))
        // Stored 600 × 400 with EXIF orientation 6: shown upright, 400 × 600.
        .body("width", equalTo(400))
        .body("height", equalTo(600))
        .body("title", equalTo("Kundgebung in Berlin"))
        .body("caption", equalTo("Demonstranten vor dem Brandenburger Tor am Samstagmorgen."))
        .body("credit", equalTo("dpa / Max Muster"))
        .body("copyright", equalTo("© dpa-Zentralbild"))
        .body("source", equalTo("dpa-Zentralbild"))
        .body("alt", nullValue())
        .body("focalPoint.x", equalTo(0.5f))
        .body("focalPoint.y", equalTo(0.5f))
        .body("lqip", startsWith("data:image/webp;base64,"))
        .body("version", equalTo(1))
        .body(
            "url", matchesPattern("http://localhost:[0-9]+/api/v1/assets/[0-9a-f-]{36}/file\\?v=1"))
        .body("srcset", containsString("&fm=webp&v=1 320w, "))
        .body("srcset", endsWith(" 400w"))
        .body("createdBy", equalTo("bootstrap-admin"));
    assertEquals(
        response.header("Location").substring(response.header("Location").indexOf("/api")),
        "/api/v1/assets/" + response.path("id"));
  }

  @Test
  void clientValuesWinOverTheFilesMetadata() {
    upload(
            uniquePhoto(),
            "tor.jpg",
            "image/jpeg",
            Map.of(
                "title", "Protest am Tor",
                "alt", "Menschen mit Transparenten",
                "credit", "Foto: dpa / Max Muster",
                "focalPoint", "{\"x\": 0.25, \"y\": 0.75}"))
        .then()
        .statusCode(201)
        .body("title", equalTo("Protest am Tor"))
        .body("alt", equalTo("Menschen mit Transparenten"))
        .body("credit", equalTo("Foto: dpa / Max Muster"))
        .body("caption", equalTo("Demonstranten vor dem Brandenburger Tor am Samstagmorgen."))
        .body("focalPoint.x", equalTo(0.25f))
        .body("focalPoint.y", equalTo(0.75f));
  }

  @Test
  void germanTextInPartsSurvivesByteForByte() {
    String caption = "„Größte Übung seit Jahren“ – Straße gesperrt 🚧";
    upload(picture(40, 30, "png"), "uebung.png", "image/png", Map.of("caption", caption))
        .then()
        .statusCode(201)
        .body("caption", equalTo(caption));
  }

  @Test
  void everyAcceptedTypeIsKept() {
    upload(picture(64, 48, "png"), "grafik.png", "image/png", Map.of())
        .then()
        .statusCode(201)
        .body("mediaType", equalTo("image/png"))
        .body("width", equalTo(64))
        .body("height", equalTo(48));
    upload(picture(40, 30, "gif"), "animation.gif", "image/gif", Map.of())
        .then()
        .statusCode(201)
        .body("mediaType", equalTo("image/gif"))
        .body("width", equalTo(40));
    upload(withWebpPadding(fixture("photo.webp")), "foto.webp", "image/webp", Map.of())
        .then()
        .statusCode(201)
        .body("mediaType", equalTo("image/webp"))
        .body("width", equalTo(80))
        .body("height", equalTo(60));
    upload(uniquePdf(), "pressemitteilung.pdf", "application/pdf", Map.of())
        .then()
        .statusCode(201)
        .body("mediaType", equalTo("application/pdf"))
        .body("width", nullValue())
        .body("focalPoint", nullValue())
        .body("lqip", nullValue())
        .body("srcset", nullValue());
  }

  @Test
  void theSameBytesAgainAnswerWithTheAssetTheyMade() {
    byte[] photo = uniquePhoto();
    String id =
        upload(photo, "erst.jpg", "image/jpeg", Map.of())
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    long stored = storedObjects();

    upload(photo, "nochmal.jpg", "image/jpeg", Map.of("title", "Anders"))
        .then()
        .statusCode(200)
        .header("Location", nullValue())
        .body("id", equalTo(id))
        .body("filename", equalTo("erst.jpg"))
        .body("title", equalTo("Kundgebung in Berlin"));
    assertEquals(stored, storedObjects());
  }

  @Test
  void octetStreamAndMissingExtensionsAreFine() {
    upload(picture(20, 20, "jpeg"), "scan", "application/octet-stream", Map.of())
        .then()
        .statusCode(201)
        .body("mediaType", equalTo("image/jpeg"));
  }

  // ------------------------------------------------------------------------------- refusals

  @Test
  void truncatedJpegIsRefusedAndNothingIsStored() {
    assertRefusedAndNothingStored(
            fixture("truncated.jpg"),
            "abgeschnitten.jpg",
            "image/jpeg",
            400,
            "/problems/validation")
        .body("errors[0].field", equalTo("file"))
        .body("errors[0].message", containsString("truncated"));
  }

  @Test
  void corruptPixelDataIsRefused() {
    assertRefusedAndNothingStored(
            fixture("corrupt.png"), "kaputt.png", "image/png", 400, "/problems/validation")
        .body("errors[0].field", equalTo("file"))
        .body("errors[0].message", containsString("cannot be decoded"));
  }

  @Test
  void pngNamedJpgIsRefused() {
    assertRefusedAndNothingStored(
            picture(20, 20, "png"),
            "foto.jpg",
            "image/jpeg",
            415,
            "/problems/unsupported-media-type")
        .body("detail", containsString("is a PNG file but its name 'foto.jpg' says otherwise"));
  }

  @Test
  void declaredTypeContradictingTheContentIsRefused() {
    assertRefusedAndNothingStored(
            picture(20, 20, "png"), "foto", "image/gif", 415, "/problems/unsupported-media-type")
        .body("detail", containsString("was sent as image/gif"));
  }

  @Test
  void jpegWithAnArchiveAppendedIsRefusedAsPolyglot() {
    assertRefusedAndNothingStored(
            fixture("polyglot.jpg"),
            "bild.jpg",
            "image/jpeg",
            415,
            "/problems/unsupported-media-type")
        .body("detail", containsString("polyglot"));
  }

  @Test
  void gifCarryingAScriptIsRefused() {
    assertRefusedAndNothingStored(
            fixture("script.gif"), "bild.gif", "image/gif", 415, "/problems/unsupported-media-type")
        .body("detail", containsString("markup"));
  }

  @Test
  void svgIsRefused() {
    assertRefusedAndNothingStored(
            fixture("drawing.svg"),
            "grafik.svg",
            "image/svg+xml",
            415,
            "/problems/unsupported-media-type")
        .body("detail", containsString("can carry scripts"));
  }

  @Test
  void otherTypesAreRefused() {
    assertRefusedAndNothingStored(
            "PK\u0003\u0004 not an image".getBytes(StandardCharsets.UTF_8),
            "archiv",
            "application/octet-stream",
            415,
            "/problems/unsupported-media-type")
        .body("detail", containsString("not a JPEG, PNG, WebP or GIF image or a PDF"));
  }

  @Test
  void decompressionBombIsRefusedBeforeDecoding() {
    assertRefusedAndNothingStored(
            fixture("bomb.png"), "bombe.png", "image/png", 413, "/problems/payload-too-large")
        .body("detail", containsString("100000 × 100000"));
  }

  @Test
  void emptyFileIsRefused() {
    assertRefusedAndNothingStored(
            new byte[0], "leer.jpg", "image/jpeg", 400, "/problems/validation")
        .body("errors[0].field", equalTo("file"))
        .body("errors[0].message", equalTo("is empty"));
  }

  @Test
  void fileOverTheSizeLimitIsRefused() {
    byte[] big = new byte[25 * 1024 * 1024 + 1];
    big[0] = (byte) 0xFF;
    big[1] = (byte) 0xD8;
    big[2] = (byte) 0xFF;
    assertRefusedAndNothingStored(
            big, "riesig.jpg", "image/jpeg", 413, "/problems/payload-too-large")
        .body("detail", containsString("at most 26214400"));
  }

  @Test
  void bodyOverTheUploadLimitIsRefusedBeforeItIsRead() throws Exception {
    // A client that announces 27 MB and waits for "100 Continue", as careful clients do with large
    // bodies: the server answers 413 at once, having read none of it.
    try (Socket socket = new Socket("localhost", RestAssured.port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/assets HTTP/1.1\r\nHost: localhost\r\n"
                  + "Authorization: Bearer "
                  + Api.ADMIN_TOKEN
                  + "\r\nContent-Type: multipart/form-data; boundary=grenze\r\n"
                  + "Content-Length: "
                  + 27 * 1024 * 1024
                  + "\r\nExpect: 100-continue\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(answer, startsWith("HTTP/1.1 413 "));
      assertThat(answer, containsString("application/problem+json"));
      JsonPath problem = JsonPath.from(answer.substring(answer.indexOf("\r\n\r\n") + 4));
      assertEquals("/problems/payload-too-large", problem.getString("type"));
      assertEquals("The body may have at most 27262976 bytes", problem.getString("detail"));
    }
  }

  @Test
  void missingFilePartIsRefused() {
    Response response =
        AssetFixtures.admin().multiPart("title", "Ohne Datei").post("/api/v1/assets");

    assertProblem(response, 400, "/problems/validation")
        .body("errors[0].field", equalTo("file"))
        .body("errors[0].message", containsString("is required"));
  }

  @Test
  void twoFilesAreRefused() {
    long stored = storedObjects();
    Response response =
        AssetFixtures.admin()
            .multiPart("file", "a.png", picture(10, 10, "png"), "image/png")
            .multiPart("file", "b.png", picture(10, 10, "png"), "image/png")
            .post("/api/v1/assets");

    assertProblem(response, 400, "/problems/validation")
        .body("errors[0].field", equalTo("file"))
        .body("errors[0].message", containsString("one file per request"));
    assertEquals(stored, storedObjects());
  }

  @Test
  void unknownPartIsRefusedByName() {
    Response response =
        upload(
            AssetFixtures.admin(),
            picture(10, 10, "png"),
            "a.png",
            "image/png",
            Map.of("photographer", "Max Muster"));

    assertProblem(response, 400, "/problems/validation")
        .body("errors[0].field", equalTo("photographer"))
        .body("errors[0].message", containsString("unknown field; allowed: alt, caption"));
  }

  @Test
  void focalPointOutsideTheImageIsRefused() {
    Response response =
        upload(
            picture(10, 10, "png"),
            "a.png",
            "image/png",
            Map.of("focalPoint", "{\"x\": 1.5, \"y\": -0.1}"));

    assertProblem(response, 400, "/problems/validation")
        .body("errors", hasSize(2))
        .body("errors[0].field", equalTo("focalPoint.x"))
        .body("errors[1].field", equalTo("focalPoint.y"));
  }

  @Test
  void focalPointThatIsNoJsonIsRefused() {
    Response response =
        upload(picture(10, 10, "png"), "a.png", "image/png", Map.of("focalPoint", "links oben"));

    assertProblem(response, 400, "/problems/validation")
        .body("errors[0].field", equalTo("focalPoint"));
  }

  @Test
  void focalPointOfAPdfIsRefused() {
    Response response =
        upload(
            uniquePdf(),
            "a.pdf",
            "application/pdf",
            Map.of("focalPoint", "{\"x\": 0.5, \"y\": 0.5}"));

    assertProblem(response, 400, "/problems/validation")
        .body("errors[0].field", equalTo("focalPoint"))
        .body("errors[0].message", equalTo("only images have a focal point"));
  }

  @Test
  void overlongMetadataIsRefusedByField() {
    Response response =
        upload(picture(10, 10, "png"), "a.png", "image/png", Map.of("caption", "x".repeat(1001)));

    assertProblem(response, 400, "/problems/validation")
        .body("errors[0].field", equalTo("caption"))
        .body("errors[0].message", equalTo("size must be between 0 and 1000"));
  }

  @Test
  void nulInAPartIsRefused() {
    Response response =
        upload(
            AssetFixtures.admin(),
            picture(10, 10, "png"),
            "a.png",
            "image/png",
            Map.of("title", "a\u0000b"));

    assertProblem(response, 400, "/problems/validation").body("errors[0].field", equalTo("title"));
  }

  @Test
  void jsonInsteadOfAFormIsUnsupported() {
    Response response =
        Api.rawAdmin()
            .contentType("application/json")
            .body("{\"title\": \"x\"}")
            .post("/api/v1/assets");

    assertProblem(response, 415, "/problems/unsupported-media-type")
        .body("detail", containsString("multipart/form-data for uploads"));
  }

  @Test
  void anonymousUploadIsUnauthorized() {
    Response response =
        AssetFixtures.multipart()
            .multiPart("file", "a.png", picture(10, 10, "png"), "image/png")
            .post("/api/v1/assets");

    assertProblem(response, 401, "/problems/unauthorized");
  }

  @Test
  void viewerMayNotUpload() {
    String viewer = token("viewer");
    Response response =
        upload(
            AssetFixtures.multipart().header("Authorization", "Bearer " + viewer),
            picture(10, 10, "png"),
            "a.png",
            "image/png",
            Map.of());

    assertProblem(response, 403, "/problems/forbidden");
  }

  @Test
  void refusalsNeverLeakInternals() {
    for (String fixture :
        new String[] {"truncated.jpg", "corrupt.png", "bomb.png", "polyglot.jpg"}) {
      String body =
          upload(fixture(fixture), fixture, "application/octet-stream", Map.of()).asString();
      for (String internal :
          new String[] {"Exception", "at dev.feder", "java.", "com.twelvemonkeys"}) {
        org.hamcrest.MatcherAssert.assertThat(body, not(containsString(internal)));
      }
    }
  }

  // ---------------------------------------------------------------------------------- helpers

  private static io.restassured.response.ValidatableResponse assertRefusedAndNothingStored(
      byte[] bytes, String filename, String type, int status, String problem) {
    long stored = storedObjects();
    int assets = assetCount();
    Response response = upload(AssetFixtures.admin(), bytes, filename, type, Map.of());
    io.restassured.response.ValidatableResponse checked = assertProblem(response, status, problem);
    assertEquals(stored, storedObjects(), "nothing stored");
    assertEquals(assets, assetCount(), "no asset");
    return checked;
  }

  static String token(String role) {
    return Api.admin()
        .body(Map.of("name", role + " " + Fixtures.suffix(), "role", role))
        .post("/api/v1/tokens")
        .then()
        .statusCode(201)
        .extract()
        .path("token");
  }

  /** The PDF fixture with a comment of its own before its end: unique bytes, still a PDF. */
  static byte[] uniquePdf() {
    String pdf = new String(fixture("document.pdf"), StandardCharsets.ISO_8859_1);
    int end = pdf.lastIndexOf("%%EOF");
    return (pdf.substring(0, end) + "% " + Fixtures.suffix() + "\n" + pdf.substring(end))
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The WebP fixture with an unknown chunk of its own: unique bytes, which the copy drops. */
  static byte[] withWebpPadding(byte[] webp) {
    byte[] text = Fixtures.suffix().getBytes(StandardCharsets.US_ASCII); // 10 bytes, even
    byte[] out = new byte[webp.length + 8 + text.length];
    System.arraycopy(webp, 0, out, 0, webp.length);
    int o = webp.length;
    out[o] = 'N';
    out[o + 1] = 'O';
    out[o + 2] = 'T';
    out[o + 3] = 'E';
    out[o + 4] = (byte) text.length;
    System.arraycopy(text, 0, out, o + 8, text.length);
    long riff = out.length - 8;
    out[4] = (byte) riff;
    out[5] = (byte) (riff >> 8);
    out[6] = (byte) (riff >> 16);
    out[7] = (byte) (riff >> 24);
    return out;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  static byte[] uniqueJpeg() {
    return withJpegComment(picture(32, 24, "jpeg"), Fixtures.suffix());
  }
}
