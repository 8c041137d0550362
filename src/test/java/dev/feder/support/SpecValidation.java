package dev.feder.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.nio.file.Path;

/**
 * Checks every exchange against the committed OpenAPI document ({@code openapi/openapi.yaml}), so
 * the spec and the code cannot disagree silently. Requests that are malformed on purpose are sent
 * with {@link #responsesOnly()}: their answers must still match the spec.
 */
public final class SpecValidation implements OrderedFilter {

  private static final OpenApiInteractionValidator VALIDATOR = validator(false);

  /** For sparse fieldsets ({@code fields=…}), whose responses omit required fields by design. */
  private static final OpenApiInteractionValidator SPARSE_VALIDATOR = validator(true);

  private final boolean requests;

  private static OpenApiInteractionValidator validator(boolean sparse) {
    // Feder ignores read-only fields in write bodies (id, timestamps, the names in references)
    // and refuses truly unknown ones itself, which tests assert; responses must match exactly.
    LevelResolver.Builder levels =
        LevelResolver.create()
            .withLevel(
                "validation.request.body.schema.additionalProperties",
                ValidationReport.Level.IGNORE);
    if (sparse) {
      levels.withLevel("validation.response.body.schema.required", ValidationReport.Level.IGNORE);
    }
    return OpenApiInteractionValidator.createForSpecificationUrl(
            Path.of("openapi/openapi.yaml").toAbsolutePath().toUri().toString())
        .withLevelResolver(levels.build())
        .build();
  }

  private SpecValidation(boolean requests) {
    this.requests = requests;
  }

  /** Validates the request and the response. */
  public static SpecValidation full() {
    return new SpecValidation(true);
  }

  /** Validates only the response, for requests that break the contract on purpose. */
  public static SpecValidation responsesOnly() {
    return new SpecValidation(false);
  }

  @Override
  public Response filter(
      FilterableRequestSpecification request,
      FilterableResponseSpecification responseSpec,
      FilterContext context) {
    Response response = context.next(request, responseSpec);
    OpenApiInteractionValidator validator =
        request.getQueryParams().containsKey("fields") ? SPARSE_VALIDATOR : VALIDATOR;
    ValidationReport report =
        requests
            ? validator.validate(RestAssuredRequest.of(request), RestAssuredResponse.of(response))
            : validator.validateResponse(
                URI.create(request.getURI()).getRawPath(),
                Request.Method.valueOf(request.getMethod()),
                RestAssuredResponse.of(response));
    if (report.hasErrors()) {
      throw new AssertionError(
          "Exchange does not match openapi/openapi.yaml: "
              + request.getMethod()
              + " "
              + request.getURI()
              + " -> "
              + response.getStatusCode()
              + "\n"
              + report.getMessages()
              + "\nBody: "
              + response.asString());
    }
    return response;
  }

  @Override
  public int getOrder() {
    return OrderedFilter.HIGHEST_PRECEDENCE;
  }
}
