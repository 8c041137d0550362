package dev.feder.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bodies split into one line per block, so a diff marks the paragraph that changed. */
class HtmlLinesTest {

  @Test
  void everyParagraphAndHeadingIsOneLineWithItsInlineMarkup() {
    assertEquals(
        List.of(
            "<h2>Was geschah</h2>",
            "<p>Am frühen Morgen liefen <strong>zwölf</strong> Schiffe aus.</p>",
            "<p>„Wir sind bereit“</p>"),
        HtmlLines.of(
            "<h2>Was geschah</h2><p>Am frühen Morgen liefen <strong>zwölf</strong> Schiffe"
                + " aus.</p>\n<p>„Wir sind bereit“</p>"));
  }

  @Test
  void blocksHoldingBlocksGetStartAndEndLinesAndIndentedChildren() {
    assertEquals(
        List.of(
            "<ul>",
            "  <li>Erstens</li>",
            "  <li>Zweitens</li>",
            "</ul>",
            "<blockquote>",
            "  <p>Zitat</p>",
            "</blockquote>"),
        HtmlLines.of(
            "<ul><li>Erstens</li><li>Zweitens</li></ul><blockquote><p>Zitat</p></blockquote>"));
  }

  @Test
  void looseTextBetweenBlocksIsALineOfItsOwn() {
    assertEquals(
        List.of("Vorweg <em>kursiv</em>", "<p>Absatz</p>", "Danach"),
        HtmlLines.of("Vorweg <em>kursiv</em><p>Absatz</p> Danach "));
  }

  @Test
  void emptyBodyHasNoLines() {
    assertEquals(List.of(), HtmlLines.of(""));
    assertEquals(List.of(), HtmlLines.of(null));
  }
}
