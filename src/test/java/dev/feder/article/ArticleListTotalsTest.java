package dev.feder.article;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.persistence.ContentGenerations;
import dev.feder.support.Api;
import dev.feder.support.QueryCounts;
import dev.feder.support.TestClock;
import dev.feder.support.TestData;
import dev.feder.support.TestData.Created;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * {@code meta.totalItems} of numbered list pages is counted once per content generation (see
 * ListCounts) and must still follow every change at once: writes through the API, changes made
 * straight in the database by another instance or tool, and scheduled articles going live. The
 * reads here are signed in, so the response cache plays no part.
 */
@QuarkusTest
class ArticleListTotalsTest {

  @Inject SessionFactory sessionFactory;
  @Inject AgroalDataSource dataSource;
  @Inject ContentGenerations generations;
  @Inject TestClock clock;

  @Test
  void totalIsCountedOnceAndFollowsEveryChange() throws SQLException, InterruptedException {
    String run = TestData.suffix();
    String category = TestData.category("Summen " + run).slug();
    String author = TestData.author("Ute Weiß " + run).slug();
    Created first = TestData.publishedArticle("Erste Meldung " + run, category, author);
    TestData.publishedArticle("Zweite Meldung " + run, category, author);
    Created third = TestData.publishedArticle("Dritte Meldung " + run, category, author);

    QueryCounts.inOneGeneration(
        generations,
        () -> {
          long counted = statementsFor(category);
          long remembered = statementsFor(category);
          assertTrue(remembered < counted, "a repeated read does not count again");
          assertEquals(remembered, statementsFor(category), "the count stays remembered");
          return null;
        });
    assertEquals(3, total(category));

    // A write through the API: the next read counts again.
    TestData.publishedArticle("Vierte Meldung " + run, category, author);
    assertEquals(4, total(category));
    Api.admin()
        .header("If-Match", TestData.etag("/api/v1/articles/" + first.id()))
        .delete("/api/v1/articles/" + first.id())
        .then()
        .statusCode(204);
    assertEquals(3, total(category));

    // Straight in the database, as another instance or a script would: heard within moments.
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement("update article set status = 'draft' where id = ?")) {
      update.setObject(1, UUID.fromString(third.id()));
      assertEquals(1, update.executeUpdate());
    }
    assertEquals(2, awaitTotal(category, 2, Duration.ofSeconds(10)));

    // A scheduled article is counted from the moment it goes live, with no write in between.
    Instant now = clock.stop();
    try {
      Instant goesLive = now.plus(Duration.ofMinutes(10));
      Api.admin()
          .body(
              Map.of(
                  "title", "Geplante Meldung " + run,
                  "category", Map.of("slug", category),
                  "authors", List.of(Map.of("slug", author)),
                  "status", "published",
                  "publishedAt", goesLive.toString()))
          .post("/api/v1/articles")
          .then()
          .statusCode(201)
          .body("status", equalTo("scheduled"));
      assertEquals(2, total(category));
      clock.set(goesLive.minusMillis(1));
      assertEquals(2, total(category));
      clock.set(goesLive);
      assertEquals(3, total(category));
    } finally {
      clock.resume();
    }
  }

  private static int total(String category) {
    return Api.admin()
        .queryParam("category", category)
        .queryParam("status", "published")
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .extract()
        .path("meta.totalItems");
  }

  private static int awaitTotal(String category, int expected, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    int seen = total(category);
    while (seen != expected && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
      seen = total(category);
    }
    return seen;
  }

  private long statementsFor(String category) {
    Statistics statistics = sessionFactory.getStatistics();
    statistics.setStatisticsEnabled(true);
    long before = statistics.getPrepareStatementCount();
    total(category);
    return statistics.getPrepareStatementCount() - before;
  }
}
