package dev.feder.audit;

import dev.feder.error.ProblemException;
import dev.feder.web.Instants;
import dev.feder.web.Uuids;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the audit log, all optional and combinable. */
public class AuditFilter {

  @QueryParam("entityType")
  @Parameter(
      description = "Only changes of this kind of thing",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"article", "category", "author", "token", "webhook", "asset"}))
  public String entityType;

  @QueryParam("entityId")
  @Parameter(
      description = "Only changes of the thing with this id",
      schema = @Schema(type = SchemaType.STRING, format = "uuid"),
      example = "6f1c2a43-5e1b-4d8e-9a57-3b2c1d0e9f88")
  public String entityId;

  @QueryParam("actor")
  @Parameter(
      description = "Only changes made by the token with this name (exactly)",
      schema = @Schema(type = SchemaType.STRING, maxLength = 200),
      example = "Redaktion Welt")
  public String actor;

  @QueryParam("action")
  @Parameter(
      description = "Only changes of this kind",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {
                "create",
                "update",
                "patch",
                "delete",
                "trash",
                "restore",
                "purge",
                "revoke",
                "restore-revision",
                "rotate-secret",
                "create-preview-link",
                "revoke-preview-links"
              }))
  public String action;

  @QueryParam("since")
  @Parameter(
      description = "Only changes at or after this instant",
      schema = @Schema(type = SchemaType.STRING, format = "date-time"),
      example = "2026-11-01T00:00:00Z")
  public String since;

  @QueryParam("until")
  @Parameter(
      description = "Only changes before this instant",
      schema = @Schema(type = SchemaType.STRING, format = "date-time"),
      example = "2026-12-01T00:00:00Z")
  public String until;

  /** Adds the filters to a query, or refuses a malformed one with a 400 naming it. */
  void applyTo(AuditQuery query) {
    if (entityType != null) {
      query.ofType(AuditEntityType.parameter("entityType", entityType));
    }
    if (entityId != null) {
      UUID id = Uuids.parse(entityId);
      if (id == null) {
        throw ProblemException.badParameter("entityId", "must be a UUID");
      }
      query.ofEntity(id);
    }
    if (actor != null) {
      if (actor.isEmpty() || actor.length() > 200 || actor.indexOf('\0') >= 0) {
        throw ProblemException.badParameter("actor", "must be a token name of 1 to 200 characters");
      }
      query.byActor(actor);
    }
    if (action != null) {
      query.withAction(AuditAction.parameter("action", action));
    }
    Instant from = since == null ? null : instant("since", since);
    Instant to = until == null ? null : instant("until", until);
    if (from != null && to != null && !from.isBefore(to)) {
      throw ProblemException.badParameter("until", "must be later than since");
    }
    if (from != null) {
      query.since(from);
    }
    if (to != null) {
      query.until(to);
    }
  }

  private static Instant instant(String name, String value) {
    try {
      return Instants.accept(Instant.parse(value), name, true);
    } catch (DateTimeParseException e) {
      throw ProblemException.badParameter(
          name, "must be an ISO-8601 instant such as 2026-11-26T18:32:10Z");
    }
  }
}
