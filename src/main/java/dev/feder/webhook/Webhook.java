package dev.feder.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook endpoint as admins read it: never with its secret. */
@Schema(name = "Webhook", examples = WebhookExamples.WEBHOOK)
public record Webhook(
    @Schema(required = true) UUID id,
    @Schema(required = true, examples = "https://www.zeitung.example/api/revalidate") String url,
    @Schema(examples = "Next.js: revalidate pages and tags") String description,
    @Schema(required = true, description = "Whether events are sent") boolean enabled,
    @Schema(required = true, examples = "[\"article.*\", \"category.updated\"]")
        List<String> eventTypes,
    @Schema(
            description =
                "Why Feder disabled the endpoint by itself: every attempt failed for"
                    + " FEDER_WEBHOOKS_DISABLE_AFTER (3 days), or it answered 410 Gone",
            examples = "Every delivery failed since 2026-11-23T09:00:00Z (3 days); last: HTTP 500")
        String disabledReason,
    @Schema(description = "When Feder disabled it") Instant disabledAt,
    @Schema(description = "Since when every delivery attempt has failed; absent after a success")
        Instant failingSince,
    @Schema(
            description =
                "Until when the secret replaced by the last rotation still signs deliveries beside"
                    + " the new one")
        Instant previousSecretExpiresAt,
    @Schema(required = true) Instant createdAt,
    @Schema(required = true) Instant updatedAt) {

  static Webhook from(WebhookEndpoint endpoint, Instant now) {
    return new Webhook(
        endpoint.id,
        endpoint.url,
        endpoint.description,
        endpoint.enabled,
        List.copyOf(endpoint.eventTypes),
        endpoint.disabledReason,
        endpoint.disabledAt,
        endpoint.failingSince,
        endpoint.previousSecretExpiresAt != null && endpoint.previousSecretExpiresAt.isAfter(now)
            ? endpoint.previousSecretExpiresAt
            : null,
        endpoint.createdAt,
        endpoint.updatedAt);
  }
}
