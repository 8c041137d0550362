package dev.feder.idempotency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.multipart.FileItem;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;
import org.junit.jupiter.api.Test;

/**
 * Which requests count as the same: the body as the resource method received it, so that what a
 * retry may change on the wire (JSON whitespace, a multipart boundary, the order of parts) does not
 * matter, and anything the server acts on does.
 */
class RequestFingerprintTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A record body, as a JSON create takes it. */
  record Input(String name, Integer size) {}

  /** Resource methods of the shapes Feder has. */
  @SuppressWarnings("unused")
  static class Shapes {
    void json(@PathParam("id") String id, Input body, @Context UriInfo uri) {}

    void upload(MultipartFormDataInput form, @Context UriInfo uri) {}

    void none(@PathParam("id") String id) {}
  }

  private static Method shape(String name) {
    return Arrays.stream(Shapes.class.getDeclaredMethods())
        .filter(method -> method.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static byte[] json(String path, Input body) {
    return RequestFingerprint.of(
        "POST", path, null, shape("json"), new Object[] {"x", body, null}, MAPPER);
  }

  private static byte[] upload(MultipartFormDataInput form) {
    return RequestFingerprint.of(
        "POST", "/api/v1/assets", null, shape("upload"), new Object[] {form, null}, MAPPER);
  }

  @Test
  void equalBodiesOnTheSamePathAreTheSameRequest() {
    assertArrayEquals(json("/a", new Input("Welt", 3)), json("/a", new Input("Welt", 3)));
  }

  @Test
  void anotherBodyPathMethodOrQueryIsAnotherRequest() {
    byte[] first = json("/a", new Input("Welt", 3));
    assertFalse(Arrays.equals(first, json("/a", new Input("Welt", 4))));
    assertFalse(Arrays.equals(first, json("/a", new Input("Welt", null))));
    assertFalse(Arrays.equals(first, json("/b", new Input("Welt", 3))));
    Object[] arguments = {"x", new Input("Welt", 3), null};
    assertFalse(
        Arrays.equals(
            first, RequestFingerprint.of("PUT", "/a", null, shape("json"), arguments, MAPPER)));
    assertFalse(
        Arrays.equals(
            first, RequestFingerprint.of("POST", "/a", "x=1", shape("json"), arguments, MAPPER)));
  }

  @Test
  void fieldsCannotBeShiftedIntoOneAnother() {
    assertFalse(
        Arrays.equals(
            RequestFingerprint.of("POST", "/ab", "", shape("none"), new Object[] {"x"}, MAPPER),
            RequestFingerprint.of("POST", "/a", "b", shape("none"), new Object[] {"x"}, MAPPER)));
  }

  @Test
  void aMethodWithoutBodyIsFingerprintedByItsPath() {
    assertArrayEquals(
        RequestFingerprint.of("POST", "/a", null, shape("none"), new Object[] {"1"}, MAPPER),
        RequestFingerprint.of("POST", "/a", null, shape("none"), new Object[] {"2"}, MAPPER));
  }

  @Test
  void aFormIsTheSameWhateverOrderItsPartsCameIn() {
    Map<String, Collection<FormValue>> ordered = new LinkedHashMap<>();
    ordered.put("file", List.of(file("hafen.jpg", "image/jpeg", "JPEG-Bytes")));
    ordered.put("title", List.of(text("Hafen")));
    Map<String, Collection<FormValue>> reversed = new LinkedHashMap<>();
    reversed.put("title", List.of(text("Hafen")));
    reversed.put("file", List.of(file("hafen.jpg", "image/jpeg", "JPEG-Bytes")));

    assertArrayEquals(upload(() -> ordered), upload(() -> reversed));
  }

  @Test
  void aFormWithOtherContentNameOrTextIsAnotherRequest() {
    byte[] first = upload(() -> Map.of("file", List.of(file("a.jpg", "image/jpeg", "eins"))));
    assertFalse(
        Arrays.equals(
            first, upload(() -> Map.of("file", List.of(file("a.jpg", "image/jpeg", "zwei"))))));
    assertFalse(
        Arrays.equals(
            first, upload(() -> Map.of("file", List.of(file("b.jpg", "image/jpeg", "eins"))))));
    assertFalse(
        Arrays.equals(
            first,
            upload(
                () ->
                    Map.of(
                        "file",
                        List.of(file("a.jpg", "image/jpeg", "eins")),
                        "alt",
                        List.of(text("Kräne"))))));
  }

  private static FormValue text(String value) {
    return new Part(value, null, null, null);
  }

  private static FormValue file(String name, String type, String content) {
    return new Part(null, name, type, content.getBytes(StandardCharsets.UTF_8));
  }

  /** A part of a form as Quarkus hands it over: text, or a file with a name and a type. */
  private record Part(String value, String fileName, String type, byte[] content)
      implements FormValue {

    @Override
    public String getValue() {
      return value;
    }

    @Override
    public String getCharset() {
      return StandardCharsets.UTF_8.name();
    }

    @Override
    public FileItem getFileItem() {
      return new FileItem() {
        @Override
        public boolean isInMemory() {
          return true;
        }

        @Override
        public Path getFile() {
          return null;
        }

        @Override
        public long getFileSize() {
          return content.length;
        }

        @Override
        public InputStream getInputStream() {
          return new ByteArrayInputStream(content);
        }

        @Override
        public void delete() {}

        @Override
        public void write(Path target) {}
      };
    }

    @Override
    public boolean isFileItem() {
      return content != null;
    }

    @Override
    public String getFileName() {
      return fileName;
    }

    @Override
    public MultivaluedMap<String, String> getHeaders() {
      MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
      if (type != null) {
        headers.putSingle("Content-Type", type);
      }
      return headers;
    }
  }
}
