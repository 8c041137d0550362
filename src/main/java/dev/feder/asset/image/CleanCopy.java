package dev.feder.asset.image;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Walks an uploaded file's container structure once, front to back, and writes the copy of it that
 * Feder keeps and serves: the same pixels, byte for byte, without the metadata that may be private
 * (EXIF with GPS positions and camera serial numbers, XMP with editing history, IPTC, comments,
 * text chunks, thumbnails). Kept is only what rendering needs: ICC colour profiles, JPEG's Adobe
 * colour transform, PNG's colour and gamma chunks, animation control. A JPEG's EXIF orientation is
 * written back as a minimal EXIF block holding only that tag, so the copy is shown the right way up
 * without being re-encoded.
 *
 * <p>The walk also refuses what is not one clean image of its kind, before anything decodes it:
 * truncated containers and broken PNG checksums (corrupt), data after the image's end or markup
 * such as {@code <script>} anywhere in the file (polyglots), and declared dimensions above the
 * pixel limit (decompression bombs). PDFs are copied as they are, once their header and end marker
 * are found.
 */
public final class CleanCopy {

  /**
   * What the walk found.
   *
   * @param width width as stored (before any EXIF orientation), 0 for a PDF
   * @param height height as stored, 0 for a PDF
   * @param sha256 SHA-256 of the uploaded bytes, lower-case hex
   * @param bytes length of the uploaded file
   */
  public record Result(int width, int height, String sha256, long bytes) {}

  private static final Set<String> PNG_KEPT =
      Set.of(
          "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs",
          "bKGD", "acTL", "fcTL", "fdAT");

  private static final Set<String> WEBP_KEPT =
      Set.of("VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP");

  private static final Set<String> GIF_APPLICATIONS =
      Set.of("NETSCAPE2.0", "ANIMEXTS1.0", "ICCRGBG1012");

  private final FileType type;
  private final long maxPixels;
  private final int orientation;
  private int width;
  private int height;

  private CleanCopy(FileType type, long maxPixels, int orientation) {
    this.type = type;
    this.maxPixels = maxPixels;
    this.orientation = orientation;
  }

