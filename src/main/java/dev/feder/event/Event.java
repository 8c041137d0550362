package dev.feder.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One committed change of content, as the changes feed shows it to tokens and webhooks send it in
 * {@code data}. Names and identifiers only: never a body, so an event may go anywhere its receiver
 * is trusted to know that something changed.
 */
@Schema(name = "Event", examples = EventExamples.EVENT)
public record Event(
    @Schema(
            required = true,
            description = "Unique per event; webhooks send it as webhook-id with a msg_ prefix")
        UUID id,
    @Schema(required = true) EventType type,
    @Schema(required = true, description = "When the change was made") Instant occurredAt,
    @Schema(required = true) EntityKind entityType,
    @Schema(required = true) UUID entityId,
    @Schema(
            required = true,
            description =
                "The slug after the change (for a deletion or purge: the last one); for an asset,"
                    + " which has no slug, its filename",
            examples = "groesste-uebung-seit-jahren-marine-probt-vor-der-kueste")
        String slug,
    @Schema(
            description =
                "The slug (an asset's filename) before the change; only when the change altered"
                    + " it")
        String previousSlug,
    @Schema(
            description =
                "An article's status after the change, as readers see it; absent for other"
                    + " kinds and after a purge",
            enumeration = {"draft", "scheduled", "published", "archived"})
        String status,
    @Schema(
            description = "An article's status before the change; only when the change altered it",
            enumeration = {"draft", "scheduled", "published", "archived"})
        String previousStatus,
    @Schema(
            required = true,
            description =
                "The fields whose value the change altered, in alphabetical order (names as in"
                    + " the write payloads); empty for creations, deletions and visibility changes"
                    + " that changed no field",
            examples = "[\"status\", \"title\"]")
        List<String> changed,
    @Schema(
            required = true,
            description =
                "Paths of the website's pages that show what changed, before and after the"
                    + " change (FEDER_FRONTEND_ARTICLE_URL, FEDER_FRONTEND_CATEGORY_URL): revalidate"
                    + " them. For an asset, the pages of the public articles that show it (at most"
                    + " 100, newest first; its tags name them all). Empty when nothing public"
                    + " changed.",
            examples = "[\"/artikel/groesste-uebung\", \"/kategorie/welt\"]")
        List<String> paths,
    @Schema(
            required = true,
            description =
                "Paths of Feder's feeds and sitemap whose documents the change alters. Empty when"
                    + " nothing public changed.",
            examples = "[\"/api/v1/feeds/articles.rss\", \"/sitemap.xml\"]")
        List<String> feeds,
    @Schema(
            required = true,
            description =
                "Cache tags of the public answers the change invalidates, as their Surrogate-Key"
                    + " header names them and as Feder's own cache drops them (search for the text"
                    + " of a public article, article:<id> and author:<id> of what embeds a changed"
                    + " asset, <kind>:any for answers that stand for every item of a kind): purge"
                    + " these at a CDN, or pass each to Next.js revalidateTag",
            examples = "[\"article:6f1c2a43-5e1b-4d8e-9a57-3b2c1d0e9f88\", \"articles\"]")
        List<String> tags) {}
