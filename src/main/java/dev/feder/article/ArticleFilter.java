package dev.feder.article;

import dev.feder.error.ProblemException;
import dev.feder.text.Patterns;
import dev.feder.text.Slugs;
import dev.feder.web.Instants;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the article list, all optional and combinable. */
public class ArticleFilter {

  /** Longest search text accepted, in characters. */
  static final int MAX_SEARCH_LENGTH = 500;

  @QueryParam("q")
  @Parameter(
      description =
          "Search text, matched against title, subtitle, excerpt and body; results come ranked by"
              + " relevance unless sort is given, each with a highlight. All words must match;"
              + " \"quotes\" find a phrase, -word excludes a word, and or between words offers"
              + " alternatives."
              + " Accents and umlauts are ignored (Ubung finds Übung), German and English words"
              + " match in any inflection (Waffe finds Waffen), and when nothing matches exactly, a"
              + " word of five or more letters with one typo stands for the title words it is one"
              + " typo away from (Übnug finds Übung). A search considers the newest 200 matching"
              + " articles"
              + " (the server's FEDER_SEARCH_MAX_RESULTS), ranked among them; meta.totalItems"
              + " counts those. Blank means no search. Not combinable with cursor.",
      schema =
          @Schema(
              type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
              maxLength = MAX_SEARCH_LENGTH),
      example = "Übung Pjöngjang")
  public String q;

  @QueryParam("category")
  @Parameter(
      description = "Category slug; includes articles of all its descendant categories",
      example = "welt")
  public String category;

  @QueryParam("author")
  @Parameter(description = "Author slug", example = "sophie-mueller")
  public String author;

  @QueryParam("tag")
  @Parameter(description = "A tag, exactly as stored", example = "Marine")
  public String tag;

  @QueryParam("language")
  @Parameter(description = "BCP 47 language tag", example = "de")
  public String language;

  @QueryParam("publishedAfter")
  @Parameter(
      description = "Only articles published at or after this instant",
      schema =
          @Schema(
              type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
              format = "date-time"),
      example = "2026-11-01T00:00:00Z")
  public String publishedAfter;

  @QueryParam("publishedBefore")
  @Parameter(
      description = "Only articles published before this instant",
      schema =
          @Schema(
              type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
              format = "date-time"),
      example = "2026-12-01T00:00:00Z")
  public String publishedBefore;

  /** The search text, null for no search, or a 400 for a malformed one. */
  String searchText() {
    if (q == null || q.isBlank()) {
      return null;
    }
    return valid(
        "q",
        q,
        q.codePointCount(0, q.length()) <= MAX_SEARCH_LENGTH && q.indexOf('\0') < 0,
        "must be a search text of at most " + MAX_SEARCH_LENGTH + " characters without NUL bytes");
  }

  /**
   * Adds the filters but the search text to a query, or refuses a malformed one with a 400 naming
   * it.
   */
  void applyTo(ArticleListQuery query) {
    if (category != null) {
      query.inCategoryTree(
          valid("category", category, Slugs.isValid(category), "must be a category slug"));
    }
    if (author != null) {
      query.byAuthor(valid("author", author, Slugs.isValid(author), "must be an author slug"));
    }
    if (tag != null) {
      query.withTag(
          valid(
              "tag",
              tag,
              !tag.isBlank() && tag.length() <= 100 && tag.indexOf('\0') < 0,
              "must be a tag of 1 to 100 characters"));
    }
    if (language != null) {
      query.inLanguage(
          valid(
              "language",
              language,
              language.length() <= 35 && language.matches(Patterns.LANGUAGE),
              "must be a BCP 47 language tag such as de or en-GB"));
    }
    if (publishedAfter != null) {
      query.publishedFrom(instant("publishedAfter", publishedAfter));
    }
    if (publishedBefore != null) {
      query.publishedUntil(instant("publishedBefore", publishedBefore));
    }
  }

  private static String valid(String name, String value, boolean ok, String message) {
    if (!ok) {
      throw bad(name, message);
    }
    return value;
  }

  private static Instant instant(String name, String value) {
    try {
      return Instants.accept(Instant.parse(value), name, true);
    } catch (DateTimeParseException e) {
      throw bad(name, "must be an ISO-8601 instant such as 2026-11-26T18:32:10Z");
    }
  }

  private static ProblemException bad(String name, String message) {
    return ProblemException.badParameter(name, message);
  }
}
