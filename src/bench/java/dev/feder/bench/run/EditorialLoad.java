package dev.feder.bench.run;

import static dev.feder.bench.run.Http.JSON;
import static dev.feder.bench.run.Http.get;
import static dev.feder.bench.run.Http.say;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The editorial-load benchmark behind src/bench/editorial.sh: public reads while editors save. For
 * each read scenario (articles by slug rotating over 1,000 slugs; the first {@code --list-pages}
 * pages of the article list) and each write rate of {@code --write-rates} (default 0, 1 and 5 per
 * second), wrk drives the reads as run.sh does while a writer sends merge-PATCHes of one published
 * article's {@code excerpt} with {@code If-Match}, spread over {@code --write-articles} (200)
 * articles, at that rate. It reports the reads' throughput and latency, their share of the no-write
 * throughput, the PATCH latency percentiles and the largest RSS, and marks the targets of the
 * editorial-load issue met or missed. Report: {@code target/bench/editorial-<N>.md}.
 */
public final class EditorialLoad {

  private final BenchOptions o;
  private final Wrk wrk;

  EditorialLoad(BenchOptions options) {
    this.o = options;
    this.wrk = new Wrk(options);
  }

  public static void main(String[] args) throws Exception {
    new EditorialLoad(BenchOptions.parse(args)).run();
  }

  /** One measured run: reads of a scenario at a write rate. */
  record Row(String scenario, int writesPerSecond, Result reads, Writer.Figures writes) {}

  void run() throws Exception {
    Files.createDirectories(o.out.resolve("logs"));
    Files.createDirectories(o.out.resolve("wrk"));
    Files.createDirectories(o.out.resolve("urls"));
    Map<String, String> machine = Machine.describe(o);
    List<String> report = new ArrayList<>();
    for (String m : o.modes) {
      Mode mode = Mode.of(m);
      say("--- editorial load, Feder %s", mode.name());
      try (FederProcess feder = FederProcess.start(o, o.port, mode, "editorial-" + m)) {
        String base = "http://127.0.0.1:" + o.port;
        List<Scenario> scenarios = scenarios(base);
        List<String> written = writtenArticles(base);
        if (o.jitWarmup > 0) {
          Path all = o.out.resolve("urls/editorial-all.txt");
          List<String> every = new ArrayList<>();
          scenarios.forEach(s -> every.addAll(s.paths()));
          Files.write(all, every);
          say("JIT warm-up: %d s over both scenarios, 5 writes per second", o.jitWarmup);
          try (Writer writer = Writer.start(o, base, written, 5)) {
            wrk.run(base, all, o.jitWarmup, o.out.resolve("wrk/editorial-jit-warmup.txt"), null);
          }
        }
        List<Row> rows = new ArrayList<>();
        for (Scenario s : scenarios) {
          Path paths = o.out.resolve("urls/editorial-" + s.name() + ".txt");
          Files.write(paths, s.paths());
          for (int rate : o.writeRates) {
            rows.add(measure(feder, base, s, paths, rate, written, m));
          }
        }
        report.addAll(table(mode, rows, feder));
      }
    }
    write(machine, report);
  }

  private Row measure(
      FederProcess feder,
      String base,
      Scenario s,
      Path paths,
      int rate,
      List<String> written,
      String m)
      throws Exception {
    String name = m + "-" + s.name() + "-" + rate + "w";
    try (Writer writer = Writer.start(o, base, written, rate)) {
      if (o.warmup > 0) {
        wrk.run(
            base, paths, o.warmup, o.out.resolve("wrk/editorial-" + name + "-warmup.txt"), null);
      }
      writer.reset();
      Result r =
          wrk.run(base, paths, o.duration, o.out.resolve("wrk/editorial-" + name + ".txt"), feder);
      Writer.Figures w = writer.figures();
      say(
          "%-8s %d writes/s  %9.0f req/s  p99 %6.2f ms  RSS %d MB  PATCH: %d, p50 %.1f ms, p99"
              + " %.1f ms%s",
          s.name(),
          rate,
          r.rps(),
          r.p99ms(),
          r.maxRssKb() / 1024,
          w.count(),
          w.p50ms(),
          w.p99ms(),
          r.errors() + r.non2xx() + w.failures() > 0
              ? "  ERRORS " + (r.errors() + r.non2xx()) + " reads, " + w.failures() + " writes"
              : "");
      return new Row(s.name(), rate, r, w);
    }
  }

