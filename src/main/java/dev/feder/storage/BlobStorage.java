package dev.feder.storage;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where Feder keeps files: a flat space of keys such as {@code assets/<id>/1/file}, each holding
 * the bytes of one object that is written once and read many times. Keys are lower-case ASCII
 * letters, digits and {@code / . _ -}, never with an empty or dot segment. Two adapters sit behind
 * it: the local filesystem and any S3-compatible object store.
 *
 * <p>Writes are atomic: a reader sees either nothing or the whole object. Every failure of the
 * store itself is a {@link StorageException}.
 */
public interface BlobStorage {

  /** Stores a file's content under {@code key}, replacing what was there. */
  void put(String key, Path file, String contentType);

  /** Stores bytes under {@code key}, replacing what was there. */
  void put(String key, byte[] bytes, String contentType);

  /** Size and age of the object under {@code key}, if there is one. */
  Optional<Blob> stat(String key);

  /**
   * The bytes {@code offset} to {@code offset + length - 1} of the object under {@code key}; the
   * caller closes the stream. An absent object is a {@link StorageException}.
   */
  InputStream open(String key, long offset, long length);

  /**
   * The object as a local file, when this store keeps objects in the local filesystem (so that it
   * can be sent without copying it through the JVM); empty for remote stores.
   */
  Optional<Path> localFile(String key);

  /** Removes the object under {@code key}; an absent one is no error. */
  void delete(String key);

  /** Removes every object whose key starts with {@code prefix}. */
  void deleteAll(String prefix);

  /** Calls {@code action} for every object whose key starts with {@code prefix}, in no order. */
  void forEach(String prefix, Consumer<Blob> action);

  /** Checks a key's syntax; a key from anywhere but Feder's own code is a bug, not input. */
  static String checkKey(String key) {
    if (key == null
        || key.isEmpty()
        || key.length() > 512
        || !key.matches("[a-z0-9._-]+(/[a-z0-9._-]+)*")
        || key.matches("(.*/)?\\.{1,2}(/.*)?")) {
      throw new IllegalArgumentException("Not a storage key: " + key);
    }
    return key;
  }
}
