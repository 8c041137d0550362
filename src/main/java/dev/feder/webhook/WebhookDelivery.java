package dev.feder.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event (or ping) on its way to one endpoint, with the outcome of its latest attempt. Workers
 * change it with statements of their own ({@link Deliveries}); this entity reads and creates it.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

  static final String PENDING = "pending";

  @Id public UUID id;

  /** Creation order, from the database. */
  @Column(insertable = false, updatable = false)
  public Long seq;

  @Column(name = "endpoint_id", nullable = false)
  public UUID endpointId;

  @Column(name = "message_id", nullable = false)
  public String messageId;

  @Column(name = "event_id")
  public UUID eventId;

  @Column(name = "event_type", nullable = false)
  public String eventType;

  @Column(name = "ordering_key")
  public String orderingKey;

  @Column(nullable = false)
  public String payload;

  @Column(nullable = false)
  public String status;

  @Column(nullable = false)
  public int attempts;

  @Column(name = "next_attempt_at")
  public Instant nextAttemptAt;

  public UUID claim;

  @Column(name = "last_attempt_at")
  public Instant lastAttemptAt;

  @Column(name = "response_status")
  public Integer responseStatus;

  @Column(name = "response_body")
  public String responseBody;

  @Column(name = "latency_ms")
  public Integer latencyMs;

  public String error;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "completed_at")
  public Instant completedAt;

  /** A new delivery, due at once. */
  static WebhookDelivery pending(
      UUID endpointId,
      String messageId,
      UUID eventId,
      String eventType,
      String orderingKey,
      String payload,
      Instant now) {
    WebhookDelivery delivery = new WebhookDelivery();
    delivery.id = UUID.randomUUID();
    delivery.endpointId = endpointId;
    delivery.messageId = messageId;
    delivery.eventId = eventId;
    delivery.eventType = eventType;
    delivery.orderingKey = orderingKey;
    delivery.payload = payload;
    delivery.status = PENDING;
    delivery.nextAttemptAt = now;
    delivery.createdAt = now;
    return delivery;
  }
}
