package dev.feder.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feder.persistence.ContentTags;
import dev.feder.persistence.Sql;
import dev.feder.web.WireValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The event outbox. Features record each change of content here inside the change's own
 * transaction, as they record it in the audit log, so an event exists exactly when its change was
 * committed; the changes feed and the webhooks read the events in commit order.
 *
 * <p>Readers see only final events: those written by transactions older than the oldest one still
 * running (see V19__events.sql). A long-running write anywhere on the database server holds every
 * reader back until it ends, so writes keep their transactions short.
 *
 * <p>An event's cache tags are those its states imply ({@link CacheTags}) and those the database
 * triggers named for the statements of its change ({@link ContentTags#collectedInTransaction}): the
 * same tags Feder's own response cache drops for it, such as {@code search} for the text of a
 * public article or the articles that embed a changed asset. A feature therefore records an event
 * after the statements of its change.
 */
@ApplicationScoped
public class EventLog {

  /** Where in the transaction's collected tags the previous event left off. */
  private record Mark(UUID entityId, int from, int upTo) {}

  private static final String MARK = EventLog.class.getName() + ".mark";

  private final Sql sql;
  private final ObjectMapper mapper;
  private final PublicPaths paths;
  private final EntityManager entityManager;
  private final TransactionSynchronizationRegistry transactions;
  private final Clock clock = Clock.systemUTC();

  public EventLog(
      Sql sql,
      ObjectMapper mapper,
      PublicPaths paths,
      EntityManager entityManager,
      TransactionSynchronizationRegistry transactions) {
    this.sql = sql;
    this.mapper = mapper;
    this.paths = paths;
    this.entityManager = entityManager;
    this.transactions = transactions;
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
            paths.pages(kind, entityId, before, after, clock.instant()),
            paths.feeds(kind, before, after),
            tags(kind, entityId, before, after));
    sql.update(
        "insert into event (id, type, occurred_at, entity_type, entity_id, public_change,"
            + " payload) values (?, ?, ?, ?, ?, ?, cast(? as jsonb))",
        event.id(),
        type.value(),
        event.occurredAt(),
        kind.value(),
        entityId,
        change.value(),
        write(event));
    return event;
  }

  /**
   * The tags of a change: those of its states, and those the triggers named since the previous
   * event of this transaction, with {@code <kind>:any} for every kind among them (as the response
   * cache drops them); the states' own first. Most transactions record one event; a write that
   * records two of one entity (an article's update and its publication) names the same tags in
   * both, and a job that changes several entities in one transaction records each one's event after
   * its change, so that each event names its own.
   */
  private List<String> tags(EntityKind kind, UUID entityId, EntityState before, EntityState after) {
    List<String> own = CacheTags.of(kind, entityId, before, after);
    String collected = ContentTags.collectedInTransaction(entityManager);
    Mark previous = (Mark) transactions.getResource(MARK);
    int from =
        previous == null
            ? 0
            : previous.entityId().equals(entityId) ? previous.from() : previous.upTo();
    if (from > collected.length()) {
      // The triggers replaced what they collected by everything ('*').
      from = 0;
    }
    transactions.putResource(MARK, new Mark(entityId, from, collected.length()));
    Set<String> more = new TreeSet<>(ContentTags.named(collected.substring(from)));
    more.addAll(ContentTags.withAnyOfKind(own));
    Set<String> tags = new LinkedHashSet<>(own);
    tags.addAll(more);
    return List.copyOf(tags);
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
    String placeholders = String.join(", ", kinds.stream().map(kind -> "?").toList());
    List<Object> parameters = new ArrayList<>();
    parameters.add(Long.toString(cursor.xid()));
    parameters.add(cursor.position());
    kinds.forEach(kind -> parameters.add(kind.value()));
    parameters.add(limit);
    return sql.list(
        "select cast(xid as text), position, public_change, cast(payload as text) from event"
            + " where (xid, position) > (cast(? as xid8), ?)"
            + " and xid < pg_snapshot_xmin(pg_current_snapshot())"
            + " and entity_type in ("
            + placeholders
            + ")"
            + (publicView ? " and public_change <> 'none'" : "")
            + " order by xid, position limit ?",
        row ->
            new StoredEvent(
                cursor(row),
                WireValue.parse(PublicChange.class, row.getString(3)),
                read(row.getString(4))),
        parameters.toArray());
  }

  /**
   * A cursor after every event that is final now and before every later one: where a client starts
   * that has just read everything from the lists.
   */
  @Transactional
  public EventCursor head() {
    String xmin =
        sql.list(
                "select cast(pg_snapshot_xmin(pg_current_snapshot()) as text)",
                row -> row.getString(1))
            .get(0);
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
    return sql.list(
            "select cast(removed_xid as text), removed_position from event_retention",
            EventLog::cursor)
        .get(0);
  }

  /**
   * Removes up to {@code limit} final events that occurred before {@code cutoff}, and remembers the
   * last one removed, so cursors before it are answered with a resync.
   *
   * @return how many were removed; fewer than {@code limit} means none is left
   */
  @Transactional
  public int removeBefore(Instant cutoff, int limit) {
    List<EventCursor> removed =
        sql.list(
            "delete from event where position in (select position from event"
                + " where occurred_at < ? and xid < pg_snapshot_xmin(pg_current_snapshot())"
                + " order by occurred_at limit ?) returning cast(xid as text), position",
            EventLog::cursor,
            cutoff,
            limit);
    if (removed.isEmpty()) {
      return 0;
    }
    EventCursor last = removed.stream().max(EventCursor::compareTo).orElseThrow();
    sql.update(
        "update event_retention set removed_xid = cast(? as xid8), removed_position = ?"
            + " where (removed_xid, removed_position) < (cast(? as xid8), ?)",
        Long.toString(last.xid()),
        last.position(),
        Long.toString(last.xid()),
        last.position());
    return removed.size();
  }

  private static EventCursor cursor(ResultSet row) throws SQLException {
    return new EventCursor(Long.parseLong(row.getString(1)), row.getLong(2));
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
