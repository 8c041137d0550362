package dev.feder.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feder.config.FederConfig;
import dev.feder.error.ProblemException;
import dev.feder.error.ProblemType;
import dev.feder.web.EntityTags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code Idempotency-Key} on the resource methods marked {@link Idempotent}, after the IETF draft
 * (draft-ietf-httpapi-idempotency-key-header), with the key scoped to the calling token:
 *
 * <ul>
 *   <li>A key seen for the first time: the request runs, and its answer, if successful, is stored
 *       in the same transaction as what it created. A failed request (any 4xx or 5xx) stores
 *       nothing and changes nothing, so the key stays free and a retry simply runs again.
 *   <li>The same key with the same method, path, query and body ({@link RequestFingerprint}) within
 *       the retention: the first answer again (status, Location, ETag, Content-Type, body), with
 *       {@code Idempotent-Replayed: true}, and nothing is created.
 *   <li>The same key with another request: 422. The same key while a request with it still runs (on
 *       any instance): 409 with {@code Retry-After}.
 * </ul>
 *
 * <p>The request runs holding a transaction-scoped PostgreSQL advisory lock on its caller and key,
 * which is what "still running" means: a crashed instance's lock goes with its connection, so no
 * key is left stuck, and no stored answer exists before what it describes was committed.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class IdempotencyInterceptor {

  /** The header that marks a replayed answer, as Stripe's API names it. */
  static final String REPLAYED = "Idempotent-Replayed";

  /** The first key of the advisory locks of idempotency keys ("FIdK"); the second is a hash. */
  private static final int LOCK_SPACE = 0x4649644b;

  private final CurrentVertxRequest current;
  private final EntityTags tags;
  private final ObjectMapper mapper;
  private final Duration retention;
  private final Clock clock = Clock.systemUTC();

  IdempotencyInterceptor(
      CurrentVertxRequest current, EntityTags tags, ObjectMapper mapper, FederConfig config) {
    this.current = current;
    this.tags = tags;
    this.mapper = mapper;
    this.retention = config.idempotency().retention();
  }

  @AroundInvoke
  Object once(InvocationContext invocation) throws Exception {
    if (!RestResponse.class.isAssignableFrom(invocation.getMethod().getReturnType())) {
      throw new IllegalStateException(
          "An @Idempotent resource method must return RestResponse: " + invocation.getMethod());
    }
    HttpServerRequest request = current.getCurrent().request();
    String key = IdempotencyKeys.of(request.headers().getAll(IdempotencyKeys.HEADER));
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (key == null || authorization == null) {
      // Creating operations all need a token; without one there is no caller to scope keys by.
      return invocation.proceed();
    }
    CallerKeys caller = CallerKeys.of(authorization);
    byte[] fingerprint =
        RequestFingerprint.of(
            request.method().name(),
            request.path(),
            request.query(),
            invocation.getMethod(),
            invocation.getParameters(),
            mapper);
    try {
      return QuarkusTransaction.joiningExisting()
          .call(() -> runOnce(invocation, caller, key, fingerprint));
    } catch (QuarkusTransactionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private Object runOnce(
      InvocationContext invocation, CallerKeys caller, String key, byte[] fingerprint)
      throws Exception {
    if (!lock(caller, key)) {
      throw new ProblemException(
              ProblemType.IDEMPOTENCY_KEY_IN_USE,
              "A request with Idempotency-Key '"
                  + key
                  + "' is still being processed; retry after it has finished")
          .withHeaders(Map.of(HttpHeaders.RETRY_AFTER, "1"));
    }
    Instant now = clock.instant();
    IdempotentRequest stored =
        IdempotentRequest.findById(new IdempotentRequest.Key(caller.id(), key));
    if (stored != null && stored.createdAt.isAfter(now.minus(retention))) {
      if (!Arrays.equals(stored.fingerprint, fingerprint)) {
        throw new ProblemException(
            ProblemType.IDEMPOTENCY_KEY_REUSED,
            "Idempotency-Key '"
                + key
                + "' was used within the last "
                + describe(retention)
                + " for a request with another method, path or body; send a new key for a new"
                + " request");
      }
      return replay(stored, caller);
    }
    Object result = invocation.proceed();
    Response answer = ((RestResponse<?>) result).toResponse();
    if (answer.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL) {
      // An answer that expired is replaced in place: a delete and an insert of the same key
      // would reach the database in the wrong order.
      IdempotentRequest row = stored != null ? stored : new IdempotentRequest();
      row.caller = caller.id();
      row.idempotencyKey = key;
      row.fingerprint = fingerprint;
      store(row, answer, caller, key);
      row.createdAt = now;
      if (stored == null) {
        row.persist();
      }
      // Here rather than at commit, so a refused write reaches the problem mappers as itself.
      IdempotentRequest.flush();
    }
    return result;
  }

  /**
   * Takes the request's lock until the transaction ends; false when a request with the same caller
   * and key holds it. Keys whose hashes collide only wait for each other while both run.
   */
  private static boolean lock(CallerKeys caller, String key) {
    return (Boolean)
        IdempotentRequest.getEntityManager()
            .createNativeQuery("select pg_try_advisory_xact_lock(?1, ?2)")
            .setParameter(1, LOCK_SPACE)
            .setParameter(2, lockHash(caller.id(), key))
            .getSingleResult();
  }

  /** 32 bits of SHA-256 of the caller and key. */
  static int lockHash(String caller, String key) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((caller + "\n" + key).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(hash).getInt();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  /** Keeps what the client sees of the answer: the body as the response filter will send it. */
  private void store(IdempotentRequest row, Response answer, CallerKeys caller, String key) {
    row.status = answer.getStatus();
    row.location = answer.getHeaderString(HttpHeaders.LOCATION);
    Object entity = answer.getEntity();
    if (entity == null) {
      row.contentType = null;
      row.etag = null;
      row.body = null;
      return;
    }
    byte[] body = tags.serialize(entity);
    // Serialized as JSON in UTF-8, which the answer says as the response filter's answer does.
    MediaType type =
        answer.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : answer.getMediaType();
    row.contentType =
        (type.getParameters().containsKey(MediaType.CHARSET_PARAMETER)
                ? type
                : type.withCharset(StandardCharsets.UTF_8.name()))
            .toString();
    row.etag = EntityTags.ofBytes(body);
    row.body = caller.seal(body, key);
  }

  private static RestResponse<Object> replay(IdempotentRequest stored, CallerKeys caller) {
    RestResponse.ResponseBuilder<Object> replay =
        RestResponse.ResponseBuilder.create(stored.status).header(REPLAYED, "true");
    if (stored.location != null) {
      replay.header(HttpHeaders.LOCATION, stored.location);
    }
    if (stored.body != null) {
      replay
          .entity(new StoredJson(caller.open(stored.body, stored.idempotencyKey)))
          .type(stored.contentType)
          .header(HttpHeaders.ETAG, stored.etag);
    }
    return replay.build();
  }

  /** "24 hours", "90 minutes", "45 seconds". */
  static String describe(Duration duration) {
    if (duration.toSeconds() % 3600 == 0) {
      return duration.toHours() + (duration.toHours() == 1 ? " hour" : " hours");
    }
    if (duration.toSeconds() % 60 == 0) {
      return duration.toMinutes() + " minutes";
    }
    return duration.toSeconds() + " seconds";
  }
}
