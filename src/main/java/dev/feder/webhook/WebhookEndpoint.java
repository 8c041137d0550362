package dev.feder.webhook;

import dev.feder.persistence.TrackedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A URL that receives events, with the event types it wants and the secret that signs them. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends TrackedEntity {

  @Column(nullable = false)
  public String url;

  public String description;

  @Column(nullable = false)
  public boolean enabled;

  /** Exact types, {@code <resource>.*} or {@code *} (see {@link EventTypePatterns}). */
  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "event_types", columnDefinition = "text[]", nullable = false)
  public List<String> eventTypes = new ArrayList<>();

  @Column(nullable = false)
  public String secret;

  @Column(name = "previous_secret")
  public String previousSecret;

  @Column(name = "previous_secret_expires_at")
  public Instant previousSecretExpiresAt;

  @Column(name = "failing_since")
  public Instant failingSince;

  @Column(name = "disabled_reason")
  public String disabledReason;

  @Column(name = "disabled_at")
  public Instant disabledAt;

  /** The secrets that sign a delivery at {@code now}: the current one, and the previous one. */
  List<String> signingSecrets(Instant now) {
    return previousSecret != null && previousSecretExpiresAt.isAfter(now)
        ? List.of(secret, previousSecret)
        : List.of(secret);
  }
}
