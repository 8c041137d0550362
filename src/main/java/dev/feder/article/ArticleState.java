package dev.feder.article;

import dev.feder.asset.AssetReference;
import dev.feder.asset.AssetUrls;
import dev.feder.text.Patterns;
import dev.feder.text.Slugs;
import dev.feder.web.Reference;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The state an article revision stored, as clients read it: the write representation ({@link
 * ArticleInput}) with what a stored state always holds marked as required, so it can be sent back
 * as a PUT. It keeps the input's limits, which the state was validated with when it was written.
 */
@Schema(
    name = "ArticleState",
    description =
        "An article as a revision stored it, in the shape a PUT takes: send it back to bring that"
            + " state back by hand")
public record ArticleState(
    @NotBlank @Size(max = 300) @Schema(required = true) String title,
    @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN) @Schema(required = true)
        String slug,
    @Size(max = 300) String subtitle,
    @Size(max = 2000) @Schema(description = "The lead, plain text") String excerpt,
    @Size(max = 500_000) @Schema(required = true, description = "Sanitized HTML") String body,
    @Schema(required = true, description = "Always html: bodies are stored as HTML")
        BodyFormat bodyFormat,
    @Size(max = 35)
        @Pattern(regexp = Patterns.LANGUAGE)
        @Schema(required = true, description = "BCP 47 language tag", examples = "de")
        String language,
    @Schema(required = true) ArticleStatus status,
    @Schema(description = "When the article was or was to go public") Instant publishedAt,
    @Schema(required = true) Ref category,
    @Size(max = 20) @Schema(required = true, description = "The byline in order") List<Ref> authors,
    @Size(max = 50) @Schema(required = true) List<@NotBlank @Size(max = 100) String> tags,
    @Size(max = 20)
        @Schema(required = true, description = "Related articles pinned by hand, in order")
        List<Ref> related,
    ArticleSource source,
    Image featuredImage,
    Seo seo) {

  /**
   * The lead image as a revision stored it. An image of the media library has its file's URL too,
   * so that every stored image has one, as before assets; a PUT of it ignores that URL.
   */
  @Schema(name = "ArticleStateImage")
  public record Image(
      @Schema(description = "An image of the media library") AssetReference asset,
      @Schema(
              required = true,
              maxLength = 2048,
              pattern = Patterns.HTTP_URL,
              description = "The image elsewhere, or the asset's file",
              examples = "https://images.example.org/2026/11/hafen-pjoengjang.jpg")
          String url,
      @Schema(maxLength = 500, examples = "Schiffe im Hafen von Nampo") String alt,
      @Schema(maxLength = 1000, examples = "Der Hafen von Nampo am Morgen nach der Übung.")
          String caption,
      @Schema(maxLength = 200, examples = "Foto: Jörg Weißmann") String credit) {

    static Image of(FeaturedImageInput image) {
      if (image == null) {
        return null;
      }
      String url =
          image.asset() != null && image.url() == null
              ? AssetUrls.current().file(image.asset().id())
              : image.url();
      return new Image(image.asset(), url, image.alt(), image.caption(), image.credit());
    }
  }

  /** A reference as a revision stores it: by id and by the slug it had then. */
  @Schema(name = "ArticleStateReference")
  public record Ref(
      @Schema(required = true) UUID id,
      @Size(max = Slugs.MAX_LENGTH)
          @Pattern(regexp = Slugs.PATTERN)
          @Schema(required = true, description = "The slug at the time of the revision")
          String slug) {

    static Ref of(Reference reference) {
      return new Ref(reference.id(), reference.slug());
    }

    static List<Ref> of(List<Reference> references) {
      return references == null ? List.of() : references.stream().map(Ref::of).toList();
    }
  }

  /** A stored state, which holds every field a stored article always has. */
  static ArticleState of(ArticleInput state) {
    return new ArticleState(
        state.title(),
        state.slug(),
        state.subtitle(),
        state.excerpt(),
        state.body(),
        state.bodyFormat() == null ? BodyFormat.HTML : state.bodyFormat(),
        state.language(),
        state.status(),
        state.publishedAt(),
        Ref.of(state.category()),
        Ref.of(state.authors()),
        state.tags() == null ? List.of() : state.tags(),
        Ref.of(state.related()),
        state.source(),
        Image.of(state.featuredImage()),
        state.seo());
  }
}
