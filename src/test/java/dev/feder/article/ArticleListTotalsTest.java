package dev.feder.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.persistence.ContentVersions;
import dev.feder.support.Api;
import dev.feder.support.Await;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import dev.feder.support.QueryCounts;
import dev.feder.support.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code meta.totalItems} of numbered list pages is counted once per content generation (see
 * ListCounts) and must still follow every change at once: writes through the API, changes made
 * straight in the database by another instance or tool, and scheduled articles going live. The
 * reads here are signed in, so the response cache plays no part.
 */
@QuarkusTest
class ArticleListTotalsTest {

  @Inject AgroalDataSource dataSource;
  @Inject ContentVersions versions;
  @Inject TestClock clock;

  @Test
  void totalIsCountedOnceAndFollowsEveryChange() throws SQLException {
    String run = Fixtures.suffix();
    Created category = Fixtures.category("Summen " + run);
    Created author = Fixtures.author("Ute Weiß " + run);
    Created first =
        Fixtures.newArticle("Erste Meldung " + run, category).authors(author).published().create();
    Fixtures.newArticle("Zweite Meldung " + run, category).authors(author).published().create();
    Created third =
        Fixtures.newArticle("Dritte Meldung " + run, category).authors(author).published().create();

    QueryCounts.inOneVersion(
        versions,
        () -> {
          long counted = statementsFor(category.slug());
          long remembered = statementsFor(category.slug());
          assertTrue(remembered < counted, "a repeated read does not count again");
          assertEquals(remembered, statementsFor(category.slug()), "the count stays remembered");
          return null;
        });
    assertEquals(3, total(category.slug()));

    // A write through the API: the next read counts again.
    Fixtures.newArticle("Vierte Meldung " + run, category).authors(author).published().create();
    assertEquals(4, total(category.slug()));
    Fixtures.delete("/api/v1/articles/" + first.id());
    assertEquals(3, total(category.slug()));

    // Straight in the database, as another instance or a script would: heard within moments.
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement("update article set status = 'draft' where id = ?")) {
      update.setObject(1, UUID.fromString(third.id()));
      assertEquals(1, update.executeUpdate());
    }
    assertEquals(
        2, Await.until(() -> total(category.slug()), total -> total == 2, Duration.ofSeconds(10)));

    // A scheduled article is counted from the moment it goes live, with no write in between.
    Instant now = clock.stop();
    try {
      Instant goesLive = now.plus(Duration.ofMinutes(10));
      Created scheduled =
          Fixtures.newArticle("Geplante Meldung " + run, category)
              .authors(author)
              .published(goesLive)
              .create();
      assertEquals("scheduled", scheduled.json().getString("status"));
      assertEquals(2, total(category.slug()));
      clock.set(goesLive.minusMillis(1));
      assertEquals(2, total(category.slug()));
      clock.set(goesLive);
      assertEquals(3, total(category.slug()));
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

  private long statementsFor(String category) {
    return QueryCounts.statementsFor(() -> total(category));
  }
}
