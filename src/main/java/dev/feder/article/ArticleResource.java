package dev.feder.article;

import com.fasterxml.jackson.databind.JsonNode;
import dev.feder.auth.Roles;
import dev.feder.error.Problem;
import dev.feder.error.ProblemExamples;
import dev.feder.error.ProblemException;
import dev.feder.paging.Page;
import dev.feder.paging.PageParameters;
import dev.feder.paging.PageRequest;
import dev.feder.text.AsciiIntegers;
import dev.feder.web.FederApi;
import dev.feder.web.Locations;
import dev.feder.web.MergePatch;
import dev.feder.web.SparseFields;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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

/** {@code /api/v1/articles}: the news articles. */
@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class ArticleResource {

  private static final String FIELDS =
      "Comma list of fields to return (sparse fieldset); the response then holds only those,"
          + " whatever the schema marks as required. List items include body only when asked.";

  private final ArticleService service;
  private final ArticleRevisionService revisions;
  private final Locations locations;

  public ArticleResource(
      ArticleService service, ArticleRevisionService revisions, Locations locations) {
    this.service = service;
    this.revisions = revisions;
    this.locations = locations;
  }

  @GET
  @Operation(
      operationId = "listArticles",
      summary = "List articles",
      description =
          "Articles without their bodies, newest first by default. Anonymous callers see only"
              + " published articles whose publishedAt has passed, whatever they ask for;"
              + " authenticated callers see every status and may filter by one. With q, a"
              + " full-text search: the most relevant first (title matches above excerpt"
              + " matches above body matches) unless sort is given, and every item carries a"
              + " highlight of where it matched.")
  @APIResponse(
      responseCode = "200",
      description = "A page of articles",
      headers = @Header(name = "Link"),
      content = @Content(schema = @Schema(implementation = ArticlePage.class)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid paging, sort, status, filter, search or fields parameter")
  public RestResponse<ArticlePage> list(
      @BeanParam PageParameters paging,
      @Parameter(
              description =
                  "Comma list of publishedAt, title, createdAt, updatedAt; '-' for descending."
                      + " Default -publishedAt, or relevance with q",
              example = "-publishedAt")
          @QueryParam("sort")
          String sort,
      @Parameter(
              description =
                  "Only articles with this status (authenticated callers; anonymous ones always get published)",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"draft", "scheduled", "published", "archived"}))
          @QueryParam("status")
          String status,
      @Parameter(
              description =
                  "Opaque cursor from meta.nextCursor: the page after it, without OFFSET (instead"
                      + " of page; send the same sort). Not with q")
          @QueryParam("cursor")
          String cursor,
      @BeanParam ArticleFilter filter,
      @Parameter(description = FIELDS, example = "id,slug,title,publishedAt")
          @QueryParam(SparseFields.PARAMETER)
          String fields,
      @Context UriInfo uri) {
    boolean withBody = SparseFields.parse(fields, ArticleListItem.class).contains("body");
    Page<ArticleListItem> result =
        service.list(
            paging.toRequest(cursor), sort, ArticleStatus.parameter(status), filter, withBody);
    var links = result.links(uri);
    return RestResponse.ResponseBuilder.ok(new ArticlePage(result.items(), result.meta(), links))
        .header("Link", links.header())
        .build();
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getArticle",
      summary = "Get an article by id",
      description =
          "One article with its body. Drafts, scheduled and archived articles are 404 for anonymous callers.")
  @APIResponse(
      responseCode = "200",
      description = "The article",
      content = @Content(schema = @Schema(implementation = ArticleResponse.class)))
  @APIResponse(responseCode = "404", description = "No article with this id")
  @APIResponse(responseCode = "400", description = "Unknown field in fields")
  public ArticleResponse get(
      @PathParam("id") UUID id,
      @Parameter(description = FIELDS, example = "id,slug,title,body")
          @QueryParam(SparseFields.PARAMETER)
          String fields) {
    SparseFields.parse(fields, ArticleResponse.class);
    return service.get(id);
  }

  @GET
  @Path("/slug/{slug}")
  @Operation(
      operationId = "getArticleBySlug",
      summary = "Get an article by slug",
      description =
          "One article with its body, looked up by slug. Drafts, scheduled and archived articles are 404 for anonymous callers.")
  @APIResponse(
      responseCode = "200",
      description = "The article",
      content = @Content(schema = @Schema(implementation = ArticleResponse.class)))
  @APIResponse(responseCode = "404", description = "No article with this slug")
  @APIResponse(responseCode = "400", description = "Unknown field in fields")
  public ArticleResponse getBySlug(
      @PathParam("slug") String slug,
      @Parameter(description = FIELDS, example = "id,slug,title,body")
          @QueryParam(SparseFields.PARAMETER)
          String fields) {
    SparseFields.parse(fields, ArticleResponse.class);
    return service.getBySlug(slug);
  }

  @POST
  @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR})
  @SecurityRequirement(name = FederApi.BEARER)
  @Operation(
      operationId = "createArticle",
      summary = "Create an article",
      description =
          "Creates an article, by default as a draft. The slug is derived from the title unless given; a given slug that is taken is a 409. The body is sanitized.")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the new article",
      headers = @Header(name = "Location"),
      content = @Content(schema = @Schema(implementation = ArticleResponse.class)))
  @APIResponse(responseCode = "400", description = "Invalid body")
  @APIResponse(responseCode = "409", description = "The slug is taken")
  public RestResponse<ArticleResponse> create(
      @Valid @NotNull ArticleInput body, @Context UriInfo uri) {
    ArticleResponse created = service.create(body);
    return locations.created(uri, created.id(), created);
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR})
  @SecurityRequirement(name = FederApi.BEARER)
  @Operation(
      operationId = "replaceArticle",
      summary = "Replace an article",
      description =
          "Replaces all writable fields; what a GET returned can be sent back. An absent slug"
              + " keeps the current one.")
  @APIResponse(
      responseCode = "200",
      description = "The updated article",
      content = @Content(schema = @Schema(implementation = ArticleResponse.class)))
  @APIResponse(responseCode = "400", description = "Invalid body")
  @APIResponse(responseCode = "404", description = "No article with this id")
  @APIResponse(responseCode = "409", description = "The slug is taken")
  public ArticleResponse replace(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull ArticleInput body) {
    return service.replace(id, body, ifMatch);
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR})
  @SecurityRequirement(name = FederApi.BEARER)
  @Operation(
      operationId = "deleteArticle",
      summary = "Delete an article",
      description =
          "Moves the article to the trash (/api/v1/trash): from then on it is 404 here and"
              + " absent from every list, search, count, related list and feed, but it keeps its"
              + " slug, revisions and pins, so it can be restored until the retention ends.")
  @APIResponse(responseCode = "204", description = "Moved to the trash")
  @APIResponse(responseCode = "404", description = "No article with this id")
  public void delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    service.delete(id, ifMatch);
  }

  @GET
  @Path("/{id}/related")
  @Operation(
      operationId = "listRelatedArticles",
      summary = "List related articles",
      description =
          "The most related published articles: those pinned by editors first, then the ones"
              + " sharing tags, the category tree and title words. Never the article itself,"
              + " never a draft, scheduled or archived article.")
  @APIResponse(
      responseCode = "200",
      description = "Related articles, most related first",
      content = @Content(schema = @Schema(implementation = RelatedArticles.class)))
  @APIResponse(responseCode = "400", description = "Invalid size")
  @APIResponse(
      responseCode = "404",
      description = "No article with this id, or not visible to the caller")
  public RelatedArticles related(
      @PathParam("id") UUID id,
      @Parameter(
              description = "How many related articles",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      minimum = "1",
                      maximum = "20",
                      defaultValue = "5"))
          @QueryParam("size")
          String size) {
    return service.related(id, PageRequest.limit("size", size, 5, 20));
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MergePatch.MEDIA_TYPE)
  @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR})
  @SecurityRequirement(name = FederApi.BEARER)
  @Operation(
      operationId = "patchArticle",
      summary = "Change some fields of an article",
      description =
          "An RFC 7396 JSON merge patch: fields present replace the current ones, null removes"
              + " a field, absent fields stay. The result is validated like a full replacement.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MergePatch.MEDIA_TYPE,
              schema = @Schema(implementation = ArticleInput.class),
              examples = @ExampleObject(name = "publish", value = ArticleExamples.PATCH)))
  @APIResponse(
      responseCode = "200",
      description = "The updated article",
      content = @Content(schema = @Schema(implementation = ArticleResponse.class)))
  @APIResponse(responseCode = "400", description = "Invalid patch, or an invalid result")
  @APIResponse(responseCode = "404", description = "No article with this id")
  @APIResponse(responseCode = "409", description = "The slug is taken")
  public ArticleResponse patch(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode patch) {
    return service.patch(id, patch, ifMatch);
  }

  @GET
  @Path("/{id}/revisions")
  @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR, Roles.VIEWER})
  @SecurityRequirement(name = FederApi.BEARER)
  @Operation(
      operationId = "listArticleRevisions",
      summary = "List the revisions of an article",
      description =
          "Every stored state of an article, newest first: revision 1 is the state as first"
              + " created, and every replace, patch and restore adds the next one.")
  @APIResponse(
      responseCode = "200",
      description = "The revisions, newest first",
      content = @Content(schema = @Schema(implementation = ArticleRevisions.class)))
  @APIResponse(responseCode = "404", description = "No article with this id")
  public ArticleRevisions revisions(@PathParam("id") UUID id) {
    return revisions.list(id);
  }

  @GET
  @Path("/{id}/revisions/{n}")
  @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR, Roles.VIEWER})
  @SecurityRequirement(name = FederApi.BEARER)
  @Operation(
      operationId = "getArticleRevision",
      summary = "Get one revision of an article",
      description =
          "The article's state as stored in this revision, in the shape a PUT takes (references"
              + " by id and slug).")
  @APIResponse(
      responseCode = "200",
      description = "The revision with its state",
      content = @Content(schema = @Schema(implementation = ArticleRevisionResponse.class)))
  @APIResponse(responseCode = "400", description = "n is not a positive integer")
  @APIResponse(
      responseCode = "404",
      description = "No article with this id, or no such revision of it")
  public ArticleRevisionResponse revision(
      @PathParam("id") UUID id,
      @Parameter(
              description = "The revision number, from 1",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
          @PathParam("n")
          String n) {
    return revisions.get(id, revisionNumber(n));
  }

  @GET
  @Path("/{id}/revisions/{n}/diff")
  @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR, Roles.VIEWER})
  @SecurityRequirement(name = FederApi.BEARER)
  @Operation(
      operationId = "diffArticleRevisions",
      summary = "Compare two revisions of an article",
      description =
          "What changed from revision `from` (by default n - 1) to revision n, field by field,"
              + " in the order of ArticleInput; unchanged fields are not listed, so equal"
              + " revisions give an empty changes list. Plain fields (title, slug, status,"
              + " publishedAt, category by slug, the parts of source, featuredImage and seo as"
              + " `seo.metaTitle` and so on) come as kind `value` with before and after (absent"
              + " when unset). authors, tags and related come as kind `list` with the items"
              + " added and removed, whether the kept ones changed order, and both whole lists;"
              + " references are compared by id and shown by slug. The body comes as kind"
              + " `text`: a line diff of the sanitized HTML in which every paragraph, heading,"
              + " list item or other block is one line (blocks that hold blocks, such as lists"
              + " and quotes, get a line for their start and end tag, their children indented),"
              + " in hunks like a unified diff with one unchanged line of context; render"
              + " removed lines struck through and added ones highlighted, or turn each hunk"
              + " into `@@ -fromStart,fromLines +toStart,toLines @@` and its lines prefixed"
              + " with ' ', '-' and '+' for any unified diff viewer. `from` may be newer than n"
              + " (what restoring n would change) and 0 (the empty article: everything revision"
              + " n set); revision 1 is compared with 0 by default.")
  @APIResponse(
      responseCode = "200",
      description = "The changes from revision `from` to revision n",
      content = @Content(schema = @Schema(implementation = ArticleRevisionDiff.class)))
  @APIResponse(
      responseCode = "400",
      description = "n is not a positive integer, or from not a non-negative one")
  @APIResponse(
      responseCode = "404",
      description = "No article with this id, or no revision n or from of it")
  public ArticleRevisionDiff diff(
      @PathParam("id") UUID id,
      @Parameter(
              description = "The newer revision, from 1",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
          @PathParam("n")
          String n,
      @Parameter(
              description = "The revision to compare with; default n - 1, 0 for the empty article",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
          @QueryParam("from")
          String from) {
    int number = revisionNumber(n);
    return revisions.diff(id, number, baseRevision(from));
  }

  @POST
  @Path("/{id}/revisions/{n}/restore")
  // No body is read, so none needs a content type.
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR})
  @SecurityRequirement(name = FederApi.BEARER)
  @Operation(
      operationId = "restoreArticleRevision",
      summary = "Restore a revision of an article",
      description =
          "Brings back the state of revision n like a PUT of it (the slug, sanitizing and"
              + " references are applied again) and records the result as a new revision. Takes"
              + " If-Match with the article's current ETag. A category or author deleted since"
              + " is a 409 naming the field (errors[].field, such as category or authors[1]) and"
              + " changes nothing: read the revision, replace the reference and PUT it."
              + " Related articles pinned in the revision and deleted since are left out, as"
              + " deleting an article unpins it everywhere. An author token may restore only"
              + " articles whose byline lists its author, and only a revision whose byline lists"
              + " it too (otherwise 403, nothing changes): the same rule as for a PUT, so a"
              + " restore can never take an article away from its author.")
  @APIResponse(
      responseCode = "200",
      description = "The restored article",
      content = @Content(schema = @Schema(implementation = ArticleResponse.class)))
  @APIResponse(responseCode = "400", description = "n is not a positive integer")
  @APIResponse(
      responseCode = "404",
      description = "No article with this id, or no such revision of it")
  @APIResponse(
      responseCode = "409",
      description =
          "The revision's slug is taken by another article now, or its category or an author"
              + " was deleted since",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = {
                @ExampleObject(name = "conflict", value = ProblemExamples.CONFLICT),
                @ExampleObject(name = "referenceGone", value = ArticleExamples.REFERENCE_GONE)
              }))
  public ArticleResponse restore(
      @PathParam("id") UUID id,
      @Parameter(
              description = "The revision number, from 1",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
          @PathParam("n")
          String n,
      @Parameter(description = "The article's ETag last read") @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch) {
    return revisions.restore(id, revisionNumber(n), ifMatch);
  }

  private static Integer baseRevision(String from) {
    if (from == null || from.isEmpty()) {
      return null;
    }
    Integer number = AsciiIntegers.parse(from);
    if (number != null) {
      return number;
    }
    throw ProblemException.badParameter("from", "must be a non-negative integer");
  }

  private static int revisionNumber(String n) {
    Integer number = AsciiIntegers.parse(n);
    if (number != null && number >= 1) {
      return number;
    }
    throw ProblemException.badParameter("n", "must be a positive integer");
  }
}
