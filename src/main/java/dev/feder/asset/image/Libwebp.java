package dev.feder.asset.image;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * WebP through libwebp's own tools, {@code cwebp} and {@code dwebp}: the static binaries that the
 * scrimage-webp library ships (Linux and macOS, x86-64 and ARM), copied once into a private
 * temporary folder, or those in a folder of the system's own. Pixels travel as PAM or PPM through
 * the tools' standard input and output: no temporary files per picture. dwebp crops and scales
 * while it decodes, so a small rendition of a large WebP needs little memory (ImageIO's pure-Java
 * WebP reader took 18 s and 130 MB of heap for a 12-megapixel one; dwebp 0.3 s and 7 MB).
 */
public final class Libwebp {

  private static final String VERSION = "libwebp-1.4.0";

  private final Path cwebp;
  private final Path dwebp;

  private Libwebp(Path cwebp, Path dwebp) {
    this.cwebp = cwebp;
    this.dwebp = dwebp;
  }

  /** The tools in {@code directory}, or the shipped ones for this platform. */
  public static Libwebp create(Optional<Path> directory) {
    if (directory.isPresent()) {
      return new Libwebp(directory.get().resolve("cwebp"), directory.get().resolve("dwebp"));
    }
    try {
      Path folder = Files.createTempDirectory("feder-libwebp");
      folder.toFile().deleteOnExit();
      return new Libwebp(install("cwebp", folder), install("dwebp", folder));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot install libwebp's tools", e);
    }
  }

  /** The encoder this runs. */
  public Path cwebp() {
    return cwebp;
  }

  /** The picture as WebP at quality {@code quality} (0 to 100), without any metadata. */
  public byte[] encode(BufferedImage image, int quality) {
    Process process =
        start(
            List.of(
                cwebp.toString(),
                "-quiet",
                "-q",
                String.valueOf(quality),
                "-m",
                "4",
                "-metadata",
                "none",
                "-o",
                "-",
                "--",
                "-"));
    try {
      try (OutputStream in = new BufferedOutputStream(process.getOutputStream(), 64 * 1024)) {
        writeNetpbm(image, in);
      }
      byte[] webp;
      try (InputStream out = process.getInputStream()) {
        webp = out.readAllBytes();
      }
      finish(process, "cwebp");
      if (webp.length < 12) {
        throw new IllegalStateException("cwebp wrote no WebP");
      }
      return webp;
    } catch (IOException e) {
      throw new UncheckedIOException("cwebp failed", e);
    } finally {
      process.destroyForcibly();
    }
  }

