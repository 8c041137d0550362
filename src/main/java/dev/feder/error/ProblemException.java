package dev.feder.error;

import java.util.List;
import java.util.Map;

/**
 * A refusal that the client can act on. Services throw it; {@link ProblemMappers} turns it into a
 * problem+json response.
 */
public class ProblemException extends RuntimeException {

  private final ProblemType type;
  private final List<Problem.FieldError> errors;
  private Map<String, String> headers = Map.of();

  public ProblemException(ProblemType type, String detail) {
    this(type, detail, null);
  }

  public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
    super(detail, null, false, false);
    this.type = type;
    this.errors = errors;
  }

  public ProblemType type() {
    return type;
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }

  /** Response headers that help the client recover, such as the current ETag. */
  public Map<String, String> headers() {
    return headers;
  }

  public ProblemException withHeaders(Map<String, String> headers) {
    this.headers = Map.copyOf(headers);
    return this;
  }

  public static ProblemException notFound(String what) {
    return new ProblemException(ProblemType.NOT_FOUND, what + " does not exist");
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(ProblemType.CONFLICT, detail);
  }

  /** An invalid query parameter (or cursor), with what it must be. */
  public static ProblemException badParameter(String name, String message) {
    return new ProblemException(
        ProblemType.BAD_PARAMETER,
        "Parameter '" + name + "' is invalid",
        List.of(new Problem.FieldError(name, message)));
  }

  /** A single invalid field, for rules that bean validation cannot express. */
  public static ProblemException invalidField(String field, String message) {
    return new ProblemException(
        ProblemType.VALIDATION,
        "1 field is invalid",
        List.of(new Problem.FieldError(field, message)));
  }
}
