package dev.feder.text;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Rich-text bodies: allowed markup and text survive unchanged, anything executable goes. */
class HtmlSanitizerTest {

  private final HtmlSanitizer sanitizer = new HtmlSanitizer();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<h2>Was geschah</h2><p>Am frühen Morgen liefen <strong>zwölf</strong> Schiffe aus.</p>",
        "<h3>Hintergrund</h3><p><em>Kursiv</em>, <s>gestrichen</s> und <mark>markiert</mark>.</p>",
        "<ul><li>Erstens</li><li>Zweitens</li></ul><ol><li>Eins</li></ol>",
        "<blockquote><p>„Wir sind bereit“, sagte der Admiral.</p></blockquote>",
        "<p>Lesen Sie auch: <a href=\"https://example.org/artikel\">Spannungen</a></p>",
        "<p><a href=\"/artikel/spannungen-im-gelben-meer\">Spannungen im Gelben Meer</a></p>",
        "<p><a href=\"mailto:redaktion@example.org\">Redaktion</a></p>",
        "<figure><img src=\"https://images.example.org/hafen.jpg\" alt=\"Schiffe im Hafen\">"
            + "<figcaption>Der Hafen am Morgen.</figcaption></figure>",
        "<p>Stand: <time datetime=\"2026-11-26T08:15:00Z\">26. November</time></p><hr>",
      })
  void allowedMarkupIsKeptAsSent(String html) {
    assertEquals(html, sanitizer.sanitize(html));
  }

  @Test
  void germanQuotesSharpSAndEmojiStayUnescaped() {
    String html = "<p>„Größte Übung seit Jahren“ – Spaß für 5 € 🎉 ‚Zitat‘ «Guillemets»</p>";

    assertEquals(html, sanitizer.sanitize(html));
  }

  @Test
  void scriptsAreRemovedWithTheirContent() {
    String clean =
        sanitizer.sanitize("<p>Vorher</p><script>alert('gehackt')</script><p>Nachher</p>");

    assertEquals("<p>Vorher</p><p>Nachher</p>", clean);
  }

  @Test
  void eventHandlersAreRemoved() {
    String clean =
        sanitizer.sanitize(
            "<p onclick=\"alert(1)\">Text</p><img src=\"https://images.example.org/a.jpg\""
                + " onerror=\"alert(2)\" alt=\"Bild\">");

    assertEquals("<p>Text</p><img src=\"https://images.example.org/a.jpg\" alt=\"Bild\">", clean);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "<a href=\"javascript:alert(1)\">Klick</a> | <a>Klick</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">Klick</a> | <a>Klick</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">Klick</a> | <a>Klick</a>",
        "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"x\"> | <img alt=\"x\">",
        "<img src=\"javascript:alert(1)\" alt=\"x\"> | <img alt=\"x\">",
      })
  void javascriptAndDataUrlsAreRemoved(String html, String expected) {
    assertEquals(expected, sanitizer.sanitize(html));
  }

  @Test
  void stylesFramesAndFormsAreRemoved() {
    String clean =
        sanitizer.sanitize(
            "<p style=\"color:red\">Rot</p><iframe src=\"https://evil.example\"></iframe>"
                + "<style>p{}</style><form action=\"/x\"><input name=\"q\"></form>"
                + "<object data=\"x.swf\"></object>");

    assertEquals("<p>Rot</p>", clean);
    assertThat(clean, not(containsString("evil")));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\n\t"})
  void missingOrBlankBodyBecomesEmpty(String html) {
    assertEquals("", sanitizer.sanitize(html));
  }

  @Test
  void wordCountCountsVisibleWordsAcrossElements() {
    assertEquals(
        5,
        HtmlSanitizer.wordCount("<h2>Die Marine</h2><p>probt <strong>vor</strong> Pjöngjang.</p>"));
  }

  @Test
  void wordCountIgnoresDashesQuotesAndMarkup() {
    assertEquals(4, HtmlSanitizer.wordCount("<p>„Größte“ – Übung – seit – Jahren …</p>"));
  }

  @Test
  void wordCountSplitsOnNonBreakingSpaces() {
    assertEquals(3, HtmlSanitizer.wordCount("<p>12&nbsp;Schiffe\u00a0liefen</p>"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {"  ", "<p></p>", "<p> – </p>", "<img src=\"https://images.example.org/a.jpg\">"})
  void wordCountOfTextlessBodyIsZero(String html) {
    assertEquals(0, HtmlSanitizer.wordCount(html));
  }

  @ParameterizedTest(name = "{0} words -> {1} min")
  @CsvSource({"0, 0", "1, 1", "199, 1", "200, 1", "201, 2", "400, 2", "401, 3", "1000, 5"})
  void readingTimeIsWordsAtTwoHundredPerMinuteRoundedUp(int words, int minutes) {
    assertEquals(minutes, HtmlSanitizer.readingTimeMinutes(words));
  }
}
