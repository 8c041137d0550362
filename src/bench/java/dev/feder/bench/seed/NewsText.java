package dev.feder.bench.seed;

import dev.feder.bench.seed.Vocabulary.Link;
import dev.feder.bench.seed.Vocabulary.Topic;
import dev.feder.text.HtmlSanitizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * German news text from the templates of the {@link Vocabulary}: titles, subtitles, sentences and
 * article bodies as sanitized HTML with their plain text.
 *
 * <p>A template's slots: {@code {s}} a subject and {@code {o}} an object of the topic ({@code {S}},
 * {@code {O}} capitalized), {@code {v}} a verb phrase, {@code {p}} a participle phrase, {@code
 * {who}} a speaker (these three are templates themselves), {@code {adv}} an adverbial, {@code {q}}
 * a quote, {@code {name}} a person, {@code {city}} a city, {@code {n}} a number, {@code {g}} a
 * digit; in titles {@code {hs}}, {@code {hv}}, {@code {ho}} a short subject, verb and object and
 * {@code {hq}} a short quote.
 */
final class NewsText {

  final Vocabulary v;

  /** Templates split into literals and slots, each once. */
  private final ConcurrentHashMap<String, Template> templates = new ConcurrentHashMap<>();

  NewsText(Vocabulary vocabulary) {
    this.v = vocabulary;
  }

  static <T> T pick(SplittableRandom r, List<T> list) {
    return list.get(r.nextInt(list.size()));
  }

  static <T> T pick(SplittableRandom r, T[] items) {
    return items[r.nextInt(items.length)];
  }

