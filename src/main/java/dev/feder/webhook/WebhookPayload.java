package dev.feder.webhook;

import dev.feder.event.Event;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of a delivery, in the shape the Standard Webhooks specification recommends: the event
 * type, when the event occurred, and the event itself.
 */
@Schema(name = "WebhookPayload")
public record WebhookPayload(
    @Schema(required = true, examples = "article.published") String type,
    @Schema(required = true, description = "When the event occurred") Instant timestamp,
    @Schema(required = true) Event data) {}
