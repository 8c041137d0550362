package dev.feder.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import dev.feder.support.ChangesFeed;
import dev.feder.support.Fixtures;
import dev.feder.support.Problems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The outbox's promise to a consumer that keeps its cursor: every committed event exactly once, in
 * the order of the transactions' ids, also when transactions commit in another order than they
 * wrote; nothing of a transaction that rolled back; and a 410 once events after the cursor are
 * gone.
 */
@QuarkusTest
class CommitOrderTest {

  @Inject EventLog events;

  @Test
  void anEventCommittedFirstWaitsForAnOlderTransactionStillRunning() throws Exception {
    ChangesFeed feed = ChangesFeed.fromNow(Api::admin);
    UUID older = UUID.randomUUID();
    UUID younger = UUID.randomUUID();
    CountDownLatch olderWrote = new CountDownLatch(1);
    CountDownLatch youngerCommitted = new CountDownLatch(1);
    ExecutorService writers = Executors.newFixedThreadPool(2);
    try {
      Future<?> first =
          writers.submit(
              () ->
                  QuarkusTransaction.requiringNew()
                      .run(
                          () -> {
                            record(older);
                            olderWrote.countDown();
                            await(youngerCommitted);
                          }));
      assertTrue(olderWrote.await(10, TimeUnit.SECONDS));
      writers.submit(() -> QuarkusTransaction.requiringNew().run(() -> record(younger))).get();

      // The younger transaction has committed, but the older one may still commit an event
      // before it: the feed holds the younger one back rather than skip the older one later.
      assertEquals(List.of(), ids(feed.poll(), older, younger));

      youngerCommitted.countDown();
      first.get(10, TimeUnit.SECONDS);
      assertEquals(
          List.of(older.toString(), younger.toString()),
          ids(feed.pollUntil(read -> ids(read, older, younger).size() == 2), older, younger));
    } finally {
      writers.shutdownNow();
    }
  }

  @Test
  void aConsumerPollingTwoConcurrentWritersGetsEveryCommittedEventOnce() throws Exception {
    ChangesFeed feed = ChangesFeed.fromNow(Api::admin);
    Set<String> committed = Collections.synchronizedSet(new HashSet<>());
    Set<String> rolledBack = Collections.synchronizedSet(new HashSet<>());
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService writers = Executors.newFixedThreadPool(2);
    List<Future<?>> done = new ArrayList<>();
    for (int writer = 0; writer < 2; writer++) {
      done.add(
          writers.submit(
              () -> {
                for (int i = 0; i < 40; i++) {
                  UUID id = UUID.randomUUID();
                  boolean rollBack = i % 10 == 7;
                  try {
                    QuarkusTransaction.requiringNew()
                        .run(
                            () -> {
                              record(id);
                              // Hold some transactions open, so they commit out of id order.
                              pause(ThreadLocalRandom.current().nextInt(0, 30));
                              if (rollBack) {
                                throw new IllegalStateException("rolled back on purpose");
                              }
                            });
                    committed.add(id.toString());
                  } catch (IllegalStateException e) {
                    rolledBack.add(id.toString());
                  }
                }
                return null;
              }));
    }
    List<Map<String, Object>> read = new ArrayList<>();
    Thread stop =
        new Thread(
            () -> {
              for (Future<?> writer : done) {
                try {
                  writer.get();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }
              writing.set(false);
            });
    stop.start();
    while (writing.get()) {
      read.addAll(feed.poll(7));
    }
    stop.join();
    writers.shutdown();
    read.addAll(feed.pollUntil(items -> seen(read, items).containsAll(committed)));

    List<String> ids = read.stream().map(item -> (String) item.get("entityId")).toList();
    List<String> ours =
        ids.stream().filter(id -> committed.contains(id) || rolledBack.contains(id)).toList();
    assertEquals(committed, new HashSet<>(ours), "every committed event, nothing rolled back");
    assertEquals(new HashSet<>(ours).size(), ours.size(), "no event twice");
    assertEquals(8, rolledBack.size());
  }

  @Test
  void aCursorBeforeEventsTheRetentionRemovedIsGone() {
    ChangesFeed old = ChangesFeed.fromNow(Api::anonymous);
    Fixtures.category("Vergangen " + Fixtures.suffix());
    ChangesFeed fresh = ChangesFeed.fromNow(Api::anonymous);
    // What the retention job does once the events are older than the retention.
    events.removeBefore(Instant.now().plusSeconds(1), 100_000);

    Problems.assertProblem(
        Api.raw().queryParam("since", old.cursor()).get("/api/v1/changes"), 410, "/problems/gone");
    Problems.assertProblem(Api.raw().get("/api/v1/changes"), 410, "/problems/gone");
    assertEquals(List.of(), fresh.poll(), "a cursor after the removed events goes on");
  }

  private void record(UUID id) {
    events.record(
        EventType.CATEGORY_CREATED,
        id,
        null,
        EntityState.category("reihenfolge-" + id, List.of(new EntityState.Node(id, "r"))),
        List.of());
  }

  private static Set<Object> seen(List<Map<String, Object>> before, List<Map<String, Object>> now) {
    Set<Object> ids = new HashSet<>();
    before.forEach(item -> ids.add(item.get("entityId")));
    now.forEach(item -> ids.add(item.get("entityId")));
    return ids;
  }

  private static List<Object> ids(List<Map<String, Object>> items, UUID... wanted) {
    Set<String> keep = new HashSet<>();
    for (UUID id : wanted) {
      keep.add(id.toString());
    }
    return items.stream().map(item -> item.get("entityId")).filter(keep::contains).toList();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void pause(int millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
