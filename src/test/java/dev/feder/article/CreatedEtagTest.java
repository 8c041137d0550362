package dev.feder.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The 201 answer is exactly what a later read returns, so its ETag is the one the next write
 * carries (publishedAt defaults to now, kept at millisecond precision like every timestamp).
 */
@QuarkusTest
class CreatedEtagTest {

  @Test
  void etagOfTheCreatedArticleIsCurrent() {
    String run = Fixtures.suffix();
    Created parent = Fixtures.category("Welt " + run);
    Created child = Fixtures.category("Kind " + run, parent);
    Created author = Fixtures.author("Autorin " + run);
    var created =
        Api.admin()
            .body(
                Fixtures.newArticle("Etag " + run, child)
                    .authors(author)
                    .tags("a", "b")
                    .published()
                    .toMap())
            .post("/api/v1/articles")
            .then()
            .statusCode(201)
            .extract();
    String id = created.path("id");
    assertEquals(
        created.asString(), Api.admin().get("/api/v1/articles/" + id).then().extract().asString());
    Api.mergePatch(Api.admin())
        .header("If-Match", created.header("ETag"))
        .body("{\"subtitle\": \"Gleich danach\"}")
        .patch("/api/v1/articles/" + id)
        .then()
        .statusCode(200);
  }
}
