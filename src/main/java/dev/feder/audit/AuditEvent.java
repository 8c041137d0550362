package dev.feder.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** One recorded change; rows are only ever inserted. */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

  @Id public UUID id;

  /** When the change was made (the column {@code at}). */
  @Column(name = "at", nullable = false, updatable = false)
  public Instant occurredAt;

  /** The name of the token that made it, or of the Feder job that did. */
  @Column(nullable = false, updatable = false)
  public String actor;

  @Column(name = "actor_role", nullable = false, updatable = false)
  public String actorRole;

  @Column(nullable = false, updatable = false)
  public String action;

  @Column(name = "entity_type", nullable = false, updatable = false)
  public String entityType;

  @Column(name = "entity_id", nullable = false, updatable = false)
  public UUID entityId;

  /** The slug (or a token's name) at the time of the change. */
  @Column(nullable = false, updatable = false)
  public String label;

  /** {@link AuditDetails} as JSON; the cast lets PostgreSQL take the text as jsonb. */
  @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
  @ColumnTransformer(write = "?::jsonb")
  public String details;
}