  static String cap(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  static String limit(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int cut = s.lastIndexOf(' ', max - 1);
    return s.substring(0, cut > 0 ? cut : max - 1) + "…";
  }

  static String number(SplittableRandom r) {
    int kind = r.nextInt(4);
    if (kind == 0) {
      return String.valueOf(2 + r.nextInt(98));
    }
    if (kind == 1) {
      return String.valueOf(100 + r.nextInt(900));
    }
    // German digit grouping: 2.400
    return (1 + r.nextInt(49)) + "." + r.nextInt(10) + "00";
  }

  /** A template with {slot}s replaced by random choices (slots may hold templates). */
  String fill(SplittableRandom r, Topic t, String template) {
    StringBuilder out = new StringBuilder(160);
    fill(r, t, template, out);
    return out.toString();
  }

  void fill(SplittableRandom r, Topic topic, String template, StringBuilder out) {
    Template t = templates.computeIfAbsent(template, Template::compile);
    for (int k = 0; k < t.slots.length; k++) {
      out.append(t.literals[k]);
      switch (t.slots[k]) {
        case "s" -> out.append(pick(r, topic.subjects()));
        case "S" -> out.append(cap(pick(r, topic.subjects())));
        case "o" -> out.append(pick(r, topic.objects()));
        case "O" -> out.append(cap(pick(r, topic.objects())));
        case "v" -> fill(r, topic, pick(r, v.verbs()), out);
        case "p" -> fill(r, topic, pick(r, v.participles()), out);
        case "adv" -> out.append(pick(r, v.adverbials()));
        case "q" -> out.append(pick(r, v.quotes()));
        case "who" -> fill(r, topic, pick(r, v.speakers()), out);
        case "name" ->
            out.append(pick(r, v.firstNames())).append(' ').append(pick(r, v.lastNames()));
        case "city" -> out.append(pick(r, v.cities()));
        case "n" -> out.append(number(r));
        case "g" -> out.append(r.nextInt(5));
        case "hs" -> out.append(pick(r, topic.headSubjects()));
        case "hv" -> out.append(pick(r, v.headVerbs()));
        case "ho" -> out.append(pick(r, topic.headObjects()));
        case "hq" -> out.append(pick(r, v.headQuotes()));
        default -> throw new IllegalArgumentException(t.slots[k]);
      }
    }
    out.append(t.literals[t.slots.length]);
  }

  /** A template split once into literal text and slot names (interned, so switch is cheap). */
  record Template(String[] literals, String[] slots) {
    static Template compile(String template) {
      List<String> literals = new ArrayList<>();
      List<String> slots = new ArrayList<>();
      int k = 0;
      while (true) {
        int open = template.indexOf('{', k);
        if (open < 0) {
          literals.add(template.substring(k));
          break;
        }
        int close = template.indexOf('}', open);
        literals.add(template.substring(k, open));
        slots.add(template.substring(open + 1, close).intern());
        k = close + 1;
      }
      return new Template(literals.toArray(new String[0]), slots.toArray(new String[0]));
    }
  }

  String title(SplittableRandom r, Topic t) {
    return fill(r, t, pick(r, v.titles()));
  }

  String subtitle(SplittableRandom r, Topic t) {
    return fill(r, t, pick(r, v.subtitles()));
  }

  /**
   * Half the sentences are the section's own, a third generic ones about its nouns, the rest
   * filler.
   */
  String sentence(SplittableRandom r, Topic t) {
    int p = r.nextInt(100);
    String[] pool = p < 50 ? t.sentences() : p < 80 ? v.frames() : v.filler();
    return fill(r, t, pick(r, pool));
  }

  /** Words as HtmlSanitizer.wordCount counts them: whitespace-separated, with a letter or digit. */
  static int countWords(String s) {
    int words = 0;
    boolean counted = false;
    for (int k = 0, len = s.length(); k < len; k++) {
      char ch = s.charAt(k);
      if (Character.isWhitespace(ch) || ch == '\u00a0') {
        counted = false;
      } else if (!counted && Character.isLetterOrDigit(ch)) {
        words++;
        counted = true;
      }
    }
    return words;
  }

  /** Body HTML and its plain text, with 600 to 1,500 words. */
  void body(Article a, SplittableRandom r, Topic topic, Generator g, int index) {
    int target = 600 + r.nextInt(901);
    StringBuilder html = new StringBuilder(target * 9);
    StringBuilder text = new StringBuilder(target * 8);
    int words = 0;
    int paragraphs = 0;
    int linkAt = 1 + r.nextInt(4);
    boolean quoteBlock = r.nextInt(100) < 20;
    boolean list = r.nextInt(100) < 15;
    String firstSentences = null;
    Set<String> headings = new HashSet<>();
    Topic other = r.nextInt(100) < 25 ? v.topics()[r.nextInt(v.topics().length)] : null;
    while (words < target) {
      if (paragraphs > 0 && paragraphs % (3 + r.nextInt(2)) == 0) {
        String h = pick(r, v.headings());
        if (headings.add(h)) {
          html.append("<h2>").append(h).append("</h2>");
          add(text, h);
          words += countWords(h);
        }
      }
      StringBuilder p = new StringBuilder(600);
      int sentences = 3 + r.nextInt(4);
      for (int k = 0; k < sentences; k++) {
        if (p.length() > 0) {
          p.append(' ');
        }
        // Some reports wander into a second section now and then.
        p.append(sentence(r, other != null && r.nextInt(8) == 0 ? other : topic));
        if (k == 1 && firstSentences == null) {
          firstSentences = p.toString();
        }
      }
      String plain = p.toString();
      String markup = plain;
      if (paragraphs == linkAt) {
        Link link = link(r, g, index);
        String before = pick(r, v.linkLeads());
        markup = plain + " " + before + " <a href=\"" + link.url() + "\">" + link.text() + "</a>.";
        plain = plain + " " + before + " " + link.text() + ".";
      }
      html.append("<p>").append(markup).append("</p>");
      add(text, plain);
      words += countWords(plain);
      paragraphs++;
      if (quoteBlock && paragraphs == 3) {
        String q = "„" + pick(r, v.quotes()) + "“";
        html.append("<blockquote><p>").append(q).append("</p></blockquote>");
        add(text, q);
        words += countWords(q);
      }
      if (list && paragraphs == 5) {
        html.append("<ul>");
        for (int k = 0, items = 3 + r.nextInt(3); k < items; k++) {
          String item = cap(pick(r, topic.objects())) + ".";
          html.append("<li>").append(item).append("</li>");
          add(text, item);
          words += countWords(item);
        }
        html.append("</ul>");
      }
    }
    a.body = html.toString();
    a.bodyText = text.toString();
    a.words = words;
    a.readingTime = HtmlSanitizer.readingTimeMinutes(words);
    a.excerpt = r.nextInt(100) < 95 ? limit(firstSentences, 2000) : null;
  }

  static void add(StringBuilder text, String piece) {
    if (text.length() > 0) {
      text.append(' ');
    }
    text.append(piece);
  }

  /** An inline link: to another article of the site (relative) or to an outside source. */
  Link link(SplittableRandom r, Generator g, int index) {
    if (r.nextBoolean() && g.n > 1) {
      int j = r.nextInt(g.n);
      if (j != index && g.status[j] == Generator.PUBLISHED) {
        return new Link("/artikel/" + g.slugs[j], pick(r, v.internalLinkTexts()));
      }
    }
    return pick(r, v.linkTargets());
  }
}
