package dev.feder.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.persistence.ContentVersions;
import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import dev.feder.support.QueryCounts;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A list page costs the same number of SQL statements whatever its size: its ids, rows, categories
 * and bodies are read in one statement, and its authors are remembered ({@code KnownAuthors});
 * never a statement per article (no N+1).
 */
@QuarkusTest
class ArticleListStatementsTest {

  /**
   * What a page of this list needs: the ids of the category and its descendants, and the page (the
   * articles' ids off the index, their rows with categories and their parents, and the ids of their
   * bylines), with their bodies when asked for.
   */
  private static final int PAGE = 2;

  @Inject ContentVersions versions;

  @Test
  void listPageCostsAConstantNumberOfStatements() {
    String run = Fixtures.suffix();
    Created parent = Fixtures.category("Welt " + run);
    Created child = Fixtures.category("Nachrichten " + run, parent);
    Created other = Fixtures.category("Europa " + run, parent);
    Created sophie = Fixtures.author("Sophie Müller " + run);
    Created joerg = Fixtures.author("Jörg Weißmann " + run);
    for (int i = 0; i < 30; i++) {
      Fixtures.newArticle("Meldung " + i + " " + run, i % 2 == 0 ? child : other)
          .authors(sophie, joerg)
          .tags("Nachrichten")
          .published()
          .create();
    }

    long[] counts =
        QueryCounts.inOneVersion(
            versions,
            () -> {
              // The first public read after a change also counts the list and asks when the next
              // scheduled article goes live (see ResponseCache); neither is part of a page's cost.
              statementsFor(parent.slug(), 1, null);
              return new long[] {
                statementsFor(parent.slug(), 2, null),
                statementsFor(parent.slug(), 30, null),
                statementsFor(parent.slug(), 2, "id,title,body"),
                statementsFor(parent.slug(), 30, "id,title,body")
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
        counts[3] <= PAGE,
        "statements for a page of 30 with bodies: " + counts[3] + ", more than " + PAGE);
  }

  private long statementsFor(String category, int size, String fields) {
    return QueryCounts.statementsFor(
        () -> {
          var request = Api.anonymous().queryParam("category", category).queryParam("size", size);
          if (fields != null) {
            request.queryParam("fields", fields);
          }
          request.get("/api/v1/articles").then().statusCode(200);
        });
  }
}
