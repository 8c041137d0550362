package dev.feder.asset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feder.auth.Roles;
import dev.feder.config.FederConfig;
import dev.feder.paging.Page;
import dev.feder.paging.PageParameters;
import dev.feder.persistence.ContentTags;
import dev.feder.storage.BlobStorage;
import dev.feder.web.ApiConventions;
import dev.feder.web.CacheTags;
import dev.feder.web.CachedResponses;
import dev.feder.web.FederApi;
import dev.feder.web.MergePatch;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
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
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Encoding;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.PathPart;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/** {@code /api/v1/assets}: the media library. */
@Path("/api/v1/assets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Assets",
    description =
        "The media library: uploaded images and PDFs, their metadata, their files without private"
            + " metadata, and image renditions")
public class AssetResource {

  private static final String ID = "The asset's id";

  private final AssetService service;
  private final BlobStorage storage;
  private final ObjectMapper mapper;
  private final Validator validator;
  private final FederConfig config;
  private final KnownAssets known;
  private final CachedResponses cachedResponses;
  private final CurrentVertxRequest exchange;

  public AssetResource(
      AssetService service,
      BlobStorage storage,
      ObjectMapper mapper,
      Validator validator,
      FederConfig config,
      KnownAssets known,
      CachedResponses cachedResponses,
      CurrentVertxRequest exchange) {
    this.service = service;
    this.storage = storage;
    this.mapper = mapper;
    this.validator = validator;
    this.config = config;
    this.known = known;
    this.cachedResponses = cachedResponses;
    this.exchange = exchange;
  }

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR, Roles.VIEWER})
  @SecurityRequirement(name = FederApi.BEARER)
  @Operation(
      operationId = "listAssets",
      summary = "List assets",
      description =
          "The media library, newest first, filtered by media type, text and use; any token may"
              + " read it. Page by number or, for deep pages, by cursor.")
  @APIResponse(
      responseCode = "200",
      description = "A page of assets",
      headers = {@Header(name = "ETag"), @Header(name = "Link")},
      content = @Content(schema = @Schema(implementation = AssetPage.class)))
  @APIResponse(responseCode = "400", description = "Invalid filter, paging parameter or cursor")
  public RestResponse<AssetPage> list(
      @BeanParam PageParameters paging,
      @BeanParam AssetFilter filter,
      @Parameter(
              description =
                  "Opaque cursor from meta.nextCursor: the page after it, without OFFSET (instead"
                      + " of page)")
          @QueryParam("cursor")
          String cursor,
      @Context UriInfo uri) {
    Page<AssetResponse> result = service.list(paging.toRequest(cursor), filter);
    var links = result.links(uri);
    return RestResponse.ResponseBuilder.ok(new AssetPage(result.items(), result.meta(), links))
        .header("Link", links.header())
        .build();
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getAsset",
      summary = "Get an asset",
      description =
          "One asset. Anonymous callers see only assets that published content shows (a"
              + " published article, or an author); createdBy only for authenticated callers.")
  @APIResponse(
      responseCode = "200",
      description = "The asset",
      headers = @Header(name = "ETag"),
      content = @Content(schema = @Schema(implementation = AssetResponse.class)))
  @APIResponse(
      responseCode = "404",
      description = "No asset with this id, or none that anonymous callers may see")
  public AssetResponse get(@Parameter(description = ID) @PathParam("id") UUID id) {
    return service.get(id);
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR})
  @SecurityRequirement(name = FederApi.BEARER)
  @Operation(
      operationId = "uploadAsset",
      summary = "Upload a file",
      description =
          "Uploads one JPEG, PNG, WebP or GIF image or PDF as multipart/form-data: the file in"
              + " a part named file, optional metadata in text parts. The type is judged by the"
              + " file's content; a file name or declared type that says otherwise, SVG and any"
              + " other type are a 415. Limits, each a 413: the file's size"
              + " (FEDER_ASSETS_MAX_FILE_SIZE) and an image's pixels"
              + " (FEDER_ASSETS_MAX_PIXELS), checked before decoding. Metadata an agency photo"
              + " carries (IPTC, XMP, EXIF: headline, caption, credit, copyright, source) fills the"
              + " fields the request leaves empty; what is served never carries the file's private"
              + " metadata (GPS position, camera serial numbers, editing history). The same bytes"
              + " uploaded again answer 200 with the asset they made, unchanged. Authors may"
              + " upload, and later change only their own uploads.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.MULTIPART_FORM_DATA,
              schema = @Schema(implementation = AssetUpload.class),
              examples = @ExampleObject(name = "photo", value = AssetExamples.UPLOAD),
              encoding = @Encoding(name = "focalPoint", contentType = MediaType.APPLICATION_JSON)))
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the new asset",
      headers = {@Header(name = "Location"), @Header(name = "ETag")},
      content = @Content(schema = @Schema(implementation = AssetResponse.class)))
  @APIResponse(
      responseCode = "200",
      description = "The same bytes were uploaded before: the asset they made, unchanged",
      headers = @Header(name = "ETag"),
      content = @Content(schema = @Schema(implementation = AssetResponse.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "A missing, empty, repeated or unknown part, an invalid metadata value, or a file"
              + " that cannot be read (truncated or corrupt)")
  @APIResponse(
      responseCode = "413",
      description = "The file, or the image's pixel count, is larger than allowed")
  @APIResponse(
      responseCode = "415",
      description =
          "Not a JPEG, PNG, WebP, GIF or PDF by its content (SVG included), a name or declared"
              + " type that contradicts the content, or a file that is two things at once")
  @APIResponse(
      responseCode = "503",
      description = "Too many uploads at once; try again after Retry-After seconds",
      headers = @Header(name = "Retry-After"))
  public RestResponse<AssetResponse> upload(MultipartFormDataInput form, @Context UriInfo uri) {
    AssetService.Uploaded uploaded = service.upload(UploadForm.parse(form, mapper, validator));
    if (!uploaded.created()) {
      return RestResponse.ok(uploaded.asset());
    }
    return RestResponse.ResponseBuilder.<AssetResponse>created(
            uri.getAbsolutePathBuilder().path(uploaded.asset().id().toString()).build())
        .entity(uploaded.asset())
        .build();
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR})
  @SecurityRequirement(name = FederApi.BEARER)
  @Operation(
      operationId = "replaceAsset",
      summary = "Replace an asset's metadata",
      description =
          "Replaces all writable metadata (the file stays). An absent filename keeps the current"
              + " one; an absent focal point is the centre. A new focal point makes new file and"
              + " rendition URLs (the version rises). Authors only for their own uploads.")
  @APIResponse(
      responseCode = "200",
      description = "The updated asset",
      headers = @Header(name = "ETag"),
      content = @Content(schema = @Schema(implementation = AssetResponse.class)))
  @APIResponse(responseCode = "400", description = "Invalid body")
  @APIResponse(responseCode = "404", description = "No asset with this id")
  public AssetResponse replace(
      @Parameter(description = ID) @PathParam("id") UUID id,
      @Parameter(description = "The ETag last read", required = true)
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      @Valid @NotNull AssetInput body) {
    return service.replace(id, body, ifMatch);
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MergePatch.MEDIA_TYPE)
  @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR})
  @SecurityRequirement(name = FederApi.BEARER)
  @Operation(
      operationId = "patchAsset",
      summary = "Change some metadata of an asset",
      description =
          "An RFC 7396 JSON merge patch of the AssetInput fields: fields present replace the"
              + " current ones, null removes a field, absent fields stay. The result is validated"
              + " like a full replacement. Authors only for their own uploads.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MergePatch.MEDIA_TYPE,
              schema = @Schema(implementation = AssetInput.class),
              examples = @ExampleObject(name = "change", value = AssetExamples.PATCH)))
  @APIResponse(
      responseCode = "200",
      description = "The updated asset",
      headers = @Header(name = "ETag"),
      content = @Content(schema = @Schema(implementation = AssetResponse.class)))
  @APIResponse(responseCode = "400", description = "Invalid patch, or an invalid result")
  @APIResponse(responseCode = "404", description = "No asset with this id")
  public AssetResponse patch(
      @Parameter(description = ID) @PathParam("id") UUID id,
      @Parameter(description = "The ETag last read", required = true)
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      JsonNode patch) {
    return service.patch(id, patch, ifMatch);
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR})
  @SecurityRequirement(name = FederApi.BEARER)
  @Operation(
      operationId = "deleteAsset",
      summary = "Delete an asset",
      description =
          "Deletes an asset that no article (in any status, the trash included) or author uses,"
              + " with its file and renditions. Authors only for their own uploads.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "No asset with this id")
  @APIResponse(
      responseCode = "409",
      description = "Articles or authors use the asset; the detail names them",
      content =
          @Content(
              mediaType = "application/problem+json",
              examples = @ExampleObject(name = "inUse", value = AssetExamples.CONFLICT)))
  public void delete(
      @Parameter(description = ID) @PathParam("id") UUID id,
      @Parameter(description = "The ETag last read", required = true)
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch) {
    service.delete(id, ifMatch);
  }

  @GET
  @Path("/{id}/usage")
  @RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.AUTHOR, Roles.VIEWER})
  @SecurityRequirement(name = FederApi.BEARER)
  @Operation(
      operationId = "getAssetUsage",
      summary = "Who uses an asset",
      description =
          "The articles (in any status, the trash included) and authors that use the asset, and"
              + " where: as featured image, in the body, as avatar.")
  @APIResponse(
      responseCode = "200",
      description = "The users of the asset; an empty list when nothing uses it",
      headers = @Header(name = "ETag"),
      content = @Content(schema = @Schema(implementation = AssetUsageList.class)))
  @APIResponse(responseCode = "404", description = "No asset with this id")
  public AssetUsageList usage(@Parameter(description = ID) @PathParam("id") UUID id) {
    return service.usage(id);
  }

  @GET
  @Path("/{id}/file")
  @Produces(MediaType.WILDCARD)
  @Extension(
      name = ApiConventions.BINARY_TYPES,
      value = "image/jpeg image/png image/webp image/gif application/pdf")
  @Operation(
      operationId = "getAssetFile",
      summary = "Download an asset's file",
      description =
          "The file without its private metadata: images keep their pixels byte for byte, their"
              + " colour profile and (JPEG) orientation, and lose EXIF, XMP, IPTC, comments and"
              + " thumbnails; PDFs come as uploaded, as attachments. Content-Disposition carries"
              + " the filename. One byte range per request (Range, If-Range). With v equal to the"
              + " asset's version the answer may be cached for a year (immutable). Anonymous"
              + " callers get only files that published content shows; others are a 404.")
  @APIResponse(
      responseCode = "200",
      description = "The file",
      headers = {
        @Header(name = "ETag"),
        @Header(name = "Cache-Control"),
        @Header(
            name = "Content-Disposition",
            description = "inline for images, attachment for PDFs, with the filename"),
        @Header(name = "Content-Length", description = "Length of the body"),
        @Header(name = "Accept-Ranges", description = "bytes")
      })
  @APIResponse(
      responseCode = "206",
      description = "The byte range asked for",
      headers = {
        @Header(name = "ETag"),
        @Header(name = "Content-Range", description = "bytes first-last/length"),
        @Header(name = "Content-Length", description = "Length of the range")
      })
  @APIResponse(responseCode = "400", description = "v is not a positive integer")
  @APIResponse(
      responseCode = "401",
      description =
          "The bearer token sent is unknown, revoked or expired (anonymous calls need none)")
  @APIResponse(
      responseCode = "404",
      description = "No asset with this id, or none that anonymous callers may see")
  @APIResponse(
      responseCode = "416",
      description = "The range starts beyond the end of the file",
      headers = @Header(name = "Content-Range", description = "bytes */length"))
  public Response file(
      @Parameter(description = ID) @PathParam("id") UUID id,
      @Parameter(
              description = "The asset's version, as its URLs carry it",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
          @QueryParam("v")
          String v,
      @Context HttpHeaders headers,
      @Context Request request) {
    Integer version =
        RenditionRequest.parse(null, null, null, null, null, v, config.assets()).version();
    return send(id, service.file(id, version, conditions(headers)), request);
  }

  @GET
  @Path("/{id}/image")
  @Produces(MediaType.WILDCARD)
  @Extension(name = ApiConventions.BINARY_TYPES, value = "image/webp image/jpeg image/png")
  @Operation(
      operationId = "getAssetImage",
      summary = "Get a rendition of an image",
      description =
          "The image scaled (never up), cropped or padded, in WebP, JPEG or PNG, without any"
              + " metadata. w, h and q take only the configured values (FEDER_ASSETS_WIDTHS,"
              + " FEDER_ASSETS_HEIGHTS, FEDER_ASSETS_QUALITIES); anything else is a 400. Without w"
              + " and h, the largest width. fit=cover fills w × h, cropped around the focal point;"
              + " contain fits the whole image into w × h and pads the rest (transparent, white"
              + " for JPEG); inside (the default) fits the whole image into the box without"
              + " padding. fm=auto (the default) sends WebP to clients that accept it, else JPEG"
              + " for JPEG images and PNG for the others, with Vary: Accept. A rendition is computed"
              + " once and kept; with v equal to the asset's version the answer may be cached for a"
              + " year (immutable). Anonymous callers get only images that published content"
              + " shows; others are a 404.")
  @APIResponse(
      responseCode = "200",
      description = "The rendition",
      headers = {
        @Header(name = "ETag"),
        @Header(name = "Cache-Control"),
        @Header(name = "Vary", description = "Accept, when fm is auto"),
        @Header(name = "Content-Length", description = "Length of the body"),
        @Header(name = "Accept-Ranges", description = "bytes")
      })
  @APIResponse(
      responseCode = "206",
      description = "The byte range asked for",
      headers = {
        @Header(name = "ETag"),
        @Header(name = "Content-Range", description = "bytes first-last/length"),
        @Header(name = "Content-Length", description = "Length of the range")
      })
  @APIResponse(
      responseCode = "400",
      description = "A parameter outside its allowed values; the message lists them")
  @APIResponse(
      responseCode = "401",
      description =
          "The bearer token sent is unknown, revoked or expired (anonymous calls need none)")
  @APIResponse(
      responseCode = "404",
      description =
          "No asset with this id, none that anonymous callers may see, or a PDF (which has no"
              + " renditions)")
  @APIResponse(
      responseCode = "416",
      description = "The range starts beyond the end of the rendition",
      headers = @Header(name = "Content-Range", description = "bytes */length"))
  @APIResponse(
      responseCode = "503",
      description = "Too many renditions being computed; try again after Retry-After seconds",
      headers = @Header(name = "Retry-After"))
  public Response image(
      @Parameter(description = ID) @PathParam("id") UUID id,
      @Parameter(
              description = "Width of the box, one of the configured widths",
              schema = @Schema(type = SchemaType.INTEGER),
              example = "1280")
          @QueryParam("w")
          String w,
      @Parameter(
              description = "Height of the box, one of the configured heights",
              schema = @Schema(type = SchemaType.INTEGER),
              example = "720")
          @QueryParam("h")
          String h,
      @Parameter(
              description = "How the image fills a box of w × h (default inside)",
              schema = @Schema(enumeration = {"cover", "contain", "inside"}))
          @QueryParam("fit")
          String fit,
      @Parameter(
              description = "Format (default auto: WebP when the Accept header allows it)",
              schema = @Schema(enumeration = {"webp", "jpeg", "png", "auto"}))
          @QueryParam("fm")
          String fm,
      @Parameter(
              description =
                  "Quality of WebP and JPEG, one of the configured qualities (default 80)",
              schema = @Schema(type = SchemaType.INTEGER),
              example = "80")
          @QueryParam("q")
          String q,
      @Parameter(
              description = "The asset's version, as its URLs carry it",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
          @QueryParam("v")
          String v,
      @Context HttpHeaders headers,
      @Context Request request) {
    RenditionRequest rendition = RenditionRequest.parse(w, h, fit, fm, q, v, config.assets());
    return send(
        id,
        service.image(
            id, rendition, headers.getHeaderString(HttpHeaders.ACCEPT), conditions(headers)),
        request);
  }

  private static BinaryAnswer.Conditions conditions(HttpHeaders headers) {
    return new BinaryAnswer.Conditions(
        headers.getHeaderString(HttpHeaders.IF_NONE_MATCH),
        headers.getHeaderString("Range"),
        headers.getHeaderString("If-Range"));
  }

  /**
   * The answer with its headers; the bytes straight from the file where the store is local. A whole
   * file or rendition that anonymous readers may fetch names what makes it public in its cache tags
   * (the asset, and the articles and authors that show it), and is kept under them in the response
   * cache when it is small enough ({@code feder.http.cache.max-binary-size}): the next anonymous
   * reader gets it from memory, until one of them changes.
   */
  private Response send(UUID id, AssetService.Served served, Request request) {
    BinaryAnswer answer = served.answer();
    List<Map.Entry<String, String>> headers = new ArrayList<>(answer.headers());
    CacheTags shown = answer.status() == 200 ? publicTags(id, headers) : null;
    Set<String> tags = shown == null ? Set.of() : shown.all();
    if (shown != null) {
      Set<String> named = shown.tags();
      headers.add(Map.entry(CacheTags.SURROGATE_KEY, String.join(" ", named)));
      headers.add(Map.entry(CacheTags.CACHE_TAG, String.join(",", named)));
    }
    Response.ResponseBuilder builder = Response.status(answer.status());
    for (Map.Entry<String, String> header : headers) {
      builder.header(header.getKey(), header.getValue());
    }
    if (answer.status() == 304 || "HEAD".equals(request.getMethod())) {
      return builder.build();
    }
    RoutingContext context = exchange.getCurrent();
    if (!tags.isEmpty() && cachedResponses.mayKeep(context, answer.length())) {
      byte[] bytes = read(served.key(), answer.length());
      cachedResponses.keep(context, bytes, header(headers, HttpHeaders.ETAG), headers, tags);
      return builder.entity(bytes).build();
    }
    var local = storage.localFile(served.key());
    if (local.isPresent()) {
      return builder.entity(new PathPart(local.get(), answer.offset(), answer.length())).build();
    }
    return builder.entity(storage.open(served.key(), answer.offset(), answer.length())).build();
  }

  /**
   * The cache tags of a public answer: the asset and the users that make it public now; null for a
   * signed-in caller's (private) answer.
   */
  private CacheTags publicTags(UUID id, List<Map.Entry<String, String>> headers) {
    String cacheControl = header(headers, HttpHeaders.CACHE_CONTROL);
    KnownAssets.Known asset = known.find(id);
    if (cacheControl == null
        || !cacheControl.startsWith("public")
        || asset == null
        || !asset.shownPublicly()) {
      return null;
    }
    CacheTags tags = new CacheTags().add(ContentTags.asset(id));
    asset.shownBy().forEach(tags::add);
    return tags;
  }

  private static String header(List<Map.Entry<String, String>> headers, String name) {
    for (Map.Entry<String, String> header : headers) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return header.getValue();
      }
    }
    return null;
  }

  /** A whole stored object, into memory. */
  private byte[] read(String key, long length) {
    try {
      var local = storage.localFile(key);
      if (local.isPresent()) {
        return Files.readAllBytes(local.get());
      }
      try (InputStream in = storage.open(key, 0, length)) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The multipart body of an upload, for the OpenAPI document. */
  @Schema(name = "AssetUpload", description = "An upload: the file and optional metadata parts")
  public record AssetUpload(
      @Schema(
              required = true,
              type = SchemaType.STRING,
              format = "binary",
              description = "The file, with a file name; its type is judged by its content")
          String file,
      @Schema(maxLength = 300, examples = "Kundgebung in Berlin") String title,
      @Schema(
              maxLength = 500,
              description = "Alternative text for screen readers",
              examples = "Menschen mit Transparenten vor dem Brandenburger Tor")
          String alt,
      @Schema(maxLength = 1000, description = "Absent: taken from the file's metadata, if any")
          String caption,
      @Schema(
              maxLength = 200,
              description = "Absent: the file's credit and creator, such as dpa / Max Muster")
          String credit,
      @Schema(maxLength = 300, description = "Absent: the file's copyright notice")
          String copyright,
      @Schema(maxLength = 300, description = "Absent: the file's source") String source,
      @Schema(description = "Images only, as JSON; absent means the centre")
          FocalPoint focalPoint) {}
}
