package dev.feder.article.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The lexemes read from a tsquery, the query that marks any of them, and the stretches of a body
 * picked around words that begin like them. Plain text in, plain text out: the database's side of
 * the folding is {@link SearchFoldingTest}'s.
 */
class SearchPassagesTest {

  /** 130 characters without a candidate. */
  private static final String FILLER =
      "Am Morgen liefen die Schiffe aus dem Hafen aus und nahmen Kurs auf die offene See, wo sie"
          + " bis zum Abend blieben und dann umkehrten.";

  /** More than the two radii of the stretches around two candidates: they stay apart. */
  private static final String APART = " " + FILLER + " " + FILLER + " ";

  @Test
  void lexemesAreTheQuotedWordsInOrderOnce() {
    assertEquals(
        List.of("regier", "wahl", "koalition"),
        SearchPassages.lexemes("'regier' & 'wahl' | 'koalition' & 'wahl'"));
    assertEquals(List.of("ubung", "seit"), SearchPassages.lexemes("'ubung' <-> 'seit'"));
  }

  @Test
  void negatedLexemesAreLeftOutAsTheyNeverMatch() {
    assertEquals(List.of("regier"), SearchPassages.lexemes("'regier' & !'krieg'"));
    assertEquals(List.of("regier"), SearchPassages.lexemes("'regier' & ! 'krieg'"));
  }

  @Test
  void lexemesKeepTheirPrefixMarksAndWeightsOutside() {
    assertEquals(List.of("regier", "wahl"), SearchPassages.lexemes("'regier':* & 'wahl':AB"));
  }

  @Test
  void escapedQuotesAndBackslashesAreUnescaped() {
    assertEquals(List.of("o'neil"), SearchPassages.lexemes("'o''neil'"));
    assertEquals(List.of("a\\b"), SearchPassages.lexemes("'a\\\\b'"));
  }

  @Test
  void noQueryHasNoLexemes() {
    assertEquals(List.of(), SearchPassages.lexemes(null));
    assertEquals(List.of(), SearchPassages.lexemes(""));
    assertEquals(List.of(), SearchPassages.lexemes("''"));
  }

  @Test
  void anyOfMarksEachLexemeAndReadsBackAsThem() {
    assertEquals("'regier' | 'wahl'", SearchPassages.anyOf(List.of("regier", "wahl")));
    List<String> awkward = List.of("o'neil", "a\\b", "straße");
    assertEquals(awkward, SearchPassages.lexemes(SearchPassages.anyOf(awkward)));
    assertEquals("", SearchPassages.anyOf(List.of()));
  }

  @Test
  void aStretchLiesAroundAWordThatBeginsWithTheLexeme() {
    String body = FILLER + " Die Regierung beschloss das Gesetz. " + FILLER;
    List<String> stretches = SearchPassages.around(body, List.of("regier"));
    assertEquals(1, stretches.size());
    String stretch = stretches.get(0);
    assertTrue(stretch.contains("Die Regierung beschloss das Gesetz."), stretch);
    assertTrue(stretch.length() <= 240, stretch);
    // Cut at whole words: it starts and ends where the body has a space.
    assertTrue(body.contains(" " + stretch + " "), stretch);
  }

  @Test
  void wordsMatchOnceFoldedLikeTheSearchConfigurations() {
    assertEquals(1, SearchPassages.around("Die größte ÜBUNG seit Jahren", List.of("ubung")).size());
    assertEquals(1, SearchPassages.around("Die Straße ist gesperrt", List.of("strass")).size());
    assertEquals(1, SearchPassages.around("Die ﬁnanzen der Stadt", List.of("finanz")).size());
    assertEquals(1, SearchPassages.around("Ein Café in Québec", List.of("quebec")).size());
    assertEquals(1, SearchPassages.around("Wahl in Işıklar", List.of("isiklar")).size());
  }

  @Test
  void aWordInsideAnotherIsNoCandidate() {
    assertEquals(List.of(), SearchPassages.around("Die Manöverübung begann", List.of("ubung")));
  }

  @Test
  void noCandidateNoBodyOrNoLexemeGivesNoStretch() {
    assertEquals(List.of(), SearchPassages.around(FILLER, List.of("regier")));
    assertEquals(List.of(), SearchPassages.around("", List.of("regier")));
    assertEquals(List.of(), SearchPassages.around(null, List.of("regier")));
    assertEquals(List.of(), SearchPassages.around("Die Regierung", List.of()));
  }

  @Test
  void candidatesCloseTogetherShareOneStretch() {
    List<String> stretches =
        SearchPassages.around(
            FILLER + " Regierung und Wahl am selben Tag. " + FILLER, List.of("regier", "wahl"));
    assertEquals(1, stretches.size());
  }

  @Test
  void atMostThreeCandidatesPerLexeme() {
    String body = String.join(APART, List.of("Wahl eins.", "Wahl zwei.", "Wahl drei.", "Wahl"));
    List<String> stretches = SearchPassages.around(body, List.of("wahl"));
    assertEquals(3, stretches.size());
    assertTrue(stretches.get(2).contains("Wahl drei."), stretches.get(2));
  }

  @Test
  void inflectionsComeBeforeWordsOfTheirOwn() {
    // "Regierungschef" goes on for more than four letters after "regier": most often a word of
    // its own, which must not crowd out the inflection further on.
    String body =
        String.join(
            APART,
            List.of(
                "Regierungschefin eins.",
                "Regierungschefin zwei.",
                "Regierungschefin drei.",
                "Die Regierung."));
    List<String> stretches = SearchPassages.around(body, List.of("regier"));
    assertEquals(3, stretches.size());
    assertTrue(stretches.get(2).contains("Die Regierung."), stretches.toString());
  }

  @Test
  void aLexemeBeginningWithAnotherAddsNoCandidates() {
    String body = "Die Regierung. " + FILLER + " Regierungen.";
    assertEquals(
        SearchPassages.around(body, List.of("regier")),
        SearchPassages.around(body, List.of("regier", "regierung")));
  }

  @ParameterizedTest(name = "{0} finds {1}")
  @CsvSource({"happi, happy", "possibl, possibility", "hope, hoping", "regier, regiert"})
  void englishStemsFindTheWordsTheyCameFrom(String lexeme, String word) {
    assertEquals(1, SearchPassages.around("We were " + word + " then", List.of(lexeme)).size());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "Größte Übung | grosste ubung",
        "GROẞE STRASSE | grosse strasse",
        "Æsir Øresund Œuvre | aesir oresund oeuvre",
        "ﬁnanzen ﬂug | finanzen flug",
        "Þingvellir Ðorđe Łódź | thingvellir dorde lodz",
        "İstanbul Işık | istanbul isik",
        "„Zitat“ – ‚halb‘… | ,,zitat\" - ,halb'...",
        "2026 ½ | 2026  1/2",
        "Ёлка Йошкар | елка йошкар"
      })
  void foldIsUnaccentThenLowerCase(String text, String folded) {
    assertEquals(folded, SearchPassages.fold(text));
  }
}
