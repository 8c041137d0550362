package dev.feder.changes;

import dev.feder.web.NoStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/changes}: what changed since a client last looked, in commit order. */
@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Changes")
public class ChangesResource {

  private final ChangesService service;

  public ChangesResource(ChangesService service) {
    this.service = service;
  }

  @GET
  @NoStore
  @Operation(
      operationId = "listChanges",
      summary = "Read the changes since a cursor",
      description =
          "The changes of content after the cursor in since, oldest first, in the order their"
              + " transactions committed, and meta.nextCursor to continue from: a client that"
              + " stores the cursor after processing a page and sends it next time never misses"
              + " or repeats a change. Anonymous callers get the public view: an upsert with the"
              + " entity's public representation when it became visible or changed while visible,"
              + " a delete tombstone (id and slug) when it left the public view; drafts never"
              + " appear. Assets of the media library are not part of the public view: their"
              + " events (asset.created, asset.updated, asset.deleted) go to requests with a token"
              + " only, as an asset is public only while published content uses it; anonymous"
              + " consumers see such a change through the articles and authors that show the"
              + " asset. Requests with a token get every event, with the whole event in event;"
              + " new event types and kinds are added in minor versions, so skip what you do not"
              + " know."
              + " Start with since=now after reading the content from the lists; a cursor older"
              + " than the retention (FEDER_EVENTS_RETENTION, 30 days) is a 410: read the lists"
              + " again. Never cached: answers carry Cache-Control: no-store.")
  @APIResponse(
      responseCode = "200",
      description = "A page of changes, possibly empty",
      headers =
          @Header(
              name = "Cache-Control",
              description = "no-store: the answer to the same cursor grows as changes commit"),
      content = @Content(schema = @Schema(implementation = ChangesPage.class)))
  @APIResponse(
      responseCode = "400",
      description = "A since that is not a cursor this API issued, an unknown type or a bad size")
  @APIResponse(
      responseCode = "410",
      description =
          "The events after this cursor are no longer kept: read the lists again, then continue"
              + " from since=now")
  public ChangesPage list(
      @Parameter(
              description =
                  "meta.nextCursor of the previous page; now for a cursor after everything"
                      + " committed so far (with no items); absent for the first event kept",
              example = "ZTEuNzQxLjEyMw")
          @QueryParam("since")
          String since,
      @Parameter(
              description =
                  "Comma list of article, category, author, asset; absent for all (asset gives"
                      + " anonymous callers no items)",
              example = "article,category")
          @QueryParam("types")
          String types,
      @Parameter(
              description = "Items at most",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      minimum = "1",
                      maximum = "100",
                      defaultValue = "20"))
          @QueryParam("size")
          String size) {
    return service.read(since, types, size);
  }
}
