package dev.feder.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.feder.error.Problem;
import dev.feder.error.ProblemException;
import dev.feder.error.ProblemType;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Sparse fieldsets: {@code fields=id,slug,title} keeps only those top-level fields of a single
 * item, or of each item of a list page. Resources validate the parameter with {@link #parse}; this
 * filter then trims the representation before {@link HttpCaching} serializes it, so the ETag
 * describes the trimmed bytes.
 */
public class SparseFields {

  /** The query parameter. */
  public static final String PARAMETER = "fields";

  private final ObjectMapper mapper;

  public SparseFields(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * The requested fields of an item type, or an empty set for "all fields"; an unknown field is a
   * 400 that lists the allowed ones.
   */
  public static Set<String> parse(String raw, Class<? extends Record> itemType) {
    Set<String> fields = new LinkedHashSet<>();
    if (raw == null || raw.isBlank()) {
      return fields;
    }
    Set<String> allowed = new TreeSet<>();
    Arrays.stream(itemType.getRecordComponents())
        .map(RecordComponent::getName)
        .forEach(allowed::add);
    for (String part : raw.split(",", -1)) {
      String field = part.trim();
      if (!allowed.contains(field)) {
        throw new ProblemException(
            ProblemType.BAD_PARAMETER,
            "Parameter 'fields' names an unknown field '" + field + "'",
            List.of(
                new Problem.FieldError(
                    PARAMETER, "allowed fields: " + String.join(", ", allowed))));
      }
      fields.add(field);
    }
    return fields;
  }

  // Response filters run in descending priority: this one before HttpCaching (USER).
  @ServerResponseFilter(priority = Priorities.USER + 100)
  public void trim(
      ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
    if (!offersFields(resource)) {
      return;
    }
    String raw = request.getUriInfo().getQueryParameters().getFirst(PARAMETER);
    Object entity = response.getEntity();
    if (raw == null
        || raw.isBlank()
        || !(entity instanceof Record)
        || response.getStatus() != 200
        || !HttpMethod.GET.equals(request.getMethod())
            && !HttpMethod.HEAD.equals(request.getMethod())
        || !MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())) {
      return;
    }
    Set<String> fields = new LinkedHashSet<>();
    for (String part : raw.split(",")) {
      fields.add(part.trim());
    }
    JsonNode tree = mapper.valueToTree(entity);
    if (tree.has("data") && tree.get("data").isArray()) {
      tree.get("data").forEach(item -> keep(item, fields));
    } else {
      keep(tree, fields);
    }
    response.setEntity(tree, response.getEntityAnnotations(), response.getMediaType());
  }

  /** Only operations that declare (and so validate) the parameter are trimmed. */
  private static boolean offersFields(ResourceInfo resource) {
    Method method = resource == null ? null : resource.getResourceMethod();
    if (method == null) {
      return false;
    }
    for (Parameter parameter : method.getParameters()) {
      QueryParam query = parameter.getAnnotation(QueryParam.class);
      if (query != null && PARAMETER.equals(query.value())) {
        return true;
      }
    }
    return false;
  }

  private static void keep(JsonNode node, Set<String> fields) {
    if (node instanceof ObjectNode object) {
      object.retain(fields);
    }
  }
}
