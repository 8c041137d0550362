package dev.feder.author;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.persistence.ContentVersions;
import dev.feder.support.Api;
import dev.feder.support.Await;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import dev.feder.support.OtherConnection;
import dev.feder.support.QueryCounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Bylines come from the authors that {@link KnownAuthors} remembers, and show every change of an
 * author at once on the instance that made it, and once heard when it was made elsewhere: by SQL
 * from another connection, as a script or another instance would. The reads here are a signed-in
 * editor's, which the response cache never answers.
 */
@QuarkusTest
class KnownAuthorsTest {

  private static final Duration HEARD = Duration.ofSeconds(10);

  @Inject AgroalDataSource dataSource;
  @Inject ContentVersions versions;

  @Test
  void aBylineShowsAnAuthorsChangeMadeThroughTheApiAtOnce() {
    String run = Fixtures.suffix();
    Created author = Fixtures.author("Jörg Weiß " + run);
    Created category = Fixtures.category("Byline " + run);
    Created article = Fixtures.newArticle("Byline " + run, category).authors(author).create();
    assertEquals("Jörg Weiß " + run, byline(article).getString("authors[0].name"));

    Fixtures.patch("/api/v1/authors/" + author.id(), Map.of("name", "Jörg Weiß-Ö " + run));

    assertEquals("Jörg Weiß-Ö " + run, byline(article).getString("authors[0].name"));
    assertEquals("Jörg Weiß-Ö " + run, list(category).getString("data[0].authors[0].name"));
  }

  @Test
  void aBylineShowsAnAuthorChangedOrAddedStraightInTheDatabase() throws SQLException {
    String run = Fixtures.suffix();
    Created author = Fixtures.author("Sophie Müller " + run);
    Created category = Fixtures.category("Skript " + run);
    Created article = Fixtures.newArticle("Skript " + run, category).authors(author).create();
    assertEquals("Sophie Müller " + run, byline(article).getString("authors[0].name"));

    sql(
        "update author set name = ?, avatar_url = ? where id = ?",
        "Sophie Müller-Straße " + run,
        "https://images.example.org/sophie.jpg",
        UUID.fromString(author.id()));
    JsonPath renamed =
        Await.until(
            () -> byline(article),
            read -> ("Sophie Müller-Straße " + run).equals(read.getString("authors[0].name")),
            HEARD);
    assertEquals("Sophie Müller-Straße " + run, renamed.getString("authors[0].name"));
    assertEquals(
        "https://images.example.org/sophie.jpg", renamed.getString("authors[0].avatarUrl"));

    // An author the remembered ones do not know yet is read at once, heard or not.
    UUID added = UUID.randomUUID();
    sql(
        "insert into author (id, slug, name, created_at, updated_at)"
            + " values (?, ?, ?, now(), now())",
        added,
        "neu-" + run,
        "Neu Über " + run);
    sql(
        "insert into article_author (article_id, author_id, position) values (?, ?, 1)",
        UUID.fromString(article.id()),
        added);
    JsonPath both =
        Await.until(() -> byline(article), read -> read.getList("authors").size() == 2, HEARD);
    assertEquals(
        List.of("Sophie Müller-Straße " + run, "Neu Über " + run), both.getList("authors.name"));
  }

  @Test
  void bylinesOfAPageCostNoStatementOfTheirOwn() {
    String run = Fixtures.suffix();
    Created category = Fixtures.category("Seite " + run);
    for (int i = 0; i < 3; i++) {
      Created author = Fixtures.author("Autorin " + i + " " + run);
      Fixtures.newArticle("Seite " + i + " " + run, category).authors(author).published().create();
    }
    list(category, 1);
    list(category, 3);
    // A page of three articles by three authors costs what a page of one does.
    long one =
        QueryCounts.inOneVersion(
            versions, () -> QueryCounts.statementsFor(() -> list(category, 1)));
    long three =
        QueryCounts.inOneVersion(
            versions,
            () ->
                QueryCounts.statementsFor(
                    () -> assertEquals(3, list(category, 3).getList("data").size())));
    assertTrue(one > 0, "the pages were read from the database");
    assertEquals(one, three);
  }

  private static JsonPath byline(Created article) {
    return Api.admin()
        .get("/api/v1/articles/" + article.id())
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static JsonPath list(Created category) {
    return list(category, 20);
  }

  private static JsonPath list(Created category, int size) {
    return Api.admin()
        .queryParam("category", category.slug())
        .queryParam("size", size)
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private void sql(String statement, Object... values) throws SQLException {
    assertEquals(1, OtherConnection.update(dataSource, statement, values));
  }
}
