package dev.feder.web;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The API as a whole: its description, tags and security scheme for the OpenAPI document. */
@OpenAPIDefinition(
    info =
        @Info(
            title = "Feder API",
            version = "1.1.0",
            description =
                "Headless CMS for newsrooms. Published content is public; writes need"
                    + " 'Authorization: Bearer <token>'. Every GET answers with an ETag; writes"
                    + " (PUT, PATCH, DELETE) need If-Match with the ETag last read. Errors are RFC 9457"
                    + " application/problem+json. A query parameter the operation does not take, or"
                    + " one given twice, is a 400 that names it; a request line (method, path and"
                    + " query) over 8,192 bytes is a 414."
                    + " Public answers name the content they show in"
                    + " Surrogate-Key (space separated) and Cache-Tag (comma separated):"
                    + " article:<id>, category:<id> and author:<id> for every item shown or"
                    + " embedded; articles for answers that depend on which articles there are"
                    + " (lists, searches, feeds, the sitemap, article counts); categories and"
                    + " authors for their lists; search for search results; <kind>:any when an"
                    + " answer shows more items of a kind than it names. A change of content makes"
                    + " stale exactly the answers carrying its tags (and <kind>:any of each item"
                    + " kind it names), in Feder's own cache and at CDNs that purge by tag."
                    + " A creating POST takes an"
                    + " Idempotency-Key header: the same key and body replay the first answer."
                    + " Drafts can be previewed with a signed preview token scoped to one article"
                    + " (POST /api/v1/articles/{id}/preview-links); answers read with it are"
                    + " private, no-store.",
            license =
                @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
    tags = {
      @Tag(name = "Articles", description = "News articles with their category and authors"),
      @Tag(name = "Authors", description = "The people who write the articles"),
      @Tag(name = "Categories", description = "Sections of the site, as a tree"),
      @Tag(
          name = "Feeds",
          description = "RSS and Atom feeds and the sitemap of the published articles, as XML"),
      @Tag(
          name = "Trash",
          description =
              "Deleted articles, restorable until the retention ends; then they are purged"),
      @Tag(
          name = "Tokens",
          description = "API tokens and their roles; issued and revoked by admins"),
      @Tag(name = "Audit", description = "Who changed what and when; admins only"),
      @Tag(
          name = "Changes",
          description =
              "Every change of content since a cursor, in commit order: for search indexes, apps"
                  + " and static sites that sync what changed"),
      @Tag(
          name = "Webhooks",
          description =
              "Endpoints that receive events as they happen, signed per Standard Webhooks; admins"
                  + " only")
    })
@SecurityScheme(
    securitySchemeName = FederApi.BEARER,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "An API token")
public class FederApi extends Application {

  /** Name of the bearer security scheme in the OpenAPI document. */
  public static final String BEARER = "bearer";
}
