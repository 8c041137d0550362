package dev.feder.bench.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.feder.article.ArticleInput;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The generated articles, without a database: reproducible from the seed, and exactly what Feder
 * makes of them (the load itself checks only every 997th).
 */
class GeneratorTest {

  private static final int ARTICLES = 300;
  private static final Vocabulary VOCABULARY = Vocabulary.load();

  private static Generator generator(long seed) {
    Generator g = new Generator(VOCABULARY, seed, ARTICLES, 8);
    g.plan();
    return g;
  }

  @Test
  void theSameSeedGivesTheSameArticles() {
    Generator a = generator(42);
    Generator b = generator(42);
    for (int i = 0; i < ARTICLES; i++) {
      assertEquals(describe(a, i), describe(b, i));
    }
    assertEquals(
        a.newsroom.authors.stream().map(Newsroom.Author::bio).toList(),
        b.newsroom.authors.stream().map(Newsroom.Author::bio).toList());
  }

  @Test
  void anotherSeedGivesOtherArticles() {
    Generator a = generator(42);
    Generator b = generator(43);
    assertNotEquals(describe(a, 0), describe(b, 0));
    assertNotEquals(a.articleId(0), b.articleId(0));
  }

  @Test
  void everyArticleIsWhatFederMakesOfItsBody() {
    Generator g = generator(42);
    Checks checks = new Checks();
    Set<String> slugs = new HashSet<>();
    int drafts = 0;
    for (int i = 0; i < ARTICLES; i++) {
      Article a = g.article(i);
      checks.derivedFields(a);
      assertTrue(slugs.add(a.slug), "slug taken twice: " + a.slug);
      assertTrue(a.words >= 600 && a.words < 1_600, a.words + " words");
      assertFalse(a.byline.isEmpty());
      drafts += a.publishedAt == null ? 1 : 0;
    }
    // One in ten is a draft.
    assertTrue(drafts > ARTICLES / 20 && drafts < ARTICLES / 5, drafts + " drafts");
  }

  @Test
  void theNewsroomIsTheVocabularysSectionsAndFiftyAuthors() {
    Newsroom newsroom = generator(42).newsroom;
    assertEquals(VOCABULARY.sections().length, newsroom.roots.size());
    assertEquals(39, newsroom.categories.size());
    assertEquals(Newsroom.AUTHORS, newsroom.authors.size());
    assertEquals("Meinung", newsroom.roots.get(VOCABULARY.opinion()).name());
  }

  @Test
  void theRevisionStateIsFedersArticleInput() throws Exception {
    Generator g = generator(42);
    JsonMapper reader = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    boolean sawDraft = false;
    boolean sawPins = false;
    for (int i = 0; i < ARTICLES; i++) {
      Article a = g.article(i);
      byte[] json = ArticleCopy.REVISION_STATE.writeValueAsBytes(a.input(g));
      assertEquals(a.input(g), reader.readValue(json, ArticleInput.class));
      JsonNode state = reader.readTree(json);
      assertEquals("html", state.path("bodyFormat").asText());
      assertEquals(a.category.slug(), state.path("category").path("slug").asText());
      assertEquals(a.byline.size(), state.path("authors").size());
      if (a.publishedAt == null) {
        sawDraft = true;
        assertEquals("draft", state.path("status").asText());
        // Nulls are left out, as Feder stores them.
        assertFalse(state.has("publishedAt"), state.toString());
      }
      sawPins |= state.path("related").size() > 0;
    }
    assertTrue(sawDraft && sawPins);
  }

  /** What the seed stores of article i, with its dates relative to the start of the seed. */
  private static List<Object> describe(Generator g, int i) {
    Article a = g.article(i);
    return List.of(
        a.id,
        a.slug,
        a.title,
        a.body,
        a.bodyText,
        String.valueOf(a.excerpt),
        String.valueOf(a.subtitle),
        a.tags,
        a.byline.stream().map(Newsroom.Author::id).toList(),
        a.category.id(),
        a.publishedAt == null ? "draft" : Duration.between(a.publishedAt, g.now),
        Duration.between(a.createdAt, g.now),
        Arrays.toString(a.related));
  }
}
