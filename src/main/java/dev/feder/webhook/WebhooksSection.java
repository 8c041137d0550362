package dev.feder.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.feder.event.EntityKind;
import dev.feder.event.EventExamples;
import dev.feder.event.EventType;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The OpenAPI document's {@code webhooks} section: one entry per event type (and the test ping),
 * each a POST of its payload with the Standard Webhooks headers, so integrators can generate the
 * types of what their receiver gets. Annotations cannot describe webhooks, so this filter adds
 * them, with the payload schemas built around the {@code Event} schema of the changes feed.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class WebhooksSection implements OASFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PAYLOAD = "WebhookPayload";
  private static final String PING = "WebhookPing";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    openAPI.getComponents().addSchema(PAYLOAD, payloadSchema());
    openAPI.getComponents().addSchema(PING, pingSchema());
    for (EventType type : EventType.values()) {
      openAPI.addWebhook(
          type.value(),
          OASFactory.createPathItem()
              .POST(
                  operation(
                      type.value(),
                      "Feder sends this when " + when(type) + ".",
                      PAYLOAD,
                      example(type))));
    }
    openAPI.addWebhook(
        WebhookPing.TYPE,
        OASFactory.createPathItem()
            .POST(
                operation(
                    WebhookPing.TYPE,
                    "Feder sends this when an admin asks for a test (POST"
                        + " /api/v1/webhooks/{id}/test), whatever event types the endpoint wants.",
                    PING,
                    JSON.convertValue(parse(WebhookExamples.PING), Map.class))));
  }

  private static Operation operation(
      String type, String description, String schema, Object example) {
    return OASFactory.createOperation()
        .operationId(operationId(type))
        .summary(type)
        .description(
            description
                + " The body is signed per Standard Webhooks: verify webhook-signature with the"
                + " endpoint's secret before trusting it, and use webhook-id to process each"
                + " message once (retries and redeliveries repeat it).")
        .tags(List.of("Webhooks"))
        // Feder calls the receiver; no bearer token is involved.
        .security(List.of())
        .parameters(headers())
        .requestBody(
            OASFactory.createRequestBody()
                .required(true)
                .content(
                    OASFactory.createContent()
                        .addMediaType(
                            "application/json",
                            OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(schema))
                                .addExample(type, OASFactory.createExample().value(example)))))
        .responses(
            OASFactory.createAPIResponses()
                .addAPIResponse(
                    "2XX",
                    OASFactory.createAPIResponse()
                        .description(
                            "Received. Anything else, a redirect, or no answer within 10 seconds"
                                + " is retried; 410 Gone disables the endpoint.")));
  }

  private static List<Parameter> headers() {
    return List.of(
        header(
            "webhook-id",
            "The message id, the same for every attempt and redelivery of one event",
            "msg_0193a5c2-7d41-7e8a-9b3c-4f5e6a7b8c9d"),
        header(
            "webhook-timestamp",
            "When this attempt was sent, in seconds since the epoch; refuse old ones (replays)",
            "1764147761"),
        header(
            "webhook-signature",
            "v1, and the base64 HMAC-SHA256 of '<webhook-id>.<webhook-timestamp>.<body>' with the"
                + " secret's key (the base64 after whsec_); after a rotation, for 24 hours, two"
                + " such signatures separated by a space",
            "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="));
  }

  private static Parameter header(String name, String description, String example) {
    return OASFactory.createParameter()
        .name(name)
        .in(Parameter.In.HEADER)
        .required(true)
        .description(description)
        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))
        .example(example);
  }

  private static Schema payloadSchema() {
    return OASFactory.createSchema()
        .addType(Schema.SchemaType.OBJECT)
        .description(
            "The body of an event delivery: the event type, when the event occurred, and the"
                + " event (Standard Webhooks' recommended shape)")
        .required(List.of("type", "timestamp", "data"))
        .addProperty(
            "type",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.STRING)
                .enumeration(new ArrayList<>(EventType.names())))
        .addProperty(
            "timestamp",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.STRING)
                .format("date-time")
                .description("When the event occurred"))
        .addProperty("data", OASFactory.createSchema().ref("Event"));
  }

  private static Schema pingSchema() {
    return OASFactory.createSchema()
        .addType(Schema.SchemaType.OBJECT)
        .description("The body of a test delivery")
        .required(List.of("type", "timestamp", "data"))
        .addProperty(
            "type",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.STRING)
                .enumeration(List.of(WebhookPing.TYPE)))
        .addProperty(
            "timestamp",
            OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date-time"))
        .addProperty(
            "data",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .required(List.of("webhookId", "message"))
                .addProperty(
                    "webhookId",
                    OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uuid"))
                .addProperty(
                    "message", OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
  }

  /** A payload of this type, from the example event of its kind of content. */
  private static Object example(EventType type) {
    String base =
        type.entity() == EntityKind.ARTICLE
            ? EventExamples.EVENT
            : type.entity() == EntityKind.CATEGORY
                ? WebhookExamples.CATEGORY_EVENT
                : type.entity() == EntityKind.AUTHOR
                    ? WebhookExamples.AUTHOR_EVENT
                    : WebhookExamples.ASSET_EVENT;
    ObjectNode data = (ObjectNode) parse(base);
    data.put("type", type.value());
    if (type.value().endsWith(".created")) {
      data.remove("previousStatus");
      data.putArray("changed");
    }
    ObjectNode payload = JSON.createObjectNode();
    payload.put("type", type.value());
    payload.put("timestamp", data.get("occurredAt").asText());
    payload.set("data", data);
    return JSON.convertValue(payload, Map.class);
  }

  private static String when(EventType type) {
    return switch (type) {
      case ARTICLE_CREATED -> "an article is created (a public one is also article.published)";
      case ARTICLE_UPDATED -> "fields of an article change";
      case ARTICLE_PUBLISHED ->
          "an article becomes public: published by a write, or a scheduled article whose time"
              + " has come (within seconds of its publishedAt)";
      case ARTICLE_UNPUBLISHED ->
          "a public article stops being public: back to draft, archived or scheduled";
      case ARTICLE_TRASHED -> "an article is moved to the trash";
      case ARTICLE_RESTORED -> "an article is restored from the trash";
      case ARTICLE_PURGED -> "an article is removed from the trash for good";
      case CATEGORY_CREATED -> "a category is created";
      case CATEGORY_UPDATED -> "fields of a category change";
      case CATEGORY_DELETED -> "a category is deleted";
      case AUTHOR_CREATED -> "an author is created";
      case AUTHOR_UPDATED -> "fields of an author change";
      case AUTHOR_DELETED -> "an author is deleted";
      case ASSET_CREATED ->
          "an upload keeps a new file in the media library (not when the same bytes were"
              + " uploaded before); slug is the asset's filename";
      case ASSET_UPDATED ->
          "an asset's metadata or focal point change; tags name the articles and authors that"
              + " embed it";
      case ASSET_DELETED -> "an asset is deleted";
    };
  }

  private static String operationId(String type) {
    StringBuilder id = new StringBuilder();
    boolean upper = false;
    for (char c : type.toCharArray()) {
      if (c == '.') {
        upper = true;
      } else {
        id.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return id.append("Webhook").toString();
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
