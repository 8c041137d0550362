package dev.feder.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.error.ProblemException;
import dev.feder.error.ProblemType;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Slug rules of the API: German transliteration, ASCII words joined by '-', unique suffixes. */
class SlugsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Größte Übung seit Jahren | groesste-uebung-seit-jahren",
        "Ärger über Öl-Preise | aerger-ueber-oel-preise",
        "Äpfel, Öfen und Übungen | aepfel-oefen-und-uebungen",
        "ÄÖÜ | aeoeue",
        "Straße | strasse",
        "GROẞE STRASSE | grosse-strasse",
        "Café in Québec | cafe-in-quebec",
        "Crème brûlée à la carte | creme-brulee-a-la-carte",
        "„Größte Übung seit Jahren“: Marine probt vor Pjöngjang"
            + " | groesste-uebung-seit-jahren-marine-probt-vor-pjoengjang",
        "Corona: 7-Tage-Inzidenz bei 12,5 | corona-7-tage-inzidenz-bei-12-5",
        "   Wahl 2026   | wahl-2026",
        "--Bund & Länder-- | bund-laender",
        "Fußball 🎉 WM | fussball-wm",
      })
  void slugifyTransliteratesGermanAndJoinsWordsWithDashes(String text, String slug) {
    assertEquals(slug, Slugs.slugify(text, "article"));
  }

  @Test
  void capitalUmlautsTransliterateWithTheirE() {
    assertEquals("ueber", Slugs.slugify("Über", "x"));
    assertEquals("aerzte", Slugs.slugify("Ärzte", "x"));
    assertEquals("oel", Slugs.slugify("Öl", "x"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Łódź und Wałęsa | lodz-und-walesa",
        "ŁÓDŹ | lodz",
        "Søren Kierkegaard in Ørsted | soren-kierkegaard-in-orsted",
        "Đoković gegen Đurđević | dokovic-gegen-durdevic",
        "Æsir und Ænis: Læsø | aesir-und-aenis-laeso",
        "Œuvre, cœur et sœur | oeuvre-coeur-et-soeur",
        "Þór Þórsson aus Þingvellir | thor-thorsson-aus-thingvellir",
        "Guðmundur Ðanielsson | gudmundur-danielsson",
        "İstanbul und Diyarbakır | istanbul-und-diyarbakir",
        "IŞIK ılık | isik-ilik",
        "Col·legi de l'Hospitalet | collegi-de-l-hospitalet",
        "COL·LEGI, coŀlegi | collegi-collegi",
        "Ħamrun und Ħal Qormi | hamrun-und-hal-qormi",
        "Ŧeahkkár Áŋgel | teahkkar-angel",
        "Əliyev in Gəncə | eliyev-in-gence",
      })
  void lettersWithoutDecompositionTransliterateInsteadOfSplittingTheWord(String text, String slug) {
    assertEquals(slug, Slugs.slugify(text, "article"));
  }

  @Test
  void capitalsOfLettersWithoutDecompositionTransliterateLikeTheirSmallLetters() {
    assertEquals(Slugs.slugify("łøđæœþðıħŀŧŋə", "x"), Slugs.slugify("ŁØĐÆŒÞÐIĦĿŦŊƏ", "x"));
    assertEquals("lodaeoethdihltne", Slugs.slugify("ŁØĐÆŒÞÐIĦĿŦŊƏ", "x"));
  }

  @Test
  void aMiddleDotOutsideCatalanLlStillSeparatesWords() {
    assertEquals("preis-10-euro", Slugs.slugify("Preis · 10 Euro", "x"));
    assertEquals("a-b", Slugs.slugify("a·b", "x"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "!!!", "„“", "🎉🎉", "–", "---"})
  void textWithoutLettersOrDigitsGivesTheFallback(String text) {
    assertEquals("article", Slugs.slugify(text, "article"));
  }

  @Test
  void longTextIsCutLeavingRoomForASuffixAndNeverEndsWithADash() {
    String title = "Verkehrswende in der Großstadt ".repeat(20);

    String slug = Slugs.slugify(title, "article");

    assertTrue(slug.length() <= Slugs.MAX_LENGTH - 4, slug);
    assertTrue(slug.startsWith("verkehrswende-in-der-grossstadt-verkehrswende"), slug);
    assertFalse(slug.endsWith("-"), slug);
    assertTrue(Slugs.isValid(slug));
    assertTrue(Slugs.isValid(Slugs.unique(slug, Set.of(slug)::contains)));
  }

  @Test
  void longSingleWordIsCutToTheMaximum() {
    String slug = Slugs.slugify("a".repeat(500), "article");

    assertEquals("a".repeat(Slugs.MAX_LENGTH - 4), slug);
  }

  @Test
  void slugifiedTextIsAlwaysAValidSlug() {
    for (String text :
        new String[] {"Größte Übung", "Ça va?", "  --  a  --  ", "1. FC Köln", "x".repeat(300)}) {
      assertTrue(Slugs.isValid(Slugs.slugify(text, "article")), text);
    }
  }

  @Test
  void uniqueKeepsAFreeSlug() {
    assertEquals("wahl-2026", Slugs.unique("wahl-2026", Set.of("andere")::contains));
  }

  @Test
  void uniqueAppendsTwoThenThree() {
    assertEquals("wahl-2026-2", Slugs.unique("wahl-2026", Set.of("wahl-2026")::contains));
    assertEquals(
        "wahl-2026-3", Slugs.unique("wahl-2026", Set.of("wahl-2026", "wahl-2026-2")::contains));
  }

  @ParameterizedTest
  @ValueSource(strings = {"welt", "sophie-mueller", "wahl-2026", "a", "2026"})
  void wellFormedSlugsAreValid(String slug) {
    assertTrue(Slugs.isValid(slug));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Welt", "-welt", "welt-", "welt--news", "grüße", "welt news", "a_b"})
  void malformedSlugsAreInvalid(String slug) {
    assertFalse(Slugs.isValid(slug));
  }

  @Test
  void nullAndOverlongSlugsAreInvalid() {
    assertFalse(Slugs.isValid(null));
    assertTrue(Slugs.isValid("a".repeat(Slugs.MAX_LENGTH)));
    assertFalse(Slugs.isValid("a".repeat(Slugs.MAX_LENGTH + 1)));
  }

  @Test
  void chooseDerivesAUniqueSlugForANewResource() {
    assertEquals(
        "nachrichten-2",
        Slugs.choose(null, null, "Nachrichten", "category", Set.of("nachrichten")::contains));
  }

  @Test
  void chooseKeepsTheCurrentSlugWhenNoneIsRequested() {
    assertEquals(
        "alte-schlagzeile",
        Slugs.choose("alte-schlagzeile", null, "Neue Schlagzeile", "article", s -> true));
  }

  @Test
  void chooseTakesARequestedFreeSlug() {
    assertEquals(
        "neue-schlagzeile",
        Slugs.choose("alte-schlagzeile", "neue-schlagzeile", "Neu", "article", s -> false));
  }

  @Test
  void chooseAcceptsTheResourcesOwnSlugEvenThoughItIsTaken() {
    assertEquals("welt", Slugs.choose("welt", "welt", "Welt", "category", s -> true));
  }

  @Test
  void chooseRefusesARequestedSlugOfAnotherResourceAsConflict() {
    ProblemException e =
        assertThrows(
            ProblemException.class,
            () -> Slugs.choose("inland", "welt", "Inland", "category", Set.of("welt")::contains));

    assertEquals(ProblemType.CONFLICT, e.type());
    assertEquals("The slug 'welt' is taken by another category", e.getMessage());
  }
}
