package dev.feder.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feder.paging.Page;
import dev.feder.paging.PageRequest;
import dev.feder.persistence.ReadOnly;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The audit log: features record each successful change here, inside the change's own transaction
 * (so a refused or failed write records nothing), and admins read it.
 *
 * <p>The actor is the calling token's name and role, read from the security identity, so this
 * package needs no feature, not even {@code auth}, which records its own token changes here.
 */
@ApplicationScoped
public class AuditLog {

  /** The actor of changes Feder makes by itself, such as purging the trash. */
  public record Actor(String name, String role) {

    /** A job of Feder's own, with the role {@code system}. */
    public static Actor system(String job) {
      return new Actor(job, "system");
    }
  }

  private final SecurityIdentity identity;
  private final ObjectMapper mapper;
  private final Clock clock = Clock.systemUTC();
  private final SecureRandom random = new SecureRandom();
  private final AtomicLong lastStamp = new AtomicLong();

  public AuditLog(SecurityIdentity identity, ObjectMapper mapper) {
    this.identity = identity;
    this.mapper = mapper;
  }

  /** Records a change by the calling token; call it after the change has been flushed. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      AuditAction action, AuditEntityType type, UUID id, String label, AuditDetails details) {
    if (identity.isAnonymous()) {
      // No caller: Feder itself, such as the demo content loaded at startup.
      record(Actor.system("feder"), action, type, id, label, details);
      return;
    }
    // Tokens carry exactly one role; the first in order keeps the choice stable all the same.
    String role = new TreeSet<>(identity.getRoles()).stream().findFirst().orElse("viewer");
    record(new Actor(identity.getPrincipal().getName(), role), action, type, id, label, details);
  }

  /** Records a change by {@code actor}, for changes made outside a request. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      Actor actor,
      AuditAction action,
      AuditEntityType type,
      UUID id,
      String label,
      AuditDetails details) {
    AuditEvent event = new AuditEvent();
    event.occurredAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    event.id = timeOrderedId(event.occurredAt);
    event.actor = actor.name();
    event.actorRole = actor.role();
    event.action = action.value();
    event.entityType = type.value();
    event.entityId = id;
    event.label = label;
    event.details = write(details == null ? AuditDetails.NONE : details);
    event.persist();
  }

  /**
   * A version 7 UUID (RFC 9562) of {@code at} whose 12-bit counter makes the ids of one instance
   * rise in the order the events were recorded, so that events of the same millisecond still list
   * newest first (the log is sorted by time, then id).
   */
  private UUID timeOrderedId(Instant at) {
    long stamp = lastStamp.updateAndGet(last -> Math.max(last + 1, at.toEpochMilli() << 12));
    long high = ((stamp >>> 12) << 16) | 0x7000L | (stamp & 0xFFFL);
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }

  /**
   * The top-level fields whose values differ between two states of a write representation (such as
   * an input record before and after a change), in alphabetical order. Names only: values never
   * enter the log.
   */
  public List<String> changedFields(Object before, Object after) {
    JsonNode old = mapper.valueToTree(before);
    JsonNode now = mapper.valueToTree(after);
    TreeSet<String> names = new TreeSet<>();
    for (Iterator<String> it = old.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    for (Iterator<String> it = now.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    names.removeIf(name -> Objects.equals(old.get(name), now.get(name)));
    return List.copyOf(names);
  }

  /** A page of the log, newest first, by number or after a keyset cursor. */
  @Transactional
  @ReadOnly
  public Page<AuditEventResponse> list(PageRequest request, AuditFilter filter) {
    AuditQuery query = new AuditQuery();
    filter.applyTo(query);
    return query.fetch(request, this::view);
  }

  private AuditEventResponse view(AuditEvent event) {
    return new AuditEventResponse(
        event.id,
        event.occurredAt,
        event.actor,
        event.actorRole,
        AuditAction.of(event.action),
        AuditEntityType.of(event.entityType),
        event.entityId,
        event.label,
        read(event.details));
  }

  private String write(AuditDetails details) {
    try {
      return mapper.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize audit details", e);
    }
  }

  private AuditDetails read(String details) {
    try {
      return mapper.readValue(details, AuditDetails.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read stored audit details", e);
    }
  }
}
