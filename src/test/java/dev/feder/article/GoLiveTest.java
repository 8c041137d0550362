package dev.feder.article;

import static dev.feder.support.ChangesFeed.of;
import static dev.feder.support.ChangesFeed.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import dev.feder.support.ChangesFeed;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A scheduled article goes live by itself: {@code article.published} is recorded once, within
 * seconds of its publishedAt, however many instances look for due articles at the same time.
 */
@QuarkusTest
class GoLiveTest {

  @Inject ArticleEvents events;

  @Test
  void aScheduledArticleIsAnnouncedOnceWhenItGoesLive() {
    ChangesFeed tokens = ChangesFeed.fromNow(Api::admin);
    ChangesFeed anonymous = ChangesFeed.fromNow(Api::anonymous);
    Created category = Fixtures.category("Zeitplan " + Fixtures.suffix());
    Instant goesLive = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
    String id = scheduled("Um Punkt " + Fixtures.suffix(), category.slug(), goesLive);

    List<Map<String, Object>> read =
        tokens.pollUntil(items -> types(of(items, id)).contains("article.published"));
    List<Map<String, Object>> article = of(read, id);
    assertEquals(List.of("article.created", "article.published"), types(article));
    assertEquals("none", article.get(0).get("operation"), "scheduled: not public yet");
    Map<?, ?> published = (Map<?, ?>) article.get(1).get("event");
    assertEquals("scheduled", published.get("previousStatus"));
    assertEquals("published", published.get("status"));
    Instant announced = Instant.parse((String) published.get("occurredAt"));
    assertTrue(
        !announced.isBefore(goesLive) && announced.isBefore(goesLive.plusSeconds(5)),
        "announced at " + announced + " for " + goesLive);

    // Nothing more of it afterwards; the public view gets one upsert.
    assertEquals(List.of(), of(tokens.pollAllCommitted(), id));
    List<Map<String, Object>> publicView = of(anonymous.pollAllCommitted(), id);
    assertEquals(List.of("upsert"), publicView.stream().map(i -> i.get("operation")).toList());
  }

  @Test
  void instancesLookingAtTheSameTimeAnnounceEachGoingLiveOnce() throws Exception {
    ChangesFeed feed = ChangesFeed.fromNow(Api::admin);
    Created category = Fixtures.category("Gleichzeitig " + Fixtures.suffix());
    Instant goesLive = Instant.now().plusSeconds(3);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ids.add(scheduled("Gleichzeitig " + i + " " + Fixtures.suffix(), category.slug(), goesLive));
    }
    long wait = Duration.between(Instant.now(), goesLive).toMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }

    // Four "instances" (and this one's own job) claim due articles at the same moment.
    ExecutorService instances = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Callable<Integer>> jobs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        jobs.add(
            () -> {
              start.await();
              int handled = 0;
              for (int batch = 0; batch < 10; batch++) {
                handled += events.announceDue(3);
              }
              return handled;
            });
      }
      List<Future<Integer>> running = new ArrayList<>();
      jobs.forEach(job -> running.add(instances.submit(job)));
      start.countDown();
      for (Future<Integer> job : running) {
        job.get(30, TimeUnit.SECONDS);
      }
    } finally {
      instances.shutdownNow();
    }

    List<Map<String, Object>> read =
        feed.pollUntil(
            items ->
                ids.stream().allMatch(id -> types(of(items, id)).contains("article.published")));
    read.addAll(feed.pollAllCommitted());
    for (String id : ids) {
      assertEquals(
          List.of("article.created", "article.published"), types(of(read, id)), "article " + id);
    }
  }

  private static String scheduled(String title, String categorySlug, Instant publishedAt) {
    return Api.admin()
        .body(
            Map.of(
                "title",
                title,
                "category",
                Map.of("slug", categorySlug),
                "status",
                "published",
                "publishedAt",
                publishedAt.toString()))
        .post("/api/v1/articles")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
