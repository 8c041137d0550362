package dev.feder.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.feder.config.FederConfig;
import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

/**
 * The warm-up after startup (switched off for the tests, so run here by hand) reads as an anonymous
 * reader would, outside any HTTP request: it starts from the newest public article, not from a
 * scheduled one that an editor would see first. Readiness waits for it, and only for it.
 */
@QuarkusTest
class ReadWarmupTest {

  @Inject @Readiness ReadWarmup warmup;
  @Inject FederConfig config;
  @Inject ArticleService articles;

  @Test
  void readinessWaitsUntilTheWarmUpHasRunAndNotLonger() {
    ReadWarmup starting = new ReadWarmup(config, articles);
    assertEquals(HealthCheckResponse.Status.DOWN, starting.call().getStatus());
    assertEquals("pending", starting.call().getData().orElseThrow().get("state"));

    starting.warmUp();

    assertEquals(HealthCheckResponse.Status.UP, starting.call().getStatus());
    assertEquals("done", starting.call().getData().orElseThrow().get("state"));
  }

  @Test
  void aWarmUpThatFailsLeavesTheInstanceReady() {
    // Without the article service every read throws.
    ReadWarmup broken = new ReadWarmup(config, null);

    broken.warmUp();

    assertEquals(HealthCheckResponse.Status.UP, broken.call().getStatus());
    assertEquals("failed", broken.call().getData().orElseThrow().get("state"));
  }

  @Test
  void readsTheNewestPublicArticleAsAnAnonymousReader() {
    Created category = Fixtures.category("Aufwärmen " + Fixtures.suffix());
    Instant now = Fixtures.now();
    for (int i = 0; i < 21; i++) {
      Fixtures.newArticle("Hafenmeldung " + i, category)
          .withText()
          .published(now.minusSeconds(600 - i))
          .create();
    }
    Fixtures.newArticle("Marine übt vor Nampo", category).withText().published(now).create();
    // An editor's list starts with this one (newest publishedAt); an anonymous reader's does not.
    String scheduled =
        Fixtures.newArticle("Morgen: Übung endet", category)
            .withText()
            .published(now.plus(Duration.ofDays(1)))
            .create()
            .slug();

    List<String> reads = warmup.run();

    JsonPath newestPublic =
        Api.anonymous()
            .queryParam("size", 1)
            .get("/api/v1/articles")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String slug = newestPublic.getString("data[0].slug");
    assertNotEquals(scheduled, slug);
    assertEquals(
        List.of(
            "list",
            "cursor",
            "category " + newestPublic.getString("data[0].category.slug"),
            "article " + slug,
            "search",
            "related"),
        reads,
        "reads of the warm-up, from the newest article an anonymous reader sees");
  }
}
