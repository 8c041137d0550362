package dev.feder.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feder.audit.AuditAction;
import dev.feder.audit.AuditDetails;
import dev.feder.audit.AuditEntityType;
import dev.feder.audit.AuditLog;
import dev.feder.error.ProblemException;
import dev.feder.paging.Page;
import dev.feder.paging.PageRequest;
import dev.feder.web.EntityTags;
import dev.feder.web.MergePatch;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Rules for webhook endpoints: URLs that pass the {@link AddressGuard}, known event types, secrets
 * shown once, rotation with a day's grace, and the deliveries admins read, resend and test with.
 */
@ApplicationScoped
public class WebhookService {

  /** How long a replaced secret still signs beside the new one. */
  static final Duration ROTATION_GRACE = Duration.ofHours(24);

  private static final Sort NEWEST_FIRST =
      Sort.by("createdAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending);

  private final AddressGuard guard;
  private final EntityTags tags;
  private final MergePatch mergePatch;
  private final AuditLog auditLog;
  private final ObjectMapper mapper;
  private final WebhookWorker worker;
  private final Clock clock = Clock.systemUTC();

  WebhookService(
      AddressGuard guard,
      EntityTags tags,
      MergePatch mergePatch,
      AuditLog auditLog,
      ObjectMapper mapper,
      WebhookWorker worker) {
    this.guard = guard;
    this.tags = tags;
    this.mergePatch = mergePatch;
    this.auditLog = auditLog;
    this.mapper = mapper;
    this.worker = worker;
  }

  @Transactional
  public Page<Webhook> list(PageRequest request) {
    PanacheQuery<WebhookEndpoint> query = WebhookEndpoint.findAll(NEWEST_FIRST);
    query.page(request.page() - 1, request.size());
    Instant now = clock.instant();
    return new Page<>(
        query.list().stream().map(e -> Webhook.from(e, now)).toList(), request, query.count());
  }

  @Transactional
  public Webhook get(UUID id) {
    return view(find(id));
  }

  /** Registers an endpoint; the answer is the only place its secret ever appears. */
  @Transactional
  public CreatedWebhook create(WebhookInput input) {
    WebhookEndpoint endpoint = new WebhookEndpoint();
    apply(endpoint, input);
    endpoint.secret = WebhookSignature.newSecret();
    endpoint.persist();
    WebhookEndpoint.flush();
    audit(AuditAction.CREATE, endpoint, AuditDetails.NONE);
    return CreatedWebhook.of(view(endpoint), endpoint.secret);
  }

  /** Changes some fields by a JSON merge patch of {@link WebhookInput}. */
  @Transactional
  public Webhook patch(UUID id, JsonNode patch, String ifMatch) {
    WebhookEndpoint endpoint = lockForWrite(id, ifMatch);
    WebhookInput before = toInput(endpoint);
    WebhookInput after = mergePatch.apply(before, patch, WebhookInput.class);
    apply(endpoint, after);
    WebhookEndpoint.flush();
    audit(
        AuditAction.PATCH,
        endpoint,
        AuditDetails.changed(auditLog.changedFields(before, toInput(endpoint))));
    if (endpoint.enabled) {
      worker.wakeAfterCommit();
    }
    return view(endpoint);
  }

  /** Removes an endpoint with its deliveries; nothing more is sent to it. */
  @Transactional
  public void delete(UUID id, String ifMatch) {
    WebhookEndpoint endpoint = lockForWrite(id, ifMatch);
    audit(AuditAction.DELETE, endpoint, AuditDetails.NONE);
    endpoint.delete();
  }

  /**
   * Makes a new signing secret; the one it replaces signs deliveries beside it for {@link
   * #ROTATION_GRACE}, so receivers can switch without losing a delivery. A rotation takes no
   * If-Match: it cannot overwrite anything, and it must never be held up.
   */
  @Transactional
  public RotatedSecret rotateSecret(UUID id) {
    WebhookEndpoint endpoint = lock(id);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    endpoint.previousSecret = endpoint.secret;
    endpoint.previousSecretExpiresAt = now.plus(ROTATION_GRACE);
    endpoint.secret = WebhookSignature.newSecret();
    WebhookEndpoint.flush();
    audit(AuditAction.ROTATE_SECRET, endpoint, AuditDetails.NONE);
    return new RotatedSecret(endpoint.secret, endpoint.previousSecretExpiresAt);
  }

  /** An endpoint's deliveries, newest first. */
  @Transactional
  public Page<WebhookDeliveryResponse> deliveries(UUID id, PageRequest request) {
    find(id);
    PanacheQuery<WebhookDelivery> query =
        WebhookDelivery.find("endpointId", Sort.by("seq", Sort.Direction.Descending), id);
    query.page(request.page() - 1, request.size());
    return new Page<>(
        query.list().stream().map(WebhookDeliveryResponse::from).toList(), request, query.count());
  }

  /**
   * Sends a delivery again, as a new delivery with the same message (the same {@code webhook-id}),
   * after whatever the endpoint is still due to receive of the same entity.
   */
  @Transactional
  public WebhookDeliveryResponse redeliver(UUID id, UUID deliveryId) {
    WebhookEndpoint endpoint = find(id);
    WebhookDelivery original =
        WebhookDelivery.<WebhookDelivery>findByIdOptional(deliveryId)
            .filter(delivery -> delivery.endpointId.equals(id))
            .orElseThrow(
                () -> ProblemException.notFound("Delivery " + deliveryId + " of webhook " + id));
    if (!endpoint.enabled && original.eventId != null) {
      throw ProblemException.conflict(
          "Webhook " + id + " is disabled; enable it (PATCH enabled: true) to redeliver events");
    }
    WebhookDelivery again =
        WebhookDelivery.pending(
            id,
            original.messageId,
            original.eventId,
            original.eventType,
            original.orderingKey,
            original.payload,
            clock.instant().truncatedTo(ChronoUnit.MILLIS));
    again.persist();
    worker.wakeAfterCommit();
    return WebhookDeliveryResponse.from(again);
  }

  /** Sends a ping to the endpoint, enabled or not, to check that it receives and verifies. */
  @Transactional
  public WebhookDeliveryResponse test(UUID id) {
    WebhookEndpoint endpoint = find(id);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    WebhookDelivery ping =
        WebhookDelivery.pending(
            endpoint.id,
            "msg_" + UUID.randomUUID(),
            null,
            WebhookPing.TYPE,
            null,
            write(WebhookPing.of(endpoint.id, now)),
            now);
    ping.persist();
    worker.wakeAfterCommit();
    return WebhookDeliveryResponse.from(ping);
  }

  private void apply(WebhookEndpoint endpoint, WebhookInput input) {
    endpoint.url = guard.checkRegistered(input.url().strip()).toString();
    endpoint.description = input.description();
    endpoint.eventTypes = EventTypePatterns.validate(input.eventTypes());
    boolean enabled = input.enabled() == null || input.enabled();
    if (enabled && !endpoint.enabled) {
      // Enabled again by an admin: the reason it was disabled no longer holds.
      endpoint.disabledReason = null;
      endpoint.disabledAt = null;
      endpoint.failingSince = null;
    }
    endpoint.enabled = enabled;
  }

  private static WebhookInput toInput(WebhookEndpoint endpoint) {
    return new WebhookInput(
        endpoint.url, endpoint.description, endpoint.enabled, List.copyOf(endpoint.eventTypes));
  }

  private Webhook view(WebhookEndpoint endpoint) {
    return Webhook.from(endpoint, clock.instant());
  }

  private WebhookEndpoint lockForWrite(UUID id, String ifMatch) {
    WebhookEndpoint endpoint = lock(id);
    tags.checkIfMatch(ifMatch, view(endpoint));
    return endpoint;
  }

  private static WebhookEndpoint lock(UUID id) {
    return WebhookEndpoint.<WebhookEndpoint>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
        .orElseThrow(() -> ProblemException.notFound("Webhook " + id));
  }

  private static WebhookEndpoint find(UUID id) {
    return WebhookEndpoint.<WebhookEndpoint>findByIdOptional(id)
        .orElseThrow(() -> ProblemException.notFound("Webhook " + id));
  }

  private void audit(AuditAction action, WebhookEndpoint endpoint, AuditDetails details) {
    String label = endpoint.url.length() > 300 ? endpoint.url.substring(0, 300) : endpoint.url;
    auditLog.record(action, AuditEntityType.WEBHOOK, endpoint.id, label, details);
  }

  private String write(Object payload) {
    try {
      return mapper.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize a webhook payload", e);
    }
  }
}
