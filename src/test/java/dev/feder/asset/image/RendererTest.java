package dev.feder.asset.image;

import static dev.feder.asset.image.CleanCopyTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renditions: sizes, crops around the focal point, orientation, formats, never upscaling. */
class RendererTest {

  private static final Renderer RENDERER =
      new Renderer(Libwebp.create(Optional.empty()), 12_000_000);

  /** photo.jpg: stored 600 × 400 with EXIF orientation 6, so shown 400 × 600. */
  private static final Renderer.Source PHOTO =
      new Renderer.Source(fixture("photo.jpg"), FileType.JPEG, 600, 400, 6);

  @TempDir Path temp;

  @Test
  void widthAloneKeepsTheShapeOfThePictureAsShown() throws IOException {
    Renderer.Rendition rendition =
        RENDERER.render(PHOTO, spec(320, null, Fit.INSIDE, OutputFormat.WEBP));

    assertEquals(320, rendition.width());
    assertEquals(480, rendition.height());
    BufferedImage decoded = decode(rendition);
    assertEquals(320, decoded.getWidth());
    assertEquals(480, decoded.getHeight());
  }

  @Test
  void orientationIsApplied() throws IOException {
    // The red disc is drawn at (450, 120) of the stored pixels; turned 90° clockwise it is shown
    // at (400 - 120, 450).
    BufferedImage shown =
        decode(RENDERER.render(PHOTO, spec(null, 600, Fit.INSIDE, OutputFormat.PNG)));

    assertEquals(400, shown.getWidth());
    assertReddish(new Color(shown.getRGB(280, 450)));
  }

  @Test
  void nothingIsScaledUp() {
    Renderer.Rendition rendition =
        RENDERER.render(PHOTO, spec(1280, 1280, Fit.INSIDE, OutputFormat.JPEG));

    assertEquals(400, rendition.width());
    assertEquals(600, rendition.height());
  }

  @Test
  void coverCropsAroundTheFocalPoint() throws IOException {
    Renderer.Source halves = halves();

    BufferedImage left =
        decode(RENDERER.render(halves, spec(160, 160, Fit.COVER, OutputFormat.PNG, 0.0, 0.5)));
    BufferedImage right =
        decode(RENDERER.render(halves, spec(160, 160, Fit.COVER, OutputFormat.PNG, 1.0, 0.5)));

    assertEquals(160, left.getWidth());
    assertEquals(160, left.getHeight());
    assertReddish(new Color(left.getRGB(80, 80)));
    Color blue = new Color(right.getRGB(80, 80));
    assertTrue(blue.getBlue() > 200 && blue.getRed() < 60, "blue on the right: " + blue);
  }

  @Test
  void coverLargerThanThePictureKeepsTheBoxShapeAtThePictureSize() {
    Renderer.Rendition rendition =
        RENDERER.render(PHOTO, spec(1280, 720, Fit.COVER, OutputFormat.JPEG));

    assertEquals(400, rendition.width());
    assertEquals(225, rendition.height());
  }

  @Test
  void containPadsTheBoxTransparentlyOrWhite() throws IOException {
    BufferedImage png =
        decode(RENDERER.render(PHOTO, spec(320, 320, Fit.CONTAIN, OutputFormat.PNG)));
    BufferedImage jpeg =
        decode(RENDERER.render(PHOTO, spec(320, 320, Fit.CONTAIN, OutputFormat.JPEG)));

    assertEquals(320, png.getWidth());
    assertEquals(320, png.getHeight());
    assertEquals(0, png.getRGB(2, 160) >>> 24, "the padding is transparent");
    Color padding = new Color(jpeg.getRGB(2, 160));
    assertTrue(padding.getRed() > 240 && padding.getBlue() > 240, "white padding: " + padding);
  }

  @Test
  void previewIsATinyWebpDataUri() throws IOException {
    String preview = RENDERER.preview(PHOTO);

    assertTrue(preview.startsWith("data:image/webp;base64,"), preview);
    assertTrue(preview.length() < 1000, "a few hundred bytes: " + preview.length());
    BufferedImage image =
        ImageIO.read(
            new ByteArrayInputStream(
                Base64.getDecoder().decode(preview.substring(preview.indexOf(',') + 1))));
    assertEquals(13, image.getWidth());
    assertEquals(20, image.getHeight());
  }

  @Test
  void everyAcceptedImageTypeRenders() {
    for (Renderer.Source source :
        new Renderer.Source[] {
          new Renderer.Source(fixture("plain.png"), FileType.PNG, 64, 48, 1),
          new Renderer.Source(fixture("anim.gif"), FileType.GIF, 40, 30, 1),
          new Renderer.Source(fixture("photo.webp"), FileType.WEBP, 80, 60, 1),
          new Renderer.Source(fixture("cmyk.jpg"), FileType.JPEG, 48, 32, 1)
        }) {
      Renderer.Rendition rendition =
          RENDERER.render(source, spec(32, null, Fit.INSIDE, OutputFormat.WEBP));
      assertEquals(32, rendition.width(), source.file().toString());
    }
  }

  @Test
  void corruptPixelDataIsRefused() {
    InvalidFile refused =
        assertThrows(
            InvalidFile.class,
            () ->
                RENDERER.preview(
                    new Renderer.Source(fixture("corrupt.png"), FileType.PNG, 32, 32, 1)));
    assertEquals(InvalidFile.Reason.CORRUPT, refused.reason());
  }

  private Renderer.Source halves() throws IOException {
    BufferedImage image = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0xD1, 0x49, 0x5B));
    g.fillRect(0, 0, 200, 200);
    g.setColor(Color.BLUE);
    g.fillRect(200, 0, 200, 200);
    g.dispose();
    Path file = temp.resolve("halves.png");
    ImageIO.write(image, "png", file.toFile());
    return new Renderer.Source(file, FileType.PNG, 400, 200, 1);
  }

  private static void assertReddish(Color color) {
    assertTrue(
        color.getRed() > 150 && color.getGreen() < 120 && color.getBlue() < 140,
        "reddish: " + color);
  }

  private static Renderer.Spec spec(Integer w, Integer h, Fit fit, OutputFormat format) {
    return spec(w, h, fit, format, 0.5, 0.5);
  }

  private static Renderer.Spec spec(
      Integer w, Integer h, Fit fit, OutputFormat format, double x, double y) {
    return new Renderer.Spec(w, h, fit, format, 80, x, y);
  }

  private static BufferedImage decode(Renderer.Rendition rendition) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(rendition.bytes()));
    if (image == null) {
      throw new IOException("not decodable");
    }
    return image;
  }
}
