package dev.feder.bench.seed;

import static dev.feder.bench.seed.NewsText.cap;
import static dev.feder.bench.seed.NewsText.limit;
import static dev.feder.bench.seed.NewsText.pick;

import dev.feder.bench.seed.Newsroom.Author;
import dev.feder.bench.seed.Newsroom.Category;
import dev.feder.bench.seed.Vocabulary.Source;
import dev.feder.bench.seed.Vocabulary.Topic;
import dev.feder.text.Slugs;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The articles of a seed, reproducibly: article {@code i} of a seed is the same whenever it is
 * generated, on any thread, because every choice about it draws from random numbers of its own (one
 * stream per index and purpose, see {@link #rnd}). Only the titles, slugs and statuses of all
 * articles are planned up front, in the order Feder would create them.
 */
final class Generator {

  // The purposes of the random streams of an article.
  static final long TITLE = 1, STATUS = 2, BODY = 3, ID = 4, REVISION_ID = 5, META = 6;
  static final long CATEGORY = 7;

  /** The newest published article is this much older than the start of the seed. */
  static final long NEWEST_OFFSET_MILLIS = 60_000;

  // An article's status in the plan.
  static final byte PUBLISHED = 0, DRAFT = 1, SCHEDULED = 2;

  final long seed;
  final int n;
  final int years;
  final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  final Vocabulary vocabulary;
  final NewsText text;
  final Newsroom newsroom;
  private final int opinion;
  String[] slugs;
  byte[] status;

  Generator(Vocabulary vocabulary, long seed, int n, int years) {
    this.vocabulary = vocabulary;
    this.seed = seed;
    this.n = n;
    this.years = years;
    this.text = new NewsText(vocabulary);
    this.opinion = vocabulary.opinion();
    this.newsroom =
        new Newsroom(vocabulary, rnd(-1, META), now.minus(Duration.ofDays(365L * years + 30)));
  }

  static long mix(long seed, long index, long stream) {
    long z =
        seed * 0x9E3779B97F4A7C15L + index * 0xD1B54A32D192ED03L + stream * 0x8CB92BA72F3D8DD7L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  SplittableRandom rnd(long index, long stream) {
    return new SplittableRandom(mix(seed, index, stream));
  }

  /** A random (version 4) UUID, like UUID.randomUUID(), but reproducible. */
  static UUID uuid(SplittableRandom r) {
    long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo);
  }

  UUID articleId(int i) {
    return uuid(rnd(i, ID));
  }

  UUID revisionId(int i) {
    return uuid(rnd(i, REVISION_ID));
  }

  /**
   * Statuses, titles and unique slugs of all articles, in the order the app would create them: a
   * taken slug gets -2, -3, … like Slugs.unique.
   */
  void plan() {
    slugs = new String[n];
    status = new byte[n];
    Set<String> taken = new HashSet<>(Math.max(16, n * 2));
    Map<String, Integer> nextSuffix = new HashMap<>();
    for (int i = 0; i < n; i++) {
      int p = rnd(i, STATUS).nextInt(1000);
      status[i] = p < 100 ? DRAFT : p < 105 ? SCHEDULED : PUBLISHED;
      String base = Slugs.slugify(title(i), "article");
      String candidate = base;
      if (taken.contains(candidate)) {
        int k = nextSuffix.getOrDefault(base, 2);
        do {
          candidate = base + "-" + k++;
        } while (taken.contains(candidate));
        nextSuffix.put(base, k);
      }
      taken.add(candidate);
      slugs[i] = candidate;
    }
  }

  /** The article's category: four in five in a subcategory, the rest in a section itself. */
  Category categoryOf(int i) {
    SplittableRandom r = rnd(i, CATEGORY);
    return r.nextInt(100) < 80 ? pick(r, newsroom.leaves) : pick(r, newsroom.roots);
  }

  /** What the article is about: its section's topic; opinion pieces take another section's. */
  Topic topicOf(int i) {
    Topic[] topics = vocabulary.topics();
    int root = categoryOf(i).root();
    if (root >= topics.length) {
      root = rnd(i, CATEGORY + 100).nextInt(topics.length);
    }
    return topics[root];
  }

  String title(int i) {
    String title = text.title(rnd(i, TITLE), topicOf(i));
    return categoryOf(i).root() == opinion
        ? pick(rnd(i, TITLE + 100), vocabulary.opinionLeads()) + title
        : title;
  }

  /** Pinned related articles: 5 % of the articles pin 1 to 3 published ones. */
  int[] related(int i) {
    SplittableRandom r = rnd(i, META);
    if (n < 10 || r.nextInt(100) >= 5) {
      return new int[0];
    }
    int count = 1 + r.nextInt(3);
    int[] out = new int[count];
    int found = 0;
    for (int attempt = 0; attempt < 30 && found < count; attempt++) {
      int j = r.nextInt(n);
      boolean dup = j == i;
      for (int k = 0; k < found; k++) {
        dup |= out[k] == j;
      }
      if (!dup && status[j] == PUBLISHED) {
        out[found++] = j;
      }
    }
    return Arrays.copyOf(out, found);
  }

  Article article(int i) {
    SplittableRandom r = rnd(i, BODY);
    Article a = new Article();
    a.id = articleId(i);
    a.slug = slugs[i];
    a.title = title(i);
    a.status = status[i] == DRAFT ? "draft" : "published";
    long span = Duration.ofDays(365L * years).toMillis();
    switch (status[i]) {
      case PUBLISHED -> {
        // Published: spread over the years, a little denser towards today.
        double u = r.nextDouble();
        long ago = NEWEST_OFFSET_MILLIS + (long) (span * (0.35 * u + 0.65 * u * u));
        a.publishedAt = now.minusMillis(ago);
        a.createdAt = a.publishedAt.minusMillis(5 * 60_000L + r.nextLong(36 * 3_600_000L));
      }
      case DRAFT -> {
        a.publishedAt = null;
        a.createdAt = now.minusMillis(r.nextLong(Duration.ofDays(60).toMillis()));
      }
      default -> {
        a.publishedAt = now.plusMillis(3_600_000L + r.nextLong(Duration.ofDays(30).toMillis()));
        a.createdAt = now.minusMillis(r.nextLong(Duration.ofDays(5).toMillis()));
      }
    }
    a.category = categoryOf(i);
    Topic topic = topicOf(i);
    int bylineSize = r.nextInt(100) < 85 ? 1 : r.nextInt(100) < 85 ? 2 : 3;
    while (a.byline.size() < bylineSize) {
      // A few authors write much more than others.
      var authors = newsroom.authors;
      Author p = authors.get((int) (authors.size() * Math.pow(r.nextDouble(), 1.6)));
      if (!a.byline.contains(p)) {
        a.byline.add(p);
      }
    }
    int tagCount = r.nextInt(100) < 8 ? 0 : 1 + r.nextInt(5);
    while (a.tags.size() < tagCount) {
      // Mostly the section's tags, the first ones more often than the last.
      String[] pool = r.nextInt(100) < 75 ? topic.tags() : vocabulary.generalTags();
      String tag = pool[(int) (pool.length * Math.pow(r.nextDouble(), 1.5))];
      if (!a.tags.contains(tag)) {
        a.tags.add(tag);
      }
    }
    text.body(a, r, topic, this, i);
    if (r.nextInt(100) < 60) {
      a.subtitle = limit(text.subtitle(r, topic), 300);
    }
    if (r.nextInt(100) < 30) {
      Source source = pick(r, vocabulary.sources());
      a.sourceName = source.name();
      a.sourceUrl = source.url();
    }
    if (r.nextInt(100) < 85) {
      long year =
          (a.publishedAt == null ? a.createdAt : a.publishedAt).atZone(ZoneOffset.UTC).getYear();
      a.imageUrl = "https://images.example.org/" + year + "/" + a.slug + ".jpg";
      a.imageAlt = limit(cap(pick(r, vocabulary.imageAlts())), 500);
      a.imageCaption = limit(text.sentence(r, topic), 1000);
      a.imageCredit =
          "Foto: " + pick(r, vocabulary.firstNames()) + " " + pick(r, vocabulary.lastNames());
    }
    if (r.nextInt(100) < 20) {
      a.metaTitle = limit(a.title, 180) + " | Feder";
      a.metaDescription = limit(a.excerpt, 500);
      if (r.nextInt(100) < 10) {
        a.canonicalUrl = "https://www.example.org/artikel/" + a.slug;
      }
    }
    a.related = related(i);
    return a;
  }
}
