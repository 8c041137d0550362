package dev.feder.bench.seed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Tuples in COPY's binary format: a field count, then each field as its length and the type's
 * binary form (the *send/*recv functions of PostgreSQL), all numbers big-endian.
 */
final class BinaryRows {
  /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in microseconds of the Unix epoch. */
  static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

  static final int TEXT_OID = 25;
  static final int JSONB_VERSION = 1;

  byte[] bytes;
  int length;

  BinaryRows(int capacity) {
    bytes = new byte[capacity];
  }

  BinaryRows tuple(int fields) {
    return int2(fields);
  }

  BinaryRows nul() {
    return raw4(-1);
  }

  BinaryRows int4(int v) {
    return raw4(4).raw4(v);
  }

  BinaryRows int8(long v) {
    return raw4(8).raw8(v);
  }

  BinaryRows uuid(UUID v) {
    return raw4(16).raw8(v.getMostSignificantBits()).raw8(v.getLeastSignificantBits());
  }

  /** A timestamptz: microseconds since PostgreSQL's epoch. */
  BinaryRows timestamp(Instant v) {
    if (v == null) {
      return nul();
    }
    long micros = Math.multiplyExact(v.getEpochSecond(), 1_000_000L) + v.getNano() / 1000;
    return int8(micros - PG_EPOCH_MICROS);
  }

  /** text and varchar: the UTF-8 bytes. */
  BinaryRows text(String v) {
    if (v == null) {
      return nul();
    }
    byte[] b = v.getBytes(StandardCharsets.UTF_8);
    return raw4(b.length).raw(b, 0, b.length);
  }

  /** jsonb: a version byte, then the JSON text (in UTF-8). */
  BinaryRows jsonb(byte[] json) {
    return raw4(json.length + 1).raw1(JSONB_VERSION).raw(json, 0, json.length);
  }

  /** A one-dimensional text[] without nulls (array_send's form). */
  BinaryRows textArray(List<String> items) {
    int at = begin();
    if (items.isEmpty()) {
      raw4(0).raw4(0).raw4(TEXT_OID);
    } else {
      raw4(1).raw4(0).raw4(TEXT_OID).raw4(items.size()).raw4(1);
      for (String item : items) {
        text(item);
      }
    }
    return patch4(at, length - at - 4);
  }

  /** Reserves room for a field of unknown length; patch4 sets it when written. */
  int begin() {
    int at = length;
    raw4(0);
    return at;
  }

  BinaryRows patch4(int at, int v) {
    bytes[at] = (byte) (v >>> 24);
    bytes[at + 1] = (byte) (v >>> 16);
    bytes[at + 2] = (byte) (v >>> 8);
    bytes[at + 3] = (byte) v;
    return this;
  }

  BinaryRows raw1(int v) {
    room(1);
    bytes[length++] = (byte) v;
    return this;
  }

  BinaryRows int2(int v) {
    room(2);
    bytes[length++] = (byte) (v >>> 8);
    bytes[length++] = (byte) v;
    return this;
  }

  BinaryRows raw4(int v) {
    room(4);
    length += 4;
    return patch4(length - 4, v);
  }

  BinaryRows raw8(long v) {
    return raw4((int) (v >>> 32)).raw4((int) v);
  }

  BinaryRows raw(byte[] b, int from, int count) {
    room(count);
    System.arraycopy(b, from, bytes, length, count);
    length += count;
    return this;
  }

  void room(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