  /**
   * Decodes {@code region} (all if null) of a still WebP file, scaled to {@code width} × {@code
   * height}.
   *
   * @throws InvalidFile if dwebp cannot decode it
   */
  BufferedImage decode(Path file, Rectangle region, int width, int height) {
    List<String> command = new ArrayList<>(List.of(dwebp.toString(), "-quiet"));
    if (region != null) {
      command.addAll(
          List.of(
              "-crop",
              String.valueOf(region.x),
              String.valueOf(region.y),
              String.valueOf(region.width),
              String.valueOf(region.height)));
    }
    command.addAll(
        List.of("-resize", String.valueOf(width), String.valueOf(height), "-pam", "-o", "-", "--"));
    command.add(file.toString());
    Process process = start(command);
    try {
      process.getOutputStream().close();
      BufferedImage image;
      try (InputStream out = new BufferedInputStream(process.getInputStream(), 64 * 1024)) {
        image = readPam(out);
      }
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || image == null) {
        throw InvalidFile.corrupt(FileType.WEBP, "its image data cannot be decoded");
      }
      return image;
    } catch (IOException e) {
      throw InvalidFile.corrupt(FileType.WEBP, "its image data cannot be decoded");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while decoding WebP", e);
    } finally {
      process.destroyForcibly();
    }
  }

  private static Process start(List<String> command) {
    try {
      return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + command.get(0), e);
    }
  }

  private static void finish(Process process, String tool) {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException(tool + " took longer than a minute");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + tool, e);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(tool + " failed with exit code " + process.exitValue());
    }
  }

  /** PAM with alpha for pictures that have it, PPM for the others. */
  private static void writeNetpbm(BufferedImage image, OutputStream out) throws IOException {
    int w = image.getWidth();
    int h = image.getHeight();
    boolean alpha = Pixels.hasAlpha(image);
    String header =
        alpha
            ? "P7\nWIDTH "
                + w
                + "\nHEIGHT "
                + h
                + "\nDEPTH 4\nMAXVAL 255\nTUPLTYPE RGB_ALPHA\nENDHDR\n"
            : "P6\n" + w + " " + h + "\n255\n";
    out.write(header.getBytes(StandardCharsets.US_ASCII));
    int[] row = new int[w];
    byte[] bytes = new byte[w * (alpha ? 4 : 3)];
    for (int y = 0; y < h; y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      int i = 0;
      for (int argb : row) {
        bytes[i++] = (byte) (argb >> 16);
        bytes[i++] = (byte) (argb >> 8);
        bytes[i++] = (byte) argb;
        if (alpha) {
          bytes[i++] = (byte) (argb >>> 24);
        }
      }
      out.write(bytes);
    }
  }

  /** An RGBA PAM as an image, opaque when every pixel is; null if it is not one. */
  private static BufferedImage readPam(InputStream in) throws IOException {
    int width = -1;
    int height = -1;
    int depth = -1;
    String line = line(in);
    if (!"P7".equals(line)) {
      return null;
    }
    while (!(line = line(in)).equals("ENDHDR")) {
      String[] parts = line.split(" ");
      switch (parts[0]) {
        case "WIDTH" -> width = Integer.parseInt(parts[1]);
        case "HEIGHT" -> height = Integer.parseInt(parts[1]);
        case "DEPTH" -> depth = Integer.parseInt(parts[1]);
        default -> {}
      }
    }
    if (width < 1 || height < 1 || depth != 4 || (long) width * height > 100_000_000L) {
      return null;
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    byte[] row = new byte[width * 4];
    boolean opaque = true;
    for (int y = 0; y < height; y++) {
      if (in.readNBytes(row, 0, row.length) != row.length) {
        return null;
      }
      for (int x = 0, i = 0; x < width; x++, i += 4) {
        int a = row[i + 3] & 0xFF;
        opaque &= a == 0xFF;
        pixels[y * width + x] =
            a << 24 | (row[i] & 0xFF) << 16 | (row[i + 1] & 0xFF) << 8 | (row[i + 2] & 0xFF);
      }
    }
    if (!opaque) {
      return image;
    }
    BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    rgb.getRaster().setDataElements(0, 0, image.getRaster());
    return rgb;
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (line.length() > 200) {
        throw new IOException("Not a PAM header");
      }
      line.append((char) c);
    }
    if (c < 0) {
      throw new IOException("Not a PAM header");
    }
    return line.toString().trim();
  }

  private static Path install(String tool, Path folder) throws IOException {
    String resource = "/dist_webp_binaries/" + VERSION + "-" + platform() + "/bin/" + tool;
    try (InputStream in = Libwebp.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "No "
                + tool
                + " for this platform ("
                + platform()
                + "); install libwebp's tools and set FEDER_ASSETS_LIBWEBP_DIRECTORY to their"
                + " folder");
      }
      Path binary = folder.resolve(tool);
      Files.copy(in, binary, StandardCopyOption.REPLACE_EXISTING);
      if (!binary.toFile().setExecutable(true, true)) {
        throw new IllegalStateException("Cannot make " + binary + " executable");
      }
      binary.toFile().deleteOnExit();
      return binary;
    }
  }

  private static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    boolean arm = arch.startsWith("aarch64") || arch.startsWith("arm");
    if (os.contains("mac")) {
      return arm ? "mac-arm64" : "mac-x86-64";
    }
    return arm ? "linux-aarch64" : "linux-x86-64";
  }
}
