package dev.feder.article.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * {@link SearchPassages} folds text exactly as the database does before it stems a word: {@code
 * lower(feder_unaccent(text))}. A word the search matched is picked for a highlight only if both
 * fold it alike, so every difference here is a highlight that can go missing.
 */
@QuarkusTest
class SearchFoldingTest {

  @Inject DataSource dataSource;

  @Test
  void wordsAndSentencesFoldAsInTheDatabase() throws SQLException {
    assertFoldsAsTheDatabase(
        List.of(
            "„Größte Übung seit Jahren“: Marine probt vor Pjöngjang",
            "ÄÖÜ äöü ß ẞ GROẞE STRASSE Straße",
            "Café in Québec, crème brûlée à la carte, señor, naïve, Ångström",
            "Æsir, Øresund, Œuvre, Ĳsselmeer, Þingvellir, Ðorđe, Łódź, Ħamrun, Işık, İstanbul",
            "ﬁnanzen ﬂug ﬀ ﬃ ﬄ ﬅ ﬆ",
            "MÜNCHEN Zürich ÉCOLE ÑANDÚ",
            "0123456789 ² ³ ¹ ½ ¼ ¾ ⅓ 1.000,50 € 3 % −5 °C",
            "‚halb‘ «Guillemets» ‹einfach› \"gerade\" 'einfach' – — ‐ … · • ¡Hola! ¿Qué?",
            "© ® ™ ± × ÷ § ¶ µ ª º",
            "Ελληνικά Ά Ώ ΐ, Ёлка Йошкар-Ола, Ж",
            "e\u0301tude (decomposed), ｆｕｌｌｗｉｄｔｈ, 𝐁𝐨𝐥𝐝, ①",
            "Emoji 😀 und Text"));
  }

  @Test
  void everyCharacterOfTheBasicPlaneFoldsAsInTheDatabase() throws SQLException {
    // Each character alone, so a difference names its character. NUL is no text in PostgreSQL,
    // surrogates are no characters, and characters newer than the JVM's Unicode version have no
    // case there (a few letters of Unicode 14 that the database lowers).
    assertFoldsAsTheDatabase(
        IntStream.range(1, 0x10000)
            .filter(c -> (c < 0xD800 || c > 0xDFFF) && Character.isDefined(c))
            .mapToObj(Character::toString)
            .toList());
  }

  private void assertFoldsAsTheDatabase(List<String> texts) throws SQLException {
    List<String> folded = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "select lower(public.feder_unaccent(t)) from unnest(?) with ordinality u(t, n)"
                    + " order by n")) {
      Array array = connection.createArrayOf("text", texts.toArray());
      statement.setArray(1, array);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          folded.add(rows.getString(1));
        }
      }
    }
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String java = SearchPassages.fold(texts.get(i));
      if (!java.equals(folded.get(i))) {
        differences.add(
            texts.get(i)
                + " (U+"
                + Integer.toHexString(texts.get(i).codePointAt(0))
                + "): database "
                + folded.get(i)
                + ", Java "
                + java);
      }
    }
    assertEquals(List.of(), differences, differences.size() + " differ");
  }
}