  /**
   * Checks {@code source} and writes its clean copy to {@code target}.
   *
   * @param orientation the EXIF orientation (1 to 8) to keep in a JPEG's copy
   * @throws InvalidFile if the file is refused
   */
  public static Result write(
      FileType type, Path source, Path target, int orientation, long maxPixels) {
    CleanCopy copy = new CleanCopy(type, maxPixels, orientation);
    try (InputStream file = Files.newInputStream(source);
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 64 * 1024)) {
      ByteInput in = new ByteInput(file, type.isImage());
      try {
        switch (type) {
          case JPEG -> copy.jpeg(in, out);
          case PNG -> copy.png(in, out);
          case GIF -> copy.gif(in, out);
          case WEBP -> copy.webp(in, out);
          case PDF -> copy.pdf(in, out, Files.size(source));
        }
      } catch (EOFException e) {
        throw InvalidFile.truncated(type);
      }
      if (in.markup() != null) {
        throw InvalidFile.polyglot(type, "web page markup ('" + in.markup() + "')");
      }
      out.flush();
      if (type == FileType.WEBP) {
        out.close();
        patchRiffSize(target);
      }
      return new Result(copy.width, copy.height, in.sha256(), in.offset());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------------------------------- JPEG

  private void jpeg(ByteInput in, OutputStream out) throws IOException {
    if (in.u8() != 0xFF || in.u8() != 0xD8) {
      throw InvalidFile.corrupt(type, "no start of image");
    }
    out.write(0xFF);
    out.write(0xD8);
    boolean orientationWritten = orientation <= 1 || orientation > 8;
    boolean frame = false;
    boolean scan = false;
    int pending = -1;
    while (true) {
      int marker;
      if (pending >= 0) {
        marker = pending;
        pending = -1;
      } else {
        if (in.u8() != 0xFF) {
          throw InvalidFile.corrupt(type, "a segment does not start with a marker");
        }
        marker = in.u8();
        while (marker == 0xFF) {
          marker = in.u8();
        }
      }
      if (marker == 0xD9) {
        if (!frame || !scan) {
          throw InvalidFile.corrupt(type, "no image data");
        }
        out.write(0xFF);
        out.write(0xD9);
        break;
      }
      if (marker == 0xD8 || marker == 0x00) {
        throw InvalidFile.corrupt(type, "an unexpected marker");
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        out.write(0xFF);
        out.write(marker);
        continue;
      }
      int length = in.u16be();
      if (length < 2) {
        throw InvalidFile.corrupt(type, "a segment with an impossible length");
      }
      byte[] payload = in.bytes(length - 2);
      boolean app0 = marker == 0xE0;
      if (!orientationWritten && !app0) {
        out.write(orientationSegment(orientation));
        orientationWritten = true;
      }
      if (isFrame(marker)) {
        if (payload.length < 6) {
          throw InvalidFile.corrupt(type, "a frame header that is too short");
        }
        height = ((payload[1] & 0xFF) << 8) | (payload[2] & 0xFF);
        width = ((payload[3] & 0xFF) << 8) | (payload[4] & 0xFF);
        if (width == 0 || height == 0) {
          throw InvalidFile.corrupt(type, "no dimensions in the frame header");
        }
        checkPixels(width, height);
        frame = true;
      }
      byte[] kept = keptJpegSegment(marker, payload);
      if (kept != null) {
        out.write(0xFF);
        out.write(marker);
        out.write((kept.length + 2) >> 8);
        out.write((kept.length + 2) & 0xFF);
        out.write(kept);
      }
      if (marker == 0xDA) {
        if (!frame) {
          throw InvalidFile.corrupt(type, "image data before the frame header");
        }
        scan = true;
        pending = entropyCodedData(in, out);
      }
    }
    trailingJpeg(in);
  }

  private static boolean isFrame(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }

  /** The segment's payload as kept in the copy, or null to drop it. */
  private static byte[] keptJpegSegment(int marker, byte[] payload) {
    if (marker == 0xE0) {
      // JFIF, without the thumbnail it may carry (a picture of the uncropped original).
      if (startsWith(payload, "JFIF\0") && payload.length >= 14) {
        byte[] jfif = Arrays.copyOf(payload, 14);
        jfif[12] = 0;
        jfif[13] = 0;
        return jfif;
      }
      return null;
    }
    if (marker == 0xE2) {
      return startsWith(payload, "ICC_PROFILE\0") ? payload : null;
    }
    if (marker == 0xEE) {
      return startsWith(payload, "Adobe") ? payload : null;
    }
    if ((marker >= 0xE1 && marker <= 0xEF) || marker == 0xFE) {
      return null;
    }
    return payload;
  }

  /** Copies a scan's entropy-coded data; returns the marker that ends it. */
  private static int entropyCodedData(ByteInput in, OutputStream out) throws IOException {
    while (true) {
      in.copyUntilFF(out);
      in.u8();
      int next = in.u8();
      while (next == 0xFF) {
        next = in.u8();
      }
      if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
        out.write(0xFF);
        out.write(next);
        continue;
      }
      return next;
    }
  }

  /**
   * After the end of the image: nothing, padding, or further JPEG images (the previews of the
   * Multi-Picture Format that many cameras append), none of which is kept. Anything else makes the
   * file two things at once.
   */
  private void trailingJpeg(ByteInput in) throws IOException {
    while (!in.atEnd()) {
      int b = in.u8();
      if (b == 0x00) {
        continue;
      }
      if (b != 0xFF) {
        throw InvalidFile.polyglot(type, "data after the end of the image");
      }
      int next = 0xFF;
      while (next == 0xFF && !in.atEnd()) {
        next = in.u8();
      }
      if (next == 0xD8) {
        in.drain();
        return;
      }
      if (next != 0x00 && next != 0xFF) {
        throw InvalidFile.polyglot(type, "data after the end of the image");
      }
    }
  }

