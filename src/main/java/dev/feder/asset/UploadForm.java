package dev.feder.asset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feder.error.Problem;
import dev.feder.error.ProblemException;
import dev.feder.error.ProblemType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.resteasy.reactive.server.multipart.FileItem;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/**
 * An upload as its multipart form arrived: exactly one {@code file} part with a file name, and
 * optional text parts with the metadata ({@code focalPoint} as JSON). Anything else, a second file,
 * an unknown or repeated part, is a 400 that names the part.
 *
 * @param file where Quarkus keeps the file's bytes for this request
 * @param filename the file name the client sent, without folders
 * @param temporary whether {@code file} is a copy of this class's own, to delete when done
 * @param declaredType the media type the client declared for the file part, or null
 */
record UploadForm(
    Path file, boolean temporary, String filename, String declaredType, AssetInput metadata) {

  static final String FILE = "file";

  private static final Set<String> METADATA =
      Set.of("title", "alt", "caption", "credit", "copyright", "source", "focalPoint");

  /** Deletes the file if it is this form's own copy. */
  void close() {
    if (temporary) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // A temporary file; the system's cleanup removes it.
      }
    }
  }

  /** Reads and checks the parts; metadata is validated like the JSON of a {@code PUT}. */
  static UploadForm parse(MultipartFormDataInput input, ObjectMapper mapper, Validator validator) {
    Map<String, Collection<FormValue>> parts = input == null ? Map.of() : input.getValues();
    for (Map.Entry<String, Collection<FormValue>> part : parts.entrySet()) {
      String name = part.getKey();
      if (!name.equals(FILE) && !METADATA.contains(name)) {
        Set<String> allowed = new TreeSet<>(METADATA);
        allowed.add(FILE);
        throw ProblemException.invalidField(
            name, "unknown field; allowed: " + String.join(", ", allowed));
      }
      if (part.getValue().size() > 1) {
        throw ProblemException.invalidField(
            name,
            name.equals(FILE)
                ? "must be sent once: upload one file per request"
                : "must be sent once");
      }
    }
    FormValue file = single(parts, FILE);
    if (file == null) {
      throw ProblemException.invalidField(
          FILE, "is required: send the file as a multipart part named 'file'");
    }
    if (!file.isFileItem() || file.getFileName() == null) {
      throw ProblemException.invalidField(FILE, "must be a file part, with a file name");
    }
    AssetInput metadata =
        new AssetInput(
            null,
            text(parts, "title"),
            text(parts, "alt"),
            text(parts, "caption"),
            text(parts, "credit"),
            text(parts, "copyright"),
            text(parts, "source"),
            focalPoint(text(parts, "focalPoint"), mapper));
    Set<ConstraintViolation<AssetInput>> violations = validator.validate(metadata);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    FileItem item = file.getFileItem();
    boolean temporary = item.isInMemory() || item.getFile() == null;
    return new UploadForm(
        temporary ? copy(item) : item.getFile(),
        temporary,
        filename(file.getFileName()),
        file.getHeaders() == null ? null : file.getHeaders().getFirst("Content-Type"),
        metadata);
  }

  private static FormValue single(Map<String, Collection<FormValue>> parts, String name) {
    Collection<FormValue> values = parts.get(name);
    return values == null || values.isEmpty() ? null : values.iterator().next();
  }

  private static String text(Map<String, Collection<FormValue>> parts, String name) {
    FormValue value = single(parts, name);
    if (value == null) {
      return null;
    }
    if (value.isFileItem()) {
      throw ProblemException.invalidField(name, "must be a text part, not a file");
    }
    String text = value.getValue();
    if (text != null && text.indexOf('\0') >= 0) {
      throw ProblemException.invalidField(name, "must not contain NUL characters");
    }
    return text == null || text.isEmpty() ? null : text;
  }

  private static FocalPoint focalPoint(String json, ObjectMapper mapper) {
    if (json == null) {
      return null;
    }
    try {
      FocalPoint point = mapper.readValue(json, FocalPoint.class);
      if (point == null) {
        throw new IllegalArgumentException();
      }
      return point;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new ProblemException(
          ProblemType.VALIDATION,
          "1 field is invalid",
          List.of(
              new Problem.FieldError(
                  "focalPoint", "must be a JSON object such as {\"x\": 0.5, \"y\": 0.3}")));
    }
  }

  /** The name without the folders some browsers send along, without control characters. */
  static String filename(String sent) {
    String name = sent.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    StringBuilder clean = new StringBuilder();
    name.codePoints().filter(c -> !Character.isISOControl(c)).forEach(clean::appendCodePoint);
    String result = clean.toString().strip();
    if (result.length() > 255) {
      int dot = result.lastIndexOf('.');
      String extension = dot > 0 && result.length() - dot <= 10 ? result.substring(dot) : "";
      result = result.substring(0, 255 - extension.length()) + extension;
    }
    return result.isEmpty() || result.equals(".") || result.equals("..") ? "upload" : result;
  }

  /** A part Quarkus kept in memory, written to a temporary file. */
  private static Path copy(FileItem item) {
    try {
      Path file = Files.createTempFile("feder-upload", ".part");
      item.write(file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
