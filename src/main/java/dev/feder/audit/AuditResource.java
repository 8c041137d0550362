package dev.feder.audit;

import dev.feder.paging.Page;
import dev.feder.paging.PageParameters;
import dev.feder.web.FederApi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/v1/audit-events}: who changed what and when, for admins. */
@Path("/api/v1/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
// The admin role by name: audit does not import auth (Roles.ADMIN), since auth records into it.
@RolesAllowed("admin")
@SecurityRequirement(name = FederApi.BEARER)
public class AuditResource {

  private final AuditLog log;

  public AuditResource(AuditLog log) {
    this.log = log;
  }

  @GET
  @Operation(
      operationId = "listAuditEvents",
      summary = "List the audit log",
      description =
          "Every change to articles, categories, authors and tokens, newest first: who (the"
              + " token's name and role), what (action, entity type, id and slug or name) and"
              + " when, with small details such as the names of the changed fields. Refused and"
              + " failed writes leave no event; secrets never appear. Admins only.")
  @APIResponse(
      responseCode = "200",
      description = "A page of audit events",
      headers = @Header(name = "Link"),
      content = @Content(schema = @Schema(implementation = AuditEventPage.class)))
  @APIResponse(responseCode = "400", description = "Invalid paging parameter, cursor or filter")
  public RestResponse<AuditEventPage> list(
      @BeanParam PageParameters paging,
      @Parameter(
              description =
                  "Opaque cursor from meta.nextCursor: the page after it, without OFFSET (instead"
                      + " of page; send the same filters)")
          @QueryParam("cursor")
          String cursor,
      @BeanParam AuditFilter filter,
      @Context UriInfo uri) {
    Page<AuditEventResponse> result = log.list(paging.toRequest(cursor), filter);
    var links = result.links(uri);
    return RestResponse.ResponseBuilder.ok(new AuditEventPage(result.items(), result.meta(), links))
        .header("Link", links.header())
        .build();
  }
}
