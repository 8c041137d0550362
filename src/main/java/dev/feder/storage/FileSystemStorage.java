package dev.feder.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Objects as files under a root folder, the key as the relative path. A write goes to a temporary
 * file in the target folder first and is then renamed into place, so readers never see half a file;
 * temporary files a crash left behind are removed by the next {@link #forEach} that passes them
 * once they are a day old.
 */
public class FileSystemStorage implements BlobStorage {

  /** Prefix of temporary files: {@code ~} never occurs in a key, so they never clash with one. */
  private static final String TEMPORARY = ".~";

  private static final Duration STALE_TEMPORARY = Duration.ofDays(1);

  private final Path root;

  public FileSystemStorage(Path root) {
    try {
      this.root = Files.createDirectories(root).toRealPath();
    } catch (IOException e) {
      throw new StorageException("Cannot create the storage folder " + root, e);
    }
  }

  /** The root folder. */
  public Path root() {
    return root;
  }

  @Override
  public void put(String key, Path file, String contentType) {
    write(key, target -> Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING));
  }

  @Override
  public void put(String key, byte[] bytes, String contentType) {
    write(key, target -> Files.write(target, bytes));
  }

  private interface Writer {
    void write(Path target) throws IOException;
  }

  private void write(String key, Writer writer) {
    Path target = path(key);
    Path temporary = null;
    try {
      Files.createDirectories(target.getParent());
      temporary = target.resolveSibling(TEMPORARY + UUID.randomUUID());
      writer.write(temporary);
      try {
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | UncheckedIOException e) {
      deleteQuietly(temporary);
      throw new StorageException("Cannot write " + key, e);
    }
  }

  @Override
  public Optional<Blob> stat(String key) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path(key), BasicFileAttributes.class);
      return attributes.isRegularFile()
          ? Optional.of(new Blob(key, attributes.size(), attributes.lastModifiedTime().toInstant()))
          : Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StorageException("Cannot read " + key, e);
    }
  }

  @Override
  public InputStream open(String key, long offset, long length) {
    try {
      FileChannel channel = FileChannel.open(path(key), StandardOpenOption.READ);
      channel.position(offset);
      return new BoundedInputStream(Channels.newInputStream(channel), length);
    } catch (IOException e) {
      throw new StorageException("Cannot read " + key, e);
    }
  }

  @Override
  public Optional<Path> localFile(String key) {
    return Optional.of(path(key));
  }

  @Override
  public void delete(String key) {
    Path file = path(key);
    try {
      Files.deleteIfExists(file);
      pruneEmptyFolders(file.getParent());
    } catch (IOException e) {
      throw new StorageException("Cannot delete " + key, e);
    }
  }

  @Override
  public void deleteAll(String prefix) {
    forEach(prefix, blob -> delete(blob.key()));
  }

  @Override
  public void forEach(String prefix, Consumer<Blob> action) {
    Path start = folderOf(prefix);
    if (!Files.isDirectory(start)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(start)) {
      files = walk.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList();
    } catch (NoSuchFileException e) {
      return;
    } catch (IOException | UncheckedIOException e) {
      throw new StorageException("Cannot list " + prefix, e);
    }
    Instant staleBefore = Instant.now().minus(STALE_TEMPORARY);
    for (Path file : files) {
      String key =
          root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
      if (file.getFileName().toString().startsWith(TEMPORARY)) {
        removeIfStale(file, staleBefore);
        continue;
      }
      if (key.startsWith(prefix)) {
        stat(key).ifPresent(action);
      }
    }
  }

  private void removeIfStale(Path temporary, Instant staleBefore) {
    try {
      if (Files.getLastModifiedTime(temporary).toInstant().isBefore(staleBefore)) {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      // Another instance removed it, or it cannot be removed now: the next pass tries again.
    }
  }

  /**
   * The folder to walk for a prefix: the prefix itself when it ends at a folder, else its parent.
   */
  private Path folderOf(String prefix) {
    if (prefix.isEmpty()) {
      return root;
    }
    String folder = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    int slash = folder.lastIndexOf('/');
    if (!prefix.endsWith("/")) {
      folder = slash < 0 ? "" : folder.substring(0, slash);
    }
    return folder.isEmpty() ? root : path(folder);
  }

  private Path path(String key) {
    Path path = root.resolve(BlobStorage.checkKey(key)).normalize();
    if (!path.startsWith(root)) {
      throw new IllegalArgumentException("Not a storage key: " + key);
    }
    return path;
  }

  private void pruneEmptyFolders(Path folder) {
    for (Path current = folder;
        current != null && current.startsWith(root) && !current.equals(root);
        current = current.getParent()) {
      try {
        Files.deleteIfExists(current);
      } catch (DirectoryNotEmptyException e) {
        return;
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Left for the next forEach to remove once it is stale.
    }
  }
}