  /** An APP1 EXIF segment holding only the orientation tag, big-endian. */
  private static byte[] orientationSegment(int orientation) {
    return new byte[] {
      (byte) 0xFF,
      (byte) 0xE1,
      0,
      34,
      'E',
      'x',
      'i',
      'f',
      0,
      0,
      'M',
      'M',
      0,
      42,
      0,
      0,
      0,
      8,
      0,
      1,
      0x01,
      0x12,
      0,
      3,
      0,
      0,
      0,
      1,
      0,
      (byte) orientation,
      0,
      0,
      0,
      0,
      0,
      0
    };
  }

  // ----------------------------------------------------------------------------------------- PNG

  private void png(ByteInput in, OutputStream out) throws IOException {
    byte[] signature = in.bytes(8);
    out.write(signature);
    boolean header = false;
    boolean data = false;
    while (true) {
      long length = in.u32be();
      if (length > Integer.MAX_VALUE) {
        throw InvalidFile.corrupt(type, "a chunk with an impossible length");
      }
      byte[] name = in.bytes(4);
      String chunk = new String(name, StandardCharsets.ISO_8859_1);
      if (!chunk.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        throw InvalidFile.corrupt(type, "a chunk with an invalid name");
      }
      if (!header && !chunk.equals("IHDR")) {
        throw InvalidFile.corrupt(type, "no header chunk first");
      }
      boolean keep = PNG_KEPT.contains(chunk);
      if (!keep && Character.isUpperCase(chunk.charAt(0))) {
        throw InvalidFile.corrupt(type, "an unknown critical chunk '" + chunk + "'");
      }
      CRC32 crc = new CRC32();
      crc.update(name);
      if (chunk.equals("IHDR") || chunk.equals("fcTL")) {
        byte[] payload = in.bytes((int) length);
        crc.update(payload);
        dimensionsOfPngChunk(chunk, payload);
        header = true;
        if (keep) {
          writeChunkHead(out, length, name);
          out.write(payload);
        }
      } else {
        if (keep) {
          writeChunkHead(out, length, name);
        }
        in.copy(length, keep ? out : null, crc);
      }
      long stored = in.u32be();
      if (stored != crc.getValue()) {
        throw InvalidFile.corrupt(type, "the checksum of chunk '" + chunk + "' does not match");
      }
      if (keep) {
        writeU32be(out, stored);
      }
      data |= chunk.equals("IDAT");
      if (chunk.equals("IEND")) {
        break;
      }
    }
    if (!data) {
      throw InvalidFile.corrupt(type, "no image data");
    }
    if (!in.atEnd()) {
      throw InvalidFile.polyglot(type, "data after the end of the image");
    }
  }

  private void dimensionsOfPngChunk(String chunk, byte[] payload) {
    int offset = chunk.equals("IHDR") ? 0 : 4;
    if (payload.length < offset + 8) {
      throw InvalidFile.corrupt(type, "a '" + chunk + "' chunk that is too short");
    }
    long w = readU32be(payload, offset);
    long h = readU32be(payload, offset + 4);
    if (w == 0 || h == 0 || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
      throw InvalidFile.corrupt(type, "impossible dimensions");
    }
    checkPixels(w, h);
    if (chunk.equals("IHDR")) {
      width = (int) w;
      height = (int) h;
    }
  }

  private static void writeChunkHead(OutputStream out, long length, byte[] name)
      throws IOException {
    writeU32be(out, length);
    out.write(name);
  }

  // ----------------------------------------------------------------------------------------- GIF

