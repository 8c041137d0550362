package dev.feder.asset.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The container walks: what the kept copy of an upload holds, and which uploads are refused. */
class CleanCopyTest {

  private static final long MAX_PIXELS = 60_000_000;

  @TempDir Path temp;

  @Test
  void jpegCopyKeepsPixelsColourProfileAndOrientationButNoPrivateMetadata() throws Exception {
    Path source = fixture("photo.jpg");
    Path copy = temp.resolve("copy.jpg");

    CleanCopy.Result result = CleanCopy.write(FileType.JPEG, source, copy, 6, MAX_PIXELS);

    assertEquals(600, result.width());
    assertEquals(400, result.height());
    assertEquals(Files.size(source), result.bytes());
    assertEquals(sha256(Files.readAllBytes(source)), result.sha256());
    String kept = new String(Files.readAllBytes(copy), StandardCharsets.ISO_8859_1);
    for (String secret :
        List.of(
            "Canon",
            "083021004711",
            "Max Muster",
            "dpa",
            "Photoshop",
            "Brandenburger",
            "GPS",
            "xmpmeta",
            "Photoshop 3.0")) {
      assertFalse(kept.contains(secret), "the copy still holds '" + secret + "'");
    }
    assertTrue(kept.contains("ICC_PROFILE"), "the colour profile is kept");
    PhotoMetadata metadata = PhotoMetadata.read(FileType.JPEG, copy);
    assertEquals(6, metadata.orientation());
    assertEquals(null, metadata.caption());
    assertEquals(null, metadata.credit());
    assertEquals(600, dimensions(copy)[0]);
  }

  @Test
  void jpegCopyOfAnUprightPhotoHasNoExifAtAll() throws Exception {
    Path copy = temp.resolve("copy.jpg");
    CleanCopy.write(FileType.JPEG, fixture("photo.jpg"), copy, 1, MAX_PIXELS);

    String kept = new String(Files.readAllBytes(copy), StandardCharsets.ISO_8859_1);
    assertFalse(kept.contains("Exif"));
    assertEquals(1, PhotoMetadata.read(FileType.JPEG, copy).orientation());
  }

  @Test
  void agencyMetadataIsReadFromIptcXmpAndExif() {
    PhotoMetadata metadata = PhotoMetadata.read(FileType.JPEG, fixture("photo.jpg"));

    assertEquals("Kundgebung in Berlin", metadata.title());
    assertEquals("Demonstranten vor dem Brandenburger Tor am Samstagmorgen.", metadata.caption());
    assertEquals("dpa / Max Muster", metadata.credit());
    assertEquals("© dpa-Zentralbild", metadata.copyright());
    assertEquals("dpa-Zentralbild", metadata.source());
    assertEquals(6, metadata.orientation());
    assertTrue(metadata.swapsDimensions());
  }

  @Test
  void pngCopyDropsTextAndExifChunksAndStaysValid() throws Exception {
    Path copy = temp.resolve("copy.png");

    CleanCopy.Result result =
        CleanCopy.write(FileType.PNG, fixture("plain.png"), copy, 1, MAX_PIXELS);

    assertEquals(64, result.width());
    assertEquals(48, result.height());
    String kept = new String(Files.readAllBytes(copy), StandardCharsets.ISO_8859_1);
    for (String secret : List.of("tEXt", "iTXt", "zTXt", "eXIf", "newsroom", "Erika")) {
      assertFalse(kept.contains(secret), "the copy still holds '" + secret + "'");
    }
    assertArrayEquals(new int[] {64, 48}, dimensions(copy));
  }

