package dev.feder.asset;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reference to an asset of the media library, in write payloads and in what reads embed. */
@Schema(name = "AssetReference", examples = "{\"id\": \"3f6c1e2a-8b4d-4c1e-9a7f-2d5e6b8c9a01\"}")
public record AssetReference(
    @NotNull @Schema(required = true, description = "The asset's id") UUID id) {}
