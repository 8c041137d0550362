package dev.feder.article;

import dev.feder.auth.Roles;
import dev.feder.paging.Page;
import dev.feder.paging.PageParameters;
import dev.feder.web.FederApi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/v1/trash}: deleted articles, until they are restored or purged. */
@Path("/api/v1/trash")
@Produces(MediaType.APPLICATION_JSON)
// No operation reads a body, so none needs a content type.
@Consumes(MediaType.WILDCARD)
@Tag(name = "Trash")
@SecurityRequirement(name = FederApi.BEARER)
public class TrashResource {

  private final ArticleTrash trash;

  public TrashResource(ArticleTrash trash) {
    this.trash = trash;
  }

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR, Roles.VIEWER})
  @Operation(
      operationId = "listTrash",
      summary = "List the articles in the trash",
      description =
          "Deleted articles, newest deletion first, with who deleted them, when, and when they"
              + " will be purged. Any token may read the trash; anonymous callers never see it.")
  @APIResponse(
      responseCode = "200",
      description = "A page of the trash",
      headers = @Header(name = "Link"),
      content = @Content(schema = @Schema(implementation = TrashPage.class)))
  @APIResponse(responseCode = "400", description = "Invalid paging parameter or cursor")
  public RestResponse<TrashPage> list(
      @BeanParam PageParameters paging,
      @Parameter(
              description =
                  "Opaque cursor from meta.nextCursor: the page after it, without OFFSET (instead"
                      + " of page)")
          @QueryParam("cursor")
          String cursor,
      @Context UriInfo uri) {
    Page<TrashedArticleItem> result = trash.list(paging.toRequest(cursor));
    var links = result.links(uri);
    return RestResponse.ResponseBuilder.ok(new TrashPage(result.items(), result.meta(), links))
        .header("Link", links.header())
        .build();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR, Roles.VIEWER})
  @Operation(
      operationId = "getTrashedArticle",
      summary = "Get an article in the trash",
      description =
          "The deleted article with its body as a restore would bring it back, who deleted it,"
              + " when, and when it will be purged. Its ETag is the If-Match of a restore or"
              + " purge.")
  @APIResponse(
      responseCode = "200",
      description = "The article in the trash",
      content = @Content(schema = @Schema(implementation = TrashedArticle.class)))
  @APIResponse(responseCode = "404", description = "No article with this id is in the trash")
  public TrashedArticle get(@PathParam("id") UUID id) {
    return trash.get(id);
  }

  @POST
  @Path("/{id}/restore")
  @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR})
  @Operation(
      operationId = "restoreTrashedArticle",
      summary = "Restore an article from the trash",
      description =
          "Brings the article back with the state and status it had (a draft stays a draft, a"
              + " published article is public again), under its slug, which the trash kept"
              + " reserved, and records that state as a new revision. Takes If-Match with the"
              + " ETag of the trash item. Author tokens restore only articles whose byline lists"
              + " their author. Once the retention has ended, a restore is a 410.")
  @APIResponse(
      responseCode = "200",
      description = "The restored article",
      content = @Content(schema = @Schema(implementation = ArticleResponse.class)))
  @APIResponse(
      responseCode = "404",
      description = "No article with this id is in the trash (never deleted, restored or purged)")
  @APIResponse(
      responseCode = "410",
      description = "The retention has ended: the article can no longer be restored")
  public ArticleResponse restore(
      @PathParam("id") UUID id,
      @Parameter(description = "The ETag of the trash item last read")
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch) {
    return trash.restore(id, ifMatch);
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      operationId = "purgeTrashedArticle",
      summary = "Purge an article from the trash",
      description =
          "Removes the article for good, with its revisions, byline and pins; its slug becomes"
              + " free. Admins only; takes If-Match with the ETag of the trash item.")
  @APIResponse(responseCode = "204", description = "Purged")
  @APIResponse(responseCode = "404", description = "No article with this id is in the trash")
  public void purge(
      @PathParam("id") UUID id,
      @Parameter(description = "The ETag of the trash item last read")
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch) {
    trash.purge(id, ifMatch);
  }
}
