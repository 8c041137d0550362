package dev.feder.article;

import dev.feder.article.search.ArticleSearch;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a search matched an article, as HTML that is safe to insert into a page: the text is
 * escaped, and only the matching words are wrapped in {@code <mark>…</mark>}.
 */
@Schema(
    name = "ArticleHighlight",
    description =
        "Where the search matched, as HTML: the text escaped, matching words in <mark>…</mark>,"
            + " no other tags")
public record ArticleHighlight(
    @Schema(
            required = true,
            description = "The whole title",
            examples = "„Größte <mark>Übung</mark> seit Jahren“: Marine probt vor Pjöngjang")
        String title,
    @Schema(
            description = "The whole excerpt; absent when the article has none",
            examples =
                "Die Marine hat vor der Küste die größte <mark>Übung</mark> seit Jahren begonnen.")
        String excerpt,
    @Schema(
            description =
                "Up to two short passages of the body text around matches, joined by ' … ';"
                    + " absent when the body does not match",
            examples = "Am frühen Morgen begann die <mark>Übung</mark> mit zwölf Schiffen")
        String body) {

  private static final char START = ArticleSearch.MATCH_START;
  private static final char STOP = ArticleSearch.MATCH_STOP;

  /** Builds the highlight from the raw headlines of a search hit ({@link ArticleSearch.Hit}). */
  static ArticleHighlight fromRaw(String title, String excerpt, String body) {
    return new ArticleHighlight(
        html(title),
        excerpt == null ? null : html(excerpt),
        body == null || body.indexOf(START) < 0 ? null : html(body));
  }

  private static String html(String raw) {
    StringBuilder out = new StringBuilder(raw.length() + 32);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      switch (c) {
        case START -> out.append("<mark>");
        case STOP -> out.append("</mark>");
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString().strip();
  }
}
