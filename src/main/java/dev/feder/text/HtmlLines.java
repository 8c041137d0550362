package dev.feder.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Splits sanitized HTML into lines for a readable diff: every paragraph, heading, list item, table
 * cell or other leaf block is one line of HTML, inline markup stays inside its line. A block that
 * holds further blocks (a list, a quote, a figure, a table) gets a line for its start tag and one
 * for its end tag, with its children indented by two spaces, so a changed sentence marks its own
 * paragraph and not the whole quote around it.
 */
public final class HtmlLines {

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "ul",
          "ol",
          "li",
          "dl",
          "dt",
          "dd",
          "blockquote",
          "pre",
          "div",
          "figure",
          "figcaption",
          "table",
          "caption",
          "colgroup",
          "col",
          "thead",
          "tbody",
          "tfoot",
          "tr",
          "td",
          "th",
          "hr");

  private static final Document.OutputSettings OUTPUT =
      new Document.OutputSettings()
          .prettyPrint(false)
          .charset(StandardCharsets.UTF_8)
          .escapeMode(Entities.EscapeMode.base);

  private HtmlLines() {}

  /** The lines of an HTML fragment; none for an empty one. */
  public static List<String> of(String html) {
    List<String> lines = new ArrayList<>();
    if (html == null || html.isBlank()) {
      return lines;
    }
    Document document = Jsoup.parseBodyFragment(html);
    document.outputSettings(OUTPUT);
    addChildren(document.body(), "", lines);
    return lines;
  }

  private static void addChildren(Element parent, String indent, List<String> lines) {
    StringBuilder inline = new StringBuilder();
    for (Node child : parent.childNodes()) {
      if (child instanceof Element element && BLOCKS.contains(element.normalName())) {
        flush(inline, indent, lines);
        if (holdsBlocks(element)) {
          String end = "</" + element.normalName() + ">";
          String empty = element.shallowClone().outerHtml();
          lines.add(indent + empty.substring(0, empty.length() - end.length()));
          addChildren(element, indent + "  ", lines);
          lines.add(indent + end);
        } else {
          lines.add(indent + element.outerHtml().strip());
        }
      } else if (child instanceof TextNode || child instanceof Element) {
        inline.append(child.outerHtml());
      }
    }
    flush(inline, indent, lines);
  }

  private static boolean holdsBlocks(Element element) {
    return element.children().stream().anyMatch(c -> BLOCKS.contains(c.normalName()));
  }

  /** Text and inline elements between blocks become a line of their own, if not blank. */
  private static void flush(StringBuilder inline, String indent, List<String> lines) {
    String text = inline.toString().strip();
    if (!text.isEmpty()) {
      lines.add(indent + text);
    }
    inline.setLength(0);
  }
}
