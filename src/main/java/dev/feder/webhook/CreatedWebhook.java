package dev.feder.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook endpoint just registered, with its signing secret: the only answer that shows it. */
@Schema(name = "CreatedWebhook", examples = WebhookExamples.CREATED)
public record CreatedWebhook(
    @Schema(required = true) UUID id,
    @Schema(required = true) String url,
    String description,
    @Schema(required = true) boolean enabled,
    @Schema(required = true) List<String> eventTypes,
    @Schema(required = true) Instant createdAt,
    @Schema(required = true) Instant updatedAt,
    @Schema(
            required = true,
            description =
                "The signing secret (whsec_ and base64), for a Standard Webhooks library. Shown"
                    + " this once only; POST .../rotate-secret makes a new one.",
            examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwJ3fXbE2c1qY=")
        String secret) {

  static CreatedWebhook of(Webhook webhook, String secret) {
    return new CreatedWebhook(
        webhook.id(),
        webhook.url(),
        webhook.description(),
        webhook.enabled(),
        webhook.eventTypes(),
        webhook.createdAt(),
        webhook.updatedAt(),
        secret);
  }
}
