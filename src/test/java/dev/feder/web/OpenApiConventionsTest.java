package dev.feder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.feder.support.OpenApiDocument;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * The committed spec keeps the promises of the API conventions ("The spec" in the contract) that
 * typed clients depend on; each test names the places that break one.
 */
class OpenApiConventionsTest {

  private static final OpenApiDocument SPEC = OpenApiDocument.committed();

  /**
   * Objects that read exactly as they are written, so one schema serves both ways: parts of an
   * article's state as a revision returns it, a reference to an asset, a focal point.
   */
  private static final Set<String> VALUE_OBJECTS =
      Set.of("Source", "Seo", "AssetReference", "FocalPoint");

  @Test
  void requestBodiesStateDefaultsInDescriptionsNotAsSchemaDefaults() {
    // openapi-typescript (and other generators) turn a property with a default into a required
    // one, so a client would have to send what it may leave out.
    List<String> defaults = new ArrayList<>();
    walk(
        bodySchemas("requestBody"),
        (where, schema) -> {
          if (schema.has("default")) {
            defaults.add(where);
          }
        });
    assertEquals(List.of(), defaults, "Say these defaults in the description instead");
  }

  @Test
  void filesAndRenditionsAreBinaryBodiesOfTheirMediaTypes() {
    Map<String, List<String>> types =
        Map.of(
            "getAssetFile",
            List.of("image/jpeg", "image/png", "image/webp", "image/gif", "application/pdf"),
            "getAssetImage",
            List.of("image/webp", "image/jpeg", "image/png"));
    List<String> seen = new ArrayList<>();
    for (OpenApiDocument.Operation operation : SPEC.operations()) {
      List<String> expected = types.get(operation.id());
      if (expected == null) {
        continue;
      }
      seen.add(operation.id());
      for (String status : List.of("200", "206")) {
        JsonNode content = operation.node().path("responses").path(status).path("content");
        List<String> declared = new ArrayList<>();
        content.fieldNames().forEachRemaining(declared::add);
        assertEquals(expected, declared, operation.id() + " " + status);
        for (String type : declared) {
          assertEquals("binary", content.path(type).path("schema").path("format").asText());
        }
      }
    }
    assertEquals(Set.copyOf(types.keySet()), Set.copyOf(seen), "operations found");
    // The marker ApiConventions reads (BINARY_TYPES) is not part of the document.
    assertFalse(SPEC.root().toString().contains(ApiConventions.BINARY_TYPES));
  }

  @Test
  void responsesNeverDeclareNull() {
    // Jackson leaves null fields out (serialization-inclusion=non-null): absent, never null.
    List<String> nulls = new ArrayList<>();
    walk(
        bodySchemas("responses"),
        (where, schema) -> {
          if (schema.path("type").toString().contains("\"null\"")
              || schema.path("anyOf").toString().contains("{\"type\":\"null\"}")
              || schema.path("nullable").asBoolean()) {
            nulls.add(where);
          }
        });
    assertEquals(List.of(), nulls, "Feder leaves null fields out of responses");
  }

  @Test
  void inputAndOutputSchemasAreSeparate() {
    Set<String> shared = named(bodySchemas("requestBody"));
    shared.retainAll(named(bodySchemas("responses")));
    shared.removeIf(name -> !SPEC.schema(name).has("properties"));
    assertEquals(
        new TreeSet<>(VALUE_OBJECTS),
        shared,
        "Object schemas in both requests and responses: give the response its own schema (it"
            + " marks what is always sent as required, the input leaves it optional)");
    List<String> serverOwned = new ArrayList<>();
    for (OpenApiDocument.Operation op : SPEC.operations()) {
      for (JsonNode media : op.node().path("requestBody").path("content")) {
        JsonNode schema = SPEC.resolve(media.path("schema"));
        for (String field : List.of("id", "createdAt", "updatedAt")) {
          if (schema.path("properties").has(field)) {
            serverOwned.add(op.label() + " " + field);
          }
        }
      }
    }
    assertEquals(List.of(), serverOwned, "Request bodies never take server-owned fields");
  }

  @Test
  void everyRequestAndResponseBodyHasAnExample() {
    List<String> missing = new ArrayList<>();
    for (OpenApiDocument.Operation op : SPEC.operations()) {
      forEachBody(
          op,
          (where, media) -> {
            // A file or an image is bytes: no JSON example can show one.
            boolean binary =
                "binary".equals(SPEC.resolve(media.path("schema")).path("format").asText());
            boolean example =
                binary
                    || media.has("example")
                    || media.has("examples")
                    || SPEC.resolve(media.path("schema")).has("examples");
            if (!example) {
              missing.add(where);
            }
          });
    }
    assertEquals(List.of(), missing, "Give these bodies an example (on the schema or the body)");
  }

