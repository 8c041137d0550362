package dev.feder.text;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * Cleans rich-text bodies with jsoup's allow-list sanitizer: headings, paragraphs, lists, quotes,
 * links, figures and images stay; scripts, event handlers, styles and {@code javascript:} URLs go.
 * Text comes out as sent (umlauts, ß and typographic quotes are not turned into entities).
 */
@ApplicationScoped
public class HtmlSanitizer {

  /** Relative links such as {@code /artikel/slug} are resolved against this and kept relative. */
  private static final String BASE = "https://feder.invalid/";

  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00a0]+");

  private final Safelist safelist =
      Safelist.relaxed()
          .addTags("figure", "figcaption", "hr", "s", "mark", "time")
          .addAttributes("time", "datetime")
          .addAttributes("a", "rel", "target")
          .addAttributes("img", "srcset", "sizes", "loading", "data-asset-id")
          .addProtocols("a", "href", "http", "https", "mailto", "tel")
          .removeProtocols("a", "href", "ftp")
          .preserveRelativeLinks(true);

  private final Document.OutputSettings output =
      new Document.OutputSettings()
          .prettyPrint(false)
          .charset(StandardCharsets.UTF_8)
          .escapeMode(Entities.EscapeMode.base);

  /** The sanitized HTML. */
  public String sanitize(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    return Jsoup.clean(html, BASE, safelist, output);
  }

  /**
   * The visible text of an HTML fragment: tags dropped, entities decoded, whitespace collapsed,
   * block elements separated by a space. Search indexes it and cuts snippets from it, so they never
   * contain broken markup.
   */
  public static String plainText(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    return Jsoup.parseBodyFragment(html).text();
  }

  /** Number of words in the visible text of an HTML fragment. */
  public static int wordCount(String html) {
    if (html == null || html.isBlank()) {
      return 0;
    }
    int words = 0;
    for (String token : WHITESPACE.split(plainText(html))) {
      if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
        words++;
      }
    }
    return words;
  }

  /** Minutes to read a number of words at 200 words per minute; at least one for any text. */
  public static int readingTimeMinutes(int words) {
    return words == 0 ? 0 : Math.max(1, (int) Math.ceil(words / 200.0));
  }
}
