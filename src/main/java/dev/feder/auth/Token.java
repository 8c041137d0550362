package dev.feder.auth;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A token as admins read it: never its secret, never its hash. */
@Schema(name = "Token", examples = TokenExamples.TOKEN)
public record Token(
    @Schema(required = true) UUID id,
    @Schema(required = true, examples = "Sophie Müller (Redaktionssystem)") String name,
    @Schema(required = true) TokenRole role,
    @Schema(description = "Only for role author") TokenAuthor author,
    @Schema(required = true) Instant createdAt,
    @Schema(description = "Absent: the token does not expire") Instant expiresAt,
    @Schema(description = "When the token was revoked; absent while it is valid")
        Instant revokedAt) {

  static Token from(ApiToken token, TokenAuthor author) {
    return new Token(
        token.id,
        token.name,
        TokenRole.of(token.role),
        author,
        token.createdAt,
        token.expiresAt,
        token.revokedAt);
  }
}
