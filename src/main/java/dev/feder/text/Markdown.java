package dev.feder.text;

import jakarta.enterprise.context.ApplicationScoped;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders CommonMark to HTML with the commonmark-java library. Raw HTML in the Markdown is kept
 * here and removed or cleaned afterwards by {@link HtmlSanitizer}, like any HTML body.
 */
@ApplicationScoped
public class Markdown {

  private final Parser parser = Parser.builder().build();
  private final HtmlRenderer renderer = HtmlRenderer.builder().build();

  /** The HTML of a Markdown text. */
  public String toHtml(String markdown) {
    return markdown == null ? "" : renderer.render(parser.parse(markdown));
  }
}
