package dev.feder.asset.image;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * Reads a file once, front to back, for the container walks of {@link CleanCopy}: every byte read
 * goes into a SHA-256 digest (the file's identity) and past a scanner for markup that has no place
 * in an image ({@code <script}, {@code <html}, …: a file that browsers could sniff as a page).
 */
final class ByteInput {

  /** Markup that marks an image as also being a web page or a script, lower case. */
  private static final String[] MARKUP = {"<script", "<html", "<iframe", "<body", "<?php"};

  private static final long[] PATTERNS = new long[MARKUP.length];
  private static final long[] MASKS = new long[MARKUP.length];

  static {
    for (int i = 0; i < MARKUP.length; i++) {
      long value = 0;
      for (char c : MARKUP[i].toCharArray()) {
        value = (value << 8) | c;
      }
      PATTERNS[i] = value;
      MASKS[i] = MARKUP[i].length() == 8 ? -1L : (1L << (8 * MARKUP[i].length())) - 1;
    }
  }

  private final InputStream in;
  private final MessageDigest digest;
  private final boolean scanMarkup;
  private final byte[] buffer = new byte[64 * 1024];
  private int position;
  private int limit;
  private long offset;
  private long window;
  private String markup;

  ByteInput(InputStream in, boolean scanMarkup) {
    this.in = in;
    this.scanMarkup = scanMarkup;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Bytes consumed so far. */
  long offset() {
    return offset;
  }

  /** The first markup pattern met so far, or null. */
  String markup() {
    return markup;
  }

  /** Whether the file has no more bytes. */
  boolean atEnd() throws IOException {
    return !fill();
  }

  int u8() throws IOException {
    if (!fill()) {
      throw new EOFException();
    }
    int b = buffer[position++] & 0xFF;
    offset++;
    return b;
  }

  int u16be() throws IOException {
    return (u8() << 8) | u8();
  }

  int u16le() throws IOException {
    return u8() | (u8() << 8);
  }

  long u32be() throws IOException {
    return ((long) u16be() << 16) | u16be();
  }

  long u32le() throws IOException {
    return u16le() | ((long) u16le() << 16);
  }

  /** Reads exactly {@code length} bytes. */
  byte[] bytes(int length) throws IOException {
    byte[] bytes = new byte[length];
    int done = 0;
    while (done < length) {
      if (!fill()) {
        throw new EOFException();
      }
      int n = Math.min(length - done, limit - position);
      System.arraycopy(buffer, position, bytes, done, n);
      position += n;
      offset += n;
      done += n;
    }
    return bytes;
  }

  /**
   * Passes {@code length} bytes on to {@code out} (null: drops them), updating {@code crc} if
   * given.
   */
  void copy(long length, OutputStream out, CRC32 crc) throws IOException {
    long left = length;
    while (left > 0) {
      if (!fill()) {
        throw new EOFException();
      }
      int n = (int) Math.min(left, limit - position);
      if (out != null) {
        out.write(buffer, position, n);
      }
      if (crc != null) {
        crc.update(buffer, position, n);
      }
      position += n;
      offset += n;
      left -= n;
    }
  }

  /**
   * Passes the bytes before the next {@code 0xFF} on to {@code out}, leaving that byte unread.
   *
   * @throws EOFException if the file ends first
   */
  void copyUntilFF(OutputStream out) throws IOException {
    while (fill()) {
      int start = position;
      while (position < limit && buffer[position] != (byte) 0xFF) {
        position++;
      }
      int n = position - start;
      if (n > 0) {
        out.write(buffer, start, n);
        offset += n;
      }
      if (position < limit) {
        return;
      }
    }
    throw new EOFException();
  }

  /** Reads the rest of the file, for the digest and the markup scan; returns how many bytes. */
  long drain() throws IOException {
    long count = 0;
    while (fill()) {
      count += limit - position;
      offset += limit - position;
      position = limit;
    }
    return count;
  }

  /** The SHA-256 of every byte of the file, once it has all been read, in lower-case hex. */
  String sha256() {
    return HexFormat.of().formatHex(digest.digest());
  }

  private boolean fill() throws IOException {
    if (position < limit) {
      return true;
    }
    int n = in.read(buffer);
    while (n == 0) {
      n = in.read(buffer);
    }
    if (n < 0) {
      return false;
    }
    digest.update(buffer, 0, n);
    if (scanMarkup && markup == null) {
      scan(n);
    }
    position = 0;
    limit = n;
    return true;
  }

  private void scan(int n) {
    long w = window;
    for (int i = 0; i < n; i++) {
      int b = buffer[i] & 0xFF;
      if (b >= 'A' && b <= 'Z') {
        b += 'a' - 'A';
      }
      w = (w << 8) | b;
      if (b == 't' || b == 'l' || b == 'e' || b == 'y' || b == 'p') {
        for (int p = 0; p < PATTERNS.length; p++) {
          if ((w & MASKS[p]) == PATTERNS[p]) {
            markup = MARKUP[p];
            window = w;
            return;
          }
        }
      }
    }
    window = w;
  }
}
