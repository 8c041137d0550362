package dev.feder.feed;

import dev.feder.error.Problem;
import dev.feder.web.Locations;
import dev.feder.web.SameForEveryCaller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/feeds}: RSS 2.0 and Atom feeds of the newest published articles, for the whole
 * site and per category. They are the same for every caller: drafts, scheduled and archived
 * articles never appear, whatever credentials are sent.
 */
@Path("/api/v1/feeds")
@Tag(name = "Feeds")
public class FeedResource {

  private final FeedService service;
  private final Locations locations;

  public FeedResource(FeedService service, Locations locations) {
    this.service = service;
    this.locations = locations;
  }

  @GET
  @Path("/articles.rss")
  @Produces(FeedXml.RSS)
  @SameForEveryCaller
  @Operation(
      operationId = "getArticlesRssFeed",
      summary = "RSS feed of the newest articles",
      description =
          "An RSS 2.0 document of the newest published articles (feder.frontend.feed-size, 20 by"
              + " default), newest first. Links point to the article pages of the website"
              + " (feder.frontend.article-url); the guid is the article id. Only articles that are"
              + " public now appear, whatever Authorization header is sent.")
  @APIResponse(
      responseCode = "200",
      description = "The feed",
      content =
          @Content(
              mediaType = FeedXml.RSS,
              schema = @Schema(type = SchemaType.STRING, description = "An RSS 2.0 document"),
              examples = @ExampleObject(name = "rss", value = FeedExamples.RSS)))
  public String articlesRss(@Context UriInfo uri) {
    return FeedXml.rss(service.latest(), locations.self(uri));
  }

  @GET
  @Path("/articles.atom")
  @Produces(FeedXml.ATOM)
  @SameForEveryCaller
  @Operation(
      operationId = "getArticlesAtomFeed",
      summary = "Atom feed of the newest articles",
      description =
          "An Atom document of the newest published articles (feder.frontend.feed-size, 20 by"
              + " default), newest first. Entry ids are urn:uuid: URNs of the article ids; links"
              + " point to the article pages of the website (feder.frontend.article-url). Only"
              + " articles that are public now appear, whatever Authorization header is sent.")
  @APIResponse(
      responseCode = "200",
      description = "The feed",
      content =
          @Content(
              mediaType = FeedXml.ATOM,
              schema = @Schema(type = SchemaType.STRING, description = "An Atom document"),
              examples = @ExampleObject(name = "atom", value = FeedExamples.ATOM)))
  public String articlesAtom(@Context UriInfo uri) {
    return FeedXml.atom(service.latest(), locations.self(uri));
  }

  @GET
  @Path("/categories/{slug}.rss")
  @Produces(FeedXml.RSS)
  @SameForEveryCaller
  @Operation(
      operationId = "getCategoryRssFeed",
      summary = "RSS feed of a category",
      description =
          "Like getArticlesRssFeed, for the articles of one category and all its descendant"
              + " categories.")
  @APIResponse(
      responseCode = "200",
      description = "The feed",
      content =
          @Content(
              mediaType = FeedXml.RSS,
              schema = @Schema(type = SchemaType.STRING, description = "An RSS 2.0 document"),
              examples = @ExampleObject(name = "rss", value = FeedExamples.RSS)))
  @APIResponse(
      responseCode = "404",
      description = "No category with this slug",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(name = "notFound", value = FeedExamples.CATEGORY_NOT_FOUND)))
  public String categoryRss(
      @Parameter(
              description = "Category slug; its descendant categories are included",
              example = "welt")
          @PathParam("slug")
          String slug,
      @Context UriInfo uri) {
    return FeedXml.rss(service.ofCategory(slug), locations.self(uri));
  }

  @GET
  @Path("/categories/{slug}.atom")
  @Produces(FeedXml.ATOM)
  @SameForEveryCaller
  @Operation(
      operationId = "getCategoryAtomFeed",
      summary = "Atom feed of a category",
      description =
          "Like getArticlesAtomFeed, for the articles of one category and all its descendant"
              + " categories. The feed id is the urn:uuid: URN of the category id.")
  @APIResponse(
      responseCode = "200",
      description = "The feed",
      content =
          @Content(
              mediaType = FeedXml.ATOM,
              schema = @Schema(type = SchemaType.STRING, description = "An Atom document"),
              examples = @ExampleObject(name = "atom", value = FeedExamples.ATOM)))
  @APIResponse(
      responseCode = "404",
      description = "No category with this slug",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(name = "notFound", value = FeedExamples.CATEGORY_NOT_FOUND)))
  public String categoryAtom(
      @Parameter(
              description = "Category slug; its descendant categories are included",
              example = "welt")
          @PathParam("slug")
          String slug,
      @Context UriInfo uri) {
    return FeedXml.atom(service.ofCategory(slug), locations.self(uri));
  }
}
