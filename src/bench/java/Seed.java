// Fills Feder's database with N synthetic German news articles, fast: rows are generated here and
// streamed with binary COPY FROM STDIN over several connections, with the secondary indexes of the
// big tables dropped during the load and rebuilt afterwards. Run it through src/bench/seed.sh,
// which compiles it, puts Feder's jars on the class path and starts an embedded PostgreSQL when no
// server is given.
//
// The rows are what Feder itself writes for an article created through the API: a sanitized HTML
// body with <h2> subheadings, <p> paragraphs and an inline link; body_text, word_count and
// reading_time_minutes derived from it exactly as ArticleService does (checked against Feder's own
// HtmlSanitizer on a sample); slugs from Feder's Slugs with -2, -3 for repeated titles; an ordered
// byline in article_author; pinned related articles; and revision 1 with the create state. The
// search_vector column is built here from the vectors of single words, which PostgreSQL computes
// once per distinct word (see Vectors), and checked against PostgreSQL's own on samples.

import dev.feder.text.HtmlSanitizer;
import dev.feder.text.Slugs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

public class Seed {

  /** Bumped whenever the generated data changes, so an older seed is not taken for this one. */
  static final int GENERATOR_VERSION = 3;

  static final String MARKER = "feder-bench-seed ";
  static final String[] CONTENT_TABLES = {
    "article_related",
    "article_revision",
    "article_author",
    "article",
    "author",
    "category",
    "api_token"
  };
  static final String[] BIG_TABLES = {
    "article", "article_author", "article_revision", "article_related"
  };

  final Options o;
  final long t0 = System.nanoTime();

  Seed(Options o) {
    this.o = o;
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    try {
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

  static final class Refusal extends RuntimeException {
    Refusal(String message) {
      super(message);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Options

  static final class Options {
    int articles = 10_000;
    boolean reset;
    boolean force;
    boolean serverVectors;
    /** Only print this many slugs of publicly visible articles (for node-cms.sh), load nothing. */
    int printSlugs;
    int jobs = Runtime.getRuntime().availableProcessors();
    long seed = 42;
    int years = 8;
    int batch = 2_000;
    String maintenanceWorkMem = "512MB";
    String migrations = "src/main/resources/db/migration";
    String url = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
    String user = System.getenv("QUARKUS_DATASOURCE_USERNAME");
    String password = System.getenv("QUARKUS_DATASOURCE_PASSWORD");

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--articles" -> o.articles = parseCount(args[++i]);
          case "--reset" -> o.reset = true;
          case "--force" -> o.force = true;
          case "--server-vectors" -> o.serverVectors = true;
          case "--print-slugs" -> o.printSlugs = parseCount(args[++i]);
          case "--jobs" -> o.jobs = Math.max(1, Integer.parseInt(args[++i]));
          case "--seed" -> o.seed = Long.parseLong(args[++i]);
          case "--years" -> o.years = Math.max(1, Integer.parseInt(args[++i]));
          case "--batch" -> o.batch = Math.max(100, Integer.parseInt(args[++i]));
          case "--maintenance-work-mem" -> o.maintenanceWorkMem = args[++i];
          case "--migrations" -> o.migrations = args[++i];
          default -> throw new Refusal("unknown option " + a + " (see src/bench/README.md)");
        }
      }
      if (o.url == null || o.url.isBlank()) {
        throw new Refusal("QUARKUS_DATASOURCE_JDBC_URL is not set");
      }
      if (o.articles < 1) {
        throw new Refusal("--articles must be at least 1");
      }
      return o;
    }
  }

  /** 100000, 100_000, 100k and 1m are all accepted. */
  static int parseCount(String s) {
    String t = s.toLowerCase(Locale.ROOT).replace("_", "").replace(",", "");
    long factor = 1;
    if (t.endsWith("k")) {
      factor = 1_000;
      t = t.substring(0, t.length() - 1);
    } else if (t.endsWith("m")) {
      factor = 1_000_000;
      t = t.substring(0, t.length() - 1);
    }
    return Math.toIntExact(Long.parseLong(t) * factor);
  }

  // ---------------------------------------------------------------------------------------------
  // The run

  Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(o.url, o.user, o.password);
    try (Statement s = c.createStatement()) {
      s.execute("set synchronous_commit = off");
      s.execute("set maintenance_work_mem = '" + o.maintenanceWorkMem.replace("'", "") + "'");
    }
    return c;
  }

