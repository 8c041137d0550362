package dev.feder.auth;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.feder.web.Reference;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an admin sends to issue a token. */
@JsonIgnoreProperties({"id", "createdAt", "revokedAt"})
@Schema(name = "TokenInput", examples = TokenExamples.INPUT)
public record TokenInput(
    @NotBlank
        @Size(max = 200)
        @Schema(
            required = true,
            description = "Who or what uses the token; the name recorded for its changes",
            examples = "Sophie Müller (Redaktionssystem)")
        String name,
    @NotNull @Schema(required = true, description = "What the token may do") TokenRole role,
    @Valid
        @Schema(
            description =
                "The author an author token writes as; required for role author, refused for"
                    + " every other role")
        Reference author,
    @Schema(
            description = "When the token stops working; must lie in the future. Absent: never.",
            examples = "2027-06-30T00:00:00Z")
        Instant expiresAt) {}
