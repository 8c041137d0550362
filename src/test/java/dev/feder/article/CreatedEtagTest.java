package dev.feder.article;

import dev.feder.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The 201 answer is exactly what a later read returns, so its ETag is the one the next write
 * carries (publishedAt defaults to now, kept at millisecond precision like every timestamp).
 */
@QuarkusTest
class CreatedEtagTest {

  @Test
  void etagOfTheCreatedArticleIsCurrent() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String parent =
        Api.admin()
            .body(Map.of("name", "Welt " + run))
            .post("/api/v1/categories")
            .then()
            .extract()
            .path("slug");
    String child =
        Api.admin()
            .body(Map.of("name", "Kind " + run, "parent", Map.of("slug", parent)))
            .post("/api/v1/categories")
            .then()
            .extract()
            .path("slug");
    String author =
        Api.admin()
            .body(Map.of("name", "Autorin " + run))
            .post("/api/v1/authors")
            .then()
            .extract()
            .path("slug");
    var created =
        Api.admin()
            .body(
                Map.of(
                    "title", "Etag " + run,
                    "category", Map.of("slug", child),
                    "authors", List.of(Map.of("slug", author)),
                    "tags", List.of("a", "b"),
                    "status", "published"))
            .post("/api/v1/articles")
            .then()
            .statusCode(201)
            .extract();
    String id = created.path("id");
    org.junit.jupiter.api.Assertions.assertEquals(
        created.asString(), Api.admin().get("/api/v1/articles/" + id).then().extract().asString());
    Api.admin()
        .contentType("application/merge-patch+json")
        .header("If-Match", created.header("ETag"))
        .body("{\"subtitle\": \"Gleich danach\"}")
        .patch("/api/v1/articles/" + id)
        .then()
        .statusCode(200);
  }
}
