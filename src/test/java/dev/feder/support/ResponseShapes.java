package dev.feder.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feder.web.SparseFields;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Records, per schema of the committed spec, which fields the JSON responses of a test held: every
 * object in a response is matched with the schema the spec declares for it (through {@code $ref},
 * properties and array items). From that a test can tell which fields were sent every time, and
 * compare with what the spec marks {@code required}. Answers to sparse fieldsets ({@code fields=…})
 * leave fields out by request and are not recorded.
 */
public final class ResponseShapes implements OrderedFilter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OpenApiDocument spec;
  private final Map<String, Shape> shapes = new TreeMap<>();

  /** How often objects of one schema were seen, and how often each field was in them. */
  private static final class Shape {
    int seen;
    final Map<String, Integer> present = new TreeMap<>();
  }

  public ResponseShapes(OpenApiDocument spec) {
    this.spec = spec;
  }

  @Override
  public Response filter(
      FilterableRequestSpecification request,
      FilterableResponseSpecification responseSpec,
      FilterContext context) {
    Response response = context.next(request, responseSpec);
    String type = response.getContentType() == null ? "" : response.getContentType();
    if (type.contains("json") && !request.getQueryParams().containsKey(SparseFields.PARAMETER)) {
      String path = URI.create(request.getURI()).getRawPath();
      spec.operation(request.getMethod(), path)
          .ifPresent(op -> record(op, response.getStatusCode(), type, response.asString()));
    }
    return response;
  }

  @Override
  public int getOrder() {
    return OrderedFilter.LOWEST_PRECEDENCE;
  }

  private void record(OpenApiDocument.Operation op, int status, String contentType, String body) {
    JsonNode declared = spec.resolve(op.node().path("responses").path(String.valueOf(status)));
    String mediaType = contentType.split(";")[0].trim();
    JsonNode schema = declared.path("content").path(mediaType).path("schema");
    if (schema.isMissingNode()) {
      return;
    }
    try {
      walk(JSON.readTree(body), schema, op.id() + "." + status);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void walk(JsonNode value, JsonNode declared, String inlineName) {
    String name = OpenApiDocument.schemaName(declared);
    JsonNode schema = spec.resolve(declared);
    String shapeName = name != null ? name : inlineName;
    for (String composite : List.of("anyOf", "oneOf")) {
      for (JsonNode branch : schema.path(composite)) {
        if (!"null".equals(branch.path("type").asText()) && !value.isNull()) {
          walk(value, branch, shapeName);
          return;
        }
      }
    }
    if (value.isObject() && schema.has("properties")) {
      Shape shape = shapes.computeIfAbsent(shapeName, n -> new Shape());
      shape.seen++;
      for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode property = schema.path("properties").get(field.getKey());
        if (property != null) {
          shape.present.merge(field.getKey(), 1, Integer::sum);
          walk(field.getValue(), property, shapeName + "." + field.getKey());
        }
      }
    } else if (value.isArray() && schema.has("items")) {
      for (JsonNode item : value) {
        walk(item, schema.get("items"), inlineName + "[]");
      }
    }
  }

  /**
   * Fields the spec leaves optional although every object of their schema that the test saw held
   * them, as {@code Schema.field (seen n times)}.
   */
  public List<String> alwaysSentButOptional() {
    List<String> found = new ArrayList<>();
    shapes.forEach(
        (name, shape) -> {
          JsonNode schema = schemaOfShape(name);
          Set<String> required = new HashSet<>();
          schema.path("required").forEach(r -> required.add(r.asText()));
          shape.present.forEach(
              (field, count) -> {
                if (count == shape.seen && !required.contains(field)) {
                  found.add(name + "." + field + " (in all " + shape.seen + ")");
                }
              });
        });
    return found;
  }

  /** The schemas that objects of this test were matched with. */
  public Set<String> seen() {
    return new TreeSet<>(shapes.keySet());
  }

  /**
   * The component schemas with properties that successful JSON responses of the spec can hold, at
   * any depth: what a test of the response shapes must see.
   */
  public Set<String> responseSchemas() {
    Set<String> found = new TreeSet<>();
    Deque<JsonNode> todo = new ArrayDeque<>();
    for (OpenApiDocument.Operation op : spec.operations()) {
      for (Iterator<Map.Entry<String, JsonNode>> responses = op.node().path("responses").fields();
          responses.hasNext(); ) {
        Map.Entry<String, JsonNode> response = responses.next();
        if (response.getKey().startsWith("2")) {
          spec.resolve(response.getValue())
              .path("content")
              .forEach(media -> todo.add(media.path("schema")));
        }
      }
    }
    Set<JsonNode> visited = new HashSet<>();
    while (!todo.isEmpty()) {
      JsonNode declared = todo.pop();
      String name = OpenApiDocument.schemaName(declared);
      JsonNode schema = spec.resolve(declared);
      if (!visited.add(schema)) {
        continue;
      }
      if (name != null && schema.has("properties")) {
        found.add(name);
      }
      schema.path("properties").forEach(todo::add);
      if (schema.has("items")) {
        todo.add(schema.get("items"));
      }
      schema.path("anyOf").forEach(todo::add);
      schema.path("oneOf").forEach(todo::add);
      schema.path("allOf").forEach(todo::add);
    }
    return found;
  }

  private JsonNode schemaOfShape(String name) {
    JsonNode component = spec.schema(name);
    if (!component.isMissingNode()) {
      return component;
    }
    throw new IllegalStateException(
        "Objects of an inline schema (" + name + "): give it a name of its own");
  }
}
