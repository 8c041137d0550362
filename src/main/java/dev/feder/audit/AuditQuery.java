package dev.feder.audit;

import dev.feder.error.ProblemException;
import dev.feder.paging.Cursor;
import dev.feder.paging.PageRequest;
import dev.feder.paging.PagedQuery;
import dev.feder.paging.SortOrder;
import dev.feder.web.Instants;
import io.quarkus.panache.common.Parameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The audit log query: the filters, then newest first with the id as the tie-breaker, by page or
 * after a keyset cursor. Every value is a bound parameter; each filter has an index that serves it
 * in this order ({@code V7__audit_log.sql}).
 */
final class AuditQuery implements PagedQuery<AuditEvent> {

  /** The one order of the log: newest first. */
  static final SortOrder NEWEST_FIRST = SortOrder.parse(null, Map.of("at", "occurredAt"), "-at");

  private final List<String> where = new ArrayList<>();
  private final Parameters params = new Parameters();

  void ofType(AuditEntityType type) {
    where.add("entityType = :entityType");
    params.and("entityType", type.value());
  }

  void ofEntity(UUID id) {
    where.add("entityId = :entityId");
    params.and("entityId", id);
  }

  void byActor(String actor) {
    where.add("actor = :actor");
    params.and("actor", actor);
  }

  void withAction(AuditAction action) {
    where.add("action = :action");
    params.and("action", action.value());
  }

  void since(Instant instant) {
    where.add("occurredAt >= :since");
    params.and("since", instant);
  }

  void until(Instant instant) {
    where.add("occurredAt < :until");
    params.and("until", instant);
  }

  @Override
  public SortOrder order() {
    return NEWEST_FIRST;
  }

  /** Only events after the position a cursor names. */
  @Override
  public void after(Cursor cursor) {
    List<String> raw = cursor.values();
    try {
      where.add(
          NEWEST_FIRST.after(
              List.of(
                  Instants.accept(Instant.parse(raw.get(0)), "cursor", true),
                  UUID.fromString(raw.get(1))),
              params,
              true)); // audit_event.at is NOT NULL
    } catch (RuntimeException e) {
      throw ProblemException.badParameter("cursor", "is not a cursor this API issued");
    }
  }

  /** The cursor that continues after {@code last}. */
  @Override
  public Cursor cursorAfter(AuditEvent last) {
    return new Cursor(NEWEST_FIRST.spec(), List.of(last.occurredAt.toString(), last.id.toString()));
  }

  /** The first {@code limit} events, without OFFSET. */
  @Override
  public List<AuditEvent> first(int limit) {
    return AuditEvent.<AuditEvent>find(condition(), NEWEST_FIRST.toSort(), params)
        .range(0, limit - 1)
        .list();
  }

  @Override
  public List<AuditEvent> page(PageRequest page) {
    return AuditEvent.<AuditEvent>find(condition(), NEWEST_FIRST.toSort(), params)
        .page(page.page() - 1, page.size())
        .list();
  }

  @Override
  public long count() {
    return AuditEvent.count(condition(), params);
  }

  private String condition() {
    return where.isEmpty() ? "1 = 1" : String.join(" and ", where);
  }
}
