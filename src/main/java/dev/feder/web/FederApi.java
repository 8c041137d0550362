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
                    + " query) over 8,192 bytes is a 414.",
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
      @Tag(name = "Audit", description = "Who changed what and when; admins only")
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
