package dev.feder.webhook;

import dev.feder.paging.PageLinks;
import dev.feder.paging.PageMeta;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of webhook endpoints. */
@Schema(name = "WebhookPage", examples = WebhookExamples.PAGE)
public record WebhookPage(
    @Schema(required = true) List<Webhook> data,
    @Schema(required = true) PageMeta meta,
    @Schema(required = true) PageLinks links) {}