  /** Articles by slug (1,000 spread over the list, as run.sh) and the first list pages. */
  private List<Scenario> scenarios(String base) throws Exception {
    BenchOptions only = BenchOptions.parse(new String[] {"--scenarios", "by-slug"});
    only.slugCount = o.slugCount;
    only.cursorDepth = 1;
    List<Scenario> bySlug = Scenarios.prepare(base, only);
    List<String> pages = new ArrayList<>();
    for (int page = 1; page <= o.listPages; page++) {
      pages.add("/api/v1/articles?page=" + page);
    }
    return List.of(
        bySlug.get(0),
        new Scenario(
            "list",
            "`GET /api/v1/articles?page={1.." + o.listPages + "}`: list pages rotating",
            pages));
  }

  /** The ids of the articles the writes go to: published ones from the first list pages. */
  private List<String> writtenArticles(String base) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int page = 1; ids.size() < o.writeArticles; page++) {
      JsonNode p = get(base + "/api/v1/articles?size=100&fields=id&page=" + page);
      if (p.path("data").isEmpty()) {
        break;
      }
      for (JsonNode item : p.path("data")) {
        if (ids.size() < o.writeArticles) {
          ids.add(item.path("id").asText());
        }
      }
    }
    return ids;
  }

  private List<String> table(Mode mode, List<Row> rows, FederProcess feder) {
    List<String> lines = new ArrayList<>();
    lines.add("### Feder, " + mode.name());
    lines.add("");
    lines.add(
        "| scenario | writes/s | reads/s | vs no writes | p50 | p99 | errors | PATCHes |"
            + " PATCH p50 | PATCH p99 | RSS |");
    lines.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    List<String> targets = new ArrayList<>();
    long maxRss = 0;
    for (Row row : rows) {
      Result r = row.reads();
      Writer.Figures w = row.writes();
      double none = noWrites(rows, row.scenario());
      double share = none > 0 ? r.rps() / none : Double.NaN;
      maxRss = Math.max(maxRss, r.maxRssKb());
      lines.add(
          String.format(
              Locale.ROOT,
              "| %s | %d | %,.0f | %.2fx | %.2f ms | %.2f ms | %d | %d | %s | %s | %d MB |",
              row.scenario(),
              row.writesPerSecond(),
              r.rps(),
              share,
              r.p50ms(),
              r.p99ms(),
              r.errors() + r.non2xx() + w.failures(),
              w.count(),
              w.count() == 0 ? "–" : String.format(Locale.ROOT, "%.1f ms", w.p50ms()),
              w.count() == 0 ? "–" : String.format(Locale.ROOT, "%.1f ms", w.p99ms()),
              r.maxRssKb() / 1024));
      // The targets: by-slug at every write rate, list pages at 1 write per second.
      boolean target =
          row.writesPerSecond() > 0
              && (row.scenario().equals("by-slug") || row.writesPerSecond() == 1);
      if (target) {
        targets.add(
            mark(
                share >= 0.8 && r.p99ms() < 10,
                String.format(
                    Locale.ROOT,
                    "%s at %d writes/s: ≥ 0.8x of no writes, p99 < 10 ms (%.2fx, %.2f ms)",
                    row.scenario(),
                    row.writesPerSecond(),
                    share,
                    r.p99ms())));
        targets.add(
            mark(
                w.count() > 0 && w.p99ms() < 100,
                String.format(
                    Locale.ROOT,
                    "PATCH p99 < 100 ms beside %s at %d writes/s (%.1f ms)",
                    row.scenario(),
                    row.writesPerSecond(),
                    w.p99ms())));
      }
    }
    targets.add(mark(maxRss < 400 * 1024, "RSS under load < 400 MB (" + maxRss / 1024 + " MB)"));
    lines.add("");
    lines.add("Targets of the editorial-load issue:");
    lines.add("");
    targets.forEach(t -> lines.add("- " + t));
    lines.add("");
    lines.add("Feder's log: `" + feder.log + "`");
    lines.add("");
    return lines;
  }

  private static double noWrites(List<Row> rows, String scenario) {
    return rows.stream()
        .filter(r -> r.scenario().equals(scenario) && r.writesPerSecond() == 0)
        .mapToDouble(r -> r.reads().rps())
        .findFirst()
        .orElse(0);
  }

  private static String mark(boolean met, String what) {
    return (met ? "met: " : "**missed**: ") + what;
  }

  private void write(Map<String, String> machine, List<String> tables) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("# Feder under editorial load, " + String.format(Locale.ROOT, "%,d", o.articles));
    lines.add("");
    machine.forEach((k, v) -> lines.add("- " + k + ": " + v));
    lines.add("- Feder: " + o.jar.toAbsolutePath());
    lines.add(
        "- load average at the end: "
            + Machine.firstMatch(Path.of("/proc/loadavg"), "^(\\S+ \\S+ \\S+)"));
    lines.add(
        String.format(
            Locale.ROOT,
            "- reads: wrk -t%d -c%d, %d s per run after %d s of warm-up; writes: merge-PATCHes of"
                + " `excerpt` with If-Match over %d published articles",
            o.threads,
            o.connections,
            o.duration,
            o.warmup,
            o.writeArticles));
    lines.add("");
    lines.addAll(tables);
    Path file = o.out.resolve("editorial-" + o.articles + ".md");
    Files.write(file, lines);
    say("report: %s", file);
  }

  /**
   * Merge-PATCHes of one article's {@code excerpt} at a fixed rate, each with the {@code If-Match}
   * of the answer to the article's previous write (or of a GET for the first), over the articles in
   * turn, on a connection of its own; the latency of each PATCH is recorded.
   */
  static final class Writer implements AutoCloseable {

    /** What the writes of a run measured. */
    record Figures(int count, int failures, double p50ms, double p99ms) {}

    private static final HttpClient CLIENT =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final BenchOptions o;
    private final String base;
    private final List<String> ids;
    private final Map<String, String> etags = new ConcurrentHashMap<>();
    private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger next = new AtomicInteger();
    private final ScheduledExecutorService scheduler;

    private Writer(BenchOptions o, String base, List<String> ids, int rate) {
      this.o = o;
      this.base = base;
      this.ids = ids;
      this.scheduler =
          Executors.newScheduledThreadPool(
              2,
              r -> {
                Thread t = new Thread(r, "editorial-writer");
                t.setDaemon(true);
                return t;
              });
      if (rate > 0) {
        scheduler.scheduleAtFixedRate(this::write, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
      }
    }

    static Writer start(BenchOptions o, String base, List<String> ids, int rate) {
      return new Writer(o, base, ids, rate);
    }

    /** Forgets what was measured so far (the warm-up's writes). */
    void reset() {
      latencies.clear();
      failures.set(0);
    }

    Figures figures() {
      List<Long> sorted;
      synchronized (latencies) {
        sorted = new ArrayList<>(latencies);
      }
      Collections.sort(sorted);
      return new Figures(
          sorted.size(), failures.get(), percentile(sorted, 50), percentile(sorted, 99));
    }

    static double percentile(List<Long> sortedNanos, int p) {
      if (sortedNanos.isEmpty()) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p / 100.0 * sortedNanos.size()) - 1;
      return sortedNanos.get(Math.max(0, index)) / 1e6;
    }

    private void write() {
      String id = ids.get(Math.floorMod(next.getAndIncrement(), ids.size()));
      try {
        String etag = etags.get(id);
        if (etag == null) {
          etag = Consistency.getAuth(o, base + "/api/v1/articles/" + id).etag();
        }
        String body =
            JSON.writeValueAsString(
                Map.of("excerpt", "Aktualisiert um " + System.nanoTime() + " von der Redaktion."));
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r =
            CLIENT.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/articles/" + id))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + o.adminToken)
                    .header("If-Match", etag)
                    .header("Content-Type", "application/merge-patch+json")
                    .method(
                        "PATCH", HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        long took = System.nanoTime() - t0;
        if (r.statusCode() == 200) {
          latencies.add(took);
          r.headers().firstValue("ETag").ifPresent(e -> etags.put(id, e));
        } else {
          failures.incrementAndGet();
          etags.remove(id);
        }
      } catch (Exception e) {
        failures.incrementAndGet();
        etags.remove(id);
      }
    }

    @Override
    public void close() throws InterruptedException {
      scheduler.shutdownNow();
      scheduler.awaitTermination(15, TimeUnit.SECONDS);
    }
  }
}
