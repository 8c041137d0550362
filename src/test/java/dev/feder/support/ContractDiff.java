package dev.feder.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.BackwardIncompatibleProp;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * What changed in the API contract between a released OpenAPI document and the current one.
 *
 * <p>openapi-diff classifies the changes as compatible or breaking for clients. It reads OpenAPI
 * 3.1 only in part (through swagger-parser, array schemas of a 3.1 document are not array schemas
 * to it, so a changed item type goes unnoticed), so both documents are compared as OpenAPI 3.0
 * ({@link #forComparison}), which holds everything in Feder's spec that the comparison looks at. On
 * top of openapi-diff's rules, a field removed from a response is breaking too (frontends render
 * the optional fields they read), and so is a new operationId.
 *
 * <p>{@link #changes()} lists the changes in a stable form for the API changelog: operations added,
 * removed and changed (which of their parameters, request body, responses or security), and
 * component schemas added, removed and changed (which fields), leaving out descriptions and
 * examples.
 */
public final class ContractDiff {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Keywords that describe rather than constrain: changing them changes no client. */
  private static final Set<String> PROSE = Set.of("description", "examples", "example");

  /**
   * Breaking beyond openapi-diff's defaults: a new operationId (generators name client methods
   * after it) and a longer minimum length of a request field. New values of an enum that responses
   * send are told apart by {@link #grownResponseEnums} instead, which knows the open ones.
   */
  private static final OpenApiDiffOptions OPTIONS =
      OpenApiDiffOptions.builder()
          .configProperty(
              BackwardIncompatibleProp.RESPONSE_ENUM_INCREASED.getPropertyName(), "false")
          .configProperty(BackwardIncompatibleProp.OPERATION_ID_CHANGED.getPropertyName(), "true")
          .configProperty(
              BackwardIncompatibleProp.REQUEST_MIN_LENGTH_INCREASED.getPropertyName(), "true")
          .configProperty(
              BackwardIncompatibleProp.RESPONSE_ENUM_INCREASED.getPropertyName(), "false")
          .build();

  /**
   * Response enums that are open lists, so that a new value is compatible: the audit log's kinds of
   * change and of entity grow with every audited feature, and the event types and kinds of content
   * of the changes feed and the webhooks with every kind of content that gets events; their schemas
   * say that clients must expect values they do not know. A new value of any other enum that a
   * response sends (an article's status, say) is breaking.
   */
  private static final Set<String> OPEN_ENUMS =
      Set.of("AuditAction", "AuditEntityType", "EntityKind", "EventType");

  private final ChangedOpenApi diff;
  private final JsonNode releasedSchemas;
  private final JsonNode currentSchemas;
  private final JsonNode currentPaths;
  private final JsonNode currentResponses;

  private static final String SCHEMA_REF = "#/components/schemas/";
  private static final String RESPONSE_REF = "#/components/responses/";

  private ContractDiff(String released, String current) {
    this.diff =
        OpenApiCompare.fromContents(
            forComparison(released), forComparison(current), List.of(), OPTIONS);
    this.releasedSchemas = tree(released).path("components").path("schemas");
    this.currentSchemas = tree(current).path("components").path("schemas");
    this.currentPaths = tree(current).path("paths");
    this.currentResponses = tree(current).path("components").path("responses");
  }

  /** Compares the released document with the current one, both OpenAPI 3.1 as JSON. */
  public static ContractDiff between(String released, String current) {
    return new ContractDiff(released, current);
  }

  /** Whether nothing a client relies on changed (descriptions and examples aside). */
  public boolean unchanged() {
    return changes().isEmpty();
  }

  /** The changes that break clients of the released document, one line each. */
  public List<String> breakingChanges() {
    List<String> breaking = new ArrayList<>();
    for (Endpoint removed : diff.getMissingEndpoints()) {
      breaking.add(label(removed) + " removed");
    }
    for (ChangedOperation operation : sorted(diff.getChangedOperations(), ContractDiff::label)) {
      List<String> parts = parts(operation, true);
      if (!parts.isEmpty()) {
        breaking.add(label(operation) + ": " + String.join(", ", parts));
      }
      for (String field : removedResponseFields(operation)) {
        breaking.add(label(operation) + ": " + field + " no longer sent");
      }
    }
    breaking.addAll(grownResponseEnums());
    return breaking;
  }

  /**
   * Component schemas that responses send, with an enum (of the schema, or inline in one of its
   * fields or their items) that gained values, unless it is one of the {@link #OPEN_ENUMS}.
   */
  private List<String> grownResponseEnums() {
    List<String> grown = new ArrayList<>();
    for (String name : sentInResponses()) {
      JsonNode before = releasedSchemas.get(name);
      if (before == null || OPEN_ENUMS.contains(name)) {
        continue;
      }
      JsonNode after = currentSchemas.get(name);
      grownEnum(grown, "`" + name + "`", before, after);
      for (String field : names(after.path("properties"))) {
        JsonNode was = before.path("properties").path(field);
        JsonNode is = after.path("properties").path(field);
        grownEnum(grown, "`" + name + "." + field + "`", was, is);
        grownEnum(grown, "`" + name + "." + field + "[]`", was.path("items"), is.path("items"));
      }
    }
    return grown;
  }

  private static void grownEnum(List<String> grown, String where, JsonNode before, JsonNode after) {
    if (!before.has("enum") || !after.has("enum")) {
      return;
    }
    Set<String> added = values(after.get("enum"));
    added.removeAll(values(before.get("enum")));
    if (!added.isEmpty()) {
      grown.add(
          where
              + ": enum values added "
              + String.join(", ", added.stream().map(v -> "`" + v + "`").toList())
              + ", sent in responses");
    }
  }

  /** The names of the current component schemas that some response holds, directly or deeper. */
  private Set<String> sentInResponses() {
    Set<String> sent = new TreeSet<>();
    List<JsonNode> todo = new ArrayList<>();
    currentPaths.forEach(
        path -> path.forEach(operation -> operation.path("responses").forEach(todo::add)));
    while (!todo.isEmpty()) {
      JsonNode node = todo.remove(todo.size() - 1);
      String ref = node.path("$ref").asText("");
      if (ref.startsWith(SCHEMA_REF) && sent.add(ref.substring(SCHEMA_REF.length()))) {
        todo.add(currentSchemas.path(ref.substring(SCHEMA_REF.length())));
      } else if (ref.startsWith(RESPONSE_REF)) {
        todo.add(currentResponses.path(ref.substring(RESPONSE_REF.length())));
      }
      node.forEach(todo::add);
    }
    return sent;
  }

  /**
   * The changes as Markdown lines in a stable order, empty when nothing changed: what the API
   * changelog lists for the version under way.
   */
  public String changes() {
    StringBuilder out = new StringBuilder();
    section(out, "Operations added", listed(diff.getNewEndpoints()));
    section(out, "Operations removed", listed(diff.getMissingEndpoints()));
    List<String> changed = new ArrayList<>();
    for (ChangedOperation operation : sorted(diff.getChangedOperations(), ContractDiff::label)) {
      List<String> parts = parts(operation, false);
      if (!parts.isEmpty()) {
        changed.add(
            "`"
                + label(operation)
                + "` ("
                + operation.getNewOperation().getOperationId()
                + "): "
                + String.join(", ", parts));
      }
    }
    section(out, "Operations changed", changed);
    Set<String> added = new TreeSet<>(names(currentSchemas));
    added.removeAll(names(releasedSchemas));
    Set<String> removed = new TreeSet<>(names(releasedSchemas));
    removed.removeAll(names(currentSchemas));
    section(out, "Schemas added", added.stream().map(n -> "`" + n + "`").toList());
    section(out, "Schemas removed", removed.stream().map(n -> "`" + n + "`").toList());
    List<String> schemas = new ArrayList<>();
    for (String name : new TreeSet<>(names(currentSchemas))) {
      if (releasedSchemas.has(name)) {
        String change = schemaChange(releasedSchemas.get(name), currentSchemas.get(name));
        if (!change.isEmpty()) {
          schemas.add("`" + name + "`: " + change);
        }
      }
    }
    section(out, "Schemas changed", schemas);
    return out.toString();
  }

  /** openapi-diff's own report, with every changed property, for a reader who wants detail. */
  public String report() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      new MarkdownRender().render(diff, writer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * The document as openapi-diff compares it: OpenAPI 3.0, where {@code type: [T, "null"]} and an
   * {@code anyOf} with {@code {type: null}} become {@code nullable}, {@code const} a one-value
   * {@code enum}, and {@code $ref} loses the siblings that 3.0 ignores (descriptions, and the
   * {@code type} the generator repeats next to a reference); without descriptions, summaries and
   * examples, which no client's code depends on (openapi-diff would count a changed description of
   * a field as a change of every schema and response that holds it).
   */
  public static String forComparison(String json) {
    ObjectNode root = (ObjectNode) tree(json);
    root.put("openapi", "3.0.3");
    downgrade(root);
    try {
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void downgrade(JsonNode node) {
    if (node instanceof ArrayNode array) {
      array.forEach(ContractDiff::downgrade);
      return;
    }
    if (!(node instanceof ObjectNode object)) {
      return;
    }
    if (object.has("$ref")) {
      object.retain("$ref");
      return;
    }
    object.remove(List.of("example", "examples", "description", "summary"));
    if (object.get("type") instanceof ArrayNode types) {
      List<String> named = new ArrayList<>();
      types.forEach(t -> named.add(t.asText()));
      if (named.remove("null")) {
        object.put("nullable", true);
      }
      if (named.size() == 1) {
        object.put("type", named.get(0));
      } else {
        object.remove("type");
      }
    }
    for (String composite : List.of("anyOf", "oneOf")) {
      if (object.get(composite) instanceof ArrayNode branches) {
        ArrayNode kept = JSON.createArrayNode();
        for (JsonNode branch : branches) {
          if (branch.size() == 1 && "null".equals(branch.path("type").asText())) {
            object.put("nullable", true);
          } else {
            kept.add(branch);
          }
        }
        object.remove(composite);
        object.set(kept.size() == 1 ? "allOf" : composite, kept);
      }
    }
    if (object.has("const")) {
      object.set("enum", JSON.createArrayNode().add(object.remove("const")));
    }
    eachSchemaPart(object, ContractDiff::downgrade);
  }

  /**
   * Visits what an object of the document holds, but not data (defaults, enums) and not the names
   * of properties, which are no keywords: the values of {@code properties} are visited instead.
   */
  private static void eachSchemaPart(ObjectNode object, Consumer<JsonNode> visit) {
    object
        .fields()
        .forEachRemaining(
            field -> {
              if (field.getKey().equals("properties")) {
                field.getValue().forEach(visit);
              } else if (!Set.of("default", "enum").contains(field.getKey())) {
                visit.accept(field.getValue());
              }
            });
  }

  /** Which parts of an operation changed (or, with {@code breaking}, changed incompatibly). */
  private static List<String> parts(ChangedOperation operation, boolean breaking) {
    List<String> parts = new ArrayList<>();
    part(parts, "operationId", operation.getOperationId(), breaking);
    part(parts, "parameters", operation.getParameters(), breaking);
    part(parts, "request body", operation.getRequestBody(), breaking);
    if (operation.getApiResponses() != null) {
      operation.getApiResponses().getMissing().keySet().stream()
          .sorted()
          .forEach(status -> parts.add("response " + status + " removed"));
      if (!breaking) {
        operation.getApiResponses().getIncreased().keySet().stream()
            .sorted()
            .forEach(status -> parts.add("response " + status + " added"));
      }
      new TreeMap<>(operation.getApiResponses().getChanged())
          .forEach((status, response) -> part(parts, "response " + status, response, breaking));
    }
    part(parts, "security", operation.getSecurityRequirements(), breaking);
    return parts;
  }

  private static void part(List<String> parts, String name, Changed changed, boolean breaking) {
    if (changed == null) {
      return;
    }
    boolean counts =
        breaking
            ? changed.isChanged().isIncompatible()
            : changed.isChanged().getWeight() > 1; // more than descriptions (METADATA)
    if (counts) {
      parts.add(name);
    }
  }

  private static List<String> removedResponseFields(ChangedOperation operation) {
    List<String> removed = new ArrayList<>();
    if (operation.getApiResponses() == null) {
      return removed;
    }
    new TreeMap<>(operation.getApiResponses().getChanged())
        .forEach(
            (status, response) -> {
              if (response.getContent() != null) {
                for (ChangedMediaType media : response.getContent().getChanged().values()) {
                  List<String> fields = new ArrayList<>();
                  removedFields(
                      "",
                      media.getSchema(),
                      Collections.newSetFromMap(new IdentityHashMap<>()),
                      fields);
                  fields.forEach(
                      field -> removed.add("response " + status + " field `" + field + "`"));
                }
              }
            });
    return removed;
  }

  private static void removedFields(
      String path, ChangedSchema schema, Set<ChangedSchema> seen, List<String> removed) {
    if (schema == null || !seen.add(schema)) {
      return;
    }
    new TreeSet<>(schema.getMissingProperties().keySet())
        .forEach(field -> removed.add(join(path, field)));
    new TreeMap<>(schema.getChangedProperties())
        .forEach((field, changed) -> removedFields(join(path, field), changed, seen, removed));
    if (schema.getItems() != null) {
      removedFields(path + "[]", schema.getItems(), seen, removed);
    }
  }

  private static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  /** What changed in a component schema, descriptions and examples aside; empty if nothing. */
  private static String schemaChange(JsonNode before, JsonNode after) {
    List<String> notes = new ArrayList<>();
    Set<String> beforeFields = names(before.path("properties"));
    Set<String> afterFields = names(after.path("properties"));
    Set<String> addedFields = new TreeSet<>(afterFields);
    addedFields.removeAll(beforeFields);
    Set<String> removedFields = new TreeSet<>(beforeFields);
    removedFields.removeAll(afterFields);
    Set<String> beforeRequired = values(before.path("required"));
    Set<String> afterRequired = values(after.path("required"));
    Set<String> nowRequired = new TreeSet<>(afterRequired);
    nowRequired.removeAll(beforeRequired);
    Set<String> noLongerRequired = new TreeSet<>(beforeRequired);
    noLongerRequired.removeAll(afterRequired);
    noLongerRequired.removeAll(removedFields);
    Set<String> changedFields = new TreeSet<>();
    for (String field : afterFields) {
      if (beforeFields.contains(field)
          && !withoutProse(before.path("properties").get(field))
              .equals(withoutProse(after.path("properties").get(field)))) {
        changedFields.add(field);
      }
    }
    note(notes, "fields added", addedFields);
    note(notes, "fields removed", removedFields);
    note(notes, "now required", nowRequired);
    note(notes, "no longer required", noLongerRequired);
    note(notes, "fields changed", changedFields);
    ObjectNode restBefore = (ObjectNode) withoutProse(before);
    ObjectNode restAfter = (ObjectNode) withoutProse(after);
    restBefore.remove(List.of("properties", "required"));
    restAfter.remove(List.of("properties", "required"));
    if (!restBefore.equals(restAfter)) {
      notes.add("schema changed");
    }
    return String.join("; ", notes);
  }

  private static JsonNode withoutProse(JsonNode schema) {
    JsonNode copy = schema.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(PROSE);
      eachSchemaPart(object, ContractDiff::strip);
    } else if (node instanceof ArrayNode array) {
      array.forEach(ContractDiff::strip);
    }
  }

  private static void note(List<String> notes, String what, Set<String> fields) {
    if (!fields.isEmpty()) {
      notes.add(what + " " + String.join(", ", fields.stream().map(f -> "`" + f + "`").toList()));
    }
  }

  private static void section(StringBuilder out, String title, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    out.append(out.isEmpty() ? "" : "\n").append(title).append(":\n\n");
    lines.forEach(line -> out.append("- ").append(line).append('\n'));
  }

  private static List<String> listed(List<Endpoint> endpoints) {
    return sorted(endpoints, ContractDiff::label).stream()
        .map(e -> "`" + label(e) + "` (" + e.getOperation().getOperationId() + ")")
        .toList();
  }

  private static String label(Endpoint endpoint) {
    return endpoint.getMethod().toString().toUpperCase(Locale.ROOT) + " " + endpoint.getPathUrl();
  }

  private static String label(ChangedOperation operation) {
    return operation.getHttpMethod().toString().toUpperCase(Locale.ROOT)
        + " "
        + operation.getPathUrl();
  }

  private static <T> List<T> sorted(List<T> items, Function<T, String> key) {
    List<T> copy = new ArrayList<>(items);
    copy.sort((a, b) -> key.apply(a).compareTo(key.apply(b)));
    return copy;
  }

  private static Set<String> names(JsonNode object) {
    Set<String> names = new TreeSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> values(JsonNode array) {
    Set<String> values = new TreeSet<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
