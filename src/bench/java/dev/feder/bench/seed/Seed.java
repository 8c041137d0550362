package dev.feder.bench.seed;

import static dev.feder.bench.seed.Log.log;
import static dev.feder.bench.seed.Log.since;

import dev.feder.bench.seed.Tasks.Task;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * Fills Feder's database with N synthetic German news articles, fast: rows are generated here and
 * streamed with binary COPY FROM STDIN over several connections, with the secondary indexes of the
 * big tables dropped during the load and rebuilt afterwards. Run it through src/bench/seed.sh,
 * which compiles it, puts Feder's jars on the class path and starts an embedded PostgreSQL when no
 * server is given.
 *
 * <p>The rows are what Feder itself writes for an article created through the API: a sanitized HTML
 * body with {@code <h2>} subheadings, {@code <p>} paragraphs and an inline link; body_text,
 * word_count and reading_time_minutes derived from it exactly as ArticleService does (checked
 * against Feder's own HtmlSanitizer on a sample); slugs from Feder's Slugs with -2, -3 for repeated
 * titles; an ordered byline in article_author; pinned related articles; and revision 1 with the
 * create state. The search_vector column is built here from the vectors of single words, which
 * PostgreSQL computes once per distinct word (see {@link Vectors}), and checked against
 * PostgreSQL's own on samples ({@link Checks}).
 *
 * <p>The parts: {@link SeedOptions} (command line), {@link Vocabulary} and {@link NewsText} (the
 * words and the text made of them), {@link Newsroom} (categories and authors), {@link Generator}
 * and {@link Article} (the articles), {@link Vectors} (their search vectors), {@link ArticleCopy},
 * {@link CopyOut} and {@link BinaryRows} (binary COPY), {@link Loader} (the parallel load), {@link
 * Indexes} and {@link Tasks} (index rebuild and vacuums), {@link SeedMarker} (what a database
 * holds), {@link Checks}.
 */
public final class Seed {

  /** Bumped whenever the generated data changes, so an older seed is not taken for this one. */
  static final int GENERATOR_VERSION = 3;

  /** How many of the first articles have their vectors compared with PostgreSQL's before. */
  static final int CHECKED_BEFORE_LOAD = 50;

  /**
   * What a run did.
   *
   * @param loaded false when the database already held this seed and nothing was done
   * @param vectorsCheckedBefore articles whose vectors built here equalled PostgreSQL's before the
   *     load (0 with --server-vectors)
   * @param vectorsCheckedAfter sampled articles whose stored vectors equalled PostgreSQL's after
   *     the load (0 with --server-vectors)
   */
  public record Outcome(
      boolean loaded,
      int articles,
      long bylines,
      int pinned,
      int vectorsCheckedBefore,
      int vectorsCheckedAfter) {}

  private final SeedOptions o;
  private final Database db;
  private final long t0 = System.nanoTime();

  Seed(SeedOptions options) {
    this.o = options;
    this.db = new Database(options);
  }

  public static void main(String[] args) throws Exception {
    try {
      SeedOptions options = SeedOptions.parse(args, System.getenv());
      if (options.printSlugs > 0) {
        new Seed(options).printSlugs();
        return;
      }
      new Seed(options).run();
    } catch (Refusal e) {
      System.err.println("seed: " + e.getMessage());
      System.exit(2);
    }
  }

  /** Seeds the database of the options, unless it holds this seed already. */
  Outcome run() throws Exception {
    log("database %s", db.describe());
    long t = System.nanoTime();
    Flyway.configure()
        .dataSource(o.url, o.user, o.password)
        .locations("filesystem:" + o.migrations)
        .load()
        .migrate();
    log("schema migrated with Feder's Flyway migrations (%s)", since(t));

    try (Connection c = db.connect()) {
      SeedMarker marker = SeedMarker.read(c);
      boolean content = Database.hasContent(c);
      List<String> interrupted =
          marker != null && marker.indexes() != null ? marker.indexes() : List.of();
      if (!interrupted.isEmpty()) {
        log(
            "an earlier seed was interrupted: its %d dropped indexes are built after this load",
            interrupted.size());
      }
      if (content && marker == null && !o.reset) {
        throw new Refusal(
            "the database holds articles, authors or categories that this seeder did not write."
                + " Pass --reset to delete them (articles, revisions, authors, categories and API"
                + " tokens), or point QUARKUS_DATASOURCE_JDBC_URL at another database.");
      }
      if (marker != null
          && marker.done()
          && marker.articles() == o.articles
          && marker.version() == GENERATOR_VERSION
          && marker.seed() == o.seed
          && !o.force
          && !o.reset) {
        log(
            "already seeded with %,d articles (seed %d): nothing to do; --force seeds again",
            o.articles, o.seed);
        return new Outcome(false, o.articles, 0, 0, 0, 0);
      }
      if (marker != null && marker.done()) {
        log("replacing the earlier seed of %,d articles", marker.articles());
      }
      t = System.nanoTime();
      Database.emptyContentTables(c);
      log("content tables emptied (%s)", since(t));
      List<String> indexes = dropIndexes(c, interrupted);

      Generator g = new Generator(Vocabulary.load(), o.seed, o.articles, o.years);
      t = System.nanoTime();
      g.newsroom.insert(c);
      g.plan();
      log(
          "%d categories, %d authors; %,d titles and slugs planned (%s)",
          g.newsroom.categories.size(), g.newsroom.authors.size(), o.articles, since(t));
      Vectors vectors = null;
      int checkedBefore = 0;
      if (!o.serverVectors) {
        t = System.nanoTime();
        vectors = new Vectors();
        checkedBefore =
            Checks.vectorsBeforeLoad(c, vectors, g, Math.min(o.articles, CHECKED_BEFORE_LOAD));
        log(
            "search vectors built here from %,d words agree with PostgreSQL's for the first %d"
                + " articles (%s)",
            vectors.size(), checkedBefore, since(t));
      }

      t = System.nanoTime();
      ArticleCopy copy = new ArticleCopy(g, vectors);
      Loader.load(db, o, copy);
      long loadNanos = System.nanoTime() - t;
      log(
          "%,d articles, %,d bylines, %,d revisions copied over %d connections (%s, %,.0f"
              + " articles/s)",
          o.articles,
          copy.bylines.get(),
          o.articles,
          o.jobs,
          since(t),
          o.articles / (loadNanos / 1e9));
      int checkedAfter = 0;
      if (vectors != null) {
        t = System.nanoTime();
        checkedAfter = Checks.storedVectors(c, copy.samples);
        log(
            "search vectors: %,d distinct words looked up in PostgreSQL; the stored vectors of %,d"
                + " sampled articles are PostgreSQL's own (%s)",
            vectors.size(), checkedAfter, since(t));
      }
      t = System.nanoTime();
      int pinned = copy.related(c);
      log("%,d pinned related articles (%s)", pinned, since(t));

      rebuildIndexes(indexes);
      vacuum();
      new SeedMarker(GENERATOR_VERSION, o.articles, o.seed, SeedMarker.DONE, List.of()).write(c);
      log("%s", Database.summary(c));
      log("seeded %,d articles in %s", o.articles, since(t0));
      return new Outcome(true, o.articles, copy.bylines.get(), pinned, checkedBefore, checkedAfter);
    }
  }

  /**
   * Drops the secondary indexes of the big tables for the load, with those an interrupted seed
   * dropped, after noting them all in the marker; returns their definitions.
   */
  private List<String> dropIndexes(Connection c, List<String> interrupted) throws Exception {
    List<String> indexes = Indexes.secondary(c);
    for (String def : interrupted) {
      if (indexes.stream().noneMatch(d -> Indexes.name(d).equals(Indexes.name(def)))) {
        indexes.add(def);
      }
    }
    Indexes.ginFirst(indexes);
    new SeedMarker(GENERATOR_VERSION, o.articles, o.seed, SeedMarker.LOADING, indexes).write(c);
    long t = System.nanoTime();
    try (Statement s = c.createStatement()) {
      for (String def : indexes) {
        s.execute("drop index if exists " + Indexes.name(def));
      }
    }
    log("dropped %d secondary indexes for the load (%s)", indexes.size(), since(t));
    return indexes;
  }

  /** Builds the indexes again, several at once, and adds the title words beside them. */
  private void rebuildIndexes(List<String> indexes) throws Exception {
    long t = System.nanoTime();
    List<Task> tasks = new ArrayList<>();
    for (String def : indexes) {
      tasks.add(new Task(Indexes.name(def), s -> s.execute(Indexes.rebuild(def))));
    }
    // Reads the article table only, so it runs beside the index builds.
    tasks.add(
        new Task(
            "title words for typo search",
            s -> log("  %,d new title words for typo search", Database.addTitleWords(s))));
    Tasks.run(db, o.jobs, tasks);
    log("recreated %d indexes, added the title words (%s)", indexes.size(), since(t));
  }

  /** VACUUM (ANALYZE) of the content tables, several at once, the largest first. */
  private void vacuum() throws Exception {
    long t = System.nanoTime();
    List<Task> vacuums = new ArrayList<>();
    for (String table : Database.CONTENT_TABLES) {
      vacuums.add(new Task(table, s -> s.execute("vacuum (analyze) " + table)));
    }
    vacuums.sort((a, b) -> Boolean.compare(b.name().equals("article"), a.name().equals("article")));
    Tasks.run(db, o.jobs, vacuums);
    log("vacuum analyze (%s)", since(t));
  }

  /** Prints slugs of articles Feder shows the public, in a fixed but scattered order. */
  void printSlugs() throws Exception {
    try (Connection c = db.connect()) {
      Database.publicSlugs(c, o.printSlugs).forEach(System.out::println);
    }
  }
}
