package dev.feder.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Describes merge-patch bodies by what they patch. A resource declares its PATCH body with the
 * input schema it patches ({@code @Schema(implementation = ArticleInput.class)}); this derives the
 * patch from it ({@code ArticlePatch}): any subset of the fields, each optional one also null
 * (which removes it), nested objects as patches of their own ({@code SeoPatch}) since they merge,
 * references and lists as they are since they are replaced whole. Typed clients then know every
 * field and null they may send.
 */
final class MergePatchSchemas {

  private static final String PREFIX = "#/components/schemas/";

  private final Map<String, Schema> schemas;

  private MergePatchSchemas(Map<String, Schema> schemas) {
    this.schemas = schemas;
  }

  /** Replaces the input schema of every merge-patch body by its patch. */
  static void describe(OpenAPI openAPI) {
    if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
      return;
    }
    MergePatchSchemas patches = new MergePatchSchemas(openAPI.getComponents().getSchemas());
    Map<String, Schema> derived = new LinkedHashMap<>();
    for (PathItem item : openAPI.getPaths().getPathItems().values()) {
      for (Operation operation : item.getOperations().values()) {
        MediaType body =
            operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
                ? null
                : operation.getRequestBody().getContent().getMediaType(MergePatch.MEDIA_TYPE);
        if (body != null && body.getSchema() != null && body.getSchema().getRef() != null) {
          body.setSchema(ref(patches.patchOf(name(body.getSchema()), derived)));
        }
      }
    }
    derived.forEach(openAPI.getComponents()::addSchema);
  }

  /** The name of the patch of schema {@code name}, deriving it (and those it needs) if new. */
  private String patchOf(String name, Map<String, Schema> derived) {
    String patchName = (name.endsWith("Input") ? name.substring(0, name.length() - 5) : name);
    patchName += "Patch";
    if (derived.containsKey(patchName)) {
      return patchName;
    }
    Schema input = schemas.get(name);
    if (input == null || input.getProperties() == null) {
      throw new IllegalStateException("A merge patch of " + name + " needs an object schema");
    }
    Schema patch =
        OASFactory.createSchema()
            .addType(Schema.SchemaType.OBJECT)
            .description(
                "A JSON merge patch (RFC 7396) of "
                    + name
                    + ": any subset of its fields. null removes an optional field (one with a"
                    + " default gets it back); objects merge field by field; references and lists"
                    + " are replaced whole.");
    derived.put(patchName, patch);
    List<String> required = input.getRequired() == null ? List.of() : input.getRequired();
    input
        .getProperties()
        .forEach(
            (field, schema) -> {
              Schema value = merged(schema) ? patchReference(schema, derived) : copy(schema);
              patch.addProperty(field, required.contains(field) ? value : nullable(value));
            });
    return patchName;
  }

  /** Whether a field holds an object that a patch merges into rather than replaces. */
  private boolean merged(Schema field) {
    if (field.getRef() == null || Reference.SCHEMA.equals(name(field))) {
      return false;
    }
    Schema target = schemas.get(name(field));
    return target != null && target.getProperties() != null;
  }

  private Schema patchReference(Schema field, Map<String, Schema> derived) {
    Schema value = ref(patchOf(name(field), derived));
    value.setDescription(field.getDescription());
    return value;
  }

  /** A value or null: references in an anyOf, other schemas with null among their types. */
  private static Schema nullable(Schema value) {
    if (value.getRef() != null) {
      Schema wrapper =
          OASFactory.createSchema()
              .addAnyOf(ref(name(value)))
              .addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
      wrapper.setDescription(value.getDescription());
      wrapper.setExamples(value.getExamples());
      return wrapper;
    }
    if (value.getType() != null && !value.getType().isEmpty()) {
      value.addType(Schema.SchemaType.NULL);
    }
    if (value.getEnumeration() != null) {
      List<Object> values = new ArrayList<>(value.getEnumeration());
      values.add(null);
      value.setEnumeration(values);
    }
    return value;
  }

  private static Schema copy(Schema schema) {
    Schema copy = OASFactory.createSchema();
    copy.setAll(schema.getAll());
    if (schema.getType() != null) {
      copy.setType(new ArrayList<>(schema.getType()));
    }
    return copy;
  }

  private static Schema ref(String name) {
    return OASFactory.createSchema().ref(PREFIX + name);
  }

  private static String name(Schema reference) {
    String ref = reference.getRef();
    return ref.startsWith(PREFIX) ? ref.substring(PREFIX.length()) : ref;
  }
}
