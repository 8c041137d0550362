package dev.feder.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feder.config.FederConfig;
import dev.feder.event.EntityKind;
import dev.feder.event.Event;
import dev.feder.event.EventCursor;
import dev.feder.event.EventLog;
import dev.feder.event.StoredEvent;
import dev.feder.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The deliveries' life in the database, each step one short transaction: the dispatcher turns new
 * events into deliveries, workers claim due ones, send them (outside any transaction) and record
 * the outcome.
 *
 * <p>Several instances run all of it at once. The dispatcher's progress is one row that one
 * instance at a time locks ({@code SKIP LOCKED}: the others skip dispatching meanwhile); a claim
 * marks deliveries {@code sending} with a claim id and a time when the claim lapses, so each is
 * sent by one instance, and one whose instance died is taken up again when its claim lapses. Per
 * endpoint, a delivery of an entity is claimed only when no earlier one of the same entity is still
 * open, so an endpoint receives an entity's events in order.
 */
@ApplicationScoped
class Deliveries {

  /** A delivery claimed for sending, with what sending it needs. */
  record Claimed(
      UUID id,
      UUID claim,
      UUID endpointId,
      String url,
      List<String> secrets,
      String messageId,
      String payload,
      int attempt) {}

  /**
   * What an attempt got: an HTTP status and the start of the body, or an error without an answer.
   */
  record Outcome(Integer status, String body, int latencyMs, String error) {
    boolean succeeded() {
      return status != null && status >= 200 && status < 300;
    }
  }

  /** What {@link #complete} made of an attempt. */
  enum Result {
    SUCCEEDED,
    RETRY,
    FAILED,
    /** The claim had lapsed and another instance took the delivery over. */
    STALE
  }

  /** The longest body kept of an answer. */
  static final int BODY_LIMIT = 2000;

  private final Sql sql;
  private final EventLog events;
  private final ObjectMapper mapper;
  private final List<Duration> retryDelays;
  private final Duration disableAfter;
  private final Duration claimFor;
  private final Clock clock = Clock.systemUTC();

  Deliveries(Sql sql, EventLog events, ObjectMapper mapper, FederConfig config) {
    this.sql = sql;
    this.events = events;
    this.mapper = mapper;
    this.retryDelays = List.copyOf(config.webhooks().retryDelays());
    this.disableAfter = config.webhooks().disableAfter();
    // Longer than an attempt may take, so only a dead or stalled sender loses its claim.
    this.claimFor = config.webhooks().timeout().plusSeconds(10);
  }

  /** Whether events have become final that the dispatcher has not turned into deliveries yet. */
  @Transactional
  boolean hasNewEvents() {
    return sql.list(
            "select exists (select 1 from event e, webhook_dispatch d"
                + " where (e.xid, e.position) > (d.last_xid, d.last_position)"
                + " and e.xid < pg_snapshot_xmin(pg_current_snapshot()))",
            row -> row.getBoolean(1))
        .get(0);
  }

  /**
   * Turns up to {@code limit} new events, in commit order, into deliveries for the enabled
   * endpoints that want them and were registered before the event occurred.
   *
   * @return how many events were read; 0 also when another instance is dispatching right now
   */
  @Transactional
  int dispatch(int limit) {
    List<EventCursor> progress =
        sql.list(
            "select cast(last_xid as text), last_position from webhook_dispatch"
                + " for update skip locked",
            row -> new EventCursor(Long.parseLong(row.getString(1)), row.getLong(2)));
    if (progress.isEmpty()) {
      return 0;
    }
    List<StoredEvent> batch =
        events.after(progress.get(0), EnumSet.allOf(EntityKind.class), false, limit);
    if (batch.isEmpty()) {
      return 0;
    }
    List<Subscriber> endpoints =
        sql.list(
            "select id, created_at, event_types from webhook_endpoint where enabled",
            row ->
                new Subscriber(
                    row.getObject(1, UUID.class),
                    Sql.instant(row, 2),
                    List.of((String[]) row.getArray(3).getArray())));
    Instant now = clock.instant();
    for (StoredEvent stored : batch) {
      Event event = stored.event();
      String payload = null;
      for (Subscriber endpoint : endpoints) {
        if (!event.occurredAt().isBefore(endpoint.createdAt())
            && EventTypePatterns.matches(endpoint.eventTypes(), event.type().value())) {
          if (payload == null) {
            payload = write(new WebhookPayload(event.type().value(), event.occurredAt(), event));
          }
          insert(
              endpoint.id(),
              messageId(event.id()),
              event.id(),
              event.type().value(),
              event.entityType().value() + ":" + event.entityId(),
              payload,
              now);
        }
      }
    }
    EventCursor last = batch.get(batch.size() - 1).cursor();
    sql.update(
        "update webhook_dispatch set last_xid = cast(? as xid8), last_position = ?",
        Long.toString(last.xid()),
        last.position());
    return batch.size();
  }

