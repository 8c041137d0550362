package dev.feder.asset;

import dev.feder.asset.image.CleanCopy;
import dev.feder.asset.image.FileType;
import dev.feder.asset.image.InvalidFile;
import dev.feder.asset.image.PhotoMetadata;
import dev.feder.asset.image.Renderer;
import dev.feder.config.FederConfig;
import dev.feder.error.Problem;
import dev.feder.error.ProblemException;
import dev.feder.error.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides what an uploaded file is and whether Feder keeps it, before anything is stored: its type
 * from its first bytes (never from its name or declared type, which must merely not contradict it),
 * its size, its container structure and pixel count ({@link CleanCopy}), its metadata, and whether
 * all of its image data decodes. Every refusal is a problem the client can act on.
 */
@ApplicationScoped
class UploadInspector {

  /**
   * A file Feder will keep.
   *
   * @param copy the clean copy to store; the caller deletes it
   * @param width width as shown, null for PDFs
   * @param height height as shown, null for PDFs
   * @param lqip the preview, null for PDFs
   */
  record Inspected(
      FileType type,
      Path copy,
      CleanCopy.Result file,
      PhotoMetadata metadata,
      Integer width,
      Integer height,
      String lqip)
      implements AutoCloseable {

    @Override
    public void close() {
      try {
        Files.deleteIfExists(copy);
      } catch (IOException e) {
        // A temporary file; the system's cleanup removes it.
      }
    }
  }

  private final FederConfig.Assets config;
  private final AssetImages images;

  UploadInspector(FederConfig config, AssetImages images) {
    this.config = config.assets();
    this.images = images;
  }

  Inspected inspect(Path file, String filename, String declaredType) {
    long size = size(file);
    if (size == 0) {
      throw ProblemException.invalidField(UploadForm.FILE, "is empty");
    }
    long max = config.maxFileSize().asLongValue();
    if (size > max) {
      throw new ProblemException(
          ProblemType.PAYLOAD_TOO_LARGE,
          "The file has " + size + " bytes; it may have at most " + max);
    }
    FileType type = type(file);
    checkNameAndDeclaredType(type, filename, declaredType);
    PhotoMetadata metadata = type.isImage() ? PhotoMetadata.read(type, file) : PhotoMetadata.NONE;
    Path copy = temporaryFile(type);
    try {
      CleanCopy.Result result =
          CleanCopy.write(type, file, copy, metadata.orientation(), config.maxPixels());
      if (!type.isImage()) {
        return new Inspected(type, copy, result, metadata, null, null, null);
      }
      Renderer.Source source =
          new Renderer.Source(copy, type, result.width(), result.height(), metadata.orientation());
      String lqip = images.renderer().preview(source);
      return new Inspected(type, copy, result, metadata, source.width(), source.height(), lqip);
    } catch (InvalidFile e) {
      delete(copy);
      throw problem(e);
    } catch (RuntimeException e) {
      delete(copy);
      throw e;
    }
  }

  private static FileType type(Path file) {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(FileType.HEAD);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Optional<FileType> type = FileType.detect(head);
    if (type.isPresent()) {
      return type.get();
    }
    throw unsupported(
        FileType.looksLikeMarkup(head)
            ? "The file is markup (SVG, HTML or XML), which can carry scripts; upload a JPEG,"
                + " PNG, WebP or GIF image or a PDF"
            : "The file is not a JPEG, PNG, WebP or GIF image or a PDF (judged by its content)");
  }

  /** A name or declared type that says the file is something else is refused. */
  private static void checkNameAndDeclaredType(
      FileType type, String filename, String declaredType) {
    int dot = filename.lastIndexOf('.');
    if (dot > 0 && dot < filename.length() - 1) {
      String extension = filename.substring(dot + 1).toLowerCase(Locale.ROOT);
      Optional<FileType> named = FileType.byExtension(extension);
      if (named.isPresent() ? named.get() != type : looksLikeTypeExtension(extension)) {
        throw unsupported(
            "The file is a "
                + type.name()
                + " file but its name '"
                + filename
                + "' says otherwise; rename it to end in ."
                + type.extension());
      }
    }
    if (declaredType != null) {
      String media = declaredType.split(";")[0].trim().toLowerCase(Locale.ROOT);
      if (!media.isEmpty()
          && !media.equals("application/octet-stream")
          && FileType.byMediaType(media).map(t -> t != type).orElse(true)) {
        throw unsupported(
            "The file is a "
                + type.name()
                + " file but was sent as "
                + media
                + "; send it as "
                + type.mediaType()
                + " or application/octet-stream");
      }
    }
  }

  /** Extensions of other image and document formats: a file named so is not what it claims. */
  private static boolean looksLikeTypeExtension(String extension) {
    return List.of(
            "svg", "svgz", "html", "htm", "xml", "js", "bmp", "tif", "tiff", "heic", "heif", "avif",
            "ico", "zip", "doc", "docx", "exe", "php")
        .contains(extension);
  }

  private static ProblemException unsupported(String detail) {
    return new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail);
  }

  private static ProblemException problem(InvalidFile e) {
    return switch (e.reason()) {
      case UNSUPPORTED -> unsupported("The file " + e.getMessage());
      case TOO_MANY_PIXELS ->
          new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The image " + e.getMessage());
      case CORRUPT ->
          new ProblemException(
              ProblemType.VALIDATION,
              "1 field is invalid",
              List.of(new Problem.FieldError(UploadForm.FILE, e.getMessage())));
    };
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path temporaryFile(FileType type) {
    try {
      return Files.createTempFile("feder-asset", "." + type.extension());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A temporary file; the system's cleanup removes it.
    }
  }
}
