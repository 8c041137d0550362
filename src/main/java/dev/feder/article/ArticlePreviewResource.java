package dev.feder.article;

import dev.feder.auth.Roles;
import dev.feder.idempotency.Idempotent;
import dev.feder.web.FederApi;
import dev.feder.web.Locations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/v1/articles/{id}/preview-links}: signed links that show a draft before it is out. */
@Path("/api/v1/articles/{id}/preview-links")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR})
@SecurityRequirement(name = FederApi.BEARER)
public class ArticlePreviewResource {

  private final ArticlePreviews previews;
  private final Locations locations;

  public ArticlePreviewResource(ArticlePreviews previews, Locations locations) {
    this.previews = previews;
    this.locations = locations;
  }

  @POST
  @Idempotent
  @Operation(
      operationId = "createPreviewLink",
      summary = "Make a preview link to an article",
      description =
          "A signed token that lets whoever holds it read this one article as it stands,"
              + " whatever its status, through GET /api/v1/articles/{id} and"
              + " /api/v1/articles/slug/{slug} (query parameter preview or header"
              + " Feder-Preview), until it expires: by default in 24 hours, at most in 7 days."
              + " Such reads are private, no-store, never cached by Feder and marked noindex;"
              + " related articles in them are the public ones. Nothing of the link is stored:"
              + " it works on every instance, and DELETE revokes all links to the article at"
              + " once. An empty body ({} or none) takes the defaults. Admins, editors and the"
              + " article's own authors.")
  @RequestBody(
      required = false,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PreviewLinkInput.class)))
  @APIResponse(
      responseCode = "201",
      description = "Made; Location is the read of the article with the token",
      headers = @Header(name = "Location"),
      content = @Content(schema = @Schema(implementation = PreviewLink.class)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid body, or an expiresAt not in the future or more than 7 days ahead")
  @APIResponse(responseCode = "404", description = "No article with this id, or it is in the trash")
  public RestResponse<PreviewLink> create(@PathParam("id") UUID id, PreviewLinkInput body) {
    PreviewLink link = previews.create(id, body);
    return RestResponse.ResponseBuilder.<PreviewLink>created(locations.of(link.url()))
        .entity(link)
        .build();
  }

  @DELETE
  @Operation(
      operationId = "revokePreviewLinks",
      summary = "Revoke every preview link to an article",
      description =
          "Every link made so far stops working at once (their reads answer 403); links made"
              + " afterwards work again. Takes no If-Match: it changes nothing of the article."
              + " Admins, editors and the article's own authors.")
  @APIResponse(responseCode = "204", description = "Revoked")
  @APIResponse(responseCode = "404", description = "No article with this id, or it is in the trash")
  public void revoke(@PathParam("id") UUID id) {
    previews.revokeAll(id);
  }
}