  private void gif(ByteInput in, OutputStream out) throws IOException {
    out.write(in.bytes(6));
    byte[] screen = in.bytes(7);
    out.write(screen);
    width = (screen[0] & 0xFF) | ((screen[1] & 0xFF) << 8);
    height = (screen[2] & 0xFF) | ((screen[3] & 0xFF) << 8);
    if (width == 0 || height == 0) {
      throw InvalidFile.corrupt(type, "no dimensions");
    }
    checkPixels(width, height);
    if ((screen[4] & 0x80) != 0) {
      in.copy(3L << ((screen[4] & 7) + 1), out, null);
    }
    boolean image = false;
    while (true) {
      int block = in.u8();
      if (block == 0x3B) {
        out.write(block);
        break;
      }
      if (block == 0x2C) {
        byte[] descriptor = in.bytes(9);
        int w = (descriptor[4] & 0xFF) | ((descriptor[5] & 0xFF) << 8);
        int h = (descriptor[6] & 0xFF) | ((descriptor[7] & 0xFF) << 8);
        checkPixels(w, h);
        out.write(block);
        out.write(descriptor);
        if ((descriptor[8] & 0x80) != 0) {
          in.copy(3L << ((descriptor[8] & 7) + 1), out, null);
        }
        out.write(in.u8()); // LZW minimum code size
        subBlocks(in, out);
        image = true;
      } else if (block == 0x21) {
        int label = in.u8();
        if (label == 0xF9 || label == 0x01) {
          out.write(block);
          out.write(label);
          subBlocks(in, out);
        } else if (label == 0xFF) {
          int size = in.u8();
          byte[] identifier = in.bytes(size);
          boolean keep =
              size == 11
                  && GIF_APPLICATIONS.contains(new String(identifier, StandardCharsets.ISO_8859_1));
          if (keep) {
            out.write(block);
            out.write(label);
            out.write(size);
            out.write(identifier);
          }
          subBlocks(in, keep ? out : null);
        } else {
          subBlocks(in, null);
        }
      } else {
        throw InvalidFile.corrupt(type, "an unknown block");
      }
    }
    if (!image) {
      throw InvalidFile.corrupt(type, "no image");
    }
    if (!in.atEnd()) {
      throw InvalidFile.polyglot(type, "data after the end of the image");
    }
  }

  private static void subBlocks(ByteInput in, OutputStream out) throws IOException {
    while (true) {
      int size = in.u8();
      if (out != null) {
        out.write(size);
      }
      if (size == 0) {
        return;
      }
      in.copy(size, out, null);
    }
  }

  // ---------------------------------------------------------------------------------------- WebP

