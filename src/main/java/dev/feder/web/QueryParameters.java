package dev.feder.web;

import dev.feder.error.Problem;
import dev.feder.error.ProblemException;
import dev.feder.error.ProblemType;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses query parameters that the operation does not take, and a parameter given more than once,
 * with a 400 naming them, before the resource runs. So no unknown parameter (an {@code
 * access_token}, a cache-busting nonce) is ever reflected in links or kept apart in the response
 * cache, and no value list grows without bound. Each operation's parameters are read from its
 * resource method (its {@code @QueryParam}s, also those in {@code @BeanParam} classes) once, so a
 * parameter added to a method is accepted at once.
 */
public class QueryParameters {

  /** At most this many problems are listed; the detail counts them all. */
  private static final int MAX_LISTED = 10;

  /** Longer names are cut short in the answer. */
  private static final int MAX_NAME = 64;

  private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

  @ServerRequestFilter
  public void check(HttpServerRequest http, ResourceInfo resource) {
    Method method = resource == null ? null : resource.getResourceMethod();
    String query = http.query();
    if (method == null || query == null || query.isEmpty()) {
      return;
    }
    Set<String> allowed = known.computeIfAbsent(method, QueryParameters::declared);
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String part : query.split("&", -1)) {
      if (part.isEmpty()) {
        continue;
      }
      int equals = part.indexOf('=');
      String name = decode(equals < 0 ? part : part.substring(0, equals));
      decode(equals < 0 ? "" : part.substring(equals + 1));
      counts.merge(name, 1, Integer::sum);
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    int unknown = 0;
    for (Map.Entry<String, Integer> entry : counts.entrySet()) {
      String name = entry.getKey();
      if (!allowed.contains(name)) {
        unknown++;
        errors.add(
            new Problem.FieldError(
                shortened(name),
                allowed.isEmpty()
                    ? "unknown parameter; this operation takes none"
                    : "unknown parameter; this operation takes: " + String.join(", ", allowed)));
      } else if (entry.getValue() > 1) {
        errors.add(
            new Problem.FieldError(name, "given " + entry.getValue() + " times; send it once"));
      }
    }
    if (errors.isEmpty()) {
      return;
    }
    String detail =
        unknown == errors.size()
            ? (unknown == 1
                ? "Unknown parameter '" + errors.get(0).field() + "'"
                : unknown + " unknown parameters")
            : errors.size() == 1
                ? "Parameter '" + errors.get(0).field() + "' is given more than once"
                : errors.size() + " parameters are unknown or given more than once";
    throw new ProblemException(
        ProblemType.BAD_PARAMETER,
        detail,
        errors.size() > MAX_LISTED ? List.copyOf(errors.subList(0, MAX_LISTED)) : errors);
  }

  /** The query parameters a resource method takes, in alphabetical order. */
  static Set<String> declared(Method method) {
    Set<String> names = new TreeSet<>();
    for (Parameter parameter : method.getParameters()) {
      collect(parameter, parameter.getName(), parameter.getType(), names);
    }
    return Collections.unmodifiableSet(names);
  }

  private static void collect(
      AnnotatedElement element, String javaName, Class<?> type, Set<String> names) {
    QueryParam query = element.getAnnotation(QueryParam.class);
    RestQuery restQuery = element.getAnnotation(RestQuery.class);
    if (query != null) {
      names.add(query.value());
    } else if (restQuery != null) {
      names.add(restQuery.value().isEmpty() ? javaName : restQuery.value());
    } else if (element.isAnnotationPresent(BeanParam.class)) {
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          collect(field, field.getName(), field.getType(), names);
        }
        for (Method setter : c.getDeclaredMethods()) {
          if (setter.getParameterCount() == 1) {
            collect(setter, setter.getName(), setter.getParameterTypes()[0], names);
          }
        }
      }
    }
  }

  /** Decodes a percent-encoded part of the query; malformed encoding is a 400. */
  static String decode(String raw) {
    if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int high = i + 2 < raw.length() ? hex(raw.charAt(i + 1)) : -1;
        int low = high < 0 ? -1 : hex(raw.charAt(i + 2));
        if (low < 0) {
          throw malformed();
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else {
        byte[] plain = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(plain, 0, plain.length);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw malformed();
    }
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  private static ProblemException malformed() {
    return new ProblemException(
        ProblemType.BAD_PARAMETER,
        "The query is not valid percent-encoded UTF-8",
        List.of(new Problem.FieldError("(query)", "percent-encode UTF-8 bytes as %XX")));
  }

  private static String shortened(String name) {
    return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME) + "…";
  }
}
