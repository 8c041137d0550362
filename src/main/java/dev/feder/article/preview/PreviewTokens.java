package dev.feder.article.preview;

import dev.feder.config.FederConfig;
import dev.feder.error.ProblemException;
import dev.feder.error.ProblemType;
import dev.feder.persistence.ReadOnly;
import dev.feder.web.Previews;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Preview tokens: signed, expiring grants to read one article as it stands, whatever its status.
 * Nothing of a token is stored; it is good while its signature is Feder's, its expiry lies ahead
 * and the article's preview generation is still the one it was made in ({@link #revokeAll} starts
 * the next).
 *
 * <p>The signing key is {@code feder.preview.secret} when set, so that an operator can rotate it
 * (every link dies); otherwise 32 random bytes generated once and kept in the database, so that
 * every instance signs and checks with the same key, and links survive restarts.
 */
@ApplicationScoped
public class PreviewTokens {

  /** How long a link is good when the request names no expiry. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofHours(24);

  /** The longest a link may be good for. */
  public static final Duration MAX_VALIDITY = Duration.ofDays(7);

  private static final String ALGORITHM = "HmacSHA256";
  private static final String SECRET_NAME = "preview-token-key";
  private static final int MIN_SECRET_LENGTH = 32;

  private final FederConfig config;
  private final SecureRandom random = new SecureRandom();
  private volatile SecretKeySpec key;

  PreviewTokens(FederConfig config) {
    this.config = config;
  }

  /** Refuses to start with a configured secret too short to sign with. */
  void checkSecret(@Observes StartupEvent started) {
    config
        .preview()
        .secret()
        .filter(secret -> secret.length() < MIN_SECRET_LENGTH)
        .ifPresent(
            secret -> {
              throw new IllegalStateException(
                  "feder.preview.secret (FEDER_PREVIEW_SECRET) must have at least "
                      + MIN_SECRET_LENGTH
                      + " characters; leave it unset to have Feder generate one");
            });
  }

  /** A link made now, good until {@code until}. */
  public record Issued(String token, Instant expiresAt) {}

  /**
   * A token for the article in its current preview generation, good until {@code requested} (to the
   * second) or for {@link #DEFAULT_VALIDITY}; a 400 naming {@code expiresAt} when that is not in
   * the future or beyond {@link #MAX_VALIDITY}.
   */
  public Issued issue(UUID articleId, Instant requested, Instant now) {
    Instant expiresAt =
        (requested == null ? now.plus(DEFAULT_VALIDITY) : requested)
            .truncatedTo(ChronoUnit.SECONDS);
    if (!expiresAt.isAfter(now)) {
      throw ProblemException.invalidField("expiresAt", "must lie in the future");
    }
    if (expiresAt.isAfter(now.plus(MAX_VALIDITY))) {
      throw ProblemException.invalidField(
          "expiresAt", "must lie at most " + MAX_VALIDITY.toDays() + " days ahead");
    }
    PreviewToken token =
        new PreviewToken(articleId, expiresAt, ArticlePreview.generationOf(articleId));
    byte[] payload = token.payload();
    return new Issued(
        PreviewToken.encode(payload) + "." + PreviewToken.encode(sign(payload)), expiresAt);
  }

  /**
   * The article that {@code token} lets its holder read at {@code now}. A 400 when it is no preview
   * token at all; a 403 that says why when it is not (or no longer) good: signed with another key
   * or altered, expired, or revoked.
   */
  @Transactional
  @ReadOnly
  public UUID grantedArticle(String token, Instant now) {
    int dot = token.indexOf('.');
    byte[] payload = dot < 0 ? null : PreviewToken.decode(token.substring(0, dot));
    byte[] signature = dot < 0 ? null : PreviewToken.decode(token.substring(dot + 1));
    PreviewToken read = payload == null ? null : PreviewToken.ofPayload(payload);
    if (read == null || signature == null) {
      throw ProblemException.badParameter(
          Previews.PARAMETER, "is not a preview token; use the token of a preview link as it is");
    }
    if (!MessageDigest.isEqual(sign(payload), signature)) {
      throw refused("The preview token is not valid: not signed by this Feder, or altered");
    }
    if (!read.expiresAt().isAfter(now)) {
      throw refused("The preview link expired at " + read.expiresAt());
    }
    ArticlePreview preview = ArticlePreview.findById(read.articleId());
    int current = preview == null ? 0 : preview.generation;
    if (read.generation() != current) {
      throw refused(
          "The preview link was revoked"
              + (preview == null
                  ? ""
                  : " at " + preview.revokedAt.truncatedTo(ChronoUnit.SECONDS)));
    }
    return read.articleId();
  }

  /**
   * Revokes every link of the article made so far, whoever made it: the article's preview
   * generation advances. Links made afterwards are good again.
   */
  public void revokeAll(UUID articleId, String by, Instant now) {
    // One statement, so that revocations at the same time each advance the generation.
    ArticlePreview.getEntityManager()
        .createNativeQuery(
            "insert into article_preview (article_id, generation, revoked_at, revoked_by)"
                + " values (?1, 1, ?2, ?3) on conflict (article_id) do update set"
                + " generation = article_preview.generation + 1,"
                + " revoked_at = excluded.revoked_at, revoked_by = excluded.revoked_by")
        .setParameter(1, articleId)
        .setParameter(2, now)
        .setParameter(3, by)
        .executeUpdate();
  }

  private byte[] sign(byte[] payload) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key());
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every JVM", e);
    }
  }

  private SecretKeySpec key() {
    SecretKeySpec known = key;
    if (known == null) {
      byte[] secret =
          config
              .preview()
              .secret()
              .map(configured -> configured.getBytes(StandardCharsets.UTF_8))
              .orElseGet(this::sharedSecret);
      known = new SecretKeySpec(secret, ALGORITHM);
      key = known;
    }
    return known;
  }

  /** The key kept in the database, made now if no instance has made it yet. */
  private byte[] sharedSecret() {
    byte[] candidate = new byte[32];
    random.nextBytes(candidate);
    return QuarkusTransaction.requiringNew()
        .call(() -> ServerSecret.getOrCreate(SECRET_NAME, candidate, Instant.now()));
  }

  private static ProblemException refused(String detail) {
    return new ProblemException(ProblemType.FORBIDDEN, detail);
  }
}
