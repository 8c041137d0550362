package dev.feder.asset.image;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Computes renditions of stored images: decodes only the part of the picture a rendition shows, at
 * the coarsest subsampling that still leaves at least twice the pixels it needs (and never more
 * than the pixel budget, whatever the request), turns it the right way up, scales it with
 * filtering, and encodes it without metadata.
 */
public final class Renderer {

  /**
   * A stored image.
   *
   * @param storedWidth width as stored, before the orientation is applied
   * @param storedHeight height as stored
   * @param orientation the EXIF orientation to apply, 1 to 8
   */
  public record Source(
      Path file, FileType type, int storedWidth, int storedHeight, int orientation) {

    /** Width as shown. */
    public int width() {
      return Orientation.swaps(orientation) ? storedHeight : storedWidth;
    }

    /** Height as shown. */
    public int height() {
      return Orientation.swaps(orientation) ? storedWidth : storedHeight;
    }
  }

  /**
   * What a rendition looks like.
   *
   * @param width the box's width, or null
   * @param height the box's height, or null
   * @param quality 1 to 100, for lossy formats
   * @param focusX focal point, 0 to 1 from the left
   * @param focusY focal point, 0 to 1 from the top
   */
  public record Spec(
      Integer width,
      Integer height,
      Fit fit,
      OutputFormat format,
      int quality,
      double focusX,
      double focusY) {}

  /** An encoded rendition and its size. */
  public record Rendition(byte[] bytes, int width, int height) {}

  private static final int PREVIEW_SIZE = 20;
  private static final int PREVIEW_QUALITY = 40;

  private final Libwebp webp;
  private final long pixelBudget;

  /**
   * @param pixelBudget the most pixels decoded for one rendition (a few bytes each)
   */
  public Renderer(Libwebp webp, long pixelBudget) {
    this.webp = webp;
    this.pixelBudget = pixelBudget;
  }

  /** Where a rendition's pixels come from and go. */
  public Layout layout(Source source, Spec spec) {
    return Layout.of(
        source.width(),
        source.height(),
        spec.width(),
        spec.height(),
        spec.fit(),
        spec.focusX(),
        spec.focusY());
  }

  /** Computes a rendition. */
  public Rendition render(Source source, Spec spec) {
    Layout layout = layout(source, spec);
    BufferedImage scaled = scaledCrop(source, layout.crop(), layout.width(), layout.height());
    BufferedImage canvas =
        Pixels.place(
            scaled,
            layout.canvasWidth(),
            layout.canvasHeight(),
            layout.x(),
            layout.y(),
            spec.format().alpha(),
            Color.WHITE);
    return new Rendition(
        encode(canvas, spec.format(), spec.quality()), canvas.getWidth(), canvas.getHeight());
  }

  /**
   * Decodes the whole picture small, which checks that all of its image data can be decoded, and
   * returns a preview of about {@value #PREVIEW_SIZE} pixels on its longer side as a WebP data URI,
   * for frontends to show while the real picture loads.
   *
   * @throws InvalidFile if the image data cannot be decoded
   */
  public String preview(Source source) {
    double scale = PREVIEW_SIZE / (double) Math.max(source.width(), source.height());
    int w = Math.max(1, (int) Math.round(source.width() * Math.min(1, scale)));
    int h = Math.max(1, (int) Math.round(source.height() * Math.min(1, scale)));
    BufferedImage small =
        scaledCrop(source, new Rectangle(0, 0, source.width(), source.height()), w, h);
    return "data:image/webp;base64,"
        + Base64.getEncoder().encodeToString(webp.encode(small, PREVIEW_QUALITY));
  }

  /** The shown rectangle {@code crop}, turned the right way up and scaled to {@code w × h}. */
  private BufferedImage scaledCrop(Source source, Rectangle crop, int w, int h) {
    Rectangle stored =
        Orientation.toStored(
            crop, source.orientation(), source.storedWidth(), source.storedHeight());
    boolean swap = Orientation.swaps(source.orientation());
    int targetWidth = swap ? h : w;
    int targetHeight = swap ? w : h;
    double ratio =
        Math.min(stored.width / (double) targetWidth, stored.height / (double) targetHeight);
    int subsampling = Math.max(1, (int) Math.floor(ratio / 2));
    while (decoded(stored, subsampling) > pixelBudget) {
      subsampling++;
    }
    BufferedImage decoded = Decoder.decode(source.type(), source.file(), stored, subsampling, webp);
    BufferedImage scaled = Pixels.scale(decoded, targetWidth, targetHeight);
    return Orientation.apply(scaled, source.orientation());
  }

  private static long decoded(Rectangle region, int subsampling) {
    long w = (region.width + subsampling - 1) / subsampling;
    long h = (region.height + subsampling - 1) / subsampling;
    return w * h;
  }

  private byte[] encode(BufferedImage image, OutputFormat format, int quality) {
    return switch (format) {
      case WEBP -> webp.encode(image, quality);
      case JPEG -> imageIo(flatten(image), "jpeg", quality);
      case PNG -> imageIo(image, "png", -1);
    };
  }

  /** A picture with alpha put on white, for JPEG. */
  private static BufferedImage flatten(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_INT_RGB) {
      return image;
    }
    return Pixels.place(image, image.getWidth(), image.getHeight(), 0, 0, false, Color.WHITE);
  }

  private static byte[] imageIo(BufferedImage image, String format, int quality) {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
    ImageWriter writer = null;
    while (writers.hasNext()) {
      ImageWriter candidate = writers.next();
      // The JDK's own writers: plain JFIF and PNG, no metadata of their own.
      if (writer == null || candidate.getClass().getName().startsWith("com.sun.")) {
        writer = candidate;
      }
    }
    if (writer == null) {
      throw new IllegalStateException("No ImageIO writer for " + format);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (quality > 0 && param.canWriteCompressed()) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality / 100f);
      }
      if (param.canWriteProgressive() && quality > 0) {
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