  /** An endpoint as the dispatcher needs it. */
  private record Subscriber(UUID id, Instant createdAt, List<String> eventTypes) {}

  /** A new delivery, due at once; its creation order comes from the database. */
  void insert(
      UUID endpointId,
      String messageId,
      UUID eventId,
      String eventType,
      String orderingKey,
      String payload,
      Instant now) {
    sql.update(
        "insert into webhook_delivery (id, endpoint_id, message_id, event_id, event_type,"
            + " ordering_key, payload, status, attempts, next_attempt_at, created_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)",
        UUID.randomUUID(),
        endpointId,
        messageId,
        eventId,
        eventType,
        orderingKey,
        payload,
        now,
        now);
  }

  /** The {@code webhook-id} of an event's deliveries. */
  static String messageId(UUID eventId) {
    return "msg_" + eventId;
  }

  /**
   * Claims up to {@code limit} due deliveries for sending, oldest due first. A delivery of a
   * disabled endpoint waits, except a test ping; one whose entity has an earlier open delivery to
   * the same endpoint waits for it.
   */
  @Transactional
  List<Claimed> claim(int limit) {
    Instant now = clock.instant();
    UUID claim = UUID.randomUUID();
    List<Object[]> rows =
        sql.list(
            "update webhook_delivery set status = 'sending', claim = ?,"
                + " attempts = attempts + 1, last_attempt_at = ?, next_attempt_at = ?"
                + " where id in (select d.id from webhook_delivery d"
                + " join webhook_endpoint e on e.id = d.endpoint_id"
                + " where d.status in ('pending', 'sending') and d.next_attempt_at <= ?"
                + " and (e.enabled or d.event_id is null)"
                + " and (d.ordering_key is null or not exists (select 1 from webhook_delivery p"
                + " where p.endpoint_id = d.endpoint_id and p.ordering_key = d.ordering_key"
                + " and p.seq < d.seq and p.status in ('pending', 'sending')))"
                + " order by d.next_attempt_at, d.seq limit ?"
                + " for update of d skip locked)"
                + " returning id, endpoint_id, message_id, payload, attempts",
            row ->
                new Object[] {
                  row.getObject(1, UUID.class),
                  row.getObject(2, UUID.class),
                  row.getString(3),
                  row.getString(4),
                  row.getInt(5)
                },
            claim,
            now,
            now.plus(claimFor),
            now,
            limit);
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<UUID, Target> targets = new HashMap<>();
    List<Claimed> claimed = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      UUID endpointId = (UUID) row[1];
      Target target = targets.computeIfAbsent(endpointId, id -> target(id, now));
      claimed.add(
          new Claimed(
              (UUID) row[0],
              claim,
              endpointId,
              target.url(),
              target.secrets(),
              (String) row[2],
              (String) row[3],
              (Integer) row[4]));
    }
    return claimed;
  }

  /** Where and with which secrets an endpoint's deliveries go. */
  private record Target(String url, List<String> secrets) {}

  private Target target(UUID endpointId, Instant now) {
    return sql.list(
            "select url, secret, previous_secret, previous_secret_expires_at"
                + " from webhook_endpoint where id = ?",
            row -> {
              Instant previousExpires = Sql.instant(row, 4);
              return new Target(
                  row.getString(1),
                  previousExpires != null && previousExpires.isAfter(now)
                      ? List.of(row.getString(2), row.getString(3))
                      : List.of(row.getString(2)));
            },
            endpointId)
        .get(0);
  }

  /**
   * Records the outcome of an attempt: a success completes the delivery; a failure schedules the
   * next attempt after the retry delay of this attempt (with jitter), or gives up after the last.
   * An endpoint that answered {@code 410 Gone}, or whose attempts have all failed for {@code
   * feder.webhooks.disable-after}, is disabled with the reason.
   */
  @Transactional
  Result complete(Claimed claimed, Outcome outcome) {
    Instant now = clock.instant();
    boolean gone = outcome.status() != null && outcome.status() == 410;
    Result result =
        outcome.succeeded()
            ? Result.SUCCEEDED
            : gone || claimed.attempt() > retryDelays.size() ? Result.FAILED : Result.RETRY;
    int updated =
        sql.update(
            "update webhook_delivery set status = ?, claim = null, next_attempt_at = ?,"
                + " completed_at = ?, response_status = ?, response_body = ?, latency_ms = ?,"
                + " error = ? where id = ? and claim = ?",
            switch (result) {
              case SUCCEEDED -> DeliveryStatus.SUCCEEDED.value();
              case FAILED -> DeliveryStatus.FAILED.value();
              default -> DeliveryStatus.PENDING.value();
            },
            result == Result.RETRY ? now.plus(jittered(claimed.attempt())) : null,
            result == Result.RETRY ? null : now,
            outcome.status(),
            outcome.body(),
            outcome.latencyMs(),
            outcome.error(),
            claimed.id(),
            claimed.claim());
    if (updated == 0) {
      return Result.STALE;
    }
    if (result == Result.SUCCEEDED) {
      sql.update(
          "update webhook_endpoint set failing_since = null"
              + " where id = ? and failing_since is not null",
          claimed.endpointId());
      return result;
    }
    Instant failingSince =
        sql.list(
                "update webhook_endpoint set failing_since = coalesce(failing_since, ?)"
                    + " where id = ? returning failing_since",
                row -> Sql.instant(row, 1),
                now,
                claimed.endpointId())
            .get(0);
    if (gone) {
      disable(claimed.endpointId(), "The endpoint answered 410 Gone: it wants no more events", now);
    } else if (!failingSince.isAfter(now.minus(disableAfter))) {
      disable(
          claimed.endpointId(),
          "Every delivery attempt failed since "
              + failingSince.truncatedTo(ChronoUnit.SECONDS)
              + " ("
              + describe(disableAfter)
              + " or more); the last: "
              + (outcome.status() != null ? "HTTP " + outcome.status() : outcome.error()),
          now);
    }
    return result;
  }

  /** The wait before the attempt after {@code attempt}: its delay, a fifth more or less. */
  private Duration jittered(int attempt) {
    Duration delay = retryDelays.get(attempt - 1);
    double factor = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
    return Duration.ofMillis(Math.max(1, Math.round(delay.toMillis() * factor)));
  }

  private void disable(UUID endpointId, String reason, Instant now) {
    sql.update(
        "update webhook_endpoint set enabled = false, disabled_reason = ?, disabled_at = ?"
            + " where id = ? and enabled",
        reason.length() > 500 ? reason.substring(0, 500) : reason,
        now,
        endpointId);
  }

  /**
   * Removes up to {@code limit} finished deliveries created before {@code cutoff}.
   *
   * @return how many; fewer than {@code limit} means none is left
   */
  @Transactional
  int removeFinishedBefore(Instant cutoff, int limit) {
    return sql.update(
        "delete from webhook_delivery where id in (select id from webhook_delivery"
            + " where created_at < ? and status in ('succeeded', 'failed')"
            + " order by created_at limit ?)",
        cutoff,
        limit);
  }

  private static String describe(Duration duration) {
    return duration.toDays() >= 1 && duration.toHours() % 24 == 0
        ? duration.toDays() + (duration.toDays() == 1 ? " day" : " days")
        : duration.toString();
  }

  private String write(Object payload) {
    try {
      return mapper.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize a webhook payload", e);
    }
  }
}
