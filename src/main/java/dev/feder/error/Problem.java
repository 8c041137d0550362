package dev.feder.error;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, the body of every error response. */
@Schema(
    name = "Problem",
    description = "RFC 9457 problem details, sent as application/problem+json for every error.")
public record Problem(
    @Schema(
            required = true,
            description = "Stable identifier of the kind of problem",
            examples = "/problems/validation")
        String type,
    @Schema(
            required = true,
            description = "Short summary of the kind of problem",
            examples = "Request body is invalid")
        String title,
    @Schema(required = true, description = "HTTP status code", examples = "400") int status,
    @Schema(
            required = true,
            description = "What went wrong in this request",
            examples = "2 fields are invalid")
        String detail,
    @Schema(required = true, description = "Path of the request", examples = "/api/v1/articles")
        String instance,
    @Schema(
            description =
                "Per-field messages, for validation problems and for references that no longer"
                    + " resolve")
        List<FieldError> errors) {

  /** The media type of problem responses. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /** One invalid field of a request. */
  @Schema(name = "FieldError")
  public record FieldError(
      @Schema(
              required = true,
              description = "Path of the field in the request, or the parameter name",
              examples = "authors[0].slug")
          String field,
      @Schema(required = true, examples = "must not be blank") String message) {}
}
