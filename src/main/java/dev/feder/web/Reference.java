package dev.feder.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.feder.error.ProblemException;
import dev.feder.text.Slugs;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A reference to another resource in a write payload, by {@code id} or {@code slug}. The extra
 * fields of the summaries that reads return are accepted and ignored, so a read can be written back
 * unchanged.
 */
@JsonIgnoreProperties({"name", "parentSlug", "avatarUrl", "avatar", "title", "publishedAt"})
@Schema(
    name = Reference.SCHEMA,
    description =
        "A reference by id or by slug (at least one). When both are given, the id decides.",
    examples = "{\"slug\": \"welt\"}")
public record Reference(
    @Schema(
            description = "Id of the referenced resource",
            examples = "0b9c5a2e-2f0e-4c55-9d84-2f3a1d7c6e11")
        UUID id,
    @Size(max = Slugs.MAX_LENGTH)
        @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case words joined by '-'")
        @Schema(description = "Slug of the referenced resource", examples = "welt")
        String slug) {

  /** Name of the schema in the OpenAPI document. */
  public static final String SCHEMA = "Reference";

  /**
   * Refuses a reference that names nothing, as an invalid {@code field}; bean validation cannot say
   * which field of the payload holds the reference.
   */
  public void requireTarget(String field) {
    if (id == null && slug == null) {
      throw ProblemException.invalidField(field, "must hold an id or a slug");
    }
  }

  /** For messages: how the reference names its target. */
  public String describe() {
    return id != null ? "id '" + id + "'" : "slug '" + slug + "'";
  }
}
