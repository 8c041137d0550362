package dev.feder.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** The filesystem adapter: the contract, plus what is particular to files. */
class FileSystemStorageTest extends StorageContract {

  private FileSystemStorage storage;

  @Override
  BlobStorage storage() {
    if (storage == null) {
      storage = new FileSystemStorage(temp.resolve("storage"));
    }
    return storage;
  }

  @Test
  void objectsAreLocalFilesAndEmptyFoldersGoWithThem() {
    storage().put(prefix + "a/b/c", new byte[] {1}, "application/octet-stream");

    Path file = storage().localFile(prefix + "a/b/c").orElseThrow();
    assertTrue(Files.isRegularFile(file));

    storage().delete(prefix + "a/b/c");

    assertFalse(Files.exists(file.getParent()), "the emptied folders are removed");
  }

  @Test
  void temporaryFilesLeftByACrashAreRemovedOnceStale() throws IOException {
    storage().put(prefix + "kept", new byte[] {1}, "application/octet-stream");
    Path folder = storage.root().resolve(prefix);
    Path stale = Files.write(folder.resolve(".~crashed"), new byte[] {2});
    Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(2, ChronoUnit.DAYS)));
    Path fresh = Files.write(folder.resolve(".~writing"), new byte[] {3});

    int[] seen = {0};
    storage().forEach(prefix, blob -> seen[0]++);

    assertEquals(1, seen[0], "temporary files are no objects");
    assertFalse(Files.exists(stale));
    assertTrue(Files.exists(fresh), "a write in progress is left alone");
  }
}
