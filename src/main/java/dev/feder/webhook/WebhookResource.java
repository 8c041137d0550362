package dev.feder.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.feder.auth.Roles;
import dev.feder.idempotency.Idempotent;
import dev.feder.paging.Page;
import dev.feder.paging.PageParameters;
import dev.feder.web.FederApi;
import dev.feder.web.Locations;
import dev.feder.web.MergePatch;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/v1/webhooks}: endpoints that receive events, registered by admins. */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = FederApi.BEARER)
public class WebhookResource {

  private final WebhookService service;
  private final Locations locations;

  public WebhookResource(WebhookService service, Locations locations) {
    this.service = service;
    this.locations = locations;
  }

  @GET
  @Operation(
      operationId = "listWebhooks",
      summary = "List webhook endpoints",
      description = "All endpoints, newest first, enabled or not. Never shows a secret.")
  @APIResponse(
      responseCode = "200",
      description = "A page of webhook endpoints",
      headers = @Header(name = "Link"),
      content = @Content(schema = @Schema(implementation = WebhookPage.class)))
  @APIResponse(responseCode = "400", description = "Invalid paging parameter")
  public RestResponse<WebhookPage> list(@BeanParam PageParameters paging, @Context UriInfo uri) {
    Page<Webhook> result = service.list(paging.toRequest());
    var links = result.links(uri);
    return RestResponse.ResponseBuilder.ok(new WebhookPage(result.items(), result.meta(), links))
        .header("Link", links.header())
        .build();
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getWebhook",
      summary = "Get a webhook endpoint by id",
      description =
          "One endpoint, without its secret; disabledReason says why Feder disabled it, if it"
              + " did.")
  @APIResponse(
      responseCode = "200",
      description = "The endpoint",
      content = @Content(schema = @Schema(implementation = Webhook.class)))
  @APIResponse(responseCode = "404", description = "No webhook with this id")
  public Webhook get(@PathParam("id") UUID id) {
    return service.get(id);
  }

  @POST
  @Idempotent
  @Operation(
      operationId = "createWebhook",
      summary = "Register a webhook endpoint",
      description =
          "Registers a URL that receives the events of the given types from now on, each POSTed"
              + " as JSON ({type, timestamp, data: the event}) and signed per Standard Webhooks"
              + " (webhook-id, webhook-timestamp, webhook-signature). The answer holds the signing"
              + " secret, this once only. A delivery succeeds with a 2xx answer within 10 seconds;"
              + " anything else is retried after 5 s, 30 s, 2 min, 15 min, 1 h and 6 h (with"
              + " jitter), then marked failed. An endpoint that fails every attempt for 3 days is"
              + " disabled. Events of one entity reach an endpoint in order.")
  @APIResponse(
      responseCode = "201",
      description = "Registered; Location names the endpoint. The only answer with the secret.",
      headers = @Header(name = "Location"),
      content = @Content(schema = @Schema(implementation = CreatedWebhook.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "Invalid body: a URL that is not http(s) or points into a private, loopback or"
              + " link-local network, or an unknown event type")
  public RestResponse<CreatedWebhook> create(
      @Valid @NotNull WebhookInput body, @Context UriInfo uri) {
    CreatedWebhook created = service.create(body);
    return locations.created(uri, created.id(), created);
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MergePatch.MEDIA_TYPE)
  @Operation(
      operationId = "patchWebhook",
      summary = "Change some fields of a webhook endpoint",
      description =
          "An RFC 7396 JSON merge patch of the WebhookInput fields, validated like a"
              + " registration. enabled: false pauses deliveries (events meanwhile are not sent"
              + " later; read them from the changes feed); enabled: true resumes them and clears"
              + " disabledReason.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MergePatch.MEDIA_TYPE,
              schema = @Schema(implementation = WebhookInput.class),
              examples = @ExampleObject(name = "pause", value = WebhookExamples.PATCH)))
  @APIResponse(
      responseCode = "200",
      description = "The changed endpoint",
      content = @Content(schema = @Schema(implementation = Webhook.class)))
  @APIResponse(responseCode = "400", description = "Invalid patch or an invalid result")
  @APIResponse(responseCode = "404", description = "No webhook with this id")
  public Webhook patch(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode patch) {
    return service.patch(id, patch, ifMatch);
  }

  @DELETE
  @Path("/{id}")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "deleteWebhook",
      summary = "Delete a webhook endpoint",
      description = "Removes the endpoint and its deliveries; nothing more is sent to it.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "No webhook with this id")
  public void delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    service.delete(id, ifMatch);
  }

