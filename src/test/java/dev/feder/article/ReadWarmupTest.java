package dev.feder.article;

import static dev.feder.article.ArticleFixtures.create;
import static dev.feder.article.ArticleFixtures.published;
import static dev.feder.article.ArticleFixtures.sections;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

/**
 * The warm-up after startup (off in the other tests) reads as an anonymous reader would, outside
 * any HTTP request: it starts from the newest public article, not from a scheduled one that an
 * editor would see first.
 */
@QuarkusTest
class ReadWarmupTest {

  @Inject @Readiness ReadWarmup warmup;

  @Test
  void readsTheNewestPublicArticleAsAnAnonymousReader() {
    ArticleFixtures.Sections sections = sections();
    Instant now = Instant.now();
    for (int i = 0; i < 21; i++) {
      create(published("Hafenmeldung " + i, sections.nachrichten(), now.minusSeconds(600 - i)));
    }
    String newest =
        create(published("Marine übt vor Nampo", sections.nachrichten(), now)).getString("slug");
    String scheduled =
        create(
                published(
                    "Morgen: Übung endet", sections.nachrichten(), now.plus(Duration.ofDays(1))))
            .getString("slug");

    List<String> reads = warmup.run();

    assertEquals(
        List.of(
            "list",
            "cursor",
            "category " + sections.nachrichten().slug(),
            "article " + newest,
            "search",
            "related"),
        reads,
        "reads of the warm-up (the scheduled article " + scheduled + " must not be among them)");
  }
}
