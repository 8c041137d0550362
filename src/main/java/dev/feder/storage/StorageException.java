package dev.feder.storage;

/** The store failed: a disk error, an unreachable or refusing object store, a missing object. */
public class StorageException extends RuntimeException {

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  public StorageException(String message) {
    super(message);
  }
}
