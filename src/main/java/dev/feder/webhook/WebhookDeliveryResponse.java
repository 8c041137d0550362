package dev.feder.webhook;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A delivery as admins read it, with the outcome of its latest attempt. */
@Schema(name = "WebhookDelivery", examples = WebhookExamples.DELIVERY)
public record WebhookDeliveryResponse(
    @Schema(required = true) UUID id,
    @Schema(
            required = true,
            description =
                "The webhook-id header: the same for every attempt and redelivery of one event",
            examples = "msg_0193a5c2-7d41-7e8a-9b3c-4f5e6a7b8c9d")
        String messageId,
    @Schema(description = "The event delivered; absent for a test ping") UUID eventId,
    @Schema(required = true, examples = "article.published") String eventType,
    @Schema(required = true) DeliveryStatus status,
    @Schema(required = true, description = "Attempts made so far", examples = "2") int attempts,
    @Schema(
            description =
                "When the next attempt is due (pending), or when a crashed sender's claim lapses"
                    + " (sending)")
        Instant nextAttemptAt,
    @Schema(description = "When the latest attempt was made") Instant lastAttemptAt,
    @Schema(description = "The HTTP status the latest attempt got; absent when none came")
        Integer responseStatus,
    @Schema(description = "How long the latest attempt took, in milliseconds", examples = "84")
        Integer latencyMs,
    @Schema(description = "The start of the latest answer's body (at most 2,000 characters)")
        String responseBody,
    @Schema(
            description = "Why the latest attempt failed without an answer",
            examples = "No answer within 10 seconds")
        String error,
    @Schema(required = true) Instant createdAt,
    @Schema(description = "When it succeeded or was given up") Instant completedAt) {

  static WebhookDeliveryResponse from(WebhookDelivery delivery) {
    return new WebhookDeliveryResponse(
        delivery.id,
        delivery.messageId,
        delivery.eventId,
        delivery.eventType,
        DeliveryStatus.of(delivery.status),
        delivery.attempts,
        delivery.nextAttemptAt,
        delivery.lastAttemptAt,
        delivery.responseStatus,
        delivery.latencyMs,
        delivery.responseBody,
        delivery.error,
        delivery.createdAt,
        delivery.completedAt);
  }
}
