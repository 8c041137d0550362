package dev.feder.audit;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Small facts about a change, each present only where it applies. Never a secret: a token's event
 * names its role, not its token or hash.
 *
 * @param changed top-level fields whose value the change altered, in alphabetical order
 * @param status an article's status after the change
 * @param fromRevision the revision an article was restored from
 * @param role the role of an issued token
 * @param expiresAt when a preview link made stops working
 */
@Schema(name = "AuditDetails")
public record AuditDetails(
    @Schema(
            description =
                "Fields whose value changed, in alphabetical order (update, patch and"
                    + " restore-revision)",
            examples = "[\"status\", \"title\"]")
        List<String> changed,
    @Schema(
            description = "An article's status after the change",
            enumeration = {"draft", "scheduled", "published", "archived"})
        String status,
    @Schema(description = "The revision an article was restored from", examples = "2")
        Integer fromRevision,
    @Schema(
            description = "The role of an issued token",
            enumeration = {"admin", "editor", "author", "viewer"})
        String role,
    @Schema(
            description = "When a preview link made stops working (create-preview-link)",
            examples = "2026-11-27T18:32:10Z")
        Instant expiresAt) {

  /** No details. */
  public static final AuditDetails NONE = new AuditDetails(null, null, null, null, null);

  /** An article's status after the change. */
  public static AuditDetails status(String status) {
    return new AuditDetails(null, status, null, null, null);
  }

  /** The fields a change altered. */
  public static AuditDetails changed(List<String> changed) {
    return new AuditDetails(List.copyOf(changed), null, null, null, null);
  }

  /** The role of an issued token. */
  public static AuditDetails role(String role) {
    return new AuditDetails(null, null, null, role, null);
  }

  /** When a preview link made stops working. */
  public static AuditDetails expiresAt(Instant expiresAt) {
    return new AuditDetails(null, null, null, null, expiresAt);
  }

  public AuditDetails withStatus(String status) {
    return new AuditDetails(changed, status, fromRevision, role, expiresAt);
  }

  public AuditDetails withFromRevision(int revision) {
    return new AuditDetails(changed, status, revision, role, expiresAt);
  }
}
