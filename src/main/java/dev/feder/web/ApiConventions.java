package dev.feder.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feder.error.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the OpenAPI document with what follows from the API conventions, so no operation
 * forgets it and no resource repeats it.
 *
 * <ul>
 *   <li>Problem responses are described once, in {@code components/responses} ({@link
 *       ProblemResponse}), and referred to by {@code $ref}. A resource declares a 400, 404, 409 or
 *       410 with only its status and what it means there ("No article with this id"): the reference
 *       keeps that description, which OpenAPI 3.1 lets override the shared one. Only a problem with
 *       an example of its own is declared with content; it gets the Problem schema.
 *   <li>The problems implied by an operation's shape are added: 400 everywhere (unknown or repeated
 *       query parameters), 401/403 where a token is required, 401 also on public JSON reads since a
 *       bad token is refused there too, 413 and 415 where a body is read, 412/428 where {@code
 *       If-Match} is taken, 406, 414 (a request line over 8 KB), 500 and 503 (the database cannot
 *       be reached, with {@code Retry-After}) everywhere.
 *   <li>Every 200 and 201 carries an {@code ETag}; a GET also {@code Cache-Control} and a 304.
 *   <li>{@code If-Match} is required wherever it is taken: the server answers 428 without it.
 *   <li>Public operations take an optional bearer token (it reveals unpublished content).
 *   <li>Every POST that creates (answers 201), except a file upload, takes an {@code
 *       Idempotency-Key} ({@code idempotency.Idempotent} on the resource method makes it so), may
 *       answer 409 and 422 for it, and marks a replayed 201 with {@code Idempotent-Replayed}.
 *   <li>Merge-patch bodies are described as patches of the input they change ({@link
 *       MergePatchSchemas}).
 * </ul>
 */
public class ApiConventions implements OASFilter {

  private static final String ETAG = "ETag";
  private static final String CACHE_CONTROL = "Cache-Control";
  private static final String RETRY_AFTER = "Retry-After";

  private static final Map<String, String> HEADERS =
      Map.of(
          ETAG,
          "Entity tag of the representation; send it in If-None-Match or If-Match",
          "Link",
          "RFC 8288 links to this, the first, previous, next and last pages, as in the body's"
              + " links; relations that would take the header past 1,280 bytes are left out (self, last,"
              + " first and prev before next), so the header may be absent",
          "Location",
          "Path of the created resource; an absolute URL when the server has a public base URL"
              + " (FEDER_HTTP_PUBLIC_BASE_URL)",
          CACHE_CONTROL,
          "public with max-age for anonymous reads, private for authenticated",
          CacheTags.SURROGATE_KEY,
          "What a public answer shows, space separated, for purging CDNs by tag: article:<id>,"
              + " category:<id>, author:<id> for the items it shows or embeds; articles for lists,"
              + " searches, feeds and counts; categories, authors, search; asset:<id> for a file"
              + " or rendition, with the articles and authors that make it public; <kind>:any when it"
              + " shows more items of a kind than the header names. Not sent to signed-in"
              + " callers of personal answers",
          CacheTags.CACHE_TAG,
          "The same tags as Surrogate-Key, comma separated");

  /** Feeds and sitemaps are XML documents, the same for every caller. */
  private static final String DOCUMENT_CACHE_CONTROL =
      "public with max-age for every caller: the document is the same whatever credentials are"
          + " sent";

  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  /** The {@code components/parameters} entry of the {@code Idempotency-Key} header. */
  private static final String IDEMPOTENCY_KEY_PARAMETER = "IdempotencyKey";

  private static final String IDEMPOTENCY_KEY_DESCRIPTION =
      "Makes retrying this request safe: a key unique to the request (a UUID, say; 1 to 255"
          + " printable ASCII characters, bare or as a quoted string), sent again with every"
          + " retry of it. Within 24 hours (FEDER_IDEMPOTENCY_RETENTION) the same key with the"
          + " same method, path and body answers exactly as the first request did (status,"
          + " Location, ETag, body, with Idempotent-Replayed: true) and creates nothing; with"
          + " another request it is a 422, and while a request with it still runs a 409. Keys"
          + " are per token. A request that failed (4xx, 5xx) changed nothing and stored"
          + " nothing: retry it with the same key.";

