package dev.feder.auth;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A token just issued, with its secret: the only answer that ever shows it. */
@Schema(name = "CreatedToken", examples = TokenExamples.CREATED)
public record CreatedToken(
    @Schema(required = true) UUID id,
    @Schema(required = true, examples = "Sophie Müller (Redaktionssystem)") String name,
    @Schema(required = true) TokenRole role,
    @Schema(description = "Only for role author") TokenAuthor author,
    @Schema(required = true) Instant createdAt,
    @Schema(description = "Absent: the token does not expire") Instant expiresAt,
    @Schema(
            required = true,
            description =
                "The secret, for 'Authorization: Bearer <token>'. Shown this once only: Feder"
                    + " keeps just a hash of it.",
            examples = "feder_q3Xv0l9JcWm2R8tYb4Kz1NfHs7Pd6Ea5Ug0Oi3Lw9Cx")
        String token) {

  static CreatedToken of(Token item, String secret) {
    return new CreatedToken(
        item.id(),
        item.name(),
        item.role(),
        item.author(),
        item.createdAt(),
        item.expiresAt(),
        secret);
  }
}
