package dev.feder.asset;

import dev.feder.error.ProblemException;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the asset list, all optional and combinable. */
public class AssetFilter {

  private static final List<String> MEDIA_TYPES =
      List.of("image/jpeg", "image/png", "image/webp", "image/gif", "application/pdf", "image/*");

  @QueryParam("mediaType")
  @Parameter(
      description = "Only files of this type; image/* for every image",
      schema =
          @Schema(
              enumeration = {
                "image/jpeg",
                "image/png",
                "image/webp",
                "image/gif",
                "application/pdf",
                "image/*"
              }))
  public String mediaType;

  @QueryParam("q")
  @Parameter(
      description =
          "Only assets whose filename, title, caption or credit contain this text (in any case)",
      schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 200),
      example = "brandenburger")
  public String q;

  @QueryParam("unused")
  @Parameter(
      description = "true: only assets that no article or author uses (false: no filter)",
      schema = @Schema(type = SchemaType.BOOLEAN))
  public String unused;

  /** Adds the filters to a query, or refuses a malformed one with a 400 naming it. */
  void applyTo(AssetQuery query) {
    if (mediaType != null) {
      if (!MEDIA_TYPES.contains(mediaType)) {
        throw ProblemException.badParameter(
            "mediaType", "must be one of " + String.join(", ", MEDIA_TYPES));
      }
      query.ofType(mediaType);
    }
    if (q != null) {
      if (q.isBlank() || q.length() > 200 || q.chars().anyMatch(Character::isISOControl)) {
        throw ProblemException.badParameter(
            "q", "must be a text of 1 to 200 characters without control characters");
      }
      query.containing(q.strip());
    }
    if (unused != null) {
      switch (unused) {
        case "true" -> query.unused();
        case "false" -> {}
        default -> throw ProblemException.badParameter("unused", "must be true or false");
      }
    }
  }
}
