package dev.feder.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/**
 * What makes two requests the same request: method, path, query and body. The body counts as the
 * resource method received it: JSON as Jackson writes the object it was read into (so whitespace,
 * field order and ignored read-only fields do not matter), a multipart form by its parts' names,
 * file names, types and contents (so a new boundary on a retry does not matter either).
 */
final class RequestFingerprint {

  /** The index of each resource method's body parameter, -1 for none. */
  private static final Map<Method, Integer> BODY_PARAMETER = new ConcurrentHashMap<>();

  private final MessageDigest digest;

  private RequestFingerprint() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  /** The SHA-256 fingerprint of a request to {@code method} with these arguments. */
  static byte[] of(
      String httpMethod,
      String path,
      String query,
      Method method,
      Object[] arguments,
      ObjectMapper mapper) {
    RequestFingerprint fingerprint = new RequestFingerprint();
    fingerprint.add(httpMethod).add(path).add(query == null ? "" : query);
    int body = BODY_PARAMETER.computeIfAbsent(method, RequestFingerprint::bodyParameter);
    fingerprint.addBody(body < 0 ? null : arguments[body], mapper);
    return fingerprint.digest.digest();
  }

  /** The one parameter that JAX-RS fills from the body: the one without a parameter annotation. */
  private static int bodyParameter(Method method) {
    Annotation[][] annotations = method.getParameterAnnotations();
    for (int i = 0; i < annotations.length; i++) {
      boolean fromElsewhere = false;
      for (Annotation annotation : annotations[i]) {
        String origin = annotation.annotationType().getPackageName();
        fromElsewhere |=
            origin.startsWith("jakarta.ws.rs") || origin.startsWith("org.jboss.resteasy.reactive");
      }
      if (!fromElsewhere) {
        return i;
      }
    }
    return -1;
  }

  private void addBody(Object body, ObjectMapper mapper) {
    if (body == null) {
      add("none");
    } else if (body instanceof MultipartFormDataInput form) {
      add("multipart");
      Map<String, Collection<FormValue>> parts = new TreeMap<>(form.getValues());
      parts.forEach(
          (name, values) -> {
            add(name);
            values.forEach(this::addPart);
          });
    } else {
      try {
        add("json").add(mapper.writeValueAsBytes(body));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("A request body that Jackson read cannot be written", e);
      }
    }
  }

  private void addPart(FormValue value) {
    String type = value.getHeaders() == null ? null : value.getHeaders().getFirst("Content-Type");
    add(value.getFileName() == null ? "" : value.getFileName()).add(type == null ? "" : type);
    if (!value.isFileItem()) {
      add(value.getValue() == null ? "" : value.getValue());
      return;
    }
    try (InputStream content = value.getFileItem().getInputStream()) {
      MessageDigest file = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      for (int read; (read = content.read(buffer)) >= 0; ) {
        file.update(buffer, 0, read);
      }
      add(file.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private RequestFingerprint add(String value) {
    return add(value.getBytes(StandardCharsets.UTF_8));
  }

  /** Each field with its length first, so that no two sequences of fields digest alike. */
  private RequestFingerprint add(byte[] value) {
    digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(value.length).array());
    digest.update(value);
    return this;
  }
}