  void run() throws Exception {
    log("database %s", o.url.replaceAll("password=[^&]*", "password=…"));
    long t = System.nanoTime();
    Flyway.configure()
        .dataSource(o.url, o.user, o.password)
        .locations("filesystem:" + o.migrations)
        .load()
        .migrate();
    log("schema migrated with Feder's Flyway migrations (%s)", since(t));

    try (Connection c = connect()) {
      Marker marker = Marker.read(c);
      boolean content = hasContent(c);
      List<String> interrupted =
          marker != null && marker.indexes != null ? marker.indexes : List.of();
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
          && "done".equals(marker.state)
          && marker.articles == o.articles
          && marker.version == GENERATOR_VERSION
          && marker.seed == o.seed
          && !o.force
          && !o.reset) {
        log(
            "already seeded with %,d articles (seed %d): nothing to do; --force seeds again",
            o.articles, o.seed);
        return;
      }
      if (marker != null && "done".equals(marker.state)) {
        log("replacing the earlier seed of %,d articles", marker.articles);
      }
      t = System.nanoTime();
      try (Statement s = c.createStatement()) {
        s.execute("truncate " + String.join(", ", CONTENT_TABLES));
      }
      log("content tables emptied (%s)", since(t));
      List<String> indexes = secondaryIndexes(c);
      for (String def : interrupted) {
        if (indexes.stream().noneMatch(d -> indexName(d).equals(indexName(def)))) {
          indexes.add(def);
        }
      }
      ginFirst(indexes);
      new Marker(GENERATOR_VERSION, o.articles, o.seed, "loading", indexes).write(c);
      t = System.nanoTime();
      try (Statement s = c.createStatement()) {
        for (String def : indexes) {
          s.execute("drop index if exists " + indexName(def));
        }
      }
      log("dropped %d secondary indexes for the load (%s)", indexes.size(), since(t));

      Generator g = new Generator(o.seed, o.articles, o.years);
      t = System.nanoTime();
      g.insertCategoriesAndAuthors(c);
      g.planArticles();
      log(
          "%d categories, %d authors; %,d titles and slugs planned (%s)",
          g.categories.size(), g.authors.size(), o.articles, since(t));
      if (!o.serverVectors) {
        t = System.nanoTime();
        g.vectors = new Vectors();
        int checked = g.vectors.check(c, g, Math.min(o.articles, 50));
        log(
            "search vectors built here from %,d words agree with PostgreSQL's for the first %d"
                + " articles (%s)",
            g.vectors.size(), checked, since(t));
      }

      t = System.nanoTime();
      loadArticles(g);
      long loadNanos = System.nanoTime() - t;
      log(
          "%,d articles, %,d bylines, %,d revisions copied over %d connections (%s, %,.0f"
              + " articles/s)",
          o.articles,
          g.bylines.get(),
          o.articles,
          o.jobs,
          since(t),
          o.articles / (loadNanos / 1e9));
      if (g.vectors != null) {
        t = System.nanoTime();
        int checked = g.vectors.checkStored(c, g.samples);
        log(
            "search vectors: %,d distinct words looked up in PostgreSQL; the stored vectors of %,d"
                + " sampled articles are PostgreSQL's own (%s)",
            g.vectors.size(), checked, since(t));
      }
      t = System.nanoTime();
      int pinned = g.copyRelated(c);
      log("%,d pinned related articles (%s)", pinned, since(t));

      t = System.nanoTime();
      List<Task> tasks = new ArrayList<>();
      for (String def : indexes) {
        tasks.add(
            new Task(
                indexName(def),
                s ->
                    s.execute(
                        def.replaceFirst(
                            "^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX IF NOT EXISTS "))));
      }
      // Reads the article table only, so it runs beside the index builds.
      tasks.add(
          new Task(
              "title words for typo search",
              s -> log("  %,d new title words for typo search", addTitleWords(s))));
      runTasks(tasks);
      log("recreated %d indexes, added the title words (%s)", indexes.size(), since(t));
      t = System.nanoTime();
      List<Task> vacuums = new ArrayList<>();
      for (String table : CONTENT_TABLES) {
        vacuums.add(new Task(table, s -> s.execute("vacuum (analyze) " + table)));
      }
      // The largest first, next to the rest.
      vacuums.sort(
          (a, b) -> Boolean.compare(b.name().equals("article"), a.name().equals("article")));
      runTasks(vacuums);
      log("vacuum analyze (%s)", since(t));
      new Marker(GENERATOR_VERSION, o.articles, o.seed, "done", List.of()).write(c);
      printSummary(c, g);
    }
    log("seeded %,d articles in %s", o.articles, since(t0));
  }

  /** Slugs of articles Feder shows the public, in a fixed but scattered order. */
  void printSlugs() throws SQLException {
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement(
                "select slug from article where status = 'published' and deleted_at is null"
                    + " and published_at <= now() order by md5(slug) limit ?")) {
      s.setInt(1, o.printSlugs);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          System.out.println(r.getString(1));
        }
      }
    }
  }

  static boolean hasContent(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "select exists(select 1 from article) or exists(select 1 from author)"
                    + " or exists(select 1 from category)")) {
      r.next();
      return r.getBoolean(1);
    }
  }

  /** CREATE INDEX statements of the indexes of the big tables that back no constraint. */
  static List<String> secondaryIndexes(Connection c) throws SQLException {
    List<String> defs = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select pg_get_indexdef(x.indexrelid) from pg_index x"
                + " join pg_class t on t.oid = x.indrelid"
                + " join pg_namespace n on n.oid = t.relnamespace"
                + " join pg_class i on i.oid = x.indexrelid"
                + " where n.nspname = current_schema() and t.relname = any(?)"
                + " and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)"
                // the largest first, so that the long builds start early
                + " order by pg_relation_size(x.indexrelid) desc, i.relname")) {
      s.setArray(1, c.createArrayOf("text", BIG_TABLES));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          defs.add(r.getString(1));
        }
      }
    }
    return defs;
  }

  /** The GIN indexes (search vector, tags) take longest to build: start them first. */
  static void ginFirst(List<String> defs) {
    defs.sort((a, b) -> Boolean.compare(b.contains("USING gin"), a.contains("USING gin")));
  }

  static final Pattern INDEX_NAME =
      Pattern.compile("^CREATE (?:UNIQUE )?INDEX (\\S+) ON (?:ONLY )?(\\S+?)\\.");

  static String indexName(String def) {
    Matcher m = INDEX_NAME.matcher(def);
    if (!m.find()) {
      throw new IllegalStateException("cannot read the index name of: " + def);
    }
    return m.group(2) + "." + m.group(1);
  }

  /** A statement or a few, run by runTasks on a connection of its own. */
  record Task(String name, Step step) {}

  interface Step {
    void run(Statement s) throws SQLException;
  }

  /**
   * Runs the tasks in their order over up to o.jobs connections at once, each with its own
   * maintenance work memory (index builds, vacuums).
   */
  void runTasks(List<Task> tasks) throws Exception {
    ConcurrentLinkedQueue<Task> queue = new ConcurrentLinkedQueue<>(tasks);
    int workers = Math.min(o.jobs, Math.max(1, tasks.size()));
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      done.add(
          pool.submit(
              () -> {
                try (Connection c = connect();
                    Statement s = c.createStatement()) {
                  for (Task task; (task = queue.poll()) != null; ) {
                    long t = System.nanoTime();
                    task.step().run(s);
                    log("  %s (%s)", task.name(), since(t));
                  }
                }
                return null;
              }));
    }
    pool.shutdown();
    for (Future<?> f : done) {
      f.get();
    }
  }

  /**
   * The words of all titles for typo search, which a bulk load leaves to the loader (see
   * V14__search_vector_trigger.sql): the statement of the trigger in V12, for all titles at once.
   */
  static int addTitleWords(Statement s) throws SQLException {
    return s.executeUpdate(
        "insert into search_word select distinct w from article,"
            + " unnest(public.feder_words(title)) as w where length(w) >= 4 order by w"
            + " on conflict do nothing");
  }

  /** Articles in batches over o.jobs connections, each batch one transaction. */
  void loadArticles(Generator g) throws Exception {
    int batches = (o.articles + o.batch - 1) / o.batch;
    AtomicLong next = new AtomicLong();
    AtomicLong copied = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(o.jobs);
    List<Future<?>> done = new ArrayList<>();
    long start = System.nanoTime();
    for (int w = 0; w < o.jobs; w++) {
      done.add(
          pool.submit(
              () -> {
                try (Connection c = connect()) {
                  try (Statement s = c.createStatement()) {
                    // Keep the search vectors given (V14__search_vector_trigger.sql).
                    s.execute("set feder.bulk_load = on");
                  }
                  c.setAutoCommit(false);
                  for (long b; (b = next.getAndIncrement()) < batches; ) {
                    int from = (int) (b * o.batch);
                    int to = Math.min(o.articles, from + o.batch);
                    g.copyBatch(c, from, to);
                    c.commit();
                    long n = copied.addAndGet(to - from);
                    if (o.articles >= 20_000 && (b + 1) % Math.max(1, 20_000 / o.batch) == 0) {
                      double s = (System.nanoTime() - start) / 1e9;
                      log("  %,d articles (%,.0f/s)", n, n / s);
                    }
                  }
                }
                return null;
              }));
    }
    pool.shutdown();
    for (Future<?> f : done) {
      f.get();
    }
  }

  void printSummary(Connection c, Generator g) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "select count(*) filter (where status = 'published' and published_at <= now()),"
                    + " count(*) filter (where status = 'draft'),"
                    + " count(*) filter (where status = 'published' and published_at > now()),"
                    + " min(published_at), max(published_at) filter (where published_at <= now()),"
                    + " avg(word_count)::int, min(word_count), max(word_count),"
                    + " pg_size_pretty(pg_total_relation_size('article')),"
                    + " pg_size_pretty(pg_database_size(current_database()))"
                    + " from article")) {
      r.next();
      log(
          "published %,d, drafts %,d, scheduled %,d; published %s … %s; words per body %d (%d…%d);"
              + " article table %s, database %s",
          r.getLong(1),
          r.getLong(2),
          r.getLong(3),
          r.getString(4),
          r.getString(5),
          r.getInt(6),
          r.getInt(7),
          r.getInt(8),
          r.getString(9),
          r.getString(10));
    }
  }

  static String seconds(double s) {
    return s < 60
        ? String.format(Locale.ROOT, "%.1f s", s)
        : String.format(Locale.ROOT, "%d min %.0f s", (int) (s / 60), s % 60);
  }

  static String since(long t) {
    double s = (System.nanoTime() - t) / 1e9;
    return s < 60
        ? String.format(Locale.ROOT, "%.1f s", s)
        : String.format(Locale.ROOT, "%d min %.0f s", (int) (s / 60), s % 60);
  }

  static void log(String format, Object... args) {
    System.out.println("seed: " + String.format(Locale.ROOT, format, args));
  }

  // ---------------------------------------------------------------------------------------------
  // The marker: a comment on the article table that says the content is seeded, and which indexes
  // are dropped while a load runs (so an interrupted load can restore them).

  record Marker(int version, int articles, long seed, String state, List<String> indexes) {

    static Marker read(Connection c) throws SQLException {
      try (Statement s = c.createStatement();
          ResultSet r =
              s.executeQuery("select obj_description(to_regclass('article'), 'pg_class')")) {
        r.next();
        String comment = r.getString(1);
        if (comment == null || !comment.startsWith(MARKER)) {
          return null;
        }
        Map<String, String> fields = new HashMap<>();
        List<String> indexes = new ArrayList<>();
        for (String line : comment.substring(MARKER.length()).split("\n")) {
          int eq = line.indexOf('=');
          if (eq < 0) {
            continue;
          }
          String key = line.substring(0, eq);
          String value = line.substring(eq + 1);
          if (key.equals("index")) {
            indexes.add(value);
          } else {
            fields.put(key, value);
          }
        }
        return new Marker(
            Integer.parseInt(fields.getOrDefault("version", "0")),
            Integer.parseInt(fields.getOrDefault("articles", "0")),
            Long.parseLong(fields.getOrDefault("seed", "0")),
            fields.getOrDefault("state", "unknown"),
            indexes);
      }
    }

    void write(Connection c) throws SQLException {
      StringBuilder text = new StringBuilder(MARKER);
      text.append("written by src/bench/seed.sh; synthetic content\n");
      text.append("version=").append(version).append('\n');
      text.append("articles=").append(articles).append('\n');
      text.append("seed=").append(seed).append('\n');
      text.append("state=").append(state).append('\n');
      text.append("at=").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n');
      for (String index : indexes) {
        text.append("index=").append(index).append('\n');
      }
      try (Statement s = c.createStatement()) {
        s.execute("comment on table article is '" + text.toString().replace("'", "''") + "'");
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The generator

  static final class Generator {

    static final long TITLE = 1, STATUS = 2, BODY = 3, ID = 4, REVISION_ID = 5, META = 6;
    static final long CATEGORY = 7;
    static final long NEWEST_OFFSET_MILLIS = 60_000;

    final long seed;
    final int n;
    final int years;
    final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    final List<Cat> categories = new ArrayList<>();
    final List<Cat> leaves = new ArrayList<>();
    final List<Cat> roots = new ArrayList<>();
    final List<Person> authors = new ArrayList<>();
    final AtomicLong bylines = new AtomicLong();
    final HtmlSanitizer sanitizer = new HtmlSanitizer();
    /** Builds the search vectors; null where PostgreSQL computes them (--server-vectors). */
    Vectors vectors;
    /** Articles whose stored search vector is compared with PostgreSQL's after the load. */
    final List<UUID> samples = java.util.Collections.synchronizedList(new ArrayList<>());
    String[] slugs;
    byte[] status; // 0 published, 1 draft, 2 scheduled

    record Cat(UUID id, String slug, String name, int root) {}

    record Person(UUID id, String slug, String name) {}

    Generator(long seed, int n, int years) {
      this.seed = seed;
      this.n = n;
      this.years = years;
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

    void insertCategoriesAndAuthors(Connection c) throws SQLException {
      SplittableRandom r = rnd(-1, META);
      Instant created = now.minus(Duration.ofDays(365L * years + 30));
      try (PreparedStatement s =
          c.prepareStatement(
              "insert into category (id, slug, name, description, parent_id, position, version,"
                  + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
        for (int rootPosition = 0; rootPosition < Words.CATEGORIES.length; rootPosition++) {
          String[] tree = Words.CATEGORIES[rootPosition];
          Cat root = category(s, r, tree[0], null, rootPosition, rootPosition, created);
          categories.add(root);
          roots.add(root);
          for (int k = 1; k < tree.length; k++) {
            Cat child = category(s, r, tree[k], root, k - 1, rootPosition, created);
            categories.add(child);
            leaves.add(child);
          }
        }
        s.executeBatch();
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "insert into author (id, slug, name, bio, email, avatar_url, website, version,"
                  + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        while (authors.size() < 50) {
          String first = Words.pick(r, Words.FIRST_NAMES);
          String last = Words.pick(r, Words.LAST_NAMES);
          String name = first + " " + last;
          String slug = Slugs.slugify(name, "author");
          if (!taken.add(slug)) {
            continue;
          }
          Person p = new Person(uuid(r), slug, name);
          authors.add(p);
          String beat = Words.pick(r, Words.BEATS);
          String bio =
              name
                  + " schreibt seit "
                  + (2000 + r.nextInt(24))
                  + " für Feder über "
                  + beat
                  + ". "
                  + Words.cap(Words.pick(r, Words.BIO_SENTENCES));
          Instant at = created.plus(Duration.ofDays(r.nextInt(400)));
          s.setObject(1, p.id());
          s.setString(2, slug);
          s.setString(3, name);
          s.setString(4, bio);
          s.setString(5, slug.replace('-', '.') + "@example.org");
          s.setString(6, "https://images.example.org/autoren/" + slug + ".jpg");
          s.setString(7, "https://www.example.org/autoren/" + slug);
          s.setObject(8, java.sql.Timestamp.from(at));
          s.setObject(9, java.sql.Timestamp.from(at));
          s.addBatch();
        }
        s.executeBatch();
      }
    }

    Cat category(
        PreparedStatement s,
        SplittableRandom r,
        String name,
        Cat parent,
        int position,
        int root,
        Instant at)
        throws SQLException {
      Cat cat = new Cat(uuid(r), Slugs.slugify(name, "category"), name, root);
      s.setObject(1, cat.id());
      s.setString(2, cat.slug());
      s.setString(3, name);
      s.setString(
          4,
          parent == null
              ? "Alles aus dem Ressort " + name + ": Nachrichten, Hintergründe und Analysen."
              : "Berichte und Hintergründe zu " + name + " im Ressort " + parent.name() + ".");
      s.setObject(5, parent == null ? null : parent.id());
      s.setInt(6, position);
      s.setObject(7, java.sql.Timestamp.from(at));
      s.setObject(8, java.sql.Timestamp.from(at));
      s.addBatch();
      return cat;
    }

    /**
     * Statuses, titles and unique slugs of all articles, in the order the app would create them: a
     * taken slug gets -2, -3, … like Slugs.unique.
     */
    void planArticles() {
      slugs = new String[n];
      status = new byte[n];
      java.util.Set<String> taken = new java.util.HashSet<>(Math.max(16, n * 2));
      Map<String, Integer> nextSuffix = new HashMap<>();
      for (int i = 0; i < n; i++) {
        int p = rnd(i, STATUS).nextInt(1000);
        status[i] = (byte) (p < 100 ? 1 : p < 105 ? 2 : 0);
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
    Cat categoryOf(int i) {
      SplittableRandom r = rnd(i, CATEGORY);
      return r.nextInt(100) < 80 ? Words.pick(r, leaves) : Words.pick(r, roots);
    }

    /** What the article is about: its section's topic; opinion pieces take another section's. */
    Words.Topic topicOf(int i) {
      int root = categoryOf(i).root();
      if (root >= Words.TOPICS.length) {
        root = rnd(i, CATEGORY + 100).nextInt(Words.TOPICS.length);
      }
      return Words.TOPICS[root];
    }

    String title(int i) {
      String title = Words.title(rnd(i, TITLE), topicOf(i));
      return categoryOf(i).root() == Words.OPINION
          ? Words.pick(rnd(i, TITLE + 100), Words.OPINION_LEADS) + title
          : title;
    }

    int copyRelated(Connection c) throws SQLException, IOException {
      int rows = 0;
      try (CopyOut w = copy(c, "article_related (article_id, related_id, position)")) {
        BinaryRows row = new BinaryRows(64);
        for (int i = 0; i < n; i++) {
          int[] related = related(i);
          for (int k = 0; k < related.length; k++) {
            row.tuple(3).uuid(articleId(i)).uuid(articleId(related[k])).int4(k);
            w.write(row);
            rows++;
          }
        }
        w.finish();
      }
      return rows;
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
        if (!dup && status[j] == 0) {
          out[found++] = j;
        }
      }
      return java.util.Arrays.copyOf(out, found);
    }

    static CopyOut copy(Connection c, String target) throws SQLException, IOException {
      return new CopyOut(c, target);
    }

    void copyBatch(Connection c, int from, int to) throws Exception {
      List<Article> batch = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        batch.add(article(i));
      }
      if (vectors != null) {
        vectors.build(c, batch);
      }
      BinaryRows authorsRows = new BinaryRows(160 * (to - from));
      BinaryRows revisionRows = new BinaryRows(9_000 * (to - from));
      try (CopyOut w =
          copy(
              c,
              "article (id, slug, title, subtitle, excerpt, body, body_text, language, status,"
                  + " published_at, category_id, tags, source_name, source_url, image_url,"
                  + " image_alt, image_caption, image_credit, meta_title, meta_description,"
                  + " canonical_url, word_count, reading_time_minutes, version, created_at,"
                  + " updated_at, search_vector)")) {
        BinaryRows row = new BinaryRows(40_000);
        for (int i = from; i < to; i++) {
          Article a = batch.get(i - from);
          a.appendRow(row);
          w.write(row);
          for (int k = 0; k < a.byline.size(); k++) {
            authorsRows.tuple(3).uuid(a.id).uuid(a.byline.get(k).id()).int4(k);
          }
          bylines.addAndGet(a.byline.size());
          revisionRows.tuple(6).uuid(uuid(rnd(i, REVISION_ID))).uuid(a.id).int4(1);
          revisionRows.jsonb(a.revisionState(this)).text("bootstrap-admin");
          revisionRows.timestamp(a.createdAt);
          if (i % 997 == 0 || i < 3) {
            check(a);
            samples.add(a.id);
          }
        }
        w.finish();
      }
      try (CopyOut w = copy(c, "article_author (article_id, author_id, position)")) {
        w.write(authorsRows);
        w.finish();
      }
      try (CopyOut w =
          copy(c, "article_revision (id, article_id, revision, state, created_by, created_at)")) {
        w.write(revisionRows);
        w.finish();
      }
    }

    /** The generated derived fields must be exactly what Feder computes from the body. */
    void check(Article a) {
      String sanitized = sanitizer.sanitize(a.body);
      if (!sanitized.equals(a.body)) {
        throw new IllegalStateException(
            "generated body differs from its sanitized form:\n" + a.body + "\n" + sanitized);
      }
      String text = HtmlSanitizer.plainText(a.body);
      if (!text.equals(a.bodyText)) {
        throw new IllegalStateException(
            "body_text differs from Feder's:\n" + a.bodyText + "\n" + text);
      }
      int words = HtmlSanitizer.wordCount(a.body);
      if (words != a.words || HtmlSanitizer.readingTimeMinutes(words) != a.readingTime) {
        throw new IllegalStateException(
            "word count " + a.words + " differs from Feder's " + words + " for " + a.slug);
      }
      if (!Slugs.isValid(a.slug)) {
        throw new IllegalStateException("invalid slug " + a.slug);
      }
    }

    Article article(int i) {
      SplittableRandom r = rnd(i, BODY);
      Article a = new Article();
      a.id = articleId(i);
      a.slug = slugs[i];
      a.title = title(i);
      a.status = status[i] == 1 ? "draft" : "published";
      long span = Duration.ofDays(365L * years).toMillis();
      switch (status[i]) {
        case 0 -> {
          // Published: spread over the years, a little denser towards today.
          double u = r.nextDouble();
          long ago = NEWEST_OFFSET_MILLIS + (long) (span * (0.35 * u + 0.65 * u * u));
          a.publishedAt = now.minusMillis(ago);
          a.createdAt = a.publishedAt.minusMillis(5 * 60_000L + r.nextLong(36 * 3_600_000L));
        }
        case 1 -> {
          a.publishedAt = null;
          a.createdAt = now.minusMillis(r.nextLong(Duration.ofDays(60).toMillis()));
        }
        default -> {
          a.publishedAt = now.plusMillis(3_600_000L + r.nextLong(Duration.ofDays(30).toMillis()));
          a.createdAt = now.minusMillis(r.nextLong(Duration.ofDays(5).toMillis()));
        }
      }
      a.category = categoryOf(i);
      Words.Topic topic = topicOf(i);
      int bylineSize = r.nextInt(100) < 85 ? 1 : r.nextInt(100) < 85 ? 2 : 3;
      while (a.byline.size() < bylineSize) {
        // A few authors write much more than others.
        Person p = authors.get((int) (authors.size() * Math.pow(r.nextDouble(), 1.6)));
        if (!a.byline.contains(p)) {
          a.byline.add(p);
        }
      }
      int tagCount = r.nextInt(100) < 8 ? 0 : 1 + r.nextInt(5);
      while (a.tags.size() < tagCount) {
        // Mostly the section's tags, the first ones more often than the last.
        String[] pool = r.nextInt(100) < 75 ? topic.tags() : Words.GENERAL_TAGS;
        String tag = pool[(int) (pool.length * Math.pow(r.nextDouble(), 1.5))];
        if (!a.tags.contains(tag)) {
          a.tags.add(tag);
        }
      }
      Words.body(a, r, topic, this, i);
      if (r.nextInt(100) < 60) {
        a.subtitle = Words.limit(Words.subtitle(r, topic), 300);
      }
      if (r.nextInt(100) < 30) {
        String[] source = Words.pickArray(r, Words.SOURCES);
        a.sourceName = source[0];
        a.sourceUrl = source[1];
      }
      if (r.nextInt(100) < 85) {
        long year =
            (a.publishedAt == null ? a.createdAt : a.publishedAt)
                .atZone(java.time.ZoneOffset.UTC)
                .getYear();
        a.imageUrl = "https://images.example.org/" + year + "/" + a.slug + ".jpg";
        a.imageAlt = Words.limit(Words.cap(Words.pick(r, Words.IMAGE_ALTS)), 500);
        a.imageCaption = Words.limit(Words.sentence(r, topic), 1000);
        a.imageCredit =
            "Foto: " + Words.pick(r, Words.FIRST_NAMES) + " " + Words.pick(r, Words.LAST_NAMES);
      }
      if (r.nextInt(100) < 20) {
        a.metaTitle = Words.limit(a.title, 180) + " | Feder";
        a.metaDescription = Words.limit(a.excerpt, 500);
        if (r.nextInt(100) < 10) {
          a.canonicalUrl = "https://www.example.org/artikel/" + a.slug;
        }
      }
      a.related = related(i);
      return a;
    }

    List<Cat> rootsOf() {
      return roots;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Search vectors

  /**
   * Builds the search vector of an article here, the value of feder_article_search_vector (V14),
   * from the vectors of its words, which PostgreSQL computes once per distinct word: computing the
   * vector of a 1,000-word body in the server costs 2-3 ms of CPU, most of a seed's time.
   *
   * <p>to_tsvector of a text is the vectors of its space-separated words one after another: a space
   * always ends a token, and each word moves the position on by the tokens it holds (a stop word
   * holds one, a hyphenated compound three). So each distinct word is looked up once, followed by a
   * marker whose position tells how far the word moves the position on. The title (weight A), the
   * subtitle with the excerpt (B) and the body (C) are then joined as tsvector concatenation (||)
   * joins them: each part's positions move on by the highest position before it. Where only
   * PostgreSQL could tell (a body beyond 250,000 characters, positions beyond the limits of a
   * tsvector), no vector is given and the trigger computes it. The first articles are compared
   * with feder_article_search_vector before the load, and samples of the stored ones after it.
   */
  static final class Vectors {

    /** Follows each word looked up: a number, which every configuration keeps as it is. */
    static final String MARKER = "8675309";

    static final int MAX_POSITION = 16_383;
    static final int MAX_POSITIONS_PER_LEXEME = 255;

    /** A word's lexemes (by number) with their positions from 1, and how far it moves on. */
    record Word(int[] lexemes, short[][] positions, int length) {}

    /**
     * The lexemes known so far in PostgreSQL's order (bytewise, as tsCompareString compares them):
     * rank by lexeme number, and each ranked lexeme in UTF-8 and in tsvector's quoted text form.
     */
    record Order(int[] rank, byte[][] utf8, String[] quoted) {}

    /**
     * An article's vector: entries of (rank << 32 | position << 2 | part) in the order of the
     * rank, then the position, one per lexeme and position.
     */
    record Vector(long[] entries, int count, Order order) {

      /** tsvector's binary form (tsvectorsend): lexemes in order, positions ascending. */
      void write(BinaryRows b) {
        int at = b.begin();
        int lexemes = 0;
        for (int k = 0; k < count; k++) {
          lexemes += k == 0 || rank(k) != rank(k - 1) ? 1 : 0;
        }
        b.raw4(lexemes);
        for (int k = 0; k < count; ) {
          int end = k + 1;
          while (end < count && rank(end) == rank(k)) {
            end++;
          }
          byte[] lexeme = order.utf8()[rank(k)];
          b.raw(lexeme, 0, lexeme.length).raw1(0).int2(end - k);
          for (; k < end; k++) {
            int low = (int) entries[k];
            // weight A (3) for the title, B for subtitle and excerpt, C for the body
            b.int2((3 - (low & 3)) << 14 | low >>> 2);
          }
        }
        b.patch4(at, b.length - at - 4);
      }

      /** tsvector's text form, for comparing with PostgreSQL's. */
      String text() {
        StringBuilder t = new StringBuilder(count * 12);
        for (int k = 0; k < count; k++) {
          if (k == 0 || rank(k) != rank(k - 1)) {
            t.append(k == 0 ? "" : " ").append(order.quoted()[rank(k)]);
          } else {
            t.append(',');
          }
          int low = (int) entries[k];
          t.append(low >>> 2).append((char) ('A' + (low & 3)));
        }
        return t.toString();
      }

      int rank(int k) {
        return (int) (entries[k] >>> 32);
      }
    }

    final java.util.concurrent.ConcurrentHashMap<String, Word> words =
        new java.util.concurrent.ConcurrentHashMap<>();
    /** Lexemes by number (added under the lock of words learned). */
    final List<String> lexemes = new ArrayList<>();
    final Map<String, Integer> lexemeNumbers = new HashMap<>();
    /** Published before the words whose lexemes it ranks, so a known word is always ranked. */
    volatile Order order = new Order(new int[0], new byte[0][], new String[0]);

    int size() {
      return words.size();
    }

    /**
     * Sets the search vectors of these articles, looking the words that are not known yet up in
     * PostgreSQL first (in one query).
     */
    void build(Connection c, List<Article> articles) throws SQLException {
      java.util.Set<String> unknown = new java.util.HashSet<>();
      List<Article> waiting = new ArrayList<>();
      for (Article a : articles) {
        if (!vector(a, unknown)) {
          waiting.add(a);
        }
      }
      if (!waiting.isEmpty()) {
        learn(c, unknown);
        for (Article a : waiting) {
          if (!vector(a, unknown)) {
            throw new IllegalStateException("words not looked up: " + unknown);
          }
        }
      }
    }

    void learn(Connection c, java.util.Collection<String> unknown) throws SQLException {
      Map<String, List<Object[]>> rows = new HashMap<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "select w, x.lexeme, x.positions from unnest(?::text[]) w cross join lateral"
                  + " unnest(to_tsvector(public.feder_search_config('de'), w || ' "
                  + MARKER
                  + "')) x")) {
        s.setArray(1, c.createArrayOf("text", unknown.toArray()));
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            Short[] positions = (Short[]) r.getArray(3).getArray();
            rows.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                .add(new Object[] {r.getString(2), positions});
          }
        }
      }
      synchronized (lexemes) {
        Map<String, Word> learned = new HashMap<>();
        for (String w : unknown) {
          if (w.contains(MARKER)) {
            throw new IllegalStateException("a generated word holds the marker: " + w);
          }
          int length = -1;
          List<Integer> numbers = new ArrayList<>();
          List<short[]> positions = new ArrayList<>();
          List<Object[]> vector = rows.get(w);
          if (vector == null) {
            throw new IllegalStateException("PostgreSQL returned no vector for the word: " + w);
          }
          for (Object[] row : vector) {
            Short[] p = (Short[]) row[1];
            if (MARKER.equals(row[0])) {
              length = p[0] - 1;
              continue;
            }
            short[] q = new short[p.length];
            for (int k = 0; k < p.length; k++) {
              q[k] = p[k];
            }
            numbers.add(lexemeNumbers.computeIfAbsent((String) row[0], this::newLexeme));
            positions.add(q);
          }
          if (length < 0) {
            throw new IllegalStateException("no marker in the vector of: " + w);
          }
          int[] n = numbers.stream().mapToInt(Integer::intValue).toArray();
          learned.put(w, new Word(n, positions.toArray(new short[0][]), length));
        }
        order = order();
        learned.forEach(words::putIfAbsent);
      }
      unknown.clear();
    }

    int newLexeme(String lexeme) {
      lexemes.add(lexeme);
      return lexemes.size() - 1;
    }

    /** Ranks all lexemes known (a few thousand: cheap enough once per batch with new words). */
    Order order() {
      int size = lexemes.size();
      byte[][] utf8 = new byte[size][];
      Integer[] byRank = new Integer[size];
      for (int k = 0; k < size; k++) {
        utf8[k] = lexemes.get(k).getBytes(StandardCharsets.UTF_8);
        byRank[k] = k;
      }
      java.util.Arrays.sort(byRank, (a, b) -> java.util.Arrays.compareUnsigned(utf8[a], utf8[b]));
      int[] rank = new int[size];
      byte[][] ranked = new byte[size][];
      String[] quoted = new String[size];
      for (int r = 0; r < size; r++) {
        rank[byRank[r]] = r;
        ranked[r] = utf8[byRank[r]];
        String lexeme = lexemes.get(byRank[r]);
        quoted[r] = "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "':";
      }
      return new Order(rank, ranked, quoted);
    }

    /** The three texts of the vector: title, subtitle with excerpt, body. */
    static String[] parts(Article a) {
      return new String[] {
        a.title,
        (a.subtitle == null ? "" : a.subtitle) + " " + (a.excerpt == null ? "" : a.excerpt),
        a.bodyText
      };
    }

    /**
     * Sets the article's vector in tsvector's text form (null for PostgreSQL to compute it), or
     * adds the words not known yet to unknown and returns false.
     */
    boolean vector(Article a, java.util.Set<String> unknown) {
      a.searchVector = null;
      if (a.bodyText.length() > 250_000) {
        return true;
      }
      String[] parts = parts(a);
      // (lexeme number << 32 | position << 2 | weight), sorted into tsvector's text form below
      long[] entries = new long[2048];
      int count = 0;
      int max = 0;
      boolean fits = true;
      boolean known = true;
      for (int part = 0; part < 3; part++) {
        String text = parts[part];
        int offset = max;
        int base = 0;
        for (int k = 0, len = text.length(); k < len; ) {
          int end = text.indexOf(' ', k);
          if (end < 0) {
            end = len;
          }
          if (end > k) {
            String w = text.substring(k, end);
            Word word = words.get(w);
            if (word == null) {
              unknown.add(w);
              known = false;
            } else if (known) {
              for (int l = 0; l < word.lexemes().length; l++) {
                long lexeme = (long) word.lexemes()[l] << 32;
                for (short p : word.positions()[l]) {
                  int position = offset + base + p;
                  fits &= position <= MAX_POSITION;
                  if (count == entries.length) {
                    entries = java.util.Arrays.copyOf(entries, count * 2);
                  }
                  entries[count++] = lexeme | (long) position << 2 | part;
                  max = Math.max(max, position);
                }
              }
              base += word.length();
            }
          }
          k = end + 1;
        }
      }
      if (!known) {
        return false;
      }
      if (!fits) {
        return true;
      }
      // Read after the words: it ranks all their lexemes (see learn).
      Order o = order;
      for (int k = 0; k < count; k++) {
        entries[k] = (long) o.rank()[(int) (entries[k] >>> 32)] << 32 | (entries[k] & 0xffff_ffffL);
      }
      java.util.Arrays.sort(entries, 0, count);
      // One entry per lexeme and position, with the weight of its first part (as tsvector keeps
      // the highest weight), and no more positions per lexeme than a tsvector holds.
      int kept = 0;
      int run = 0;
      for (int k = 0; k < count; k++) {
        long e = entries[k];
        boolean sameLexeme = kept > 0 && (entries[kept - 1] >>> 32) == (e >>> 32);
        if (sameLexeme && ((int) entries[kept - 1] >>> 2) == ((int) e >>> 2)) {
          continue;
        }
        run = sameLexeme ? run + 1 : 1;
        if (run > MAX_POSITIONS_PER_LEXEME) {
          return true;
        }
        entries[kept++] = e;
      }
      a.searchVector = new Vector(entries, kept, o);
      return true;
    }

    /**
     * Compares the vectors of the first articles with feder_article_search_vector before anything
     * is loaded: a seed whose vectors differ from PostgreSQL's would search differently.
     */
    int check(Connection c, Generator g, int count) throws SQLException {
      List<Article> first = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        first.add(g.article(i));
      }
      build(c, first);
      try (PreparedStatement s =
          c.prepareStatement(
              "select ?::tsvector = public.feder_article_search_vector(?, ?, ?, ?, ?),"
                  + " public.feder_article_search_vector(?, ?, ?, ?, ?)::text")) {
        for (Article a : first) {
          if (a.searchVector == null) {
            continue;
          }
          String built = a.searchVector.text();
          s.setString(1, built);
          for (int k : new int[] {2, 7}) {
            s.setString(k, "de");
            s.setString(k + 1, a.title);
            s.setString(k + 2, a.subtitle);
            s.setString(k + 3, a.excerpt);
            s.setString(k + 4, a.bodyText);
          }
          try (ResultSet r = s.executeQuery()) {
            r.next();
            if (!r.getBoolean(1)) {
              throw new IllegalStateException(
                  "the search vector built for "
                      + a.slug
                      + " differs from PostgreSQL's; --server-vectors lets PostgreSQL compute"
                      + " them.\nbuilt:      "
                      + built
                      + "\nPostgreSQL: "
                      + r.getString(2));
            }
          }
        }
      }
      return first.size();
    }

    /** Compares the stored vectors of the sampled articles with feder_article_search_vector. */
    int checkStored(Connection c, List<UUID> ids) throws SQLException {
      try (PreparedStatement s =
          c.prepareStatement(
              "select slug from article where id = any(?) and search_vector is distinct from"
                  + " public.feder_article_search_vector(language, title, subtitle, excerpt,"
                  + " body_text)")) {
        s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
        try (ResultSet r = s.executeQuery()) {
          if (r.next()) {
            throw new IllegalStateException(
                "the stored search vector of "
                    + r.getString(1)
                    + " differs from PostgreSQL's; --server-vectors lets PostgreSQL compute them");
          }
        }
      }
      return ids.size();
    }
  }

  /** One generated article, with the columns of the article table. */
  static final class Article {
    UUID id;
    String slug, title, subtitle, excerpt, body, bodyText, status;
    Instant publishedAt, createdAt;
    Generator.Cat category;
    final List<Generator.Person> byline = new ArrayList<>(3);
    final List<String> tags = new ArrayList<>(6);
    String sourceName, sourceUrl, imageUrl, imageAlt, imageCaption, imageCredit;
    String metaTitle, metaDescription, canonicalUrl;
    /** The search vector; null lets PostgreSQL compute it. */
    Vectors.Vector searchVector;
    int words, readingTime;
    int[] related;

    /** The row in the column order of copyBatch's article COPY. */
    void appendRow(BinaryRows b) {
      b.tuple(27).uuid(id).text(slug).text(title).text(subtitle).text(excerpt);
      b.text(body).text(bodyText).text("de").text(status).timestamp(publishedAt);
      b.uuid(category.id()).textArray(tags).text(sourceName).text(sourceUrl).text(imageUrl);
      b.text(imageAlt).text(imageCaption).text(imageCredit).text(metaTitle);
      b.text(metaDescription).text(canonicalUrl).int4(words).int4(readingTime).int8(0);
      b.timestamp(createdAt).timestamp(createdAt);
      if (searchVector == null) {
        b.nul();
      } else {
        searchVector.write(b);
      }
    }

    /** The revision state as ArticleService stores it: ArticleInput as JSON, nulls left out. */
    String revisionState(Generator g) {
      StringBuilder j = new StringBuilder(body.length() + 2_000);
      j.append('{');
      Json.field(j, "title", title);
      Json.field(j, "slug", slug);
      Json.field(j, "subtitle", subtitle);
      Json.field(j, "excerpt", excerpt);
      Json.field(j, "body", body);
      Json.field(j, "bodyFormat", "html");
      Json.field(j, "language", "de");
      String readStatus =
          "draft".equals(status)
              ? "draft"
              : publishedAt.isAfter(createdAt) ? "scheduled" : "published";
      Json.field(j, "status", readStatus);
      if (publishedAt != null) {
        Json.field(j, "publishedAt", publishedAt.toString());
      }
      j.append(",\"category\":");
      Json.ref(j, category.id(), category.slug());
      j.append(",\"authors\":[");
      for (int k = 0; k < byline.size(); k++) {
        if (k > 0) {
          j.append(',');
        }
        Json.ref(j, byline.get(k).id(), byline.get(k).slug());
      }
      j.append("],\"tags\":[");
      for (int k = 0; k < tags.size(); k++) {
        if (k > 0) {
          j.append(',');
        }
        Json.string(j, tags.get(k));
      }
      j.append("],\"related\":[");
      for (int k = 0; k < related.length; k++) {
        if (k > 0) {
          j.append(',');
        }
        Json.ref(j, g.articleId(related[k]), g.slugs[related[k]]);
      }
      j.append(']');
      if (sourceName != null) {
        j.append(",\"source\":{");
        Json.field(j, "name", sourceName);
        Json.field(j, "url", sourceUrl);
        Json.close(j);
      }
      if (imageUrl != null) {
        j.append(",\"featuredImage\":{");
        Json.field(j, "url", imageUrl);
        Json.field(j, "alt", imageAlt);
        Json.field(j, "caption", imageCaption);
        Json.field(j, "credit", imageCredit);
        Json.close(j);
      }
      if (metaTitle != null || metaDescription != null || canonicalUrl != null) {
        j.append(",\"seo\":{");
        Json.field(j, "metaTitle", metaTitle);
        Json.field(j, "metaDescription", metaDescription);
        Json.field(j, "canonicalUrl", canonicalUrl);
        Json.close(j);
      }
      j.append('}');
      return j.toString();
    }
  }

  /**
   * A binary COPY FROM STDIN. The server then reads each value as it is instead of splitting text
   * lines and parsing every field: with text COPY a fifth of PostgreSQL's CPU in a load went to
   * CopyReadLine, CopyReadAttributesText and tsvector's text input (perf, 100,000 articles).
   */
  static final class CopyOut implements AutoCloseable {
    /** The signature, the flags (no OIDs) and the length of the header extension (none). */
    static final byte[] HEADER = {
      'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
    };

    static final byte[] TRAILER = {(byte) 0xff, (byte) 0xff};

    final PGCopyOutputStream out;
    boolean finished;

    CopyOut(Connection c, String target) throws SQLException, IOException {
      out =
          new PGCopyOutputStream(
              c.unwrap(PGConnection.class),
              "copy " + target + " from stdin (format binary)",
              1 << 20);
      out.write(HEADER);
    }

    /** Sends the rows written so far and empties the buffer for the next ones. */
    void write(BinaryRows rows) throws IOException {
      out.write(rows.bytes, 0, rows.length);
      rows.length = 0;
    }

    /** Ends the COPY: the rows sent are stored (with the transaction, where there is one). */
    void finish() throws IOException {
      out.write(TRAILER);
      finished = true;
      out.close();
    }

    /** Without finish (an exception on the way), cancels the COPY: none of its rows are stored. */
    @Override
    public void close() throws IOException {
      if (!finished) {
        try {
          out.cancelCopy();
        } catch (java.sql.SQLException e) {
          throw new IOException(e);
        }
      }
    }
  }

  /**
   * Tuples in COPY's binary format: a field count, then each field as its length and the type's
   * binary form (the *send/*recv functions of PostgreSQL), all numbers big-endian.
   */
  static final class BinaryRows {
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in microseconds of the Unix epoch. */
    static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

    static final int TEXT_OID = 25;
    static final int JSONB_VERSION = 1;

    byte[] bytes;
    int length;

    BinaryRows(int capacity) {
      bytes = new byte[capacity];
    }

    BinaryRows tuple(int fields) {
      return int2(fields);
    }

    BinaryRows nul() {
      return raw4(-1);
    }

    BinaryRows int4(int v) {
      return raw4(4).raw4(v);
    }

    BinaryRows int8(long v) {
      return raw4(8).raw8(v);
    }

    BinaryRows uuid(UUID v) {
      return raw4(16).raw8(v.getMostSignificantBits()).raw8(v.getLeastSignificantBits());
    }

    /** A timestamptz: microseconds since PostgreSQL's epoch. */
    BinaryRows timestamp(Instant v) {
      if (v == null) {
        return nul();
      }
      long micros = Math.multiplyExact(v.getEpochSecond(), 1_000_000L) + v.getNano() / 1000;
      return int8(micros - PG_EPOCH_MICROS);
    }

    /** text and varchar: the UTF-8 bytes. */
    BinaryRows text(String v) {
      if (v == null) {
        return nul();
      }
      byte[] b = v.getBytes(StandardCharsets.UTF_8);
      return raw4(b.length).raw(b, 0, b.length);
    }

    /** jsonb: a version byte, then the JSON text. */
    BinaryRows jsonb(String json) {
      byte[] b = json.getBytes(StandardCharsets.UTF_8);
      return raw4(b.length + 1).raw1(JSONB_VERSION).raw(b, 0, b.length);
    }

    /** A one-dimensional text[] without nulls (array_send's form). */
    BinaryRows textArray(List<String> items) {
      int at = begin();
      if (items.isEmpty()) {
        raw4(0).raw4(0).raw4(TEXT_OID);
      } else {
        raw4(1).raw4(0).raw4(TEXT_OID).raw4(items.size()).raw4(1);
        for (String item : items) {
          text(item);
        }
      }
      return patch4(at, length - at - 4);
    }

    /** Reserves room for a field of unknown length; patch4 sets it when written. */
    int begin() {
      int at = length;
      raw4(0);
      return at;
    }

    BinaryRows patch4(int at, int v) {
      bytes[at] = (byte) (v >>> 24);
      bytes[at + 1] = (byte) (v >>> 16);
      bytes[at + 2] = (byte) (v >>> 8);
      bytes[at + 3] = (byte) v;
      return this;
    }

    BinaryRows raw1(int v) {
      room(1);
      bytes[length++] = (byte) v;
      return this;
    }

    BinaryRows int2(int v) {
      room(2);
      bytes[length++] = (byte) (v >>> 8);
      bytes[length++] = (byte) v;
      return this;
    }

    BinaryRows raw4(int v) {
      room(4);
      length += 4;
      return patch4(length - 4, v);
    }

    BinaryRows raw8(long v) {
      return raw4((int) (v >>> 32)).raw4((int) v);
    }

    BinaryRows raw(byte[] b, int from, int count) {
      room(count);
      System.arraycopy(b, from, bytes, length, count);
      length += count;
      return this;
    }

    void room(int more) {
      if (length + more > bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
      }
    }
  }

  /**
   * Just enough JSON writing for the revision state (the fields are added in ArticleInput order).
   */
  static final class Json {
    static void field(StringBuilder j, String name, String value) {
      if (value == null) {
        return;
      }
      if (j.charAt(j.length() - 1) != '{') {
        j.append(',');
      }
      j.append('"').append(name).append("\":");
      string(j, value);
    }

    static void close(StringBuilder j) {
      j.append('}');
    }

    static void ref(StringBuilder j, UUID id, String slug) {
      j.append("{\"id\":\"").append(id).append("\",\"slug\":");
      string(j, slug);
      j.append('}');
    }

    static void string(StringBuilder j, String s) {
      j.append('"');
      int start = 0;
      for (int k = 0, len = s.length(); k < len; k++) {
        char ch = s.charAt(k);
        if (ch == '"' || ch == '\\' || ch < 0x20) {
          j.append(s, start, k);
          escape(j, ch);
          start = k + 1;
        }
      }
      j.append(s, start, s.length()).append('"');
    }

    static void escape(StringBuilder j, char ch) {
      switch (ch) {
        case '"' -> j.append("\\\"");
        case '\\' -> j.append("\\\\");
        case '\n' -> j.append("\\n");
        case '\r' -> j.append("\\r");
        case '\t' -> j.append("\\t");
        default -> j.append(String.format("\\u%04x", (int) ch));
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // German news text

  static final class Words {

    /**
     * The vocabulary of one section of the paper. Sentences draw most of their nouns from the topic
     * of the article's category, so a word such as "Polizei" is common in crime reports and rare in
     * the arts pages, and searches find realistic shares of the articles.
     */
    record Topic(
        String name,
        String[] subjects,
        String[] objects,
        String[] sentences,
        String[] headSubjects,
        String[] headObjects,
        String[] tags) {}

    static <T> T pick(SplittableRandom r, List<T> list) {
      return list.get(r.nextInt(list.size()));
    }

    static String pick(SplittableRandom r, String[] items) {
      return items[r.nextInt(items.length)];
    }

    static String[] pickArray(SplittableRandom r, String[][] items) {
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

    static final java.util.concurrent.ConcurrentHashMap<String, Template> TEMPLATES =
        new java.util.concurrent.ConcurrentHashMap<>();

    /** A template with {slot}s replaced by random choices (slots may hold templates). */
    static String fill(SplittableRandom r, Topic t, String template) {
      StringBuilder out = new StringBuilder(160);
      fill(r, t, template, out);
      return out.toString();
    }

    static void fill(SplittableRandom r, Topic topic, String template, StringBuilder out) {
      Template t = TEMPLATES.computeIfAbsent(template, Template::compile);
      for (int k = 0; k < t.slots.length; k++) {
        out.append(t.literals[k]);
        switch (t.slots[k]) {
          case "s" -> out.append(pick(r, topic.subjects()));
          case "S" -> out.append(cap(pick(r, topic.subjects())));
          case "o" -> out.append(pick(r, topic.objects()));
          case "O" -> out.append(cap(pick(r, topic.objects())));
          case "v" -> fill(r, topic, pick(r, VERBS), out);
          case "p" -> fill(r, topic, pick(r, PARTICIPLES), out);
          case "adv" -> out.append(pick(r, ADVERBIALS));
          case "q" -> out.append(pick(r, QUOTES));
          case "who" -> fill(r, topic, pick(r, SPEAKERS), out);
          case "name" -> out.append(pick(r, FIRST_NAMES)).append(' ').append(pick(r, LAST_NAMES));
          case "city" -> out.append(pick(r, CITIES));
          case "n" -> out.append(number(r));
          case "g" -> out.append(r.nextInt(5));
          case "hs" -> out.append(pick(r, topic.headSubjects()));
          case "hv" -> out.append(pick(r, HEAD_VERBS));
          case "ho" -> out.append(pick(r, topic.headObjects()));
          case "hq" -> out.append(pick(r, HEAD_QUOTES));
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

    static String title(SplittableRandom r, Topic t) {
      return fill(r, t, pick(r, TITLES));
    }

    static String subtitle(SplittableRandom r, Topic t) {
      return fill(r, t, pick(r, SUBTITLES));
    }

    /**
     * Half the sentences are the section's own, a third generic ones about its nouns, the rest
     * filler.
     */
    static String sentence(SplittableRandom r, Topic t) {
      int p = r.nextInt(100);
      String[] pool = p < 50 ? t.sentences() : p < 80 ? FRAMES : FILLER;
      return fill(r, t, pick(r, pool));
    }

    /**
     * Words as HtmlSanitizer.wordCount counts them: whitespace-separated, with a letter or digit.
     */
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
    static void body(Article a, SplittableRandom r, Topic topic, Generator g, int index) {
      int target = 600 + r.nextInt(901);
      StringBuilder html = new StringBuilder(target * 9);
      StringBuilder text = new StringBuilder(target * 8);
      int words = 0;
      int paragraphs = 0;
      int linkAt = 1 + r.nextInt(4);
      boolean quoteBlock = r.nextInt(100) < 20;
      boolean list = r.nextInt(100) < 15;
      String firstSentences = null;
      java.util.Set<String> headings = new java.util.HashSet<>();
      Topic other = r.nextInt(100) < 25 ? TOPICS[r.nextInt(TOPICS.length)] : null;
      while (words < target) {
        if (paragraphs > 0 && paragraphs % (3 + r.nextInt(2)) == 0) {
          String h = pick(r, HEADINGS);
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
          String[] link = link(r, g, index);
          String before = pick(r, LINK_LEADS);
          markup = plain + " " + before + " <a href=\"" + link[0] + "\">" + link[1] + "</a>.";
          plain = plain + " " + before + " " + link[1] + ".";
        }
        html.append("<p>").append(markup).append("</p>");
        add(text, plain);
        words += countWords(plain);
        paragraphs++;
        if (quoteBlock && paragraphs == 3) {
          String q = "„" + pick(r, QUOTES) + "“";
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
    static String[] link(SplittableRandom r, Generator g, int index) {
      if (r.nextBoolean() && g.n > 1) {
        int j = r.nextInt(g.n);
        if (j != index && g.status[j] == 0) {
          return new String[] {"/artikel/" + g.slugs[j], pick(r, INTERNAL_LINK_TEXTS)};
        }
      }
      String[] source = pickArray(r, LINK_TARGETS);
      return new String[] {source[0], source[1]};
    }

    // --- vocabulary -------------------------------------------------------------------------

    /** Root categories with their subcategories; the root's position picks the topic. */
    static final String[][] CATEGORIES = {
      {"Politik", "Deutschland", "Europa", "Welt", "Wahlen"},
      {"Wirtschaft", "Unternehmen", "Finanzen", "Arbeit und Soziales", "Verbraucher", "Energie"},
      {"Kultur", "Literatur", "Film und Fernsehen", "Musik", "Kunst und Ausstellungen"},
      {"Sport", "Fußball", "Wintersport", "Leichtathletik", "Motorsport"},
      {"Wissen", "Umwelt", "Gesundheit", "Technik", "Forschung"},
      {"Panorama", "Unglücke", "Justiz", "Leute"},
      {"Regional", "Berlin", "Hamburg", "München", "Köln", "Leipzig"},
      {"Meinung", "Kommentare", "Gastbeiträge"},
    };

    /** Opinion pieces (the last root) write about the other sections' topics. */
    static final int OPINION = 7;

    static final Topic[] TOPICS = {
      new Topic(
          "Politik",
          new String[] {
            "die Bundesregierung", "die Regierung", "die Opposition", "der Bundestag",
            "die Koalition", "der Landtag", "die Kanzlerin", "der Innenminister",
            "die Europäische Kommission", "die Fraktion", "der Bundesrat", "die Ministerpräsidentin"
          },
          new String[] {
            "die Schuldenbremse", "den Haushalt für das kommende Jahr", "die Wahlrechtsreform",
            "die Rente mit 70", "das Bürgergeld", "die Reform der Erbschaftsteuer",
            "die Migrationspolitik", "die Verteidigungsausgaben", "die Entlastung von Familien",
            "das Heizungsgesetz", "die Kindergrundsicherung", "den Bundeshaushalt",
            "die Sanktionen gegen Russland", "die Asylreform", "die Digitalisierung der Verwaltung",
            "die Wehrpflicht", "den Föderalismus", "die Grundsteuer"
          },
          new String[] {
            "Die Regierung will {o} noch vor der Sommerpause durch das Parlament bringen.",
            "Im Bundestag kam es am Donnerstag zu einer hitzigen Debatte über {o}.",
            "Die Koalition ringt seit Wochen um einen Kompromiss.",
            "In der jüngsten Umfrage kommt die Union auf {g}{g} Prozent.",
            "Die Opposition warf der Regierung vor, die Wählerinnen und Wähler zu täuschen.",
            "Der Gesetzentwurf soll im Herbst in erster Lesung beraten werden.",
            "Mehrere Abgeordnete kündigten an, gegen {o} zu stimmen.",
            "Der Bundesrat muss dem Vorhaben noch zustimmen.",
            "Aus Regierungskreisen hieß es, man sei zuversichtlich.",
            "Die Landtagswahl im Herbst gilt als Stimmungstest für die Regierung.",
            "Der Koalitionsausschuss tagte bis tief in die Nacht.",
            "Die Ministerin verteidigte {o} im Plenum gegen scharfe Kritik."
          },
          new String[] {
            "Bundesregierung",
            "Koalition",
            "Opposition",
            "Bundestag",
            "Kanzlerin",
            "Landesregierung",
            "Bundesrat",
            "Innenminister"
          },
          new String[] {
            "Schuldenbremse", "Wahlrechtsreform", "Rentenpaket", "Bürgergeld-Reform",
            "Heizungsgesetz", "Haushaltsentwurf", "Asylreform", "Wehrpflicht",
            "Kindergrundsicherung", "Migrationsabkommen", "Polizeigesetz", "Grundsteuer"
          },
          new String[] {
            "Bundestag", "Koalition", "Opposition", "Landtagswahl", "Europawahl", "Haushalt",
            "Schuldenbremse", "Migration", "Rente", "Föderalismus", "Parteien", "Bundeswehr",
            "Diplomatie", "Ukraine", "Nahost", "NATO"
          }),
      new Topic(
          "Wirtschaft",
          new String[] {
            "die Bundesbank",
            "der Konzern",
            "die Gewerkschaft",
            "der Betriebsrat",
            "der Handelsverband",
            "die Industrie- und Handelskammer",
            "das Wirtschaftsministerium",
            "die Verbraucherzentrale",
            "der Energieversorger",
            "der kommunale Versorger",
            "die Europäische Zentralbank",
            "der Mittelstandsverband"
          },
          new String[] {
            "steigende Preise für Energie", "die Energiepreise", "die Löhne in der Pflege",
            "den Mindestlohn", "die Lieferketten der Industrie", "die Ansiedlung einer Chipfabrik",
            "den Fachkräftemangel im Handwerk", "die Inflation", "die Zinsen für Baukredite",
            "neue Wohnungen", "bezahlbaren Wohnraum", "den Ausbau der Windkraft",
            "die Wasserstoffstrategie", "die Energiewende", "den Export nach China",
            "die Tarifverhandlungen", "den Stellenabbau", "die Gasversorgung im Winter"
          },
          new String[] {
            "Die Preise für Strom und Gas sind zuletzt wieder gestiegen.",
            "Die Inflationsrate lag im vergangenen Monat bei {g},{g} Prozent.",
            "Der Konzern beschäftigt weltweit rund {n} Mitarbeiterinnen und Mitarbeiter.",
            "Die Gewerkschaft fordert {g},{g} Prozent mehr Lohn.",
            "Die Energie soll künftig vor allem aus Wind und Sonne kommen.",
            "An der Börse gab die Aktie um {g} Prozent nach.",
            "Viele Betriebe finden kaum noch Auszubildende.",
            "Die Mieten in den Großstädten steigen weiter, neue Wohnungen sind knapp.",
            "Der Umsatz stieg im dritten Quartal auf {n} Millionen Euro.",
            "Verbraucherschützer raten, die Preise genau zu vergleichen.",
            "Die Zentralbank ließ den Leitzins unverändert.",
            "Der Verband rechnet für das kommende Jahr mit einem leichten Wachstum."
          },
          new String[] {
            "Gewerkschaft",
            "Energieversorger",
            "Stadtwerke",
            "Bundesbank",
            "Handelsverband",
            "Verbraucherschützer",
            "Autoindustrie",
            "Mittelstand"
          },
          new String[] {
            "Energiewende",
            "Strompreise",
            "Mindestlohn",
            "Mietpreisbremse",
            "Stellenabbau",
            "Tarifeinigung",
            "Wärmepumpen-Förderung",
            "Chipfabrik",
            "Windkraftausbau",
            "Gaspreise",
            "Inflation",
            "Fachkräftemangel"
          },
          new String[] {
            "Energiewende", "Inflation", "Fachkräfte", "Mindestlohn", "Mietpreise", "Börse",
            "Banken", "Immobilien", "Einzelhandel", "Handwerk", "Streik", "Export",
            "Autoindustrie", "Mittelstand", "Wasserstoff", "Windkraft", "Gasversorgung"
          }),
      new Topic(
          "Kultur",
          new String[] {
            "das Theater",
            "die Intendantin",
            "das Museum",
            "der Verlag",
            "die Jury",
            "das Orchester",
            "der Regisseur",
            "die Kulturstaatsministerin",
            "das Festival",
            "die Stiftung"
          },
          new String[] {
            "die Sanierung des Opernhauses",
            "eine Retrospektive des Malers",
            "die neue Spielzeit",
            "den Literaturpreis",
            "die Förderung freier Ensembles",
            "die Rückgabe von Raubkunst",
            "das Programm des Festivals",
            "den Neubau der Stadtbibliothek",
            "die Digitalisierung der Archive",
            "eine Ausstellung über die Moderne"
          },
          new String[] {
            "Die Premiere am Samstagabend war restlos ausverkauft.",
            "Das Publikum feierte das Ensemble mit minutenlangem Applaus.",
            "Die Ausstellung ist bis zum Frühjahr zu sehen.",
            "Der Roman erzählt die Geschichte einer Familie über drei Generationen.",
            "Kritiker lobten die mutige Inszenierung.",
            "Der Preis ist mit {g}{g}.000 Euro dotiert.",
            "Im Mittelpunkt stehen Werke aus den Zwanzigerjahren.",
            "Das Haus wird seit Jahren mit knappen Mitteln betrieben.",
            "Die Regisseurin verlegt das Stück in die Gegenwart.",
            "Gezeigt werden mehr als {n} Gemälde, Zeichnungen und Fotografien."
          },
          new String[] {
            "Staatstheater",
            "Intendantin",
            "Museum",
            "Filmfestival",
            "Jury",
            "Orchester",
            "Verlag",
            "Kulturstiftung"
          },
          new String[] {
            "Spielzeit", "Literaturpreis", "Opernsanierung", "Raubkunst-Rückgabe", "Retrospektive",
            "Theaterfestival", "Bibliotheksneubau", "Kulturförderung", "Uraufführung", "Buchmesse"
          },
          new String[] {
            "Theater",
            "Oper",
            "Kino",
            "Literaturpreis",
            "Ausstellung",
            "Festival",
            "Musik",
            "Denkmalschutz",
            "Buchmesse"
          }),
      new Topic(
          "Sport",
          new String[] {
            "der Fußballverein", "die Trainerin", "der Verband", "die Nationalmannschaft",
            "der Kapitän", "der Sportdirektor", "die Olympiasiegerin", "der Aufsteiger",
            "die Liga", "der Tabellenführer"
          },
          new String[] {
            "den Neubau des Stadions",
            "die Vertragsverlängerung des Trainers",
            "die Nachwuchsarbeit",
            "die Sanierung des Hallenbads",
            "die Vergabe der Spiele",
            "die Ticketpreise",
            "den Videobeweis",
            "die Förderung des Breitensports",
            "die Bewerbung um Olympische Spiele",
            "den Transfer des Stürmers"
          },
          new String[] {
            "Das Spiel endete nach neunzig Minuten {g}:{g}.",
            "Vor {n} Zuschauern fiel der Siegtreffer erst in der Nachspielzeit.",
            "Der Trainer lobte nach dem Abpfiff die Moral seiner Mannschaft.",
            "In der Tabelle rückt das Team damit auf Platz {g} vor.",
            "Die Sportlerin sicherte sich bei der Weltmeisterschaft die Silbermedaille.",
            "Der Verein verpflichtete einen Verteidiger aus der zweiten Liga.",
            "Das Rückspiel findet in zwei Wochen statt.",
            "Die Mannschaft wirkte nach der Pause wie ausgewechselt."
          },
          new String[] {
            "Fußballverein",
            "Nationalmannschaft",
            "Trainerin",
            "Aufsteiger",
            "Tabellenführer",
            "Sportdirektor",
            "Handballteam",
            "Biathletin"
          },
          new String[] {
            "Stadionneubau",
            "Saisonauftakt",
            "Pokalfinale",
            "Trainerwechsel",
            "Abstiegskampf",
            "Meisterschaft",
            "Olympiabewerbung",
            "Nachwuchsförderung",
            "Rekordtransfer",
            "Weltmeisterschaft"
          },
          new String[] {
            "Bundesliga",
            "Olympia",
            "Fußball-WM",
            "Handball",
            "Biathlon",
            "Formel 1",
            "Tennis",
            "Sportvereine"
          }),
      new Topic(
          "Wissen",
          new String[] {
            "das Klinikum",
            "die Ärztekammer",
            "das Gesundheitsministerium",
            "die Hochschule",
            "das Forschungsinstitut",
            "das Umweltbundesamt",
            "der Deutsche Wetterdienst",
            "die Krankenkasse",
            "die Weltgesundheitsorganisation",
            "die Forschungsgruppe"
          },
          new String[] {
            "die Krankenhausreform",
            "die Zukunft des Krankenhauses",
            "den Klimaschutz",
            "die Versorgung auf dem Land",
            "den Schutz der Wälder",
            "die Artenvielfalt",
            "die Forschung an Impfstoffen",
            "den Meeresschutz",
            "die Pflege älterer Menschen",
            "die Folgen der Hitze",
            "die Digitalisierung der Medizin",
            "den Einsatz künstlicher Intelligenz"
          },
          new String[] {
            "Das Krankenhaus bleibt nach Angaben der Träger vorerst geöffnet.",
            "Für den Klimaschutz sei das ein gutes Signal, heißt es bei den Umweltverbänden.",
            "Die Studie wurde in einer renommierten Fachzeitschrift veröffentlicht.",
            "Die Forscherinnen werteten Daten von mehr als {n} Patienten aus.",
            "Der vergangene Sommer war einer der heißesten seit Beginn der Aufzeichnungen.",
            "Viele Praxen auf dem Land finden keine Nachfolger.",
            "Die Ergebnisse müssen noch in größeren Studien bestätigt werden.",
            "Der Meeresspiegel steigt schneller als bisher angenommen.",
            "Das Team will die Methode nun an weiteren Proben testen."
          },
          new String[] {
            "Ärztekammer",
            "Klinikum",
            "Krankenkassen",
            "Forschende",
            "Wetterdienst",
            "Umweltbundesamt",
            "Gesundheitsministerium",
            "Hochschule"
          },
          new String[] {
            "Krankenhausreform", "Klimaschutzgesetz", "Hitzeschutzplan", "Impfstoff",
            "Ärztemangel", "Artenschutz", "Hochwasserschutz", "Pflegereform",
            "Krankenhausschließungen", "Waldsterben", "Grippewelle"
          },
          new String[] {
            "Klimaschutz", "Forschung", "Raumfahrt", "Medizin", "Impfung", "Pflege",
            "Ernährung", "Hitze", "Dürre", "Artenschutz", "Wald", "Meeresschutz",
            "Künstliche Intelligenz", "Gesundheitspolitik", "Krankenhausreform"
          }),
      new Topic(
          "Panorama",
          new String[] {
            "die Polizei", "die Staatsanwaltschaft", "die Feuerwehr", "das Landgericht",
            "der Angeklagte", "die Ermittler", "der Rettungsdienst", "der Zoll"
          },
          new String[] {
            "einen Brand in einer Lagerhalle", "eine Serie von Einbrüchen",
            "den Prozess gegen den Betreiber", "die Ermittlungen nach dem Unfall",
            "die Suche nach dem Vermissten", "einen Betrug mit falschen Polizisten",
            "die Sicherheit auf den Straßen", "den Schutz vor Hochwasser"
          },
          new String[] {
            "Die Polizei meldete am Abend keine besonderen Vorkommnisse.",
            "Verletzt wurde nach Angaben der Polizei niemand.",
            "Die Feuerwehr war mit {n} Einsatzkräften vor Ort.",
            "Der Prozess wird am kommenden Montag fortgesetzt.",
            "Die Ermittler gehen von Brandstiftung aus.",
            "Zeugen werden gebeten, sich bei der Polizei zu melden.",
            "Der Sachschaden wird auf mehrere Hunderttausend Euro geschätzt.",
            "Das Urteil ist noch nicht rechtskräftig.",
            "Die Straße blieb für mehrere Stunden gesperrt."
          },
          new String[] {
            "Polizei",
            "Feuerwehr",
            "Staatsanwaltschaft",
            "Landgericht",
            "Ermittler",
            "Zoll",
            "Rettungskräfte",
            "Gericht"
          },
          new String[] {
            "Großbrand", "Einbruchserie", "Betrugsprozess", "Vermisstensuche", "Unwetter",
            "Verkehrsunfall", "Drogenfund", "Hochwasser", "Razzia", "Polizeieinsatz"
          },
          new String[] {
            "Polizei",
            "Justiz",
            "Feuerwehr",
            "Gericht",
            "Kriminalität",
            "Unfall",
            "Brand",
            "Katastrophenschutz",
            "Hochwasser",
            "Wetter"
          }),
      new Topic(
          "Regional",
          new String[] {
            "der Stadtrat", "der Bürgermeister", "die Oberbürgermeisterin", "die Bürgerinitiative",
            "der Landkreis", "die Stadtverwaltung", "der Mieterverein", "das Verkehrsunternehmen",
            "die Schulbehörde", "der Ortsbeirat"
          },
          new String[] {
            "den Ausbau der Radwege",
            "die Sanierung der Schulen",
            "den Verkehr in der Innenstadt",
            "den öffentlichen Nahverkehr",
            "die Öffnungszeiten der Bürgerämter",
            "die Gebühren für Müllabfuhr und Abwasser",
            "den Bau einer neuen Brücke",
            "die Zukunft der Innenstadt",
            "die Betreuung in Kitas",
            "neue Wohnungen am Stadtrand",
            "das Parken in der Altstadt",
            "die Fußgängerzone"
          },
          new String[] {
            "Viele Schulen warten seit Jahren auf eine Sanierung.",
            "Der Verkehr in der Innenstadt soll bis dahin weitgehend ungestört fließen.",
            "Die Bürgerinnen und Bürger können sich bis Ende des Monats an einer Befragung"
                + " beteiligen.",
            "Die Baustelle sorgt seit Wochen für Staus im Berufsverkehr.",
            "Neue Wohnungen entstehen vor allem am Stadtrand.",
            "Der Stadtrat will im nächsten Monat entscheiden.",
            "Anwohner klagen über Lärm und fehlende Parkplätze.",
            "Die Straßenbahn soll künftig im Zehn-Minuten-Takt fahren.",
            "Die Bürger sollen früher als bisher beteiligt werden."
          },
          new String[] {
            "Stadtrat",
            "Bürgermeister",
            "Oberbürgermeisterin",
            "Bürgerinitiative",
            "Landkreis",
            "Verkehrsbetriebe",
            "Mieterverein",
            "Schulbehörde"
          },
          new String[] {
            "Ausbau der Radwege",
            "neue Schulgebäude",
            "Grundsteuer",
            "Nahverkehrsplan",
            "Fußgängerzone",
            "Müllgebühren",
            "Brückensanierung",
            "Kita-Gebühren",
            "neue Straßenbahnlinie",
            "Parkgebühren",
            "Gewerbegebiet am Stadtrand",
            "Sanierung des Hallenbads"
          },
          new String[] {
            "Kommunalpolitik",
            "Stadtentwicklung",
            "Nahverkehr",
            "Fahrrad",
            "Straßenbahn",
            "Schulen",
            "Kita",
            "Wohnungsbau",
            "Bürgerbeteiligung",
            "Fußgängerzone",
            "Gemeinderat",
            "Landrat",
            "Verkehrswende"
          })
    };

    /** Sentences whose nouns come from the topic. */
    static final String[] FRAMES = {
      "{S} {v}.",
      "{S} {v}.",
      "{adv} hat {s} {p}.",
      "„{q}“, sagte {who}.",
      "Die Kosten für {o} belaufen sich nach ersten Schätzungen auf rund {n} Millionen Euro.",
      "{g}{g} Prozent der Befragten sprachen sich in einer Umfrage für {o} aus.",
      "In {city} wird seit Monaten über {o} gestritten.",
      "Über {o} wird nach Einschätzung von Fachleuten noch lange gestritten werden."
    };

    /** Sentences that could stand in any report. */
    static final String[] FILLER = {
      "Eine Entscheidung wird für die kommende Woche erwartet.",
      "Ob der Zeitplan zu halten ist, gilt als offen.",
      "Fachleute halten die Pläne für unausgegoren und fordern mehr Tempo.",
      "Kritiker bemängeln, dass die Betroffenen zu spät beteiligt worden seien.",
      "Auch in {city} beobachtet man die Entwicklung genau.",
      "„{q}“, sagte {who} am Rande der Sitzung.",
      "In {city} gingen am Wochenende mehr als {n} Menschen auf die Straße.",
      "Weitere Einzelheiten sollen in den kommenden Tagen bekannt gegeben werden.",
      "Eine Stellungnahme lag bis zum Abend nicht vor.",
      "Das letzte Wort ist damit noch nicht gesprochen.",
      "Beobachter sprechen von einem Wendepunkt.",
      "Die Zahlen sind allerdings nur vorläufig."
    };

    static final String[] VERBS = {
      "plant {o}",
      "fordert mehr Geld für {o}",
      "kritisiert {o} scharf",
      "prüft {o}",
      "will {o} bis zum Jahresende vorantreiben",
      "verteidigt {o} gegen Kritik",
      "streitet seit Monaten über {o}",
      "setzt sich für {o} ein",
      "hält {o} für überfällig",
      "warnt vor Verzögerungen und verlangt einen Zeitplan für {o}",
      "lehnt {o} ab",
      "sieht {o} skeptisch",
      "will {o} grundlegend neu ordnen",
      "hat Bedenken gegen {o}",
      "unterstützt {o} ausdrücklich",
      "diskutiert am Abend über {o}",
      "kündigte an, {o} noch in diesem Jahr zu überprüfen",
      "bezeichnete {o} als wichtigste Aufgabe der kommenden Jahre"
    };

    static final String[] PARTICIPLES = {
      "neue Pläne für {o} vorgestellt",
      "{o} scharf kritisiert",
      "einen Bericht über {o} vorgelegt",
      "sich für {o} ausgesprochen",
      "Millionen für {o} bereitgestellt",
      "eine Expertenkommission für {o} eingesetzt",
      "{o} vorerst gestoppt",
      "überraschend deutlich für {o} gestimmt",
      "eine Umfrage über {o} in Auftrag gegeben",
      "Gespräche über {o} aufgenommen",
      "{o} zur Chefsache erklärt"
    };

    static final String[] ADVERBIALS = {
      "Am Montag",
      "Am Dienstagabend",
      "Bereits im Frühjahr",
      "Nach langen Verhandlungen",
      "Trotz heftiger Kritik",
      "Überraschend",
      "In der vergangenen Woche",
      "Am Rande einer Sitzung",
      "Nach Angaben eines Sprechers",
      "Zum ersten Mal seit Jahren",
      "Noch vor der Sommerpause",
      "Am Donnerstag",
      "Kurz vor Weihnachten",
      "Im Herbst",
      "Nach monatelangem Streit",
      "Gegen den Widerstand der Opposition"
    };

    static final String[] QUOTES = {
      "Wir müssen jetzt handeln, bevor die Kosten weiter steigen",
      "Das ist ein wichtiger Schritt für die ganze Region",
      "Niemand kann sich heute noch zurücklehnen",
      "Die Menschen erwarten zu Recht, dass wir liefern",
      "Wir werden das sehr genau prüfen",
      "Das Geld kommt dort an, wo es gebraucht wird",
      "Ohne die Menschen vor Ort wird das nicht gelingen",
      "Wir haben aus den Fehlern der Vergangenheit gelernt",
      "Es geht um die Zukunft unserer Städte und Gemeinden",
      "So darf es nicht weitergehen",
      "Für große Sprünge fehlt schlicht das Geld",
      "Die Lage ist ernst, aber nicht hoffnungslos"
    };

    static final String[] SPEAKERS = {
      "der Sprecher der Verwaltung", "eine Sprecherin des Ministeriums", "Ministerin {name}",
      "der Vorsitzende {name}", "die Fraktionschefin {name}", "Bürgermeister {name}",
      "die Expertin {name}", "ein Anwohner", "die Gewerkschafterin {name}",
      "Verbandspräsident {name}", "der Ökonom {name}", "die Trainerin {name}",
      "die Kuratorin {name}", "Oberstaatsanwalt {name}"
    };

    static final String[] CITIES = {
      "Berlin",
      "München",
      "Köln",
      "Düsseldorf",
      "Nürnberg",
      "Lübeck",
      "Görlitz",
      "Jena",
      "Würzburg",
      "Saarbrücken",
      "Gießen",
      "Fürth",
      "Osnabrück",
      "Tübingen",
      "Mönchengladbach",
      "Göttingen",
      "Lüneburg",
      "Bückeburg",
      "Zweibrücken",
      "Regensburg",
      "Münster",
      "Passau",
      "Dresden",
      "Chemnitz",
      "Weißenfels",
      "Lörrach",
      "Völklingen",
      "Gütersloh"
    };

    static final String[] HEADINGS = {
      "Was geplant ist",
      "Kritik aus der Opposition",
      "Kosten und Finanzierung",
      "Wie es weitergeht",
      "Reaktionen",
      "Hintergrund",
      "Die Lage vor Ort",
      "Zahlen und Fakten",
      "Stimmen aus der Bevölkerung",
      "Was Fachleute sagen",
      "Der Zeitplan",
      "Offene Fragen",
      "Folgen für Verbraucher",
      "Ein Blick zurück",
      "Was jetzt zählt",
      "Streit um die Details",
      "Erste Bilanz",
      "Die Vorgeschichte",
      "Wer profitiert",
      "Was Betroffene fordern",
      "Zwischen Hoffnung und Skepsis",
      "Der nächste Schritt",
      "Warum es so lange dauert",
      "Was die Zahlen zeigen",
      "Größere Sorgen im Süden",
      "Ärger über Verzögerungen"
    };

    static final String[] LINK_LEADS = {
      "Mehr dazu im", "Hintergründe liefert der", "Einzelheiten stehen im", "Siehe auch den"
    };

    static final String[] INTERNAL_LINK_TEXTS = {
      "früheren Artikel",
      "Bericht von vergangener Woche",
      "Hintergrundstück der Redaktion",
      "Kommentar zum Thema"
    };

    static final String[][] LINK_TARGETS = {
      {"https://www.destatis.de/DE/Home/_inhalt.html", "Datenangebot des Statistischen Bundesamts"},
      {"https://www.bundestag.de/dokumente", "Dokumentenarchiv des Bundestags"},
      {"https://www.umweltbundesamt.de/daten", "Datenportal des Umweltbundesamts"},
      {"https://www.example.org/dossiers/energiewende", "Dossier zur Energiewende"},
      {"https://www.example.org/berichte/haushalt", "Bericht zum Haushaltsentwurf"},
      {"https://www.dwd.de/DE/klimaumwelt/klimaumwelt_node.html", "Klimaportal des Wetterdiensts"}
    };

    static final String[] HEAD_VERBS = {
      "beschließt",
      "fordert",
      "kritisiert",
      "plant",
      "stoppt",
      "prüft",
      "warnt vor",
      "streitet über",
      "investiert in",
      "verschiebt",
      "verteidigt",
      "feiert",
      "bremst"
    };

    static final String[] HEAD_QUOTES = {
      "Wir müssen jetzt handeln", "Ein wichtiger Schritt", "So geht es nicht weiter",
      "Größte Reform seit Jahren", "Das Geld fehlt überall", "Niemand wird zurückgelassen",
      "Ein schwarzer Tag", "Endlich Klarheit"
    };

    static final String[] TITLES = {
      "{hs} {hv} {ho}",
      "{hs} {hv} {ho}",
      "{city}: {hs} {hv} {ho}",
      "„{hq}“: {hs} {hv} {ho}",
      "{n} Millionen Euro: {hs} {hv} {ho}",
      "Streit um {ho} in {city}",
      "Was der Streit um {ho} für {city} bedeutet",
      "{hs} in {city} {hv} {ho}",
      "Nach Kritik: {hs} {hv} {ho}",
      "Umfrage: Mehrheit in {city} gegen {ho}",
      "{ho}: Wie es in {city} weitergeht"
    };

    static final String[] SUBTITLES = {
      "{S} {v} – und stößt auf Widerstand",
      "Mehr als {n} Menschen betroffen: {s} {v}",
      "Warum {s} {v}",
      "In {city} wächst der Druck: {s} {v}"
    };

    static final String[] OPINION_LEADS = {"Ein Kommentar: ", "Meinung: ", "Gastbeitrag: ", ""};

    static final String[] FIRST_NAMES = {
      "Sophie",
      "Jörg",
      "Lena",
      "Matthias",
      "Anna",
      "Jürgen",
      "Katharina",
      "Björn",
      "Özlem",
      "Thomas",
      "Julia",
      "Sören",
      "Maria",
      "Stefan",
      "Hannah",
      "Ümit",
      "Claudia",
      "Andreas",
      "Laura",
      "Günter",
      "Miriam",
      "Tobias",
      "Sabine",
      "Felix",
      "Zoë",
      "Ralf",
      "Jana",
      "Malte",
      "Ines",
      "Hakan",
      "Greta",
      "Benedikt",
      "Dörte",
      "Yusuf",
      "Carolin",
      "Mathis",
      "Franziska",
      "Tim",
      "Ayşe",
      "Nils"
    };

    static final String[] LAST_NAMES = {
      "Müller",
      "Weißmann",
      "Öztürk",
      "Schäfer",
      "Jäger",
      "Kühn",
      "Böhm",
      "Groß",
      "Fuß",
      "Bäcker",
      "Schröder",
      "Köhler",
      "Krüger",
      "Günther",
      "Schütz",
      "Hähnel",
      "Wöhrle",
      "Lange",
      "Brandt",
      "Vogel",
      "Hoffmann",
      "Nußbaum",
      "Strauß",
      "Meißner",
      "Dreßler",
      "Kaya",
      "Yılmaz",
      "Petersen",
      "Albrecht",
      "Seidel",
      "Löffler",
      "Hübner",
      "Pöschl",
      "Rößler",
      "Kranz",
      "Wendt"
    };

    static final String[] BEATS = {
      "Sicherheitspolitik und internationale Krisen",
      "Energie, Industrie und Mittelstand",
      "Bildung und Familienpolitik",
      "Fußball und Breitensport",
      "Klima und Umwelt",
      "Gesundheitspolitik und Pflege",
      "Stadtentwicklung und Verkehr",
      "Gerichtsverfahren",
      "Literatur und Theater",
      "Digitalisierung und Datenschutz",
      "Landespolitik",
      "Wohnungsmarkt und Mieten",
      "Forschung und Hochschulen"
    };

    static final String[] BIO_SENTENCES = {
      "sie studierte Politikwissenschaft in Leipzig und Krakau und volontierte bei einer"
          + " Regionalzeitung.",
      "er arbeitete zuvor als Korrespondent in Brüssel und Wien.",
      "für eine Recherche über Pflegeheime erhielt sie einen Journalistenpreis.",
      "er erklärt komplexe Zahlen gern mit Grafiken und besucht Betriebe lieber vor Ort.",
      "sie moderiert außerdem den Podcast der Redaktion.",
      "in seiner Freizeit restauriert er alte Motorräder.",
      "vor ihrem Wechsel zu Feder leitete sie das Lokalressort einer Tageszeitung in"
          + " Süddeutschland."
    };

    static final String[] IMAGE_ALTS = {
      "Menschen auf einer Kundgebung vor dem Rathaus", "Eine Baustelle mit Kränen am Stadtrand",
      "Der Plenarsaal während einer Debatte", "Radfahrer auf einer neuen Fahrradstraße",
      "Windräder auf einem Feld bei Sonnenuntergang", "Ein Klassenzimmer mit leeren Stühlen",
      "Einsatzkräfte der Feuerwehr bei einer Übung", "Eine Straßenbahn an einer Haltestelle",
      "Zuschauer im Stadion beim Torjubel", "Besucherinnen vor einem Gemälde im Museum"
    };

    static final String[][] SOURCES = {
      {"dpa", "https://www.dpa.com/"},
      {"Reuters", "https://www.reuters.com/"},
      {"AFP", "https://www.afp.com/"},
      {"epd", null},
      {"KNA", null},
      {"Eigene Recherche", null}
    };

    /** Tags of any section. */
    static final String[] GENERAL_TAGS = {
      "Digitalisierung",
      "Umfrage",
      "Datenschutz",
      "Cybersicherheit",
      "Integration",
      "Ehrenamt",
      "Kirche",
      "Tourismus",
      "Gastronomie",
      "Landwirtschaft",
      "Tierschutz",
      "China",
      "USA",
      "Menschenrechte",
      "Bildung",
      "Bahn",
      "Flughafen",
      "Hafen",
      "Breitband",
      "Mobilfunk"
    };
  }
}