  @POST
  @Path("/{id}/rotate-secret")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "rotateWebhookSecret",
      summary = "Make a new signing secret",
      description =
          "Makes a new secret and shows it this once. For 24 hours deliveries carry a signature"
              + " with the old secret too (webhook-signature holds both, space-separated), so the"
              + " receiver can switch to the new one without losing a delivery. Takes no If-Match,"
              + " like revoking a token: it overwrites nothing a client could have read.")
  @APIResponse(
      responseCode = "200",
      description = "The new secret",
      content = @Content(schema = @Schema(implementation = RotatedSecret.class)))
  @APIResponse(responseCode = "404", description = "No webhook with this id")
  public RotatedSecret rotateSecret(@PathParam("id") UUID id) {
    return service.rotateSecret(id);
  }

  @GET
  @Path("/{id}/deliveries")
  @Operation(
      operationId = "listWebhookDeliveries",
      summary = "List the deliveries to a webhook endpoint",
      description =
          "Newest first: each event (or test ping) sent or to be sent, with its status, attempts,"
              + " the latest answer's status, latency and start of body, and when the next"
              + " attempt is due.")
  @APIResponse(
      responseCode = "200",
      description = "A page of deliveries",
      headers = @Header(name = "Link"),
      content = @Content(schema = @Schema(implementation = WebhookDeliveryPage.class)))
  @APIResponse(responseCode = "400", description = "Invalid paging parameter")
  @APIResponse(responseCode = "404", description = "No webhook with this id")
  public RestResponse<WebhookDeliveryPage> deliveries(
      @PathParam("id") UUID id, @BeanParam PageParameters paging, @Context UriInfo uri) {
    Page<WebhookDeliveryResponse> result = service.deliveries(id, paging.toRequest());
    var links = result.links(uri);
    return RestResponse.ResponseBuilder.ok(
            new WebhookDeliveryPage(result.items(), result.meta(), links))
        .header("Link", links.header())
        .build();
  }

  @POST
  @Path("/{id}/deliveries/{deliveryId}/redeliver")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "redeliverWebhookDelivery",
      summary = "Send a delivery again",
      description =
          "Queues the same message (the same webhook-id and body, signed anew) as a new delivery,"
              + " sent at once unless an earlier delivery of the same entity is still pending.")
  @APIResponse(
      responseCode = "202",
      description = "Queued: the new delivery",
      content = @Content(schema = @Schema(implementation = WebhookDeliveryResponse.class)))
  @APIResponse(
      responseCode = "404",
      description = "No webhook with this id, or no delivery with this id to it")
  @APIResponse(responseCode = "409", description = "The webhook is disabled: enable it first")
  public RestResponse<WebhookDeliveryResponse> redeliver(
      @PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
    return RestResponse.accepted(service.redeliver(id, deliveryId));
  }

  @POST
  @Path("/{id}/test")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "testWebhook",
      summary = "Send a test ping",
      description =
          "Queues a webhook.ping delivery to the endpoint, enabled or not, signed like every"
              + " delivery: to check that it receives and verifies. Follow it in the deliveries.")
  @APIResponse(
      responseCode = "202",
      description = "Queued: the ping's delivery",
      content = @Content(schema = @Schema(implementation = WebhookDeliveryResponse.class)))
  @APIResponse(responseCode = "404", description = "No webhook with this id")
  public RestResponse<WebhookDeliveryResponse> test(@PathParam("id") UUID id) {
    return RestResponse.accepted(service.test(id));
  }
}