  private void webp(ByteInput in, OutputStream out) throws IOException {
    in.bytes(4);
    long riffSize = in.u32le();
    in.bytes(4);
    // The RIFF size is patched once the kept chunks are known.
    out.write(new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'});
    long end = 8 + riffSize;
    boolean image = false;
    while (in.offset() < end) {
      byte[] name = in.bytes(4);
      String chunk = new String(name, StandardCharsets.ISO_8859_1);
      long size = in.u32le();
      long padded = size + (size & 1);
      if (in.offset() + padded > end) {
        throw InvalidFile.corrupt(type, "a chunk that reaches beyond the file");
      }
      boolean keep = WEBP_KEPT.contains(chunk);
      if (chunk.equals("VP8X")
          || chunk.equals("VP8 ")
          || chunk.equals("VP8L")
          || chunk.equals("ANMF")) {
        int head = (int) Math.min(size, 30);
        byte[] start = in.bytes(head);
        dimensionsOfWebpChunk(chunk, start);
        if (chunk.equals("VP8X")) {
          start[0] &= (byte) ~0x0C; // no EXIF, no XMP: they are not kept
        }
        image |= !chunk.equals("VP8X");
        out.write(name);
        writeU32le(out, size);
        out.write(start);
        in.copy(padded - head, out, null);
      } else if (keep) {
        out.write(name);
        writeU32le(out, size);
        in.copy(padded, out, null);
      } else {
        in.copy(padded, null, null);
      }
    }
    if (!image) {
      throw InvalidFile.corrupt(type, "no image data");
    }
    if (!in.atEnd()) {
      throw InvalidFile.polyglot(type, "data after the end of the image");
    }
  }

  private void dimensionsOfWebpChunk(String chunk, byte[] start) {
    long w;
    long h;
    switch (chunk) {
      case "VP8X" -> {
        require(start, 10, chunk);
        w = 1 + readU24le(start, 4);
        h = 1 + readU24le(start, 7);
      }
      case "ANMF" -> {
        require(start, 12, chunk);
        w = 1 + readU24le(start, 6);
        h = 1 + readU24le(start, 9);
      }
      case "VP8 " -> {
        require(start, 10, chunk);
        if ((start[3] & 0xFF) != 0x9D || (start[4] & 0xFF) != 0x01 || (start[5] & 0xFF) != 0x2A) {
          throw InvalidFile.corrupt(type, "a lossy frame without its start code");
        }
        w = ((start[6] & 0xFF) | ((start[7] & 0xFF) << 8)) & 0x3FFF;
        h = ((start[8] & 0xFF) | ((start[9] & 0xFF) << 8)) & 0x3FFF;
      }
      default -> {
        require(start, 5, chunk);
        if ((start[0] & 0xFF) != 0x2F) {
          throw InvalidFile.corrupt(type, "a lossless frame without its signature");
        }
        long bits = readU32le(start, 1);
        w = 1 + (bits & 0x3FFF);
        h = 1 + ((bits >> 14) & 0x3FFF);
      }
    }
    if (w == 0 || h == 0) {
      throw InvalidFile.corrupt(type, "impossible dimensions");
    }
    checkPixels(w, h);
    if (width == 0 && !chunk.equals("ANMF")) {
      width = (int) w;
      height = (int) h;
    }
  }

  private void require(byte[] start, int length, String chunk) {
    if (start.length < length) {
      throw InvalidFile.corrupt(type, "a '" + chunk.trim() + "' chunk that is too short");
    }
  }

  private static void patchRiffSize(Path target) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(target.toFile(), "rw")) {
      long size = file.length() - 8;
      file.seek(4);
      file.write(
          new byte[] {(byte) size, (byte) (size >> 8), (byte) (size >> 16), (byte) (size >> 24)});
    }
  }

  // ----------------------------------------------------------------------------------------- PDF

  private void pdf(ByteInput in, OutputStream out, long length) throws IOException {
    // The last kilobyte must hold the end-of-file marker, else the file was cut off.
    long head = Math.max(0, length - 1024);
    in.copy(head, out, null);
    byte[] tail = in.bytes((int) (length - head));
    out.write(tail);
    String end = new String(tail, StandardCharsets.ISO_8859_1);
    if (!end.contains("%%EOF")) {
      throw InvalidFile.truncated(type);
    }
    if (!in.atEnd()) {
      throw InvalidFile.truncated(type);
    }
  }

  // -------------------------------------------------------------------------------------- common

  private void checkPixels(long w, long h) {
    if (w * h > maxPixels) {
      throw new InvalidFile(
          InvalidFile.Reason.TOO_MANY_PIXELS,
          "declares "
              + w
              + " × "
              + h
              + " pixels ("
              + String.format(java.util.Locale.ROOT, "%.1f", w * h / 1e6)
              + " megapixels); at most "
              + String.format(java.util.Locale.ROOT, "%.1f", maxPixels / 1e6)
              + " megapixels are accepted");
    }
  }

  private static boolean startsWith(byte[] payload, String prefix) {
    byte[] bytes = prefix.getBytes(StandardCharsets.ISO_8859_1);
    if (payload.length < bytes.length) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if (payload[i] != bytes[i]) {
        return false;
      }
    }
    return true;
  }

  private static long readU32be(byte[] b, int o) {
    return ((long) (b[o] & 0xFF) << 24)
        | ((b[o + 1] & 0xFF) << 16)
        | ((b[o + 2] & 0xFF) << 8)
        | (b[o + 3] & 0xFF);
  }

  private static long readU32le(byte[] b, int o) {
    return (b[o] & 0xFF)
        | ((b[o + 1] & 0xFF) << 8)
        | ((b[o + 2] & 0xFF) << 16)
        | ((long) (b[o + 3] & 0xFF) << 24);
  }

  private static long readU24le(byte[] b, int o) {
    return (b[o] & 0xFF) | ((b[o + 1] & 0xFF) << 8) | ((b[o + 2] & 0xFF) << 16);
  }

  private static void writeU32be(OutputStream out, long value) throws IOException {
    out.write((int) (value >> 24) & 0xFF);
    out.write((int) (value >> 16) & 0xFF);
    out.write((int) (value >> 8) & 0xFF);
    out.write((int) value & 0xFF);
  }

  private static void writeU32le(OutputStream out, long value) throws IOException {
    out.write((int) value & 0xFF);
    out.write((int) (value >> 8) & 0xFF);
    out.write((int) (value >> 16) & 0xFF);
    out.write((int) (value >> 24) & 0xFF);
  }
}
