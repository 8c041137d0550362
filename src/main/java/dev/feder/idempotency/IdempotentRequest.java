package dev.feder.idempotency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The answer to a creating request sent with an {@code Idempotency-Key}, stored in the transaction
 * that created what it describes, so that either both exist or neither. Only successful answers are
 * stored; the body is sealed with the caller's token ({@link CallerKeys}).
 */
@Entity
@Table(name = "idempotent_request")
@IdClass(IdempotentRequest.Key.class)
public class IdempotentRequest extends PanacheEntityBase {

  /** The primary key: one key per calling token. */
  public static class Key implements Serializable {
    public String caller;
    public String idempotencyKey;

    public Key() {}

    Key(String caller, String idempotencyKey) {
      this.caller = caller;
      this.idempotencyKey = idempotencyKey;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && caller.equals(key.caller)
          && idempotencyKey.equals(key.idempotencyKey);
    }

    @Override
    public int hashCode() {
      return Objects.hash(caller, idempotencyKey);
    }
  }

  /** Who sent the key: derived from the token's secret, never the secret or its stored hash. */
  @Id public String caller;

  @Id
  @Column(name = "idempotency_key")
  public String idempotencyKey;

  /** SHA-256 of the method, path, query and body of the request. */
  @Column(nullable = false)
  public byte[] fingerprint;

  @Column(nullable = false)
  public int status;

  public String location;

  public String etag;

  @Column(name = "content_type")
  public String contentType;

  /** The body, sealed; null when the answer had none. */
  public byte[] body;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** Deletes the answers stored before {@code cutoff}; how many there were. */
  static long deleteStoredBefore(Instant cutoff) {
    return delete("createdAt < ?1", cutoff);
  }
}
