package dev.feder.web;

import dev.feder.error.Problem;
import dev.feder.error.ProblemExamples;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the OpenAPI document with what follows from the API conventions, so no operation
 * forgets it: the problem responses implied by an operation's shape (401/403 where a token is
 * required, 401 also on public JSON reads since a bad token is refused there too, 413 and 415 where
 * a body is read, 428/412 where {@code If-Match} is required, 406 and 500 everywhere), 304 for
 * conditional GETs, typed descriptions of the standard headers, and the optional bearer token of
 * public reads (it reveals unpublished content). Resources declare the domain-specific responses
 * (400, 404, 409).
 */
public class ApiConventions implements OASFilter {

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    for (PathItem item : openAPI.getPaths().getPathItems().values()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
        Operation operation = entry.getValue();
        APIResponses responses = operation.getResponses();
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean ifMatch =
            operation.getParameters() != null
                && operation.getParameters().stream()
                    .anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()));
        if (!secured) {
          operation.setSecurity(
              List.of(
                  OASFactory.createSecurityRequirement(),
                  OASFactory.createSecurityRequirement().addScheme(FederApi.BEARER)));
        }
        APIResponse ok = responses.getAPIResponse("200");
        if (entry.getKey() == PathItem.HttpMethod.GET && ok != null) {
          for (String name : List.of("ETag", "Cache-Control")) {
            if (ok.getHeaders() == null || !ok.getHeaders().containsKey(name)) {
              ok.addHeader(name, OASFactory.createHeader());
            }
          }
          if (!responses.hasAPIResponse("304")) {
            responses.addAPIResponse(
                "304",
                OASFactory.createAPIResponse()
                    .description("Not modified: If-None-Match matches the current ETag; no body")
                    .addHeader("ETag", OASFactory.createHeader())
                    .addHeader("Cache-Control", OASFactory.createHeader()));
          }
        }
        if (responses.getAPIResponses() != null) {
          responses.getAPIResponses().values().forEach(ApiConventions::describeHeaders);
          boolean body = operation.getRequestBody() != null;
          responses
              .getAPIResponses()
              .forEach((status, response) -> completeProblem(status, response, body));
        }
        if (secured) {
          add(
              responses,
              "401",
              "Missing, unknown or expired bearer token",
              ProblemExamples.UNAUTHORIZED);
          add(responses, "403", "The token's role may not do this", ProblemExamples.FORBIDDEN);
        } else if (answersJson(ok)) {
          // Bad tokens are refused on public API reads too; feeds and sitemaps (XML, the same
          // for every caller) ignore them.
          add(
              responses,
              "401",
              "The bearer token sent is unknown, revoked or expired (anonymous calls need none)",
              ProblemExamples.INVALID_TOKEN);
        }
        if (operation.getRequestBody() != null) {
          add(
              responses,
              "413",
              "The body is larger than the server accepts",
              ProblemExamples.PAYLOAD_TOO_LARGE);
          add(
              responses,
              "415",
              "The body is not in a supported media type",
              ProblemExamples.UNSUPPORTED_MEDIA_TYPE);
        }
        if (ifMatch) {
          add(
              responses,
              "412",
              "If-Match does not match the current ETag, which is sent in the ETag header",
              ProblemExamples.PRECONDITION_FAILED);
          add(responses, "428", "If-Match is missing", ProblemExamples.PRECONDITION_REQUIRED);
        }
        add(responses, "406", "The client does not accept JSON", ProblemExamples.NOT_ACCEPTABLE);
        add(
            responses,
            "500",
            "Internal error; details are only in the server log",
            ProblemExamples.INTERNAL);
      }
    }
  }

  /**
   * An error response declared with a status and description only gets the problem schema and an
   * example for its status.
   */
  private static void completeProblem(String status, APIResponse response, boolean body) {
    if (status.compareTo("400") < 0 || status.length() != 3 || response.getRef() != null) {
      return;
    }
    if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
      String example = PROBLEM_EXAMPLES.get(status);
      if (status.equals("400") && !body) {
        example = ProblemExamples.BAD_PARAMETER;
      }
      var media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"));
      if (example != null) {
        media.addExample("problem", OASFactory.createExample().value(parse(example)));
      }
      response.content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media));
      return;
    }
    var media = response.getContent().getMediaType(Problem.MEDIA_TYPE);
    if (media != null && media.getSchema() == null) {
      media.schema(OASFactory.createSchema().ref("Problem"));
    }
  }

  private static final Map<String, String> PROBLEM_EXAMPLES =
      Map.ofEntries(
          Map.entry("400", ProblemExamples.VALIDATION),
          Map.entry("401", ProblemExamples.INVALID_TOKEN),
          Map.entry("403", ProblemExamples.FORBIDDEN),
          Map.entry("404", ProblemExamples.NOT_FOUND),
          Map.entry("409", ProblemExamples.CONFLICT),
          Map.entry("410", ProblemExamples.GONE),
          Map.entry("412", ProblemExamples.PRECONDITION_FAILED),
          Map.entry("413", ProblemExamples.PAYLOAD_TOO_LARGE),
          Map.entry("415", ProblemExamples.UNSUPPORTED_MEDIA_TYPE),
          Map.entry("416", ProblemExamples.RANGE_NOT_SATISFIABLE),
          Map.entry("428", ProblemExamples.PRECONDITION_REQUIRED),
          Map.entry("503", ProblemExamples.UNAVAILABLE));

  private static boolean answersJson(APIResponse ok) {
    return ok == null
        || ok.getContent() == null
        || ok.getContent().hasMediaType(MediaType.APPLICATION_JSON);
  }

  private static final Map<String, String> HEADERS =
      Map.of(
          "ETag", "Entity tag of the representation; send it in If-None-Match or If-Match",
          "Link", "RFC 8288 links to the first, previous, next and last pages",
          "Location", "URL of the created resource",
          "Cache-Control", "public with max-age for anonymous reads, private for authenticated");

  private static void describeHeaders(APIResponse response) {
    if (response.getHeaders() == null) {
      return;
    }
    response
        .getHeaders()
        .forEach(
            (name, header) -> {
              if (header.getSchema() == null) {
                header.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
              }
              if (header.getDescription() == null) {
                header.setDescription(HEADERS.get(name));
              }
            });
  }

  private static void add(
      APIResponses responses, String status, String description, String example) {
    if (responses.hasAPIResponse(status)) {
      return;
    }
    responses.addAPIResponse(
        status,
        OASFactory.createAPIResponse()
            .description(description)
            .content(
                OASFactory.createContent()
                    .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref("Problem"))
                            .addExample(
                                "problem", OASFactory.createExample().value(parse(example))))));
  }

  private static Object parse(String json) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Object.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
