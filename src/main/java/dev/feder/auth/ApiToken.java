package dev.feder.auth;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A named bearer token with a role. Only the SHA-256 hash of its secret is stored. */
@Entity
@Table(name = "api_token")
public class ApiToken extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false)
  public String name;

  /** One of {@link Roles}. */
  @Column(nullable = false)
  public String role;

  /** The author an author token writes as; null for every other role. */
  @Column(name = "author_id")
  public UUID authorId;

  /** Lower-case hex SHA-256 of the secret. */
  @Column(name = "token_hash", nullable = false, unique = true)
  public String tokenHash;

  @Column(name = "created_at", nullable = false, updatable = false)
  public Instant createdAt;

  @Column(name = "expires_at")
  public Instant expiresAt;

  @Column(name = "revoked_at")
  public Instant revokedAt;

  /** Whether the token authenticates at {@code now}: neither revoked nor expired. */
  public boolean isActiveAt(Instant now) {
    return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
  }

  public static Optional<ApiToken> findByHash(String hash) {
    return find("tokenHash", hash).firstResultOptional();
  }
}
