package dev.feder.category;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.feder.support.Api;
import dev.feder.support.Await;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import dev.feder.support.OtherConnection;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Articles embed their category from the categories that {@link KnownCategories} remembers, and
 * show every change of a category or of its parent at once on the instance that made it, and once
 * heard when it was made elsewhere: by SQL from another connection, as a script or another instance
 * would. The reads here are a signed-in editor's, which the response cache never answers.
 */
@QuarkusTest
class KnownCategoriesTest {

  private static final Duration HEARD = Duration.ofSeconds(10);

  @Inject AgroalDataSource dataSource;

  @Test
  void anArticleShowsItsCategoryAndParentAsTheyWereChangedThroughTheApi() {
    String run = Fixtures.suffix();
    Created welt = Fixtures.category("Welt " + run);
    Created nachrichten = Fixtures.category("Nachrichten " + run, welt);
    Created article = Fixtures.newArticle("Rubrik " + run, nachrichten).create();
    assertEquals(welt.slug(), read(article).getString("category.parentSlug"));

    Fixtures.patch("/api/v1/categories/" + nachrichten.id(), Map.of("name", "Meldungen " + run));
    Fixtures.patch("/api/v1/categories/" + welt.id(), Map.of("slug", "ausland-" + run));

    JsonPath changed = read(article);
    assertEquals("Meldungen " + run, changed.getString("category.name"));
    assertEquals("ausland-" + run, changed.getString("category.parentSlug"));
  }

  @Test
  void anArticleShowsACategoryChangedOrAddedStraightInTheDatabase() throws SQLException {
    String run = Fixtures.suffix();
    Created welt = Fixtures.category("Welt " + run);
    Created article = Fixtures.newArticle("Skript " + run, welt).create();
    assertEquals("Welt " + run, read(article).getString("category.name"));

    sql("update category set name = ? where id = ?", "Die Welt " + run, UUID.fromString(welt.id()));
    assertEquals(
        "Die Welt " + run,
        Await.until(
                () -> read(article),
                json -> ("Die Welt " + run).equals(json.getString("category.name")),
                HEARD)
            .getString("category.name"));

    // A category the remembered ones do not know yet is read at once, heard or not.
    UUID added = UUID.randomUUID();
    sql(
        "insert into category (id, slug, name, parent_id, created_at, updated_at)"
            + " values (?, ?, ?, ?, now(), now())",
        added,
        "europa-" + run,
        "Europa " + run,
        UUID.fromString(welt.id()));
    sql("update article set category_id = ? where id = ?", added, UUID.fromString(article.id()));
    JsonPath moved = read(article);
    assertEquals("Europa " + run, moved.getString("category.name"));
    assertEquals(welt.slug(), moved.getString("category.parentSlug"));
  }

  private static JsonPath read(Created article) {
    return Api.admin()
        .get("/api/v1/articles/" + article.id())
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private void sql(String statement, Object... values) throws SQLException {
    assertEquals(1, OtherConnection.update(dataSource, statement, values));
  }
}