  @Test
  void examplesMatchTheirSchemas() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    OpenAPI api =
        new OpenAPIV3Parser()
            .readLocation(OpenApiDocument.COMMITTED.toString(), null, options)
            .getOpenAPI();
    SchemaValidator validator = new SchemaValidator(api, new MessageResolver());
    List<String> invalid = new ArrayList<>();
    for (Map.Entry<String, Schema> component : api.getComponents().getSchemas().entrySet()) {
      Schema<?> schema = component.getValue();
      check(validator, component.getKey(), schema, schema.getExamples(), invalid);
      Map<String, Schema> properties = schema.getProperties();
      if (properties != null) {
        for (Map.Entry<String, Schema> property : properties.entrySet()) {
          check(
              validator,
              component.getKey() + "." + property.getKey(),
              property.getValue(),
              property.getValue().getExamples(),
              invalid);
        }
      }
    }
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, op) -> {
                          String label = method + " " + path;
                          if (op.getRequestBody() != null) {
                            examples(
                                validator,
                                label + " request",
                                op.getRequestBody().getContent(),
                                invalid);
                          }
                          op.getResponses()
                              .forEach(
                                  (status, response) ->
                                      examples(
                                          validator,
                                          label + " " + status,
                                          resolve(api, response).getContent(),
                                          invalid));
                        }));
    assertEquals(List.of(), invalid, "Examples must be valid instances of their schemas");
  }

  @Test
  void commaListParametersAreStrings() {
    List<String> wrong = new ArrayList<>();
    for (OpenApiDocument.Operation op : SPEC.operations()) {
      for (JsonNode reference : op.node().path("parameters")) {
        JsonNode parameter = SPEC.resolve(reference);
        String name = parameter.path("name").asText();
        if ((name.equals("fields") || name.equals("sort"))
            && !"string".equals(SPEC.resolve(parameter.path("schema")).path("type").asText())) {
          wrong.add(op.label() + " " + name);
        }
      }
    }
    assertEquals(List.of(), wrong, "Comma lists are one string (fields=id,slug), not arrays");
  }

  @Test
  void enumValuesAreWrittenAsSerialized() {
    List<String> wrong = new ArrayList<>();
    walk(
        allSchemas(),
        (where, schema) ->
            schema
                .path("enum")
                .forEach(
                    value -> {
                      // Lower-case words, event types named resource.verb
                      // (article.published); media types (image/jpeg) and the names of JSON
                      // fields (featuredImage) are written as they are on the wire too.
                      if (!value.isNull()
                          && !value.asText().matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)?")
                          && !value.asText().matches("[a-z][a-z0-9-]*(/[a-z0-9.+*-]+)?")
                          && !value.asText().matches("[a-z]+([A-Z][a-z0-9]+)+")) {
                        wrong.add(where + " " + value);
                      }
                    }));
    assertEquals(List.of(), wrong, "Feder serializes enums in lower case ('published')");
  }

  @Test
  void everySchemaHasAType() {
    List<String> untyped = new ArrayList<>();
    walk(
        allSchemas(),
        (where, schema) -> {
          boolean typed =
              schema.has("type")
                  || schema.has("$ref")
                  || schema.has("enum")
                  || schema.has("const")
                  || schema.has("anyOf")
                  || schema.has("oneOf")
                  || schema.has("allOf");
          boolean openObject =
              !schema.has("$ref")
                  && schema.path("type").toString().contains("object")
                  && !schema.has("properties")
                  && !schema.path("additionalProperties").isObject();
          if (!typed || openObject) {
            untyped.add(where);
          }
        });
    assertEquals(List.of(), untyped, "Describe the shape: no untyped values or open objects");
  }

  @Test
  void problemsAreProblemDocuments() {
    List<String> wrong = new ArrayList<>();
    for (OpenApiDocument.Operation op : SPEC.operations()) {
      for (Iterator<Map.Entry<String, JsonNode>> responses = op.node().path("responses").fields();
          responses.hasNext(); ) {
        Map.Entry<String, JsonNode> response = responses.next();
        if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
          JsonNode content = SPEC.resolve(response.getValue()).path("content");
          JsonNode problem = content.path("application/problem+json").path("schema");
          if (content.size() != 1 || !"Problem".equals(OpenApiDocument.schemaName(problem))) {
            wrong.add(op.label() + " " + response.getKey());
          }
        }
      }
    }
    assertEquals(List.of(), wrong, "Errors are application/problem+json with the Problem schema");
  }

  private static void check(
      SchemaValidator validator,
      String where,
      Schema<?> schema,
      List<?> examples,
      List<String> invalid) {
    if (examples == null) {
      return;
    }
    for (Object example : examples) {
      ValidationReport report;
      try {
        // The validator quotes a string value itself.
        String value =
            example instanceof String text ? text : Json.mapper().writeValueAsString(example);
        report = validator.validate(value, schema, "example");
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new AssertionError(e);
      }
      if (report.hasErrors()) {
        invalid.add(where + ": " + report.getMessages());
      }
    }
  }

  private static void examples(
      SchemaValidator validator,
      String where,
      io.swagger.v3.oas.models.media.Content content,
      List<String> invalid) {
    if (content == null) {
      return;
    }
    for (Map.Entry<String, MediaType> media : content.entrySet()) {
      Schema<?> schema = media.getValue().getSchema();
      List<Object> values = new ArrayList<>();
      if (media.getValue().getExample() != null) {
        values.add(media.getValue().getExample());
      }
      if (media.getValue().getExamples() != null) {
        media.getValue().getExamples().values().forEach(e -> values.add(e.getValue()));
      }
      if (schema != null && !media.getKey().endsWith("xml")) {
        check(validator, where + " " + media.getKey(), schema, values, invalid);
      }
    }
  }

  private static ApiResponse resolve(OpenAPI api, ApiResponse response) {
    if (response.get$ref() == null) {
      return response;
    }
    String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
    return api.getComponents().getResponses().get(name);
  }

  /** The schemas of every request body ({@code requestBody}) or response ({@code responses}). */
  private static List<Located> bodySchemas(String part) {
    List<Located> found = new ArrayList<>();
    for (OpenApiDocument.Operation op : SPEC.operations()) {
      forEachBody(
          op,
          (where, media) -> {
            if (where.contains(" request ") == part.equals("requestBody")) {
              found.add(new Located(where, media.path("schema")));
            }
          });
    }
    return found;
  }

  private static List<Located> allSchemas() {
    List<Located> found = new ArrayList<>();
    SPEC.root()
        .path("components")
        .path("schemas")
        .fields()
        .forEachRemaining(e -> found.add(new Located(e.getKey(), e.getValue())));
    for (OpenApiDocument.Operation op : SPEC.operations()) {
      for (JsonNode reference : op.node().path("parameters")) {
        // A shared parameter (Idempotency-Key) is a $ref to components/parameters.
        JsonNode parameter = SPEC.resolve(reference);
        found.add(
            new Located(
                op.label() + " " + parameter.path("name").asText(), parameter.path("schema")));
      }
      forEachBody(op, (where, media) -> found.add(new Located(where, media.path("schema"))));
    }
    return found;
  }

  /** Every body of an operation, as {@code (where, media type object)}. */
  private static void forEachBody(OpenApiDocument.Operation op, BiConsumer<String, JsonNode> each) {
    op.node()
        .path("requestBody")
        .path("content")
        .fields()
        .forEachRemaining(m -> each.accept(op.label() + " request " + m.getKey(), m.getValue()));
    op.node()
        .path("responses")
        .fields()
        .forEachRemaining(
            r ->
                SPEC.resolve(r.getValue())
                    .path("content")
                    .fields()
                    .forEachRemaining(
                        m ->
                            each.accept(
                                op.label() + " " + r.getKey() + " " + m.getKey(), m.getValue())));
  }

  private record Located(String where, JsonNode schema) {}

  /** Visits each schema reachable from these, once per component schema. */
  private static void walk(List<Located> roots, BiConsumer<String, JsonNode> visit) {
    Deque<Located> todo = new ArrayDeque<>(roots);
    Set<String> components = new HashSet<>();
    while (!todo.isEmpty()) {
      Located next = todo.pop();
      JsonNode schema = next.schema();
      visit.accept(next.where(), schema);
      String name = OpenApiDocument.schemaName(schema);
      if (name != null && components.add(name)) {
        todo.push(new Located(name, SPEC.schema(name)));
      }
      schema
          .path("properties")
          .fields()
          .forEachRemaining(
              p -> todo.push(new Located(next.where() + "." + p.getKey(), p.getValue())));
      if (schema.has("items")) {
        todo.push(new Located(next.where() + "[]", schema.get("items")));
      }
      for (String composite : List.of("anyOf", "oneOf", "allOf")) {
        schema.path(composite).forEach(b -> todo.push(new Located(next.where(), b)));
      }
      if (schema.path("additionalProperties").isObject()) {
        todo.push(new Located(next.where() + "{}", schema.get("additionalProperties")));
      }
    }
  }

  /** The component schemas reachable from these. */
  private static Set<String> named(List<Located> roots) {
    Set<String> names = new TreeSet<>();
    Deque<JsonNode> todo = new ArrayDeque<>();
    roots.forEach(r -> todo.push(r.schema()));
    while (!todo.isEmpty()) {
      JsonNode schema = todo.pop();
      String name = OpenApiDocument.schemaName(schema);
      if (name != null) {
        if (names.add(name)) {
          todo.push(SPEC.schema(name));
        }
        continue;
      }
      schema.path("properties").forEach(todo::push);
      if (schema.has("items")) {
        todo.push(schema.get("items"));
      }
      for (String composite : List.of("anyOf", "oneOf", "allOf")) {
        schema.path(composite).forEach(todo::push);
      }
    }
    return names;
  }
}
