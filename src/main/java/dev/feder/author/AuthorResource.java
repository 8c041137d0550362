package dev.feder.author;

import com.fasterxml.jackson.databind.JsonNode;
import dev.feder.auth.Roles;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/v1/authors}: the sections of the site. */
@Path("/api/v1/authors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authors")
public class AuthorResource {

  private final AuthorService service;
  private final Locations locations;

  public AuthorResource(AuthorService service, Locations locations) {
    this.service = service;
    this.locations = locations;
  }

  @GET
  @Operation(
      operationId = "listAuthors",
      summary = "List authors",
      description =
          "All authors, ordered by name. The private email is included only for authenticated"
              + " callers.")
  @APIResponse(
      responseCode = "200",
      description = "A page of authors",
      headers = @Header(name = "Link"),
      content = @Content(schema = @Schema(implementation = AuthorPage.class)))
  @APIResponse(responseCode = "400", description = "Invalid paging or sort parameter")
  public RestResponse<AuthorPage> list(
      @BeanParam PageParameters paging,
      @Parameter(
              description = "Comma list of name, createdAt, updatedAt; '-' for descending",
              example = "name")
          @QueryParam("sort")
          String sort,
      @Context UriInfo uri) {
    Page<AuthorResponse> result = service.list(paging.toRequest(), sort);
    var links = result.links(uri);
    return RestResponse.ResponseBuilder.ok(new AuthorPage(result.items(), result.meta(), links))
        .header("Link", links.header())
        .build();
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getAuthor",
      summary = "Get an author by id",
      description = "One author; the email only for authenticated callers.")
  @APIResponse(
      responseCode = "200",
      description = "The author",
      content = @Content(schema = @Schema(implementation = AuthorResponse.class)))
  @APIResponse(responseCode = "404", description = "No author with this id")
  public AuthorResponse get(@PathParam("id") UUID id) {
    return service.get(id);
  }

  @GET
  @Path("/slug/{slug}")
  @Operation(
      operationId = "getAuthorBySlug",
      summary = "Get an author by slug",
      description = "One author, looked up by slug; the email only for authenticated callers.")
  @APIResponse(
      responseCode = "200",
      description = "The author",
      content = @Content(schema = @Schema(implementation = AuthorResponse.class)))
  @APIResponse(responseCode = "404", description = "No author with this slug")
  public AuthorResponse getBySlug(@PathParam("slug") String slug) {
    return service.getBySlug(slug);
  }

  @POST
  @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
  @SecurityRequirement(name = FederApi.BEARER)
  @Operation(
      operationId = "createAuthor",
      summary = "Create an author",
      description =
          "Creates an author. The slug is derived from the name unless given; a given slug that is taken is a 409.")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the new author",
      headers = @Header(name = "Location"),
      content = @Content(schema = @Schema(implementation = AuthorResponse.class)))
  @APIResponse(responseCode = "400", description = "Invalid body")
  @APIResponse(responseCode = "409", description = "The slug is taken")
  public RestResponse<AuthorResponse> create(
      @Valid @NotNull AuthorInput body, @Context UriInfo uri) {
    AuthorResponse created = service.create(body);
    return locations.created(uri, created.id(), created);
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
  @SecurityRequirement(name = FederApi.BEARER)
  @Operation(
      operationId = "replaceAuthor",
      summary = "Replace an author",
      description = "Replaces all writable fields. An absent slug keeps the current one.")
  @APIResponse(
      responseCode = "200",
      description = "The updated author",
      content = @Content(schema = @Schema(implementation = AuthorResponse.class)))
  @APIResponse(responseCode = "400", description = "Invalid body")
  @APIResponse(responseCode = "404", description = "No author with this id")
  @APIResponse(responseCode = "409", description = "The slug is taken")
  public AuthorResponse replace(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull AuthorInput body) {
    return service.replace(id, body, ifMatch);
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
  @SecurityRequirement(name = FederApi.BEARER)
  @Operation(
      operationId = "deleteAuthor",
      summary = "Delete an author",
      description =
          "Deletes an author who is in no article's byline and has no API token (not even a"
              + " revoked one).")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "No author with this id")
  @APIResponse(responseCode = "409", description = "Articles or API tokens still name the author")
  public void delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    service.delete(id, ifMatch);
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MergePatch.MEDIA_TYPE)
  @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
  @SecurityRequirement(name = FederApi.BEARER)
  @Operation(
      operationId = "patchAuthor",
      summary = "Change some fields of an author",
      description =
          "An RFC 7396 JSON merge patch: fields present replace the current ones, null removes"
              + " a field, absent fields stay. The result is validated like a full replacement.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MergePatch.MEDIA_TYPE,
              schema = @Schema(implementation = AuthorInput.class),
              examples = @ExampleObject(name = "change", value = AuthorExamples.PATCH)))
  @APIResponse(
      responseCode = "200",
      description = "The updated author",
      content = @Content(schema = @Schema(implementation = AuthorResponse.class)))
  @APIResponse(responseCode = "400", description = "Invalid patch, or an invalid result")
  @APIResponse(responseCode = "404", description = "No author with this id")
  @APIResponse(responseCode = "409", description = "The slug is taken")
  public AuthorResponse patch(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode patch) {
    return service.patch(id, patch, ifMatch);
  }
}
