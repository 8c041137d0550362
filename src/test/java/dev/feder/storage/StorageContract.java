package dev.feder.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link BlobStorage} adapter does, run against each of them. */
abstract class StorageContract {

  @TempDir Path temp;

  /** A prefix of this test's own, so runs and tests never see each other's objects. */
  String prefix;

  abstract BlobStorage storage();

  @BeforeEach
  void ownPrefix() {
    prefix = "contract/" + UUID.randomUUID() + "/";
  }

  @Test
  void storedBytesComeBackWholeAndInRanges() throws IOException {
    byte[] bytes = "Größte Übung seit Jahren".getBytes(StandardCharsets.UTF_8);
    storage().put(prefix + "a/b.txt", bytes, "text/plain");

    Blob blob = storage().stat(prefix + "a/b.txt").orElseThrow();
    assertEquals(bytes.length, blob.size());
    assertEquals(prefix + "a/b.txt", blob.key());
    assertTrue(
        blob.lastModified().isAfter(Instant.now().minus(1, ChronoUnit.MINUTES)),
        "written just now: " + blob.lastModified());
    assertArrayEquals(bytes, read(prefix + "a/b.txt", 0, bytes.length));
    assertArrayEquals(Arrays.copyOfRange(bytes, 3, 10), read(prefix + "a/b.txt", 3, 7));
  }

  @Test
  void filesAreStoredByStreamingThem() throws IOException {
    byte[] bytes = new byte[3 * 1024 * 1024 + 17];
    new java.util.Random(42).nextBytes(bytes);
    Path file = temp.resolve("upload.bin");
    Files.write(file, bytes);

    storage().put(prefix + "big", file, "application/octet-stream");

    assertEquals(bytes.length, storage().stat(prefix + "big").orElseThrow().size());
    assertArrayEquals(bytes, read(prefix + "big", 0, bytes.length));
  }

  @Test
  void aSecondPutReplacesTheObject() throws IOException {
    storage().put(prefix + "x", new byte[] {1, 2, 3}, "application/octet-stream");
    storage().put(prefix + "x", new byte[] {4, 5}, "application/octet-stream");

    assertArrayEquals(new byte[] {4, 5}, read(prefix + "x", 0, 2));
    assertEquals(2, storage().stat(prefix + "x").orElseThrow().size());
  }

  @Test
  void missingObjectsAreEmptyOrAnError() {
    assertTrue(storage().stat(prefix + "nichts").isEmpty());
    storage().delete(prefix + "nichts");
    assertThrows(
        StorageException.class,
        () -> {
          try (InputStream in = storage().open(prefix + "nichts", 0, 10)) {
            in.readAllBytes();
          }
        });
  }

  @Test
  void prefixesListAndDeleteTheirObjectsOnly() {
    for (String key : new String[] {"p/1", "p/2", "p/q/3", "pp/4"}) {
      storage().put(prefix + key, new byte[] {7}, "application/octet-stream");
    }

    assertEquals(Set.of("p/1", "p/2", "p/q/3"), keysUnder("p/"));
    assertEquals(Set.of("p/1", "p/2", "p/q/3", "pp/4"), keysUnder(""));

    storage().deleteAll(prefix + "p/");

    assertEquals(Set.of("pp/4"), keysUnder(""));
    storage().delete(prefix + "pp/4");
    assertEquals(Set.of(), keysUnder(""));
  }

  @Test
  void keysOutsideTheSyntaxAreRefused() {
    for (String key : new String[] {"../etc/passwd", "a//b", "/abs", "Gross", "a/./b", "a b", ""}) {
      assertThrows(
          IllegalArgumentException.class,
          () -> storage().put(key, new byte[] {1}, "application/octet-stream"),
          key);
    }
  }

  private Set<String> keysUnder(String sub) {
    Set<String> keys = new TreeSet<>();
    storage().forEach(prefix + sub, blob -> keys.add(blob.key().substring(prefix.length())));
    return keys;
  }

  private byte[] read(String key, long offset, long length) throws IOException {
    try (InputStream in = storage().open(key, offset, length)) {
      return in.readAllBytes();
    }
  }
}
