package dev.feder.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.feder.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * A list page costs the same number of SQL statements whatever its size: categories and authors are
 * fetched in batches, never once per article (no N+1).
 */
@QuarkusTest
class ArticleListStatementsTest {

  @Inject SessionFactory sessionFactory;

  @Test
  void listPageCostsAConstantNumberOfStatements() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String parent = create("/api/v1/categories", Map.of("name", "Welt " + run));
    String child =
        create(
            "/api/v1/categories",
            Map.of("name", "Nachrichten " + run, "parent", Map.of("slug", parent)));
    String other =
        create(
            "/api/v1/categories",
            Map.of("name", "Europa " + run, "parent", Map.of("slug", parent)));
    String sophie = create("/api/v1/authors", Map.of("name", "Sophie Müller " + run));
    String joerg = create("/api/v1/authors", Map.of("name", "Jörg Weißmann " + run));
    for (int i = 0; i < 30; i++) {
      create(
          "/api/v1/articles",
          Map.of(
              "title", "Meldung " + i + " " + run,
              "category", Map.of("slug", i % 2 == 0 ? child : other),
              "authors", List.of(Map.of("slug", sophie), Map.of("slug", joerg)),
              "tags", List.of("Nachrichten"),
              "status", "published"));
    }

    // The first public read after a change also asks when the next scheduled article goes live
    // (see ResponseCache); it is not part of a page's cost.
    statementsFor(parent, 1);
    long small = statementsFor(parent, 2);
    long large = statementsFor(parent, 30);

    assertEquals(small, large, "statements for a page of 2 and a page of 30");
    assertEquals(
        statementsFor(parent, 2, "id,title,body"),
        statementsFor(parent, 30, "id,title,body"),
        "statements for pages with bodies: fetched for the whole page at once");
  }

  private long statementsFor(String category, int size) {
    return statementsFor(category, size, null);
  }

  private long statementsFor(String category, int size, String fields) {
    Statistics statistics = sessionFactory.getStatistics();
    statistics.setStatisticsEnabled(true);
    long before = statistics.getPrepareStatementCount();
    var request = Api.anonymous().queryParam("category", category).queryParam("size", size);
    if (fields != null) {
      request.queryParam("fields", fields);
    }
    request.get("/api/v1/articles").then().statusCode(200);
    return statistics.getPrepareStatementCount() - before;
  }

  private static String create(String path, Map<String, Object> body) {
    return Api.admin().body(body).post(path).then().statusCode(201).extract().path("slug");
  }
}
