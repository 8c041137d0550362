package dev.feder.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The comparison that guards the released contract tells breaking from compatible changes in
 * Feder's OpenAPI 3.1 document: each test changes a copy of the released 1.0.0 document.
 */
class ContractDiffTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static String released;

  @BeforeAll
  static void readReleased() throws IOException {
    released = Files.readString(Path.of("openapi/baseline/openapi-1.0.0.json"));
  }

  @Test
  void theSameDocumentHasNoChanges() {
    ContractDiff diff = ContractDiff.between(released, released);

    assertTrue(diff.unchanged());
    assertEquals("", diff.changes());
    assertEquals(List.of(), diff.breakingChanges());
  }

  @Test
  void descriptionsAndExamplesAreNoChange() {
    ContractDiff diff =
        diffAfter(
            spec -> {
              ObjectNode title = property(spec, "Article", "title");
              title.put("description", "The headline");
              title.set("examples", JSON.createArrayNode().add("Eine andere Schlagzeile"));
              operation(spec, "/api/v1/articles", "get").put("summary", "Lists articles");
            });

    assertTrue(diff.unchanged(), diff.changes());
  }

  @Test
  void removingAnOperationIsBreaking() {
    ContractDiff diff =
        diffAfter(spec -> ((ObjectNode) spec.get("paths")).remove("/api/v1/articles/{id}/related"));

    assertEquals(List.of("GET /api/v1/articles/{id}/related removed"), diff.breakingChanges());
    assertTrue(
        diff.changes().contains("- `GET /api/v1/articles/{id}/related` (listRelatedArticles)"));
  }

  @Test
  void removingAnOptionalResponseFieldIsBreaking() {
    ContractDiff diff =
        diffAfter(
            spec -> ((ObjectNode) schema(spec, "Article").get("properties")).remove("subtitle"));

    assertTrue(
        diff.breakingChanges()
            .contains("GET /api/v1/articles/{id}: response 200 field `subtitle` no longer sent"),
        diff.breakingChanges().toString());
    assertTrue(diff.changes().contains("- `Article`: fields removed `subtitle`"), diff.changes());
  }

  @Test
  void aResponseFieldNoLongerRequiredIsBreaking() {
    ContractDiff diff =
        diffAfter(spec -> remove(schema(spec, "Article").withArray("required"), "title"));

    assertTrue(
        diff.breakingChanges().contains("GET /api/v1/articles/{id}: response 200"),
        diff.breakingChanges().toString());
    assertTrue(diff.changes().contains("- `Article`: no longer required `title`"), diff.changes());
  }

  @Test
  void anotherItemTypeOfAnArrayIsBreaking() {
    // openapi-diff misses this in an OpenAPI 3.1 document; ContractDiff compares as 3.0.
    ContractDiff diff =
        diffAfter(spec -> property(spec, "Article", "tags").set("items", type("integer")));

    assertTrue(
        diff.breakingChanges().contains("GET /api/v1/articles/{id}: response 200"),
        diff.breakingChanges().toString());
  }

  @Test
  void aNewRequiredRequestFieldIsBreaking() {
    ContractDiff diff =
        diffAfter(spec -> schema(spec, "ArticleInput").withArray("required").add("excerpt"));

    assertTrue(
        diff.breakingChanges().contains("POST /api/v1/articles: request body"),
        diff.breakingChanges().toString());
  }

  @Test
  void aNewOperationIdIsBreaking() {
    ContractDiff diff =
        diffAfter(
            spec -> operation(spec, "/api/v1/articles", "get").put("operationId", "articles"));

    assertEquals(List.of("GET /api/v1/articles: operationId"), diff.breakingChanges());
  }

  @Test
  void aRequiredQueryParameterIsBreaking() {
    ContractDiff diff =
        diffAfter(
            spec -> {
              for (JsonNode parameter :
                  operation(spec, "/api/v1/articles", "get").get("parameters")) {
                if (parameter.get("name").asText().equals("tag")) {
                  ((ObjectNode) parameter).put("required", true);
                }
              }
            });

    assertEquals(List.of("GET /api/v1/articles: parameters"), diff.breakingChanges());
  }

  @Test
  void nullInAResponseFieldIsCompatibleForOpenApiDiffButListed() {
    ContractDiff diff =
        diffAfter(
            spec ->
                property(spec, "Article", "subtitle")
                    .set("type", JSON.createArrayNode().add("string").add("null")));

    assertFalse(diff.unchanged());
    assertTrue(diff.changes().contains("- `Article`: fields changed `subtitle`"), diff.changes());
  }

  @Test
  void aNewOperationAndNewFieldsAreCompatibleAndListed() {
    ContractDiff diff =
        diffAfter(
            spec -> {
              ObjectNode paths = (ObjectNode) spec.get("paths");
              ObjectNode list = paths.get("/api/v1/authors").deepCopy();
              ((ObjectNode) list.get("get")).put("operationId", "listAssets");
              list.remove("post");
              paths.set("/api/v1/assets", list);
              ((ObjectNode) schema(spec, "Article").get("properties"))
                  .set("kicker", type("string"));
              ((ObjectNode) schema(spec, "ArticleInput").get("properties"))
                  .set("kicker", type("string"));
            });

    assertEquals(List.of(), diff.breakingChanges());
    String changes = diff.changes();
    assertTrue(
        changes.contains("Operations added:\n\n- `GET /api/v1/assets` (listAssets)\n"), changes);
    assertTrue(changes.contains("- `Article`: fields added `kicker`\n"), changes);
    assertTrue(changes.contains("- `ArticleInput`: fields added `kicker`\n"), changes);
    assertTrue(
        changes.contains("- `POST /api/v1/articles` (createArticle): request body, response 201\n"),
        changes);
  }

  @Test
  void openApi31KeywordsBecomeTheir30EquivalentsAndExamplesGo() throws IOException {
    String spec =
        """
        {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {},
         "components": {"schemas": {
           "A": {"type": "object", "properties": {
             "n": {"type": ["string", "null"], "examples": ["x"]},
             "r": {"anyOf": [{"$ref": "#/components/schemas/B"}, {"type": "null"}]},
             "s": {"type": "string", "$ref": "#/components/schemas/B", "description": "d"},
             "c": {"const": "k"}}},
           "B": {"type": "string"}}}}
        """;

    JsonNode converted = JSON.readTree(ContractDiff.forComparison(spec));

    assertEquals("3.0.3", converted.get("openapi").asText());
    JsonNode a = converted.at("/components/schemas/A/properties");
    assertEquals(JSON.readTree("{\"type\": \"string\", \"nullable\": true}"), a.get("n"));
    assertEquals(
        JSON.readTree("{\"nullable\": true, \"allOf\": [{\"$ref\": \"#/components/schemas/B\"}]}"),
        a.get("r"));
    assertEquals(JSON.readTree("{\"$ref\": \"#/components/schemas/B\"}"), a.get("s"));
    assertEquals(JSON.readTree("{\"enum\": [\"k\"]}"), a.get("c"));
  }

  private static ContractDiff diffAfter(Consumer<ObjectNode> change) {
    try {
      ObjectNode spec = (ObjectNode) JSON.readTree(released);
      change.accept(spec);
      return ContractDiff.between(released, JSON.writeValueAsString(spec));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static ObjectNode schema(ObjectNode spec, String name) {
    return (ObjectNode) spec.at("/components/schemas/" + name);
  }

  private static ObjectNode property(ObjectNode spec, String schema, String field) {
    return (ObjectNode) schema(spec, schema).get("properties").get(field);
  }

  private static ObjectNode operation(ObjectNode spec, String path, String method) {
    return (ObjectNode) spec.get("paths").get(path).get(method);
  }

  private static ObjectNode type(String type) {
    return JSON.createObjectNode().put("type", type);
  }

  private static void remove(ArrayNode array, String value) {
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i).asText().equals(value)) {
        array.remove(i);
        return;
      }
    }
  }
}
