package dev.feder.webhook;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a test delivery ({@code POST /api/v1/webhooks/{id}/test}). */
@Schema(name = "WebhookPing")
public record WebhookPing(
    @Schema(required = true, examples = "webhook.ping") String type,
    @Schema(required = true) Instant timestamp,
    @Schema(required = true) Data data) {

  static final String TYPE = "webhook.ping";

  /** What a ping says. */
  @Schema(name = "WebhookPingData")
  public record Data(
      @Schema(required = true, description = "The endpoint pinged") UUID webhookId,
      @Schema(
              required = true,
              examples = "A test delivery from Feder: verify its signature and answer 2xx")
          String message) {}

  static WebhookPing of(UUID webhookId, Instant now) {
    return new WebhookPing(
        TYPE,
        now,
        new Data(webhookId, "A test delivery from Feder: verify its signature and answer 2xx"));
  }
}
