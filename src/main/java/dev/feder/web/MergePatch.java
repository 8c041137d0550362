package dev.feder.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.feder.error.ProblemException;
import dev.feder.error.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RFC 7396 JSON merge patch: applied to the current write representation of a resource, the result
 * is read and validated exactly like a full replacement.
 *
 * <p>A {@link Reference} is a value, not a document to merge into: a patch that names a category by
 * its slug replaces the stored reference, whose id would otherwise win over the new slug.
 */
@ApplicationScoped
public class MergePatch {

  /** The media type of merge-patch bodies. */
  public static final String MEDIA_TYPE = "application/merge-patch+json";

  private final ObjectMapper mapper;
  private final Validator validator;

  public MergePatch(ObjectMapper mapper, Validator validator) {
    this.mapper = mapper;
    this.validator = validator;
  }

  /** Applies {@code patch} to {@code current} and returns the validated result. */
  public <T> T apply(T current, JsonNode patch, Class<T> type) {
    if (patch == null || !patch.isObject()) {
      throw new ProblemException(ProblemType.MALFORMED_JSON, "A merge patch must be a JSON object");
    }
    JsonNode merged = merge(mapper.valueToTree(current), patch);
    for (String field : referenceFields(type)) {
      JsonNode reference = patch.get(field);
      if (reference != null && !reference.isNull()) {
        ((ObjectNode) merged).set(field, reference);
      }
    }
    T result;
    try {
      result = mapper.treeToValue(merged, type);
    } catch (IOException e) {
      throw new jakarta.ws.rs.BadRequestException(e);
    }
    Set<ConstraintViolation<T>> violations = validator.validate(result);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return result;
  }

  private static List<String> referenceFields(Class<?> type) {
    if (!type.isRecord()) {
      return List.of();
    }
    return Arrays.stream(type.getRecordComponents())
        .filter(component -> component.getType() == Reference.class)
        .map(RecordComponent::getName)
        .toList();
  }

  static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode result =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getValue().isNull()) {
        result.remove(field.getKey());
      } else {
        result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
      }
    }
    return result;
  }
}
