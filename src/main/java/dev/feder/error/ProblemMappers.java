package dev.feder.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.feder.config.FederConfig;
import dev.feder.persistence.DatabaseFailure;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into an RFC 9457 problem+json response; nothing internal leaks. */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  private final long retryAfterSeconds;
  private final AllowedMethods allowedMethods;

  public ProblemMappers(FederConfig config, AllowedMethods allowedMethods) {
    this.retryAfterSeconds = Math.max(1, config.database().retryAfter().toSeconds());
    this.allowedMethods = allowedMethods;
  }

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    Response.ResponseBuilder builder =
        Response.status(e.type().status())
            .type(Problem.MEDIA_TYPE)
            .entity(problem(e.type(), e.getMessage(), e.errors(), uri));
    e.headers().forEach(builder::header);
    return builder.build();
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse().getStatus();
    if (e.getCause() instanceof MismatchedInputException cause) {
      return cause instanceof UnrecognizedPropertyException unknown
          ? unrecognizedProperty(unknown, uri)
          : cause instanceof InvalidFormatException format
              ? invalidFormat(format, uri)
              : mismatchedInput(cause, uri);
    }
    if (e.getCause() instanceof JsonMappingException cause) {
      return jsonMapping(cause, uri);
    }
    if (e.getCause() instanceof StreamReadException cause) {
      return jsonParse(cause, uri);
    }
    if (e.getCause() instanceof StreamConstraintsException cause) {
      return jsonLimits(cause, uri);
    }
    if (status >= 500) {
      return internal(e, uri);
    }
    ProblemType type = ProblemType.forStatus(status);
    String detail =
        switch (status) {
          case 404 -> "No resource at " + uri.getPath();
          case 405 -> "This resource does not support that method";
          case 406 -> "This resource cannot answer in a media type that the Accept header allows";
          case 415 ->
              "Send the body as application/json (application/merge-patch+json for PATCH,"
                  + " multipart/form-data for uploads)";
          default -> e.getMessage();
        };
    Response.ResponseBuilder builder =
        Response.status(status).type(Problem.MEDIA_TYPE).entity(problem(type, detail, null, uri));
    String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
    if (allow == null && status == 405) {
      allow = allowedMethods.forPath(uri.getPath());
    }
    if (allow != null) {
      builder.header(HttpHeaders.ALLOW, allow);
    }
    return builder.build();
  }

  @ServerExceptionMapper
  public Response unauthorized(UnauthorizedException e, UriInfo uri) {
    return unauthorized(uri, "Send an API token as 'Authorization: Bearer <token>'");
  }

  @ServerExceptionMapper
  public Response authenticationFailed(
      AuthenticationFailedException e, UriInfo uri, Request request) {
    // The token could not be looked up: that says nothing about the token, and nothing else of
    // the request has run.
    if (DatabaseFailure.of(e).isPresent()) {
      return unavailable(DatabaseFailure.UNREACHABLE, e, uri, request);
    }
    return unauthorized(uri, "The bearer token is unknown, revoked or expired");
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return respond(ProblemType.FORBIDDEN, "Your token's role may not do this", null, uri);
  }

  @ServerExceptionMapper
  public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
    if (e.getConstraintViolations().stream().anyMatch(ProblemMappers::isMissingBody)) {
      return respond(
          ProblemType.MALFORMED_JSON, "The request body must be a JSON object", null, uri);
    }
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    boolean body = e.getConstraintViolations().stream().anyMatch(ProblemMappers::isInBody);
    String detail =
        errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
    return respond(body ? ProblemType.VALIDATION : ProblemType.BAD_PARAMETER, detail, errors, uri);
  }

  @ServerExceptionMapper
  public Response unrecognizedProperty(UnrecognizedPropertyException e, UriInfo uri) {
    String allowed =
        e.getKnownPropertyIds() == null
            ? ""
            : "; allowed: "
                + e.getKnownPropertyIds().stream()
                    .map(String::valueOf)
                    .sorted()
                    .collect(Collectors.joining(", "));
    return invalidField(pathOf(e), "unknown field" + allowed, uri);
  }

  @ServerExceptionMapper
  public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
    if (e.getValue() instanceof String s && s.indexOf('\0') >= 0) {
      return invalidField(pathOf(e), "must not contain NUL characters", uri);
    }
    return invalidField(pathOf(e), expectation(e.getTargetType()), uri);
  }

  @ServerExceptionMapper
  public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
    if (e.getPath().isEmpty()) {
      return respond(
          ProblemType.MALFORMED_JSON, "The body must be a JSON object" + location(e), null, uri);
    }
    return invalidField(pathOf(e), expectation(e.getTargetType()), uri);
  }

  @ServerExceptionMapper
  public Response jsonMapping(JsonMappingException e, UriInfo uri) {
    if (e.getCause() instanceof StreamReadException cause) {
      return jsonParse(cause, uri);
    }
    if (e.getCause() instanceof StreamConstraintsException cause) {
      return jsonLimits(cause, uri);
    }
    return invalidField(pathOf(e), "has an invalid value", uri);
  }

  @ServerExceptionMapper
  public Response jsonParse(StreamReadException e, UriInfo uri) {
    return respond(
        ProblemType.MALFORMED_JSON, "The body is not valid JSON" + location(e), null, uri);
  }

  @ServerExceptionMapper
  public Response jsonLimits(StreamConstraintsException e, UriInfo uri) {
    return respond(
        ProblemType.MALFORMED_JSON,
        "The body exceeds a JSON limit (a number or string too long, or nesting too deep)",
        null,
        uri);
  }

  @ServerExceptionMapper
  public Response jsonParse(JsonParseException e, UriInfo uri) {
    return jsonParse((StreamReadException) e, uri);
  }

  /** Safety net for races that pass the service checks but hit a database constraint. */
  @ServerExceptionMapper
  public Response persistence(PersistenceException e, UriInfo uri, Request request) {
    Optional<DatabaseFailure> failure = DatabaseFailure.of(e);
    if (failure.isPresent()) {
      return unavailable(failure.get(), e, uri, request);
    }
    String state = sqlState(e);
    if (state == null) {
      return internal(e, uri);
    }
    return switch (state) {
      case "23505" ->
          respond(
              ProblemType.CONFLICT,
              "A resource with the same slug or key already exists",
              null,
              uri);
      case "23503" ->
          respond(
              ProblemType.CONFLICT,
              "The resource is still referenced by other resources",
              null,
              uri);
      case "22001", "22P05", "22021", "22003" ->
          respond(ProblemType.VALIDATION, "A value is too long or not representable", null, uri);
      default -> internal(e, uri);
    };
  }

  @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
  public Response unexpected(Throwable e, UriInfo uri, Request request) {
    // Also a failed commit, which the transaction manager wraps in exceptions of its own.
    Optional<DatabaseFailure> failure = DatabaseFailure.of(e);
    if (failure.isPresent()) {
      return unavailable(failure.get(), e, uri, request);
    }
    return internal(e, uri);
  }

  /**
   * The database cannot be reached, or the connection broke: {@code 503} with {@code Retry-After}
   * and the stable type {@code /problems/unavailable}, by which other layers (a cache that may
   * answer from what it kept) recognise it. A change whose connection broke may or may not have
   * been committed, and the client is told so.
   */
  private Response unavailable(DatabaseFailure failure, Throwable e, UriInfo uri, Request request) {
    LOG.warnf(
        "Database unavailable on %s %s: %s",
        request.getMethod(), uri.getPath(), DatabaseFailure.describe(e));
    boolean safe = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    String detail =
        failure == DatabaseFailure.CONNECTION_LOST && !safe
            ? "The connection to the database broke during this change, which may or may not"
                + " have been saved: read the resource again before you repeat it"
            : "The database cannot be reached at the moment; try again in "
                + retryAfterSeconds
                + (retryAfterSeconds == 1 ? " second" : " seconds");
    return Response.status(ProblemType.UNAVAILABLE.status())
        .type(Problem.MEDIA_TYPE)
        .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
        .entity(problem(ProblemType.UNAVAILABLE, detail, null, uri))
        .build();
  }

  private static Response internal(Throwable e, UriInfo uri) {
    LOG.errorf(e, "Internal error on %s", uri.getPath());
    return respond(
        ProblemType.INTERNAL,
        "An internal error occurred; it has been logged on the server",
        null,
        uri);
  }

  private static Response unauthorized(UriInfo uri, String detail) {
    return Response.status(401)
        .type(Problem.MEDIA_TYPE)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"feder\"")
        .entity(problem(ProblemType.UNAUTHORIZED, detail, null, uri))
        .build();
  }

  private static Response invalidField(String field, String message, UriInfo uri) {
    return respond(
        ProblemType.VALIDATION,
        "1 field is invalid",
        List.of(new Problem.FieldError(field, message)),
        uri);
  }

  static Response respond(
      ProblemType type, String detail, List<Problem.FieldError> errors, UriInfo uri) {
    return Response.status(type.status())
        .type(Problem.MEDIA_TYPE)
        .entity(problem(type, detail, errors, uri))
        .build();
  }

  private static Problem problem(
      ProblemType type, String detail, List<Problem.FieldError> errors, UriInfo uri) {
    return new Problem(type.uri(), type.title(), type.status(), detail, uri.getPath(), errors);
  }

  private static String location(StreamReadException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }

  private static String location(MismatchedInputException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
  }

  private static String pathOf(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "(body)" : path.toString();
  }

  private static String expectation(Class<?> type) {
    if (type == null) {
      return "has the wrong type";
    }
    if (type == String.class) {
      return "must be a string";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "must be an integer within range";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    if (type == UUID.class) {
      return "must be a UUID";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "must be an ISO-8601 instant such as 2026-11-26T18:32:10Z";
    }
    if (type.isEnum()) {
      return "must be one of: "
          + java.util.Arrays.stream(type.getEnumConstants())
              .map(Object::toString)
              .collect(Collectors.joining(", "));
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "must be an array";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "must be an object";
    }
    return "has the wrong type";
  }

  /** A null request body: resources name their body parameter {@code body}. */
  private static boolean isMissingBody(ConstraintViolation<?> violation) {
    Path.Node last = null;
    for (Path.Node node : violation.getPropertyPath()) {
      last = node;
    }
    return last != null && last.getKind() == ElementKind.PARAMETER && "body".equals(last.getName());
  }

  /** A violation inside a bean (a body), rather than on a method parameter itself. */
  private static boolean isInBody(ConstraintViolation<?> violation) {
    boolean parameter = false;
    for (Path.Node node : violation.getPropertyPath()) {
      if (parameter) {
        return true;
      }
      parameter = node.getKind() == ElementKind.PARAMETER;
    }
    return !parameter;
  }

  private static String fieldOf(ConstraintViolation<?> violation) {
    StringBuilder field = new StringBuilder();
    String parameter = null;
    for (Path.Node node : violation.getPropertyPath()) {
      switch (node.getKind()) {
        case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {}
        case PARAMETER -> parameter = node.getName();
        default -> {
          if (node.getIndex() != null && field.length() > 0) {
            field.append('[').append(node.getIndex()).append(']');
          }
          if (node.getName() != null && !node.getName().startsWith("<")) {
            if (field.length() > 0) {
              field.append('.');
            }
            field.append(node.getName());
          }
        }
      }
    }
    if (field.length() > 0) {
      return field.toString();
    }
    return parameter == null ? "(body)" : parameter;
  }

  private static String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }
}
