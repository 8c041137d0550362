package dev.feder.web;

import dev.feder.error.ProblemExamples;

/**
 * The problem responses of the API, each described once under {@code components/responses} with the
 * Problem schema and an example; operations refer to them by {@code $ref}, with their own
 * description where the problem means something particular there ("No article with this id").
 */
enum ProblemResponse {
  BAD_PARAMETER(
      "BadParameter",
      "A query, path or header parameter is invalid, unknown to the operation or given twice",
      "badParameter",
      ProblemExamples.BAD_PARAMETER),
  INVALID_BODY(
      "InvalidBody",
      "Invalid body, or a query parameter unknown to the operation or given twice",
      "validation",
      ProblemExamples.VALIDATION),
  UNAUTHORIZED(
      "Unauthorized",
      "Missing, unknown or expired bearer token",
      "problem",
      ProblemExamples.UNAUTHORIZED),
  INVALID_TOKEN(
      "InvalidToken",
      "The bearer token sent is unknown, revoked or expired (anonymous calls need none)",
      "problem",
      ProblemExamples.INVALID_TOKEN),
  FORBIDDEN("Forbidden", "The token's role may not do this", "problem", ProblemExamples.FORBIDDEN),
  NOT_FOUND("NotFound", "No such resource", "notFound", ProblemExamples.NOT_FOUND),
  NOT_ACCEPTABLE(
      "NotAcceptable",
      "The client does not accept JSON",
      "problem",
      ProblemExamples.NOT_ACCEPTABLE),
  DOCUMENT_NOT_ACCEPTABLE(
      "DocumentNotAcceptable",
      "The Accept header excludes the media type of the document",
      "notAcceptable",
      ProblemExamples.DOCUMENT_NOT_ACCEPTABLE),
  CONFLICT(
      "Conflict",
      "The change conflicts with the current state",
      "conflict",
      ProblemExamples.CONFLICT),
  IDEMPOTENCY_KEY_IN_USE(
      "IdempotencyKeyInUse",
      "A request with the same Idempotency-Key is still running; retry after Retry-After seconds",
      "problem",
      ProblemExamples.IDEMPOTENCY_KEY_IN_USE),
  IDEMPOTENCY_KEY_REUSED(
      "IdempotencyKeyReused",
      "The Idempotency-Key was used for another request (method, path or body) within its"
          + " retention",
      "problem",
      ProblemExamples.IDEMPOTENCY_KEY_REUSED),
  GONE("Gone", "The resource is gone for good", "gone", ProblemExamples.GONE),
  PRECONDITION_FAILED(
      "PreconditionFailed",
      "If-Match does not match the current ETag, which is sent in the ETag header",
      "problem",
      ProblemExamples.PRECONDITION_FAILED),
  PAYLOAD_TOO_LARGE(
      "PayloadTooLarge",
      "The body is larger than the server accepts",
      "problem",
      ProblemExamples.PAYLOAD_TOO_LARGE),
  URI_TOO_LONG(
      "UriTooLong",
      "The request line (method, path and query) is longer than 8,192 bytes",
      "problem",
      ProblemExamples.URI_TOO_LONG),
  UNSUPPORTED_MEDIA_TYPE(
      "UnsupportedMediaType",
      "The body is not in a supported media type",
      "problem",
      ProblemExamples.UNSUPPORTED_MEDIA_TYPE),
  RANGE_NOT_SATISFIABLE(
      "RangeNotSatisfiable",
      "The Range asked for lies outside the file; Content-Range names its size",
      "problem",
      ProblemExamples.RANGE_NOT_SATISFIABLE),
  PRECONDITION_REQUIRED(
      "PreconditionRequired",
      "If-Match is missing",
      "problem",
      ProblemExamples.PRECONDITION_REQUIRED),
  INTERNAL(
      "Internal",
      "Internal error; details are only in the server log",
      "problem",
      ProblemExamples.INTERNAL),
  UNAVAILABLE(
      "Unavailable",
      "The database cannot be reached at the moment (it is restarting, for example): try again"
          + " after the seconds in Retry-After. A change answered so was not saved, unless the"
          + " detail says that the connection broke during it: then read the resource again"
          + " before repeating the change",
      "problem",
      ProblemExamples.UNAVAILABLE);

  /** The key under {@code components/responses}. */
  final String component;

  /** What the problem means, unless the operation says it more precisely. */
  final String description;

  final String exampleName;
  final String example;

  ProblemResponse(String component, String description, String exampleName, String example) {
    this.component = component;
    this.description = description;
    this.exampleName = exampleName;
    this.example = example;
  }
}
