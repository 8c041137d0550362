package dev.feder.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.persistence.ContentGenerations;
import dev.feder.support.Api;
import dev.feder.support.QueryCounts;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * A list page costs the same number of SQL statements whatever its size: categories and authors are
 * fetched in batches, never once per article (no N+1).
 */
@QuarkusTest
class ArticleListStatementsTest {

  /**
   * What a page of this list needs: the ids of the category and its descendants, the page of
   * articles, their categories, the parents of those (one level in this tree), and the bylines.
   * Bodies, when asked for, are one more, for the whole page.
   */
  private static final int PAGE = 5;

  @Inject SessionFactory sessionFactory;
  @Inject ContentGenerations generations;

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

    long[] counts =
        QueryCounts.inOneGeneration(
            generations,
            () -> {
              // The first public read after a change also counts the list and asks when the next
              // scheduled article goes live (see ResponseCache); neither is part of a page's cost.
              statementsFor(parent, 1, null);
              return new long[] {
                statementsFor(parent, 2, null),
                statementsFor(parent, 30, null),
                statementsFor(parent, 2, "id,title,body"),
                statementsFor(parent, 30, "id,title,body")
              };
            });

    assertEquals(counts[0], counts[1], "statements for a page of 2 and a page of 30");
    assertTrue(
        counts[1] <= PAGE, "statements for a page of 30: " + counts[1] + ", more than " + PAGE);
    assertEquals(
        counts[2],
        counts[3],
        "statements for pages with bodies: fetched for the whole page at once");
    assertTrue(
        counts[3] <= PAGE + 1,
        "statements for a page of 30 with bodies: " + counts[3] + ", more than " + (PAGE + 1));
  }

  private long statementsFor(String category, int size, String fields) {
    return QueryCounts.statementsFor(
        sessionFactory,
        () -> {
          var request = Api.anonymous().queryParam("category", category).queryParam("size", size);
          if (fields != null) {
            request.queryParam("fields", fields);
          }
          request.get("/api/v1/articles").then().statusCode(200);
        });
  }

  private static String create(String path, Map<String, Object> body) {
    return Api.admin().body(body).post(path).then().statusCode(201).extract().path("slug");
  }
}
