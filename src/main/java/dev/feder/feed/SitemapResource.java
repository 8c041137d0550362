package dev.feder.feed;

import dev.feder.web.SameForEveryCaller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /sitemap.xml}: the website's article pages for search engines. It lists pages of the
 * frontend, so the frontend serves it under its own host (for example through a rewrite).
 */
@Path("/sitemap.xml")
@Tag(name = "Feeds")
public class SitemapResource {

  private final FeedService service;

  public SitemapResource(FeedService service) {
    this.service = service;
  }

  @GET
  @Produces(MediaType.APPLICATION_XML)
  @SameForEveryCaller
  @Operation(
      operationId = "getSitemap",
      summary = "Sitemap of the published articles",
      description =
          "A sitemaps.org document with the website URL (feder.frontend.article-url) of every"
              + " article that is public now, newest first, at most 50,000 (the limit of one"
              + " sitemap file). lastmod is when the article last changed, or its publication if"
              + " that came later. The same for every caller, whatever Authorization header is"
              + " sent.")
  @APIResponse(
      responseCode = "200",
      description = "The sitemap",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_XML,
              schema = @Schema(type = SchemaType.STRING, description = "A sitemaps.org urlset"),
              examples = @ExampleObject(name = "sitemap", value = FeedExamples.SITEMAP)))
  public String sitemap() {
    return FeedXml.sitemap(service.sitemap());
  }
}