  private static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Marks an operation that answers with the bytes of a file, in one of the media types the
   * extension names (space separated): its {@code 200} and {@code 206} get a binary body of each,
   * so a resource names its types once instead of a content list per answer. The extension itself
   * is not in the document.
   */
  public static final String BINARY_TYPES = "x-feder-binary-types";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    MergePatchSchemas.describe(openAPI);
    Set<ProblemResponse> used = EnumSet.noneOf(ProblemResponse.class);
    for (PathItem item : openAPI.getPaths().getPathItems().values()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
        Operation operation = entry.getValue();
        describeBinaryContent(operation);
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (!secured) {
          operation.setSecurity(
              List.of(
                  OASFactory.createSecurityRequirement(),
                  OASFactory.createSecurityRequirement().addScheme(FederApi.BEARER)));
        }
        if (entry.getKey() == PathItem.HttpMethod.POST
            && operation.getResponses().hasAPIResponse("201")
            && !isUpload(operation)) {
          takeIdempotencyKey(operation, used);
        }
        boolean ifMatch = requireIfMatch(operation);
        addEntityHeaders(entry.getKey(), operation.getResponses(), secured);
        addImpliedProblems(operation, secured, ifMatch);
        referToProblems(operation, secured, used);
      }
    }
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    for (ProblemResponse problem : used) {
      openAPI.getComponents().addResponse(problem.component, component(problem));
    }
    if (used.contains(ProblemResponse.IDEMPOTENCY_KEY_REUSED)) {
      openAPI
          .getComponents()
          .addParameter(
              IDEMPOTENCY_KEY_PARAMETER,
              OASFactory.createParameter()
                  .name(IDEMPOTENCY_KEY)
                  .in(Parameter.In.HEADER)
                  .required(false)
                  .description(IDEMPOTENCY_KEY_DESCRIPTION)
                  .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1))
                  .example("8e03978e-40d5-43e8-bc93-6894a57f9324"));
      openAPI
          .getComponents()
          .getResponses()
          .get(ProblemResponse.IDEMPOTENCY_KEY_IN_USE.component)
          .addHeader(
              "Retry-After",
              OASFactory.createHeader()
                  .description("Seconds to wait before retrying")
                  .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
    }
  }

  /** The binary bodies of an operation marked with {@link #BINARY_TYPES}. */
  private static void describeBinaryContent(Operation operation) {
    Map<String, Object> extensions = operation.getExtensions();
    if (extensions == null || !extensions.containsKey(BINARY_TYPES)) {
      return;
    }
    String[] types = extensions.get(BINARY_TYPES).toString().split(" ");
    operation.removeExtension(BINARY_TYPES);
    // The annotation scanner puts an operation's extensions on its responses too.
    operation.getResponses().removeExtension(BINARY_TYPES);
    operation
        .getResponses()
        .getAPIResponses()
        .values()
        .forEach(r -> r.removeExtension(BINARY_TYPES));
    for (String status : List.of("200", "206")) {
      APIResponse response = operation.getResponses().getAPIResponse(status);
      if (response == null) {
        continue;
      }
      Content content = OASFactory.createContent();
      for (String type : types) {
        content.addMediaType(
            type,
            OASFactory.createMediaType()
                .schema(
                    OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("binary")));
      }
      response.setContent(content);
    }
  }

  /**
   * An upload of a file ({@code multipart/form-data}): idempotent by its content already (the same
   * bytes again answer the asset they made), so it takes no {@code Idempotency-Key}.
   */
  private static boolean isUpload(Operation operation) {
    return operation.getRequestBody() != null
        && operation.getRequestBody().getContent() != null
        && operation.getRequestBody().getContent().hasMediaType("multipart/form-data");
  }

  /**
   * A creating POST takes an {@code Idempotency-Key}: the header, the replay marker on its 201, a
   * 422 for a key used for another request and a 409 while a request with the key still runs (added
   * to the operation's own 409 if it has one).
   */
  private static void takeIdempotencyKey(Operation operation, Set<ProblemResponse> used) {
    operation.addParameter(OASFactory.createParameter().ref(IDEMPOTENCY_KEY_PARAMETER));
    operation
        .getResponses()
        .getAPIResponse("201")
        .addHeader(
            IDEMPOTENT_REPLAYED,
            OASFactory.createHeader()
                .description(
                    "true when this is the stored answer to an earlier request with the same"
                        + " Idempotency-Key; absent otherwise")
                .schema(
                    OASFactory.createSchema()
                        .addType(Schema.SchemaType.STRING)
                        .addEnumeration("true")));
    APIResponse conflict = operation.getResponses().getAPIResponse("409");
    if (conflict == null) {
      addProblem(operation, "409", ProblemResponse.IDEMPOTENCY_KEY_IN_USE, used);
    } else {
      conflict.setDescription(
          (conflict.getDescription() == null ? "A conflict" : conflict.getDescription())
              + "; or a request with the same Idempotency-Key is still running (type"
              + " /problems/idempotency-key-in-use: retry after Retry-After seconds)");
    }
    addProblem(operation, "422", ProblemResponse.IDEMPOTENCY_KEY_REUSED, used);
  }

  private static void addProblem(
      Operation operation, String status, ProblemResponse problem, Set<ProblemResponse> used) {
    operation
        .getResponses()
        .addAPIResponse(status, OASFactory.createAPIResponse().ref(problem.component));
    used.add(problem);
  }

  /** Marks an {@code If-Match} parameter required; tells whether the operation takes one. */
  private static boolean requireIfMatch(Operation operation) {
    boolean taken = false;
    for (Parameter parameter :
        operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters()) {
      if ("If-Match".equalsIgnoreCase(parameter.getName())) {
        taken = true;
        parameter.setRequired(true);
        if (parameter.getDescription() == null) {
          parameter.setDescription("The ETag last read");
        }
      }
    }
    return taken;
  }

  private static void addEntityHeaders(
      PathItem.HttpMethod method, APIResponses responses, boolean secured) {
    APIResponse ok = responses.getAPIResponse("200");
    for (String status : List.of("200", "201")) {
      APIResponse success = responses.getAPIResponse(status);
      if (success != null) {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put(ETAG, OASFactory.createHeader());
        if (success.getHeaders() != null) {
          headers.putAll(success.getHeaders());
        }
        success.setHeaders(headers);
      }
    }
    if (method == PathItem.HttpMethod.GET && ok != null) {
      if (!ok.getHeaders().containsKey(CACHE_CONTROL)) {
        ok.addHeader(CACHE_CONTROL, OASFactory.createHeader());
      }
      if (!secured) {
        ok.addHeader(CacheTags.SURROGATE_KEY, OASFactory.createHeader());
        ok.addHeader(CacheTags.CACHE_TAG, OASFactory.createHeader());
      }
      if (!responses.hasAPIResponse("304")) {
        responses.addAPIResponse(
            "304",
            OASFactory.createAPIResponse()
                .description("Not modified: If-None-Match matches the current ETag; no body")
                .addHeader(ETAG, OASFactory.createHeader())
                .addHeader(CACHE_CONTROL, OASFactory.createHeader()));
      }
    }
    String cacheControl = answersJson(ok) ? HEADERS.get(CACHE_CONTROL) : DOCUMENT_CACHE_CONTROL;
    for (APIResponse response : responses.getAPIResponses().values()) {
      if (response.getHeaders() != null) {
        response
            .getHeaders()
            .forEach(
                (name, header) -> {
                  if (header.getSchema() == null) {
                    header.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
                  }
                  if (header.getDescription() == null) {
                    header.setDescription(
                        name.equals(CACHE_CONTROL) ? cacheControl : HEADERS.get(name));
                  }
                });
      }
    }
  }

  /** Adds the problems that follow from the operation's shape, without content for now. */
  private static void addImpliedProblems(Operation operation, boolean secured, boolean ifMatch) {
    // Any operation refuses query parameters it does not take, or one given twice.
    List<String> implied = new ArrayList<>(List.of("400"));
    if (secured) {
      implied.addAll(List.of("401", "403"));
    } else if (answersJson(operation.getResponses().getAPIResponse("200"))) {
      // Bad tokens are refused on public API reads too; feeds and sitemaps (XML, the same for
      // every caller) ignore them.
      implied.add("401");
    }
    if (operation.getRequestBody() != null) {
      implied.addAll(List.of("413", "415"));
    }
    if (ifMatch) {
      implied.addAll(List.of("412", "428"));
    }
    implied.addAll(List.of("406", "414", "500", "503"));
    for (String status : implied) {
      if (!operation.getResponses().hasAPIResponse(status)) {
        operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse());
      }
    }
  }

  /**
   * Replaces every problem response declared without content by a reference to the shared one,
   * keeping the operation's own description; gives the rest the Problem schema.
   */
  private static void referToProblems(
      Operation operation, boolean secured, Set<ProblemResponse> used) {
    APIResponses responses = operation.getResponses();
    APIResponse ok = responses.getAPIResponse("200");
    for (Map.Entry<String, APIResponse> entry :
        new ArrayList<>(responses.getAPIResponses().entrySet())) {
      String status = entry.getKey();
      APIResponse declared = entry.getValue();
      if (!(status.startsWith("4") || status.startsWith("5")) || declared.getRef() != null) {
        continue;
      }
      if (declared.getContent() != null) {
        MediaType body = declared.getContent().getMediaType(Problem.MEDIA_TYPE);
        if (body != null && body.getSchema() == null) {
          body.setSchema(problemSchema());
        }
        continue;
      }
      ProblemResponse problem = problem(status, operation, secured, answersJson(ok));
      used.add(problem);
      String description = declared.getDescription();
      if (description == null && problem == ProblemResponse.DOCUMENT_NOT_ACCEPTABLE) {
        description =
            "The Accept header excludes "
                + ok.getContent().getMediaTypes().keySet().iterator().next();
      }
      APIResponse reference = OASFactory.createAPIResponse().ref(problem.component);
      if (description != null && !description.equals(problem.description)) {
        reference.setDescription(description);
      }
      responses.addAPIResponse(status, reference);
    }
  }

  /** The shared problem response for a status of this operation. */
  private static ProblemResponse problem(
      String status, Operation operation, boolean secured, boolean json) {
    return switch (status) {
      case "400" ->
          operation.getRequestBody() != null
              ? ProblemResponse.INVALID_BODY
              : ProblemResponse.BAD_PARAMETER;
      case "401" -> secured ? ProblemResponse.UNAUTHORIZED : ProblemResponse.INVALID_TOKEN;
      case "403" -> ProblemResponse.FORBIDDEN;
      case "404" -> ProblemResponse.NOT_FOUND;
      case "406" -> json ? ProblemResponse.NOT_ACCEPTABLE : ProblemResponse.DOCUMENT_NOT_ACCEPTABLE;
      case "409" -> ProblemResponse.CONFLICT;
      case "410" -> ProblemResponse.GONE;
      case "412" -> ProblemResponse.PRECONDITION_FAILED;
      case "413" -> ProblemResponse.PAYLOAD_TOO_LARGE;
      case "414" -> ProblemResponse.URI_TOO_LONG;
      case "415" -> ProblemResponse.UNSUPPORTED_MEDIA_TYPE;
      case "416" -> ProblemResponse.RANGE_NOT_SATISFIABLE;
      case "428" -> ProblemResponse.PRECONDITION_REQUIRED;
      case "500" -> ProblemResponse.INTERNAL;
      case "503" -> ProblemResponse.UNAVAILABLE;
      default ->
          throw new IllegalStateException(
              "No shared problem response for "
                  + status
                  + " in "
                  + operation.getOperationId()
                  + ": declare its content, or add it to ProblemResponse");
    };
  }

  private static APIResponse component(ProblemResponse problem) {
    APIResponse response = OASFactory.createAPIResponse();
    if (problem == ProblemResponse.UNAVAILABLE) {
      response.addHeader(
          RETRY_AFTER,
          OASFactory.createHeader()
              .description("Seconds to wait before trying again")
              .required(true)
              .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
    }
    return response
        .description(problem.description)
        .content(
            OASFactory.createContent()
                .addMediaType(
                    Problem.MEDIA_TYPE,
                    OASFactory.createMediaType()
                        .schema(problemSchema())
                        .addExample(
                            problem.exampleName,
                            OASFactory.createExample().value(parse(problem.example)))));
  }

  private static Schema problemSchema() {
    return OASFactory.createSchema().ref("Problem");
  }

  /** JSON unless the operation answers a document (feeds and sitemaps answer XML). */
  private static boolean answersJson(APIResponse ok) {
    return ok == null
        || ok.getContent() == null
        || ok.getContent().hasMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
  }

  private static Object parse(String json) {
    try {
      return JSON.readValue(json, Object.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
