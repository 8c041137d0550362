package dev.feder.auth;

import dev.feder.paging.Page;
import dev.feder.paging.PageParameters;
import dev.feder.web.FederApi;
import dev.feder.web.Locations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/v1/tokens}: the API tokens that admins issue and revoke. */
@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tokens")
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = FederApi.BEARER)
public class TokenResource {

  private final TokenService service;
  private final Locations locations;

  public TokenResource(TokenService service, Locations locations) {
    this.service = service;
    this.locations = locations;
  }

  @GET
  @Operation(
      operationId = "listTokens",
      summary = "List API tokens",
      description =
          "All tokens, newest first, including revoked and expired ones. Never shows a secret.")
  @APIResponse(
      responseCode = "200",
      description = "A page of tokens",
      headers = @Header(name = "Link"),
      content = @Content(schema = @Schema(implementation = TokenPage.class)))
  @APIResponse(responseCode = "400", description = "Invalid paging parameter")
  public RestResponse<TokenPage> list(@BeanParam PageParameters paging, @Context UriInfo uri) {
    Page<Token> result = service.list(paging.toRequest());
    var links = result.links(uri);
    return RestResponse.ResponseBuilder.ok(new TokenPage(result.items(), result.meta(), links))
        .header("Link", links.header())
        .build();
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getToken",
      summary = "Get an API token by id",
      description = "One token, without its secret.")
  @APIResponse(
      responseCode = "200",
      description = "The token",
      content = @Content(schema = @Schema(implementation = Token.class)))
  @APIResponse(responseCode = "404", description = "No token with this id")
  public Token get(@PathParam("id") UUID id) {
    return service.get(id);
  }

  @POST
  @Operation(
      operationId = "createToken",
      summary = "Issue an API token",
      description =
          "Issues a token with a role: admin (everything, including tokens), editor (all"
              + " content), author (creates articles and changes only those that list its author;"
              + " needs author) or viewer (reads drafts, writes nothing). The answer holds the"
              + " secret in token, this once only: Feder stores just a hash of it.")
  @APIResponse(
      responseCode = "201",
      description = "Issued; Location names the new token. The only answer with the secret.",
      headers = @Header(name = "Location"),
      content = @Content(schema = @Schema(implementation = CreatedToken.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "Invalid body: a missing name or role, an author missing for role author or given for"
              + " another role, an unknown author, or an expiresAt that is not in the future")
  public RestResponse<CreatedToken> create(@Valid @NotNull TokenInput body, @Context UriInfo uri) {
    CreatedToken created = service.create(body);
    return locations.created(uri, created.id(), created);
  }

  @DELETE
  @Path("/{id}")
  @Operation(
      operationId = "revokeToken",
      summary = "Revoke an API token",
      description =
          "Revokes the token at once: from now on it is refused with 401. The token stays listed"
              + " with revokedAt. A revocation takes no If-Match (it cannot overwrite anything and"
              + " must never be held up); revoking a revoked token again is a 204 too.")
  @APIResponse(responseCode = "204", description = "Revoked")
  @APIResponse(responseCode = "404", description = "No token with this id")
  public void revoke(@PathParam("id") UUID id) {
    service.revoke(id);
  }
}
