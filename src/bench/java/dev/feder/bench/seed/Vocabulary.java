package dev.feder.bench.seed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The words of the generated paper, from {@code vocabulary.json} beside this class. Templates
 * (titles, subtitles, sentences, verbs, speakers, participles) hold slots such as {@code {s}} that
 * {@link NewsText} fills.
 *
 * @param sections the paper's sections with their subsections: the categories
 * @param opinionSection the section of opinion pieces, which writes about the other sections'
 *     topics and whose titles start with one of {@code opinionLeads}
 * @param topics one per section, in the order of the sections: the nouns, sentences and tags of its
 *     articles (sections past the last topic borrow another one per article)
 * @param frames sentences about a topic's nouns that could stand in any section
 * @param filler sentences that could stand in any report
 */
record Vocabulary(
    Section[] sections,
    String opinionSection,
    Topic[] topics,
    String[] frames,
    String[] filler,
    String[] verbs,
    String[] participles,
    String[] adverbials,
    String[] quotes,
    String[] speakers,
    String[] cities,
    String[] headings,
    String[] linkLeads,
    String[] internalLinkTexts,
    String[] headVerbs,
    String[] headQuotes,
    String[] titles,
    String[] subtitles,
    String[] opinionLeads,
    String[] firstNames,
    String[] lastNames,
    String[] beats,
    String[] bioSentences,
    String[] imageAlts,
    String[] generalTags,
    Link[] linkTargets,
    Source[] sources) {

  /** A section of the paper (a root category) and its subsections (its children). */
  record Section(String name, String[] subsections) {}

  /**
   * The vocabulary of one section. Sentences draw most of their nouns from the topic of the
   * article's category, so a word such as "Polizei" is common in crime reports and rare in the arts
   * pages, and searches find realistic shares of the articles.
   */
  record Topic(
      String name,
      String[] subjects,
      String[] objects,
      String[] sentences,
      String[] headSubjects,
      String[] headObjects,
      String[] tags) {}

  /** An outside page that a body links to. */
  record Link(String url, String text) {}

  /** A news agency or paper named as an article's source. */
  record Source(String name, String url) {}

  /** The vocabulary of the resource file. */
  static Vocabulary load() {
    try (InputStream in = Vocabulary.class.getResourceAsStream("vocabulary.json")) {
      if (in == null) {
        throw new IllegalStateException(
            "vocabulary.json is not on the class path beside " + Vocabulary.class.getName());
      }
      Vocabulary v =
          JsonMapper.builder()
              .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
              .build()
              .readValue(in, Vocabulary.class);
      v.requireComplete();
      return v;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read vocabulary.json", e);
    }
  }

  /** The position of the opinion section among the sections. */
  int opinion() {
    for (int k = 0; k < sections.length; k++) {
      if (sections[k].name().equals(opinionSection)) {
        return k;
      }
    }
    throw new IllegalStateException("no section named " + opinionSection);
  }

  private void requireComplete() {
    for (var component : Vocabulary.class.getRecordComponents()) {
      try {
        Object value = component.getAccessor().invoke(this);
        if (value == null || value instanceof Object[] items && items.length == 0) {
          throw new IllegalStateException("vocabulary.json has no " + component.getName());
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    if (opinion() < topics.length) {
      throw new IllegalStateException(
          "vocabulary.json: the opinion section must come after the sections with topics: "
              + Arrays.stream(sections).map(Section::name).toList());
    }
  }
}
