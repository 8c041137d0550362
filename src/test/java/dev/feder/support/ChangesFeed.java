package dev.feder.support;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** A consumer of the changes feed, as an integrator writes one: it keeps its cursor. */
public final class ChangesFeed {

  private static final String CHANGES = "/api/v1/changes";

  private final Supplier<RequestSpecification> caller;
  private String cursor;

  private ChangesFeed(Supplier<RequestSpecification> caller, String cursor) {
    this.caller = caller;
    this.cursor = cursor;
  }

  /** A consumer that starts after everything committed so far. */
  public static ChangesFeed fromNow(Supplier<RequestSpecification> caller) {
    String cursor =
        caller
            .get()
            .queryParam("since", "now")
            .get(CHANGES)
            .then()
            .statusCode(200)
            .extract()
            .path("meta.nextCursor");
    return new ChangesFeed(caller, cursor);
  }

  /** The cursor it holds now. */
  public String cursor() {
    return cursor;
  }

  /** Reads every change that is ready, page by page, and moves its cursor past them. */
  public List<Map<String, Object>> poll() {
    return poll(20);
  }

  /** Like {@link #poll()}, with pages of {@code size}. */
  public List<Map<String, Object>> poll(int size) {
    List<Map<String, Object>> items = new ArrayList<>();
    boolean more;
    do {
      JsonPath page =
          caller
              .get()
              .queryParam("since", cursor)
              .queryParam("size", size)
              .get(CHANGES)
              .then()
              .statusCode(200)
              .header("Cache-Control", "no-store")
              .extract()
              .jsonPath();
      items.addAll(page.getList("data"));
      cursor = page.getString("meta.nextCursor");
      more = page.getBoolean("meta.hasMore");
    } while (more);
    return items;
  }

  /**
   * Polls until the changes read so far satisfy {@code done} (at most ten seconds: a change shows
   * once every transaction that began before it has ended), and returns them all.
   */
  public List<Map<String, Object>> pollUntil(Predicate<List<Map<String, Object>>> done) {
    List<Map<String, Object>> items = new ArrayList<>();
    Instant deadline = Instant.now().plusSeconds(10);
    do {
      items.addAll(poll());
      if (done.test(items)) {
        return items;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("The changes feed did not show what was expected; it showed " + items);
  }

  /** Polls until a change of this entity shows; returns every change read. */
  public List<Map<String, Object>> pollUntilChangeOf(String entityId) {
    return pollUntil(items -> !of(items, entityId).isEmpty());
  }

  /**
   * Everything read up to a new change made for the purpose (a category), without it: every change
   * committed before this call shows by then.
   */
  public List<Map<String, Object>> pollAllCommitted() {
    String sentinel = Fixtures.category("Wegmarke " + Fixtures.suffix()).id();
    List<Map<String, Object>> items = pollUntilChangeOf(sentinel);
    return items.stream().filter(item -> !sentinel.equals(item.get("entityId"))).toList();
  }

  /** The items of one entity among {@code items}. */
  public static List<Map<String, Object>> of(List<Map<String, Object>> items, String entityId) {
    return items.stream().filter(item -> entityId.equals(item.get("entityId"))).toList();
  }

  /** The event types of {@code items}, in order. */
  public static List<Object> types(List<Map<String, Object>> items) {
    return items.stream().map(item -> item.get("eventType")).toList();
  }
}
