package dev.feder.asset.image;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes the first frame of an image with ImageIO (TwelveMonkeys' reader for JPEG, including CMYK
 * ones; the JDK's for PNG and GIF) or, for still WebP images, with libwebp's dwebp; only the part
 * asked for and at a subsampling, so that a small rendition of a large photo never holds its
 * full-resolution pixels. Animated WebP images are read by TwelveMonkeys' much slower reader.
 */
final class Decoder {

  static {
    // Quarkus loads the application from its own class loader; ImageIO looks for plugins in the
    // thread's, so register TwelveMonkeys' readers from ours once.
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(Decoder.class.getClassLoader());
    try {
      ImageIO.scanForPlugins();
    } finally {
      thread.setContextClassLoader(previous);
    }
    ImageIO.setUseCache(false);
  }

  private Decoder() {}

  /**
   * The pixels under {@code region} (stored coordinates) of the first frame, every {@code
   * subsampling}th row and column.
   *
   * @throws InvalidFile if the image cannot be decoded
   */
  static BufferedImage decode(
      FileType type, Path file, Rectangle region, int subsampling, Libwebp libwebp) {
    if (type == FileType.WEBP && libwebp != null && !animated(file)) {
      Rectangle whole = region == null ? dimensions(file) : region;
      return libwebp.decode(
          file,
          region,
          (whole.width + subsampling - 1) / subsampling,
          (whole.height + subsampling - 1) / subsampling);
    }
    ImageReader reader = reader(type);
    List<String> warnings = new ArrayList<>();
    try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
      if (input == null) {
        throw InvalidFile.corrupt(type, "it cannot be opened");
      }
      reader.setInput(input, true, true);
      reader.addIIOReadWarningListener(
          (IIOReadWarningListener) (source, warning) -> warnings.add(warning));
      ImageReadParam param = reader.getDefaultReadParam();
      if (region != null) {
        param.setSourceRegion(region);
      }
      if (subsampling > 1) {
        param.setSourceSubsampling(subsampling, subsampling, 0, 0);
      }
      BufferedImage image = reader.read(0, param);
      for (String warning : warnings) {
        if (warning.contains("Premature end")) {
          throw InvalidFile.truncated(type);
        }
      }
      if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
        throw InvalidFile.corrupt(type, "it holds no picture");
      }
      return image;
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidFile invalid) {
        throw invalid;
      }
      throw InvalidFile.corrupt(type, "its image data cannot be decoded");
    } finally {
      reader.dispose();
    }
  }

  /** Whether a WebP file is animated (dwebp decodes only still ones). */
  private static boolean animated(Path file) {
    byte[] head = head(file);
    return head.length >= 21
        && head[12] == 'V'
        && head[13] == 'P'
        && head[14] == '8'
        && head[15] == 'X'
        && (head[20] & 0x02) != 0;
  }

  /** The canvas of a WebP file, from its first chunk. */
  private static Rectangle dimensions(Path file) {
    ImageReader reader = reader(FileType.WEBP);
    try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
      reader.setInput(input, true, true);
      return new Rectangle(0, 0, reader.getWidth(0), reader.getHeight(0));
    } catch (IOException | RuntimeException e) {
      throw InvalidFile.corrupt(FileType.WEBP, "its header cannot be read");
    } finally {
      reader.dispose();
    }
  }

  private static byte[] head(Path file) {
    try (var in = java.nio.file.Files.newInputStream(file)) {
      return in.readNBytes(32);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A reader of the type, TwelveMonkeys' where there is one. */
  private static ImageReader reader(FileType type) {
    String format =
        switch (type) {
          case JPEG -> "jpeg";
          case PNG -> "png";
          case GIF -> "gif";
          case WEBP -> "webp";
          case PDF -> throw new IllegalArgumentException("A PDF is not an image");
        };
    ImageReader chosen = null;
    for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(format); it.hasNext(); ) {
      ImageReader reader = it.next();
      if (chosen == null || reader.getClass().getName().startsWith("com.twelvemonkeys")) {
        chosen = reader;
      }
    }
    if (chosen == null) {
      throw new IllegalStateException("No ImageIO reader for " + format);
    }
    return chosen;
  }
}
