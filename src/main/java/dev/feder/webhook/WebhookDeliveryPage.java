package dev.feder.webhook;

import dev.feder.paging.PageLinks;
import dev.feder.paging.PageMeta;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of an endpoint's deliveries, newest first. */
@Schema(name = "WebhookDeliveryPage", examples = WebhookExamples.DELIVERY_PAGE)
public record WebhookDeliveryPage(
    @Schema(required = true) List<WebhookDeliveryResponse> data,
    @Schema(required = true) PageMeta meta,
    @Schema(required = true) PageLinks links) {}