  @Test
  void gifCopyKeepsItsAnimationButNoCommentOrXmp() throws Exception {
    Path copy = temp.resolve("copy.gif");

    CleanCopy.Result result =
        CleanCopy.write(FileType.GIF, fixture("anim.gif"), copy, 1, MAX_PIXELS);

    assertEquals(40, result.width());
    String kept = new String(Files.readAllBytes(copy), StandardCharsets.ISO_8859_1);
    assertFalse(kept.contains("secret comment"));
    assertFalse(kept.contains("Erika"));
    assertFalse(kept.contains("XMP"));
    assertTrue(kept.contains("NETSCAPE2.0"), "the loop count is kept");
    try (ImageInputStream in = ImageIO.createImageInputStream(copy.toFile())) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      reader.setInput(in);
      assertEquals(2, reader.getNumImages(true));
    }
  }

  @Test
  void webpCopyDropsExifAndXmpAndClearsTheirFlags() throws Exception {
    Path copy = temp.resolve("copy.webp");

    CleanCopy.Result result =
        CleanCopy.write(FileType.WEBP, fixture("photo.webp"), copy, 1, MAX_PIXELS);

    assertEquals(80, result.width());
    assertEquals(60, result.height());
    byte[] bytes = Files.readAllBytes(copy);
    String kept = new String(bytes, StandardCharsets.ISO_8859_1);
    assertFalse(kept.contains("EXIF"));
    assertFalse(kept.contains("XMP"));
    assertFalse(kept.contains("Nikon"));
    assertEquals(bytes.length - 8, readU32le(bytes, 4), "the RIFF size matches the copy");
    assertEquals(0, bytes[20] & 0x0C, "VP8X says there is no EXIF and no XMP");
    assertEquals(
        80,
        Decoder.decode(FileType.WEBP, copy, null, 1, Libwebp.create(Optional.empty())).getWidth(),
        "the copy decodes");
  }

  @Test
  void pdfIsCopiedAsItIs() throws Exception {
    Path copy = temp.resolve("copy.pdf");

    CleanCopy.Result result =
        CleanCopy.write(FileType.PDF, fixture("document.pdf"), copy, 1, MAX_PIXELS);

    assertArrayEquals(Files.readAllBytes(fixture("document.pdf")), Files.readAllBytes(copy));
    assertEquals(0, result.width());
  }

  @Test
  void truncatedJpegIsCorrupt() {
    assertRefused(FileType.JPEG, "truncated.jpg", InvalidFile.Reason.CORRUPT, "truncated");
  }

  @Test
  void jpegWithAZipArchiveAppendedIsAPolyglot() {
    assertRefused(FileType.JPEG, "polyglot.jpg", InvalidFile.Reason.UNSUPPORTED, "polyglot");
  }

  @Test
  void gifCarryingAScriptIsAPolyglot() {
    assertRefused(FileType.GIF, "script.gif", InvalidFile.Reason.UNSUPPORTED, "markup");
  }

  @Test
  void pngDeclaringTenGigapixelsIsRefusedBeforeDecoding() {
    assertRefused(
        FileType.PNG, "bomb.png", InvalidFile.Reason.TOO_MANY_PIXELS, "10000.0 megapixels");
  }

  @Test
  void truncatedPdfIsCorrupt() throws Exception {
    byte[] pdf = Files.readAllBytes(fixture("document.pdf"));
    Path cut = temp.resolve("cut.pdf");
    Files.write(cut, java.util.Arrays.copyOf(pdf, pdf.length - 40));

    InvalidFile refused =
        assertThrows(
            InvalidFile.class,
            () -> CleanCopy.write(FileType.PDF, cut, temp.resolve("copy"), 1, MAX_PIXELS));
    assertEquals(InvalidFile.Reason.CORRUPT, refused.reason());
  }

  @Test
  void pngWithBrokenChecksumIsCorrupt() throws Exception {
    byte[] png = Files.readAllBytes(fixture("plain.png"));
    png[40] ^= 0x55;
    Path broken = temp.resolve("broken.png");
    Files.write(broken, png);

    InvalidFile refused =
        assertThrows(
            InvalidFile.class,
            () -> CleanCopy.write(FileType.PNG, broken, temp.resolve("copy"), 1, MAX_PIXELS));
    assertEquals(InvalidFile.Reason.CORRUPT, refused.reason());
  }

  @Test
  void typesAreDetectedFromTheirFirstBytes() throws Exception {
    assertEquals(Optional.of(FileType.JPEG), FileType.detect(head("photo.jpg")));
    assertEquals(Optional.of(FileType.PNG), FileType.detect(head("plain.png")));
    assertEquals(Optional.of(FileType.GIF), FileType.detect(head("anim.gif")));
    assertEquals(Optional.of(FileType.WEBP), FileType.detect(head("photo.webp")));
    assertEquals(Optional.of(FileType.PDF), FileType.detect(head("document.pdf")));
    assertEquals(Optional.empty(), FileType.detect(head("drawing.svg")));
    assertTrue(FileType.looksLikeMarkup(head("drawing.svg")));
    assertFalse(FileType.looksLikeMarkup(head("photo.jpg")));
  }

  private void assertRefused(
      FileType type, String fixture, InvalidFile.Reason reason, String text) {
    InvalidFile refused =
        assertThrows(
            InvalidFile.class,
            () -> CleanCopy.write(type, fixture(fixture), temp.resolve("copy"), 1, MAX_PIXELS));
    assertEquals(reason, refused.reason(), refused.getMessage());
    assertTrue(refused.getMessage().contains(text), refused.getMessage());
  }

  static Path fixture(String name) {
    try {
      return Path.of(CleanCopyTest.class.getResource("/assets/" + name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] head(String name) throws IOException {
    try (InputStream in = Files.newInputStream(fixture(name))) {
      return in.readNBytes(FileType.HEAD);
    }
  }

  private static int[] dimensions(Path file) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      reader.setInput(in);
      return new int[] {reader.getWidth(0), reader.getHeight(0)};
    }
  }

  private static long readU32le(byte[] b, int o) {
    return (b[o] & 0xFF)
        | ((b[o + 1] & 0xFF) << 8)
        | ((b[o + 2] & 0xFF) << 16)
        | ((long) (b[o + 3] & 0xFF) << 24);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
