package dev.feder.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** An OpenAPI document as a JSON tree, for tests that read the spec itself. */
public final class OpenApiDocument {

  /** The committed spec, which the tests check to be exactly what the code generates. */
  public static final Path COMMITTED = Path.of("openapi/openapi.json");

  private static final String SCHEMAS = "#/components/schemas/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private final JsonNode root;
  private final List<Operation> operations = new ArrayList<>();

  /** One operation: its method in lower case, its path template and its object. */
  public record Operation(String method, String path, JsonNode node, Pattern matcher) {

    /** {@code GET /api/v1/articles/{id}} */
    public String label() {
      return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    public String id() {
      return node.path("operationId").asText();
    }
  }

  private OpenApiDocument(JsonNode root) {
    this.root = root;
    for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      Pattern matcher = Pattern.compile(path.getKey().replaceAll("\\{[^}]+}", "[^/]+"));
      for (String method : METHODS) {
        if (path.getValue().has(method)) {
          operations.add(
              new Operation(method, path.getKey(), path.getValue().get(method), matcher));
        }
      }
    }
  }

  /** The committed spec. */
  public static OpenApiDocument committed() {
    try {
      return parse(Files.readString(COMMITTED));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static OpenApiDocument parse(String json) {
    try {
      return new OpenApiDocument(JSON.readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public JsonNode root() {
    return root;
  }

  public List<Operation> operations() {
    return operations;
  }

  /**
   * The operation that serves a request: of those whose template matches the path, the one with the
   * most literal characters ({@code /articles/slug/{slug}} before {@code /articles/{id}}).
   */
  public Optional<Operation> operation(String method, String path) {
    return operations.stream()
        .filter(op -> op.method.equalsIgnoreCase(method) && op.matcher.matcher(path).matches())
        .max(Comparator.comparingInt(op -> op.path.replaceAll("\\{[^}]+}", "").length()));
  }

  /** The component schema of this name. */
  public JsonNode schema(String name) {
    return root.path("components").path("schemas").path(name);
  }

  /** Follows {@code $ref} (to any part of the document) until a node without one. */
  public JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current != null && current.has("$ref"); hops++) {
      if (hops > 20) {
        throw new IllegalStateException("$ref cycle at " + node);
      }
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        throw new IllegalStateException("External $ref " + ref);
      }
      current = root.at(ref.substring(1));
    }
    return current;
  }

  /** The name of the component schema a node refers to, or null. */
  public static String schemaName(JsonNode node) {
    String ref = node.path("$ref").asText("");
    return ref.startsWith(SCHEMAS) ? ref.substring(SCHEMAS.length()) : null;
  }

  /** The version in {@code info}. */
  public String version() {
    return root.path("info").path("version").asText();
  }
}
