package dev.feder.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feder.web.WireValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The event outbox. Features record each change of content here inside the change's own
 * transaction, as they record it in the audit log, so an event exists exactly when its change was
 * committed; the changes feed and the webhooks read the events in commit order.
 *
 * <p>Readers see only final events: those written by transactions older than the oldest one still
 * running (see V19__events.sql). A long-running write anywhere on the database server holds every
 * reader back until it ends, so writes keep their transactions short.
 */
@ApplicationScoped
public class EventLog {

  private final EntityManager entityManager;
  private final ObjectMapper mapper;
  private final PublicPaths paths;
  private final Clock clock = Clock.systemUTC();

  public EventLog(EntityManager entityManager, ObjectMapper mapper, PublicPaths paths) {
    this.entityManager = entityManager;
    this.mapper = mapper;
    this.paths = paths;
  }

  /**
   * Records a change inside the caller's transaction.
   *
   * @param before the entity before the change; null for a creation
   * @param after the entity after it; null for a deletion or purge
   * @param changed the names of the fields whose value changed; empty when none or not applicable
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Event record(
      EventType type, UUID entityId, EntityState before, EntityState after, List<String> changed) {
    PublicChange change =
        after != null && after.visible()
            ? PublicChange.UPSERT
            : before != null && before.visible() ? PublicChange.DELETE : PublicChange.NONE;
    return insert(type, entityId, before, after, changed, change);
  }

  /**
   * Records a change whose effect on the public view another event of the same transaction carries:
   * an article's creation or update that published or unpublished it, recorded before that {@code
   * article.published} or {@code article.unpublished}. Consumers of the public view then see the
   * change once.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Event recordBeside(
      EventType type, UUID entityId, EntityState before, EntityState after, List<String> changed) {
    return insert(type, entityId, before, after, changed, PublicChange.NONE);
  }

  private Event insert(
      EventType type,
      UUID entityId,
      EntityState before,
      EntityState after,
      List<String> changed,
      PublicChange change) {
    if (before == null && after == null) {
      throw new IllegalArgumentException("An event needs the state before or after the change");
    }
    EntityKind kind = type.entity();
    EntityState now = after != null ? after : before;
    Event event =
        new Event(
            UUID.randomUUID(),
            type,
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            kind,
            entityId,
            now.slug(),
            before != null && after != null && !before.slug().equals(after.slug())
                ? before.slug()
                : null,
            after == null ? null : after.status(),
            before != null
                    && !Objects.equals(before.status(), after == null ? null : after.status())
                ? before.status()
                : null,
            List.copyOf(changed),
            paths.pages(kind, before, after),
            paths.feeds(kind, before, after),
            CacheTags.of(kind, entityId, before, after));
    entityManager
        .createNativeQuery(
            "insert into event (id, type, occurred_at, entity_type, entity_id, public_change,"
                + " payload) values (:id, :type, :at, :kind, :entity, :change,"
                + " cast(:payload as jsonb))")
        .setParameter("id", event.id())
        .setParameter("type", type.value())
        .setParameter("at", event.occurredAt())
        .setParameter("kind", kind.value())
        .setParameter("entity", entityId)
        .setParameter("change", change.value())
        .setParameter("payload", write(event))
        .executeUpdate();
    return event;
  }

  /**
   * Up to {@code limit} final events after {@code cursor}, in commit order, of the given kinds;
   * with {@code publicView}, only those that change what anonymous readers see.
   */
  @Transactional
  public List<StoredEvent> after(
      EventCursor cursor, Collection<EntityKind> kinds, boolean publicView, int limit) {
    if (kinds.isEmpty()) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select cast(xid as text), position, public_change, cast(payload as text)"
                    + " from event"
                    + " where (xid, position) > (cast(:xid as xid8), :position)"
                    + " and xid < pg_snapshot_xmin(pg_current_snapshot())"
                    + " and entity_type in (:kinds)"
                    + (publicView ? " and public_change <> 'none'" : "")
                    + " order by xid, position limit :limit")
            .setParameter("xid", Long.toString(cursor.xid()))
            .setParameter("position", cursor.position())
            .setParameter("kinds", kinds.stream().map(EntityKind::value).toList())
            .setParameter("limit", limit)
            .getResultList();
    List<StoredEvent> events = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      events.add(
          new StoredEvent(
              new EventCursor(Long.parseLong((String) row[0]), ((Number) row[1]).longValue()),
              WireValue.parse(PublicChange.class, (String) row[2]),
              read((String) row[3])));
    }
    return events;
  }

  /**
   * A cursor after every event that is final now and before every later one: where a client starts
   * that has just read everything from the lists.
   */
  @Transactional
  public EventCursor head() {
    String xmin =
        (String)
            entityManager
                .createNativeQuery(
                    "select cast(pg_snapshot_xmin(pg_current_snapshot()) as text)", String.class)
                .getSingleResult();
    return new EventCursor(Long.parseLong(xmin), 0);
  }

  /**
   * Whether events after {@code cursor} may have been removed by the retention: the cursor lies
   * before the last event removed.
   */
  @Transactional
  public boolean lostAfter(EventCursor cursor) {
    return cursor.compareTo(removedUpTo()) < 0;
  }

  /** The last event the retention removed; {@link EventCursor#START} while none was. */
  private EventCursor removedUpTo() {
    Object[] row =
        (Object[])
            entityManager
                .createNativeQuery(
                    "select cast(removed_xid as text), removed_position from event_retention")
                .getSingleResult();
    return new EventCursor(Long.parseLong((String) row[0]), ((Number) row[1]).longValue());
  }

  /**
   * Removes up to {@code limit} final events that occurred before {@code cutoff}, and remembers the
   * last one removed, so cursors before it are answered with a resync.
   *
   * @return how many were removed; fewer than {@code limit} means none is left
   */
  @Transactional
  public int removeBefore(Instant cutoff, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> removed =
        entityManager
            .createNativeQuery(
                "delete from event where position in (select position from event"
                    + " where occurred_at < :cutoff"
                    + " and xid < pg_snapshot_xmin(pg_current_snapshot())"
                    + " order by occurred_at limit :limit)"
                    + " returning cast(xid as text), position")
            .setParameter("cutoff", cutoff)
            .setParameter("limit", limit)
            .getResultList();
    if (removed.isEmpty()) {
      return 0;
    }
    EventCursor last =
        removed.stream()
            .map(
                row ->
                    new EventCursor(Long.parseLong((String) row[0]), ((Number) row[1]).longValue()))
            .max(EventCursor::compareTo)
            .orElseThrow();
    entityManager
        .createNativeQuery(
            "update event_retention set removed_xid = cast(:xid as xid8), removed_position = :position"
                + " where (removed_xid, removed_position) < (cast(:xid as xid8), :position)")
        .setParameter("xid", Long.toString(last.xid()))
        .setParameter("position", last.position())
        .executeUpdate();
    return removed.size();
  }

  private String write(Event event) {
    try {
      return mapper.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize event " + event.id(), e);
    }
  }

  private Event read(String payload) {
    try {
      return mapper.readValue(payload, Event.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read a stored event", e);
    }
  }
}
