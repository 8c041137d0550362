package dev.feder.error;

/** The kinds of problem Feder reports, each with a stable {@code type} URI and title. */
public enum ProblemType {
  VALIDATION(400, "/problems/validation", "Request body is invalid"),
  BAD_PARAMETER(400, "/problems/bad-parameter", "Request parameters are invalid"),
  MALFORMED_JSON(400, "/problems/malformed-json", "Request body is not valid JSON"),
  /** An HTTP message Feder will not read: doubtful framing, a missing or repeated Host. */
  BAD_REQUEST(400, "/problems/bad-request", "Malformed request"),
  UNAUTHORIZED(401, "/problems/unauthorized", "Authentication required"),
  FORBIDDEN(403, "/problems/forbidden", "Not allowed"),
  NOT_FOUND(404, "/problems/not-found", "Not found"),
  METHOD_NOT_ALLOWED(405, "/problems/method-not-allowed", "Method not allowed"),
  NOT_ACCEPTABLE(406, "/problems/not-acceptable", "Not acceptable"),
  CONFLICT(409, "/problems/conflict", "Conflict"),
  /** A request with the same {@code Idempotency-Key} is still being processed. */
  IDEMPOTENCY_KEY_IN_USE(
      409, "/problems/idempotency-key-in-use", "Idempotency-Key in use by a running request"),
  GONE(410, "/problems/gone", "Gone"),
  PRECONDITION_FAILED(412, "/problems/precondition-failed", "Precondition failed"),
  PAYLOAD_TOO_LARGE(413, "/problems/payload-too-large", "Request body too large"),
  URI_TOO_LONG(414, "/problems/uri-too-long", "Request line too long"),
  UNSUPPORTED_MEDIA_TYPE(415, "/problems/unsupported-media-type", "Unsupported media type"),
  /** The {@code Idempotency-Key} was used before with a different request. */
  IDEMPOTENCY_KEY_REUSED(
      422, "/problems/idempotency-key-reused", "Idempotency-Key used for another request"),
  RANGE_NOT_SATISFIABLE(416, "/problems/range-not-satisfiable", "Range not satisfiable"),
  PRECONDITION_REQUIRED(428, "/problems/precondition-required", "Precondition required"),
  INTERNAL(500, "/problems/internal", "Internal error"),
  UNAVAILABLE(503, "/problems/unavailable", "Service unavailable");

  private final int status;
  private final String uri;
  private final String title;

  ProblemType(int status, String uri, String title) {
    this.status = status;
    this.uri = uri;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String uri() {
    return uri;
  }

  public String title() {
    return title;
  }

  /** The type for a bare HTTP status, as raised by the framework (the first of that status). */
  public static ProblemType forStatus(int status) {
    for (ProblemType type : values()) {
      if (type.status == status
          && type != VALIDATION
          && type != MALFORMED_JSON
          && type != BAD_REQUEST) {
        return type;
      }
    }
    return status >= 500 ? INTERNAL : BAD_PARAMETER;
  }
}
