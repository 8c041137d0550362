package dev.feder.category;

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

/** {@code /api/v1/categories}: the sections of the site. */
@Path("/api/v1/categories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Categories")
public class CategoryResource {

  private final CategoryService service;
  private final Locations locations;

  public CategoryResource(CategoryService service, Locations locations) {
    this.service = service;
    this.locations = locations;
  }

  @GET
  @Operation(
      operationId = "listCategories",
      summary = "List categories",
      description =
          "All categories, flat (ordered by position, then name) or, with tree=true, the root"
              + " categories with their subcategories nested in children. Paged over the"
              + " returned top-level items.")
  @APIResponse(
      responseCode = "200",
      description = "A page of categories",
      headers = @Header(name = "Link"),
      content = @Content(schema = @Schema(implementation = CategoryPage.class)))
  @APIResponse(responseCode = "400", description = "Invalid paging or sort parameter")
  public RestResponse<CategoryPage> list(
      @BeanParam PageParameters paging,
      @Parameter(
              description =
                  "Comma list of position, name, createdAt, updatedAt; '-' for descending",
              example = "position,name")
          @QueryParam("sort")
          String sort,
      @Parameter(description = "Nest subcategories under their roots") @QueryParam("tree")
          boolean tree,
      @Context UriInfo uri) {
    Page<CategoryResponse> result = service.list(paging.toRequest(), sort, tree);
    var links = result.links(uri);
    return RestResponse.ResponseBuilder.ok(new CategoryPage(result.items(), result.meta(), links))
        .header("Link", links.header())
        .build();
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getCategory",
      summary = "Get a category by id",
      description = "One category with its parent.")
  @APIResponse(
      responseCode = "200",
      description = "The category",
      content = @Content(schema = @Schema(implementation = CategoryResponse.class)))
  @APIResponse(responseCode = "404", description = "No category with this id")
  public CategoryResponse get(@PathParam("id") UUID id) {
    return service.get(id);
  }

  @GET
  @Path("/slug/{slug}")
  @Operation(
      operationId = "getCategoryBySlug",
      summary = "Get a category by slug",
      description = "One category with its parent, looked up by its slug.")
  @APIResponse(
      responseCode = "200",
      description = "The category",
      content = @Content(schema = @Schema(implementation = CategoryResponse.class)))
  @APIResponse(responseCode = "404", description = "No category with this slug")
  public CategoryResponse getBySlug(@PathParam("slug") String slug) {
    return service.getBySlug(slug);
  }

  @POST
  @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
  @SecurityRequirement(name = FederApi.BEARER)
  @Operation(
      operationId = "createCategory",
      summary = "Create a category",
      description =
          "Creates a category. The slug is derived from the name unless given; a given slug that is taken is a 409.")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the new category",
      headers = @Header(name = "Location"),
      content = @Content(schema = @Schema(implementation = CategoryResponse.class)))
  @APIResponse(responseCode = "400", description = "Invalid body")
  @APIResponse(responseCode = "409", description = "The slug is taken")
  public RestResponse<CategoryResponse> create(
      @Valid @NotNull CategoryInput body, @Context UriInfo uri) {
    CategoryResponse created = service.create(body);
    return locations.created(uri, created.id(), created);
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
  @SecurityRequirement(name = FederApi.BEARER)
  @Operation(
      operationId = "replaceCategory",
      summary = "Replace a category",
      description =
          "Replaces all writable fields. An absent slug keeps the current one. Moving a category"
              + " under itself or one of its descendants is refused.")
  @APIResponse(
      responseCode = "200",
      description = "The updated category",
      content = @Content(schema = @Schema(implementation = CategoryResponse.class)))
  @APIResponse(responseCode = "400", description = "Invalid body, or a cycle in the tree")
  @APIResponse(responseCode = "404", description = "No category with this id")
  @APIResponse(responseCode = "409", description = "The slug is taken")
  public CategoryResponse replace(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull CategoryInput body) {
    return service.replace(id, body, ifMatch);
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
  @SecurityRequirement(name = FederApi.BEARER)
  @Operation(
      operationId = "deleteCategory",
      summary = "Delete a category",
      description = "Deletes a category that has no subcategories and no articles.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "No category with this id")
  @APIResponse(responseCode = "409", description = "Subcategories or articles still use it")
  public void delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    service.delete(id, ifMatch);
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MergePatch.MEDIA_TYPE)
  @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
  @SecurityRequirement(name = FederApi.BEARER)
  @Operation(
      operationId = "patchCategory",
      summary = "Change some fields of a category",
      description =
          "An RFC 7396 JSON merge patch: fields present replace the current ones, null removes"
              + " a field, absent fields stay. The result is validated like a full replacement.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MergePatch.MEDIA_TYPE,
              schema = @Schema(implementation = CategoryInput.class),
              examples = @ExampleObject(name = "change", value = CategoryExamples.PATCH)))
  @APIResponse(
      responseCode = "200",
      description = "The updated category",
      content = @Content(schema = @Schema(implementation = CategoryResponse.class)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid patch, an invalid result or a cycle in the tree")
  @APIResponse(responseCode = "404", description = "No category with this id")
  @APIResponse(responseCode = "409", description = "The slug is taken")
  public CategoryResponse patch(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode patch) {
    return service.patch(id, patch, ifMatch);
  }
}
