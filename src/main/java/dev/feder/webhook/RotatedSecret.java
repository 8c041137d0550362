package dev.feder.webhook;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The new signing secret of an endpoint, shown once. */
@Schema(name = "RotatedSecret", examples = WebhookExamples.ROTATED)
public record RotatedSecret(
    @Schema(
            required = true,
            description = "The new signing secret (whsec_ and base64). Shown this once only.",
            examples = "whsec_2b7e4c1a9f3d4e8ba6c50d1e2f3a4b5c6d7e8f90a1b2c3d4")
        String secret,
    @Schema(
            required = true,
            description =
                "Until when deliveries are signed with the old secret too (24 hours): a receiver"
                    + " that still verifies with it keeps accepting them meanwhile")
        Instant previousSecretExpiresAt) {}
