package dev.feder.webhook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an admin sends to register or change a webhook endpoint. */
@JsonIgnoreProperties({
  "id",
  "createdAt",
  "updatedAt",
  "disabledReason",
  "disabledAt",
  "failingSince",
  "previousSecretExpiresAt"
})
@Schema(name = "WebhookInput", examples = WebhookExamples.INPUT)
public record WebhookInput(
    @NotBlank
        @Size(max = 2000)
        @Schema(
            required = true,
            description =
                "Where events are POSTed: an http or https URL. Addresses in private, loopback and"
                    + " link-local ranges are refused (FEDER_WEBHOOKS_ALLOW_PRIVATE_NETWORKS)",
            examples = "https://www.zeitung.example/api/revalidate")
        String url,
    @Size(max = 500)
        @Schema(
            description = "What the endpoint is for",
            examples = "Next.js: revalidate pages and tags")
        String description,
    @Schema(
            description =
                "Whether events are sent; absent: true. Enabling an endpoint that Feder disabled"
                    + " clears the reason.")
        Boolean enabled,
    @NotNull
        @NotEmpty
        @Size(max = 50)
        @Schema(
            required = true,
            description =
                "Event types to send: exact types (article.published), a resource's wildcard"
                    + " (article.*) or * for all",
            examples = "[\"article.*\", \"category.updated\"]")
        List<String> eventTypes) {}
