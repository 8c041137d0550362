package dev.feder.article;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.feder.text.Patterns;
import dev.feder.text.Slugs;
import dev.feder.web.Reference;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client sends to create or replace an article. */
@JsonIgnoreProperties({"id", "createdAt", "updatedAt", "wordCount", "readingTimeMinutes"})
@Schema(name = "ArticleInput", examples = ArticleExamples.INPUT)
public record ArticleInput(
    @NotBlank
        @Size(max = 300)
        @Schema(
            required = true,
            examples = "„Größte Übung seit Jahren“: Marine probt vor Pjöngjang")
        String title,
    @Size(max = Slugs.MAX_LENGTH)
        @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case words joined by '-'")
        @Schema(
            description =
                "Derived from the title when absent (ä→ae, ß→ss, other accents dropped, words"
                    + " joined by '-', -2, -3, … when taken); kept on later edits unless sent")
        String slug,
    @Size(max = 300) String subtitle,
    @Size(max = 2000) @Schema(description = "The lead, plain text") String excerpt,
    @Size(max = 500_000)
        @Schema(
            description =
                "HTML; sanitized on write (no scripts, event handlers or javascript: URLs)")
        String body,
    @Schema(
            description =
                "Format of body as sent: html or markdown (CommonMark); either way it is stored and"
                    + " served as sanitized HTML. Default html.")
        BodyFormat bodyFormat,
    @Size(max = 35)
        @Pattern(
            regexp = Patterns.LANGUAGE,
            message = "must be a BCP 47 language tag such as de or en-GB")
        @Schema(description = "BCP 47 language tag. Default de.", examples = "de")
        String language,
    @Schema(
            description =
                "Default draft. published without publishedAt publishes now; with a future"
                    + " publishedAt (or scheduled) the article goes live by itself at that time.")
        ArticleStatus status,
    @Schema(description = "When the article is or goes public") Instant publishedAt,
    @NotNull @Valid @Schema(required = true, description = "The article's category")
        Reference category,
    @Size(max = 20) @Schema(description = "The byline in order; the first is the primary author")
        List<@NotNull @Valid Reference> authors,
    @Size(max = 50) @Schema(description = "Plain labels", examples = "[\"Nordkorea\", \"Marine\"]")
        List<@NotBlank @Size(max = 100) String> tags,
    @Size(max = 20)
        @Schema(
            description = "Related articles pinned by hand, in order; shown before computed ones")
        List<@NotNull @Valid Reference> related,
    @Valid ArticleSource source,
    @Valid FeaturedImageInput featuredImage,
    @Valid Seo seo) {

  /** The same input with other pinned related articles. */
  ArticleInput withRelated(List<Reference> pinned) {
    return new ArticleInput(
        title,
        slug,
        subtitle,
        excerpt,
        body,
        bodyFormat,
        language,
        status,
        publishedAt,
        category,
        authors,
        tags,
        pinned,
        source,
        featuredImage,
        seo);
  }
}
