package dev.feder.error;

/** Example problem bodies for the OpenAPI document, one per shared problem response. */
public final class ProblemExamples {

  public static final String VALIDATION =
      """
      {"type": "/problems/validation", "title": "Request body is invalid", "status": 400,
       "detail": "1 field is invalid", "instance": "/api/v1/articles",
       "errors": [{"field": "title", "message": "must not be blank"}]}
      """;

  public static final String BAD_PARAMETER =
      """
      {"type": "/problems/bad-parameter", "title": "Request parameters are invalid", "status": 400,
       "detail": "Parameter 'size' is invalid", "instance": "/api/v1/articles",
       "errors": [{"field": "size", "message": "must be an integer between 1 and 100"}]}
      """;

  public static final String UNAUTHORIZED =
      """
      {"type": "/problems/unauthorized", "title": "Authentication required", "status": 401,
       "detail": "Send an API token as 'Authorization: Bearer <token>'",
       "instance": "/api/v1/articles"}
      """;

  public static final String INVALID_TOKEN =
      """
      {"type": "/problems/unauthorized", "title": "Authentication required", "status": 401,
       "detail": "The bearer token is unknown, revoked or expired",
       "instance": "/api/v1/articles"}
      """;

  public static final String FORBIDDEN =
      """
      {"type": "/problems/forbidden", "title": "Not allowed", "status": 403,
       "detail": "Your token's role may not do this", "instance": "/api/v1/categories"}
      """;

  public static final String NOT_FOUND =
      """
      {"type": "/problems/not-found", "title": "Not found", "status": 404,
       "detail": "Article 'groesste-uebung' does not exist",
       "instance": "/api/v1/articles/slug/groesste-uebung"}
      """;

  public static final String RANGE_NOT_SATISFIABLE =
      "{\"type\":\"/problems/range-not-satisfiable\",\"title\":\"Range not satisfiable\","
          + "\"status\":416,\"detail\":\"The file has 48213 bytes; the range asked for starts"
          + " beyond them\",\"instance\":\"/api/v1/assets/3f6c1e2a-8b4d-4c1e-9a7f-2d5e6b8c9a01/file\"}";

  public static final String NOT_ACCEPTABLE =
      """
      {"type": "/problems/not-acceptable", "title": "Not acceptable", "status": 406,
       "detail": "This resource cannot answer in a media type that the Accept header allows",
       "instance": "/api/v1/articles"}
      """;

  /** A 406 of a feed or sitemap, which answer XML documents rather than JSON. */
  public static final String DOCUMENT_NOT_ACCEPTABLE =
      """
      {"type": "/problems/not-acceptable", "title": "Not acceptable", "status": 406,
       "detail": "This resource cannot answer in a media type that the Accept header allows",
       "instance": "/api/v1/feeds/articles.rss"}
      """;

  public static final String CONFLICT =
      """
      {"type": "/problems/conflict", "title": "Conflict", "status": 409,
       "detail": "The slug 'welt' is taken by another category",
       "instance": "/api/v1/categories"}
      """;

  public static final String IDEMPOTENCY_KEY_IN_USE =
      """
      {"type": "/problems/idempotency-key-in-use",
       "title": "Idempotency-Key in use by a running request", "status": 409,
       "detail": "A request with Idempotency-Key '8e03978e-40d5-43e8-bc93-6894a57f9324' is still \
      being processed; retry after it has finished",
       "instance": "/api/v1/articles"}
      """;

  public static final String IDEMPOTENCY_KEY_REUSED =
      """
      {"type": "/problems/idempotency-key-reused",
       "title": "Idempotency-Key used for another request", "status": 422,
       "detail": "Idempotency-Key '8e03978e-40d5-43e8-bc93-6894a57f9324' was used within the \
      last 24 hours for a request with another method, path or body; send a new key for a new \
      request",
       "instance": "/api/v1/articles"}
      """;

  public static final String GONE =
      """
      {"type": "/problems/gone", "title": "Gone", "status": 410,
       "detail": "Article 6f1c2a43-5e1b-4d8e-9a57-3b2c1d0e9f88 was deleted at \
      2026-10-01T09:30:00Z and its time in the trash ended at 2026-10-31T09:30:00Z: it can no \
      longer be restored and is purged shortly",
       "instance": "/api/v1/trash/6f1c2a43-5e1b-4d8e-9a57-3b2c1d0e9f88/restore"}
      """;

  public static final String PRECONDITION_FAILED =
      """
      {"type": "/problems/precondition-failed", "title": "Precondition failed", "status": 412,
       "detail": "The resource changed since you read it; read it again and reapply your change",
       "instance": "/api/v1/articles/6f1c2a43-5e1b-4d8e-9a57-3b2c1d0e9f88"}
      """;

  public static final String PAYLOAD_TOO_LARGE =
      """
      {"type": "/problems/payload-too-large", "title": "Request body too large", "status": 413,
       "detail": "The body may have at most 10485760 bytes", "instance": "/api/v1/articles"}
      """;

  public static final String URI_TOO_LONG =
      """
      {"type": "/problems/uri-too-long", "title": "Request line too long", "status": 414,
       "detail": "The request line (method, path and query) may be at most 8192 bytes; this one \
      has 9032",
       "instance": "/api/v1/articles"}
      """;

  public static final String UNSUPPORTED_MEDIA_TYPE =
      """
      {"type": "/problems/unsupported-media-type", "title": "Unsupported media type",
       "status": 415, "detail": "Send the body as application/json",
       "instance": "/api/v1/articles"}
      """;

  public static final String PRECONDITION_REQUIRED =
      """
      {"type": "/problems/precondition-required", "title": "Precondition required",
       "status": 428,
       "detail": "Send the ETag you last read in an If-Match header, so no newer change is \
      overwritten",
       "instance": "/api/v1/articles/6f1c2a43-5e1b-4d8e-9a57-3b2c1d0e9f88"}
      """;

  public static final String INTERNAL =
      """
      {"type": "/problems/internal", "title": "Internal error", "status": 500,
       "detail": "An internal error occurred; it has been logged on the server",
       "instance": "/api/v1/articles"}
      """;

  public static final String UNAVAILABLE =
      """
      {"type": "/problems/unavailable", "title": "Service unavailable", "status": 503,
       "detail": "The database cannot be reached at the moment; try again in 5 seconds",
       "instance": "/api/v1/articles"}
      """;

  private ProblemExamples() {}
}
