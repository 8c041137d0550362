// The benchmark driver behind src/bench/run.sh: starts Feder (the packaged jar) against the seeded
// database, measures its startup and memory, drives the scenarios with wrk over loopback, serves
// Feder's exact answers with nginx as static files for the ceiling, optionally checks that two
// instances stay consistent, and writes the report. run.sh prepares everything it needs (jar,
// database, seed, wrk and nginx) and passes the options on.

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Bench {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofMillis(500))
          .build();

  /** Words that many articles contain (see Seed.java), in their usual forms. */
  static final List<String> SEARCH_WORDS =
      List.of(
          "Regierung",
          "Energie",
          "Polizei",
          "Schulen",
          "Verkehr",
          "Klimaschutz",
          "Bürger",
          "Wohnungen",
          "Krankenhaus",
          "Preise");

  /** Title words with one typo each: a letter left out, swapped or replaced. */
  static final List<String> TYPO_WORDS =
      List.of(
          "Bundesregirung",
          "Energiewedne",
          "Hochwaserschutz",
          "Krankenhausrefrom",
          "Gewerkschft",
          "Bürgerinitative",
          "Mietpreisbrmse",
          "Schuldenbremes",
          "Ärtzekammer",
          "Polizeigesezt");

  /** Linux's USER_HZ: the unit of the CPU times in /proc/<pid>/task/<tid>/stat. */
  static final double CLOCK_TICKS = 100.0;

  record Scenario(String name, String what, List<String> paths) {}

  record Result(
      String scenario,
      double rps,
      double p50ms,
      double p90ms,
      double p99ms,
      double maxMs,
      long requests,
      long errors,
      long non2xx,
      double mbPerSecond,
      long maxRssKb,
      /** CPU of the JIT's compiler threads during the run, in cores; NaN when not sampled. */
      double compilerCores) {}

  record Mode(String name, Map<String, String> env) {}

  static final class ModeRun {
    final Mode mode;
    long startupMs;
    String quarkusStartedIn;
    long idleRssKb;
    long maxRssKb;
    final List<Result> results = new ArrayList<>();
    /** The same scenarios at one connection: the latency of a request that does not queue. */
    final List<Result> alone = new ArrayList<>();
    final List<String> consistency = new ArrayList<>();
    Boolean consistent;

    ModeRun(Mode mode) {
      this.mode = mode;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Options

  int articles = 10_000;
  int duration = 30;
  int warmup = 10;
  /** Seconds of load over every scenario right after startup, before anything is measured. */
  int jitWarmup = 60;
  int connections = 32;
  int threads = 2;
  int port = 8088;
  int nginxPort = 8089;
  int cursorDepth = 5_000;
  int slugCount = 1_000;
  boolean twoInstances;
  List<String> modes = List.of("on", "off");
  /** Feder's recommended JVM settings for a small instance (README, Deployment). */
  String javaOpts = "-Xmx256m -XX:+UseSerialGC";
  String only;
  Path out = Path.of("target/bench");
  Path benchDir = Path.of("src/bench");
  Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
  String wrk = "wrk";
  String nginx = "nginx";
  String commit = "";
  String dbDescription = "";
  final String adminToken = "bench-" + UUID.randomUUID();

  public static void main(String[] args) throws Exception {
    Bench b = new Bench();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--articles" -> b.articles = Integer.parseInt(args[++i]);
        case "--duration" -> b.duration = seconds(args[++i]);
        case "--warmup" -> b.warmup = seconds(args[++i]);
        case "--jit-warmup" -> b.jitWarmup = seconds(args[++i]);
        case "--connections" -> b.connections = Integer.parseInt(args[++i]);
        case "--threads" -> b.threads = Integer.parseInt(args[++i]);
        case "--port" -> b.port = Integer.parseInt(args[++i]);
        case "--nginx-port" -> b.nginxPort = Integer.parseInt(args[++i]);
        case "--cursor-depth" -> b.cursorDepth = Integer.parseInt(args[++i]);
        case "--slugs" -> b.slugCount = Integer.parseInt(args[++i]);
        case "--two-instances" -> b.twoInstances = true;
        case "--modes" -> b.modes = List.of(args[++i].split(","));
        case "--scenarios" -> b.only = args[++i];
        case "--java-opts" -> b.javaOpts = args[++i];
        case "--out" -> b.out = Path.of(args[++i]);
        case "--bench-dir" -> b.benchDir = Path.of(args[++i]);
        case "--jar" -> b.jar = Path.of(args[++i]);
        case "--wrk" -> b.wrk = args[++i];
        case "--nginx" -> b.nginx = args[++i];
        case "--commit" -> b.commit = args[++i];
        case "--db" -> b.dbDescription = args[++i];
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    for (String m : b.modes) {
      if (!m.equals("on") && !m.equals("off")) {
        throw new IllegalArgumentException("--modes takes on, off or on,off");
      }
    }
    b.run();
  }

  static int seconds(String s) {
    return Integer.parseInt(s.replaceAll("s$", ""));
  }

  static void say(String format, Object... args) {
    System.out.println("bench: " + String.format(Locale.ROOT, format, args));
  }

  // ---------------------------------------------------------------------------------------------
  // The run

  void run() throws Exception {
    Files.createDirectories(out.resolve("logs"));
    Files.createDirectories(out.resolve("wrk"));
    Map<String, String> machine = machine();
    List<Scenario> scenarios = null;
    List<ModeRun> runs = new ArrayList<>();
    Map<String, byte[]> firstAnswers = new LinkedHashMap<>();
    for (String m : modes) {
      Mode mode =
          new Mode(
              m.equals("on") ? "cache on" : "cache off",
              Map.of("FEDER_HTTP_CACHE_ENABLED", m.equals("on") ? "true" : "false"));
      ModeRun run = new ModeRun(mode);
      runs.add(run);
      say(
          "--- Feder, %s (FEDER_HTTP_CACHE_ENABLED=%s)",
          mode.name(), mode.env().get("FEDER_HTTP_CACHE_ENABLED"));
      try (Feder feder = Feder.start(this, port, mode, "feder-" + m)) {
        run.startupMs = feder.startupMs;
        run.quarkusStartedIn = feder.startedIn();
        run.idleRssKb = feder.rssKb();
        say(
            "started: first 200 after %d ms (Quarkus: started in %s), RSS %d MB",
            run.startupMs, run.quarkusStartedIn, run.idleRssKb / 1024);
        String base = "http://127.0.0.1:" + port;
        if (scenarios == null) {
          scenarios = prepare(base);
          saveAnswers(base, scenarios);
        }
        compareAnswers(base, scenarios, firstAnswers, mode);
        if (jitWarmup > 0) {
          // Without this the first scenarios measure the compiler rather than Feder. Under uncached
          // load on two cores C2 keeps compiling for minutes: the report shows how much per run.
          Path all = out.resolve("urls").resolve("all.feder.txt");
          List<String> every = new ArrayList<>();
          scenarios.forEach(sc -> every.addAll(sc.paths()));
          Files.write(all, every);
          say("JIT warm-up: %d s over all scenarios", jitWarmup);
          wrkRun(base, all, jitWarmup, out.resolve("wrk/" + m + "-jit-warmup.txt"), null);
        }
        for (Scenario s : scenarios) {
          Path paths = out.resolve("urls").resolve(s.name() + ".feder.txt");
          if (warmup > 0) {
            wrkRun(
                base,
                paths,
                warmup,
                out.resolve("wrk/" + m + "-" + s.name() + "-warmup.txt"),
                null);
          }
          Result r =
              wrkRun(
                  base, paths, duration, out.resolve("wrk/" + m + "-" + s.name() + ".txt"), feder);
          run.results.add(named(r, s.name()));
          run.maxRssKb = Math.max(run.maxRssKb, r.maxRssKb());
          Result one =
              wrkRun(
                  base,
                  paths,
                  Math.min(duration, 10),
                  out.resolve("wrk/" + m + "-" + s.name() + "-1conn.txt"),
                  null,
                  1,
                  1);
          run.alone.add(named(one, s.name()));
          say(
              "%-12s %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  RSS %d MB  JIT %.2f cores  (1"
                  + " connection: p50 %.2f ms)%s",
              s.name(),
              r.rps(),
              r.p50ms(),
              r.p99ms(),
              r.maxRssKb() / 1024,
              r.compilerCores(),
              one.p50ms(),
              r.errors() + r.non2xx() > 0 ? "  ERRORS " + (r.errors() + r.non2xx()) : "");
        }
      }
    }

    say("--- nginx serving the same answers as static files");
    List<Result> ceiling = new ArrayList<>();
    try (Nginx n = Nginx.start(this, "/" + scenarios.get(0).name() + "/0.json")) {
      String base = "http://127.0.0.1:" + nginxPort;
      for (Scenario s : scenarios) {
        Path paths = out.resolve("urls").resolve(s.name() + ".nginx.txt");
        wrkRun(
            base,
            paths,
            Math.min(warmup, 3),
            out.resolve("wrk/nginx-" + s.name() + "-warmup.txt"),
            null);
        Result r =
            wrkRun(base, paths, duration, out.resolve("wrk/nginx-" + s.name() + ".txt"), null);
        ceiling.add(named(r, s.name()));
        say(
            "%-12s %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms",
            s.name(), r.rps(), r.p50ms(), r.p99ms());
      }
    }

    if (twoInstances) {
      for (ModeRun run : runs) {
        say("--- consistency of two instances, %s", run.mode.name());
        Consistency.check(this, run);
        say("consistency, %s: %s", run.mode.name(), run.consistent ? "PASS" : "FAIL");
      }
    }
    Report.write(this, machine, scenarios, runs, ceiling);
  }

  static Result named(Result r, String name) {
    return new Result(
        name,
        r.rps(),
        r.p50ms(),
        r.p90ms(),
        r.p99ms(),
        r.maxMs(),
        r.requests(),
        r.errors(),
        r.non2xx(),
        r.mbPerSecond(),
        r.maxRssKb(),
        r.compilerCores());
  }

  // ---------------------------------------------------------------------------------------------
  // Scenarios: the URLs, read from the running instance

  List<Scenario> prepare(String base) throws Exception {
    say("preparing the scenarios from %s", base);
    List<Scenario> all = new ArrayList<>();
    all.add(
        new Scenario(
            "list",
            "`GET /api/v1/articles`: the 20 newest published articles with author and category"
                + " summaries (no bodies)",
            List.of("/api/v1/articles")));

    // 1,000 real slugs, from pages spread over the whole list (new and old articles).
    JsonNode first = get(base + "/api/v1/articles?size=100&fields=slug");
    int pages = first.path("meta").path("totalPages").asInt(1);
    List<String> slugs = new ArrayList<>();
    int wantedPages = Math.max(1, (slugCount + 99) / 100);
    for (int k = 0; k < wantedPages && slugs.size() < slugCount; k++) {
      int page = 1 + (int) ((long) k * pages / wantedPages);
      JsonNode p =
          k == 0 ? first : get(base + "/api/v1/articles?size=100&fields=slug&page=" + page);
      for (JsonNode item : p.path("data")) {
        if (slugs.size() < slugCount && !slugs.contains(item.path("slug").asText())) {
          slugs.add(item.path("slug").asText());
        }
      }
      if (pages <= k + 1) {
        break;
      }
    }
    all.add(
        new Scenario(
            "by-slug",
            "`GET /api/v1/articles/slug/{slug}`: one article with its body, rotating over "
                + slugs.size()
                + " slugs from pages spread over the whole list",
            slugs.stream().map(s -> "/api/v1/articles/slug/" + s).toList()));

    JsonNode categories = get(base + "/api/v1/categories?size=100");
    List<String> categoryPaths = new ArrayList<>();
    for (JsonNode c : categories.path("data")) {
      categoryPaths.add("/api/v1/articles?category=" + c.path("slug").asText());
    }
    all.add(
        new Scenario(
            "category",
            "`GET /api/v1/articles?category={slug}`: the 20 newest of a category and its"
                + " subcategories, rotating over all "
                + categoryPaths.size()
                + " categories",
            categoryPaths));

    all.add(
        new Scenario(
            "search",
            "`GET /api/v1/articles?q={word}`: ranked full-text search with highlights, rotating"
                + " over common German words ("
                + String.join(", ", SEARCH_WORDS)
                + ")",
            SEARCH_WORDS.stream().map(w -> "/api/v1/articles?q=" + encode(w)).toList()));
    all.add(
        new Scenario(
            "search-typo",
            "`GET /api/v1/articles?q={typo}`: search for a title word with one typo, rotating over "
                + String.join(", ", TYPO_WORDS),
            TYPO_WORDS.stream().map(w -> "/api/v1/articles?q=" + encode(w)).toList()));

    // Follow nextCursor deep into the list, then hammer the page found there.
    String cursor = null;
    int depth = 0;
    while (depth < cursorDepth) {
      JsonNode p =
          get(
              base
                  + "/api/v1/articles?size=100&fields=id"
                  + (cursor == null ? "" : "&cursor=" + encode(cursor)));
      depth += p.path("data").size();
      String next = p.path("meta").path("nextCursor").asText(null);
      if (next == null) {
        break;
      }
      cursor = next;
    }
    if (cursor == null) {
      throw new IllegalStateException("the list has no second page: seed more articles");
    }
    all.add(
        new Scenario(
            "cursor-deep",
            "`GET /api/v1/articles?cursor={c}`: the 20 articles after position "
                + String.format(Locale.ROOT, "%,d", depth)
                + ", reached by following nextCursor",
            List.of("/api/v1/articles?cursor=" + encode(cursor))));

    if (only != null) {
      List<String> wanted = List.of(only.split(","));
      all.removeIf(s -> !wanted.contains(s.name()));
    }
    // Each URL must answer 200; searches should find something.
    for (Scenario s : all) {
      for (String path : s.paths()) {
        HttpResponse<byte[]> r = fetch(base + path);
        if (r.statusCode() != 200) {
          throw new IllegalStateException(path + " answered " + r.statusCode());
        }
        if (s.name().startsWith("search")
            && JSON.readTree(r.body()).path("meta").path("totalItems").asLong() == 0) {
          say("note: %s finds nothing", path);
        }
      }
      say("%-12s %d URL(s)", s.name(), s.paths().size());
    }
    return all;
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Each URL's answer, byte for byte, as a static file for nginx; the path lists for wrk. */
  void saveAnswers(String base, List<Scenario> scenarios) throws Exception {
    Path www = out.resolve("nginx/www");
    deleteTree(www);
    Files.createDirectories(out.resolve("urls"));
    for (Scenario s : scenarios) {
      Files.createDirectories(www.resolve(s.name()));
      List<String> nginxPaths = new ArrayList<>();
      for (int k = 0; k < s.paths().size(); k++) {
        HttpResponse<byte[]> r = fetch(base + s.paths().get(k));
        String file = s.name() + "/" + k + ".json";
        Files.write(www.resolve(file), r.body());
        nginxPaths.add("/" + file);
      }
      Files.write(out.resolve("urls/" + s.name() + ".feder.txt"), s.paths());
      Files.write(out.resolve("urls/" + s.name() + ".nginx.txt"), nginxPaths);
    }
  }

  /** The answers must not depend on the mode; say so when they do. */
  void compareAnswers(String base, List<Scenario> scenarios, Map<String, byte[]> first, Mode mode)
      throws Exception {
    int compared = 0;
    int differ = 0;
    for (Scenario s : scenarios) {
      String path = s.paths().get(0);
      byte[] body = fetch(base + path).body();
      byte[] earlier = first.putIfAbsent(path, body);
      if (earlier != null) {
        compared++;
        if (!Arrays.equals(earlier, body)) {
          differ++;
          say("note: %s answers differently with %s", path, mode.name());
        }
      }
    }
    if (compared > 0 && differ == 0) {
      say("the first URL of every scenario answers byte for byte as in the first mode");
    }
  }

  static HttpResponse<byte[]> fetch(String url) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static JsonNode get(String url) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = fetch(url);
    if (r.statusCode() != 200) {
      throw new IllegalStateException(
          url
              + " answered "
              + r.statusCode()
              + ": "
              + new String(r.body(), StandardCharsets.UTF_8));
    }
    return JSON.readTree(r.body());
  }

  // ---------------------------------------------------------------------------------------------
  // wrk

  static final Pattern BENCH_JSON = Pattern.compile("^BENCH_JSON (\\{.*})$", Pattern.MULTILINE);
  static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

  Result wrkRun(String base, Path paths, int seconds, Path output, Feder sampled) throws Exception {
    return wrkRun(base, paths, seconds, output, sampled, threads, connections);
  }

  Result wrkRun(
      String base,
      Path paths,
      int seconds,
      Path output,
      Feder sampled,
      int threadCount,
      int connectionCount)
      throws Exception {
    List<String> command =
        List.of(
            wrk,
            "-t" + threadCount,
            "-c" + connectionCount,
            "-d" + seconds + "s",
            "--latency",
            "--timeout",
            "10s",
            "-s",
            benchDir.resolve("wrk/rotate.lua").toString(),
            base,
            paths.toAbsolutePath().toString());
    long compilerTicks = sampled == null ? 0 : sampled.compilerTicks();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    AtomicLong maxRss = new AtomicLong();
    Thread sampler = null;
    if (sampled != null) {
      sampler =
          new Thread(
              () -> {
                while (p.isAlive()) {
                  maxRss.accumulateAndGet(sampled.rssKb(), Math::max);
                  try {
                    Thread.sleep(200);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      sampler.setDaemon(true);
      sampler.start();
    }
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = p.waitFor();
    if (sampler != null) {
      sampler.join();
      compilerTicks = sampled.compilerTicks() - compilerTicks;
    }
    Files.writeString(output, String.join(" ", command) + "\n\n" + text);
    Matcher m = BENCH_JSON.matcher(text);
    if (exit != 0 || !m.find()) {
      throw new IllegalStateException("wrk failed (exit " + exit + "):\n" + text);
    }
    JsonNode j = JSON.readTree(m.group(1));
    Matcher non2xx = NON_2XX.matcher(text);
    long status =
        non2xx.find() ? Long.parseLong(non2xx.group(1)) : j.path("status_errors").asLong();
    double secs = j.path("duration_us").asLong() / 1e6;
    long requests = j.path("requests").asLong();
    long errors =
        j.path("connect_errors").asLong()
            + j.path("read_errors").asLong()
            + j.path("write_errors").asLong()
            + j.path("timeouts").asLong();
    return new Result(
        "",
        requests / secs,
        j.path("p50_us").asLong() / 1000.0,
        j.path("p90_us").asLong() / 1000.0,
        j.path("p99_us").asLong() / 1000.0,
        j.path("max_us").asLong() / 1000.0,
        requests,
        errors,
        status,
        j.path("bytes").asLong() / secs / 1e6,
        maxRss.get(),
        sampled == null ? Double.NaN : compilerTicks / CLOCK_TICKS / secs);
  }

  // ---------------------------------------------------------------------------------------------
  // Processes

  /** A Feder instance started from the packaged jar. */
  static final class Feder implements AutoCloseable {
    final Process process;
    final Path log;
    long startupMs;

    private Feder(Process process, Path log) {
      this.process = process;
      this.log = log;
    }

    static Feder start(Bench b, int port, Mode mode, String name) throws Exception {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(Arrays.asList(b.javaOpts.trim().split("\\s+")));
      command.add("-jar");
      command.add(b.jar.toAbsolutePath().toString());
      Path log = b.out.resolve("logs/" + name + ".log");
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      pb.redirectOutput(log.toFile());
      Map<String, String> env = pb.environment();
      env.put("QUARKUS_PROFILE", "prod");
      env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
      env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
      env.put("FEDER_AUTH_BOOTSTRAP_TOKEN", b.adminToken);
      env.put("FEDER_DEMO_ENABLED", "false");
      // As recommended for Feder (README, Deployment): two malloc arenas instead of up to eight per
      // core, so native memory freed by the JIT and the I/O buffers is reused.
      env.putIfAbsent("MALLOC_ARENA_MAX", "2");
      env.putAll(mode.env());
      long t0 = System.nanoTime();
      Feder f = new Feder(pb.start(), log);
      String url = "http://127.0.0.1:" + port + "/api/v1/articles?size=1";
      while (true) {
        if (!f.process.isAlive()) {
          throw new IllegalStateException(
              "Feder exited during startup; see " + log + ":\n" + tail(log));
        }
        try {
          if (fetch(url).statusCode() == 200) {
            break;
          }
        } catch (IOException e) {
          // not listening yet
        }
        if (System.nanoTime() - t0 > 120_000_000_000L) {
          f.close();
          throw new IllegalStateException("Feder did not answer within 2 minutes; see " + log);
        }
        Thread.sleep(5);
      }
      f.startupMs = (System.nanoTime() - t0) / 1_000_000;
      return f;
    }

    /** Quarkus' own figure from its log line "started in 1.234s". */
    String startedIn() throws IOException {
      Matcher m = Pattern.compile("started in ([0-9.]+s)").matcher(Files.readString(log));
      return m.find() ? m.group(1) : "?";
    }

    /**
     * CPU time of the JIT's compiler threads so far, in clock ticks: a JVM still compiling measures
     * the compiler as much as Feder (on two cores C2 keeps compiling for minutes under load).
     */
    long compilerTicks() {
      long ticks = 0;
      try (var tasks = Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
        for (Path task : tasks.toList()) {
          try {
            if (!Files.readString(task.resolve("comm")).strip().matches("C[12] CompilerThre.*")) {
              continue;
            }
            // After the command name in parentheses: utime and stime are fields 14 and 15.
            String stat = Files.readString(task.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          } catch (IOException | RuntimeException e) {
            // a compiler thread that ended meanwhile
          }
        }
      } catch (IOException | RuntimeException e) {
        // gone, or not Linux
      }
      return ticks;
    }

    long rssKb() {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
          if (line.startsWith("VmRSS:")) {
            return Long.parseLong(line.replaceAll("\\D", ""));
          }
        }
      } catch (IOException | RuntimeException e) {
        // gone, or not Linux
      }
      return 0;
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  /** nginx with its own configuration under target/bench/nginx. */
  static final class Nginx implements AutoCloseable {
    final Process process;

    private Nginx(Process process) {
      this.process = process;
    }

    static Nginx start(Bench b, String probePath) throws Exception {
      Path prefix = b.out.resolve("nginx").toAbsolutePath();
      for (String dir : List.of("tmp/body", "tmp/proxy", "tmp/fastcgi", "tmp/uwsgi", "tmp/scgi")) {
        Files.createDirectories(prefix.resolve(dir));
      }
      String conf =
          Files.readString(b.benchDir.resolve("nginx.conf.template"))
              .replace("@PREFIX@", prefix.toString())
              .replace("@ROOT@", prefix.resolve("www").toString())
              .replace("@PORT@", String.valueOf(b.nginxPort));
      Path file = prefix.resolve("nginx.conf");
      Files.writeString(file, conf);
      Process p =
          new ProcessBuilder(b.nginx, "-p", prefix.toString(), "-c", file.toString())
              .redirectErrorStream(true)
              .redirectOutput(prefix.resolve("nginx.out").toFile())
              .start();
      String probe = "http://127.0.0.1:" + b.nginxPort + probePath;
      for (int k = 0; ; k++) {
        try {
          if (fetch(probe).statusCode() == 200) {
            break;
          }
        } catch (IOException e) {
          // not yet
        }
        if (!p.isAlive() || k > 500) {
          throw new IllegalStateException(
              "nginx did not start; see " + prefix.resolve("error.log") + " and nginx.out");
        }
        Thread.sleep(10);
      }
      return new Nginx(p);
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Consistency of two instances on one database

  static final class Consistency {

    static void check(Bench b, ModeRun run) throws Exception {
      int portA = b.port;
      int portB = b.port + 2;
      String m = run.mode.env().get("FEDER_HTTP_CACHE_ENABLED").equals("true") ? "on" : "off";
      try (Feder a = Feder.start(b, portA, run.mode, "consistency-" + m + "-a");
          Feder bb = Feder.start(b, portB, run.mode, "consistency-" + m + "-b")) {
        String baseA = "http://127.0.0.1:" + portA;
        String baseB = "http://127.0.0.1:" + portB;
        boolean ok = true;
        JsonNode newest = get(baseA + "/api/v1/articles?size=1").path("data").get(0);
        String id = newest.path("id").asText();
        String slug = newest.path("slug").asText();
        JsonNode original = getAuth(b, baseA + "/api/v1/articles/" + id).json;

        // Both instances have read the article (and the list) before the change.
        for (int k = 0; k < 3; k++) {
          get(baseA + "/api/v1/articles/slug/" + slug);
          get(baseB + "/api/v1/articles/slug/" + slug);
          get(baseB + "/api/v1/articles");
        }
        String marker = "Konsistenzprüfung " + UUID.randomUUID().toString().substring(0, 8);
        patch(b, baseA, id, "{\"subtitle\": " + JSON.writeValueAsString(marker) + "}");
        String seen = get(baseB + "/api/v1/articles/slug/" + slug).path("subtitle").asText(null);
        ok &=
            record(
                run,
                marker.equals(seen),
                "a change made through A is read at once on B (by slug)",
                "B read subtitle " + seen);
        boolean inList = false;
        for (JsonNode item : get(baseB + "/api/v1/articles").path("data")) {
          inList |=
              id.equals(item.path("id").asText())
                  && marker.equals(item.path("subtitle").asText(null));
        }
        ok &=
            record(
                run,
                inList,
                "B's list shows the change at once",
                "B's list still had the old item");

        // Unpublish through A: B must hide it at once, from the slug and from the list.
        patch(b, baseA, id, "{\"status\": \"draft\"}");
        int status = fetch(baseB + "/api/v1/articles/slug/" + slug).statusCode();
        ok &=
            record(
                run,
                status == 404,
                "an article turned draft through A is 404 on B",
                "B answered " + status);
        boolean listed = false;
        for (JsonNode item : get(baseB + "/api/v1/articles?size=100").path("data")) {
          listed |= id.equals(item.path("id").asText());
        }
        ok &= record(run, !listed, "it is gone from B's public list at once", "B still lists it");

        // A seeded draft never shows on B.
        JsonNode drafts =
            getAuth(b, baseA + "/api/v1/articles?status=draft&size=5").json.path("data");
        boolean draftVisible = false;
        for (JsonNode d : drafts) {
          draftVisible |=
              fetch(baseB + "/api/v1/articles/slug/" + d.path("slug").asText()).statusCode() != 404;
          for (JsonNode item : get(baseB + "/api/v1/articles?size=100").path("data")) {
            draftVisible |= d.path("id").asText().equals(item.path("id").asText());
          }
        }
        ok &=
            record(
                run,
                drafts.size() > 0 && !draftVisible,
                "drafts never appear on B (slug, list)",
                "a draft was visible on B");

        // Put the article back as it was.
        Map<String, Object> restore = new LinkedHashMap<>();
        restore.put(
            "subtitle",
            original.path("subtitle").isMissingNode() || original.path("subtitle").isNull()
                ? null
                : original.path("subtitle").asText());
        restore.put("status", "published");
        restore.put("publishedAt", original.path("publishedAt").asText());
        patch(b, baseA, id, JSON.writeValueAsString(restore));
        ok &=
            record(
                run,
                fetch(baseB + "/api/v1/articles/slug/" + slug).statusCode() == 200,
                "restored and public again on B",
                "B does not serve it again");
        run.consistent = ok;
      }
    }

    static boolean record(ModeRun run, boolean pass, String what, String failure) {
      String line = (pass ? "PASS " : "FAIL ") + what + (pass ? "" : " (" + failure + ")");
      run.consistency.add(line);
      say("  %s", line);
      return pass;
    }

    record Answer(JsonNode json, String etag) {}

    static Answer getAuth(Bench b, String url) throws Exception {
      HttpResponse<byte[]> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("Authorization", "Bearer " + b.adminToken)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(url + " answered " + r.statusCode());
      }
      return new Answer(JSON.readTree(r.body()), r.headers().firstValue("ETag").orElse(null));
    }

    static void patch(Bench b, String base, String id, String body) throws Exception {
      String etag = getAuth(b, base + "/api/v1/articles/" + id).etag();
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base + "/api/v1/articles/" + id))
                  .header("Authorization", "Bearer " + b.adminToken)
                  .header("If-Match", etag)
                  .header("Content-Type", "application/merge-patch+json")
                  .method(
                      "PATCH", HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(
            "PATCH " + body + " answered " + r.statusCode() + ": " + r.body());
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Machine and database

  Map<String, String> machine() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(
        "date",
        ZonedDateTime.now()
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
            .replaceAll("\\.\\d+", ""));
    m.put("commit", commit);
    m.put("cpus", String.valueOf(Runtime.getRuntime().availableProcessors()));
    m.put("cpu", firstMatch(Path.of("/proc/cpuinfo"), "model name\\s*:\\s*(.*)"));
    m.put("memory", firstMatch(Path.of("/proc/meminfo"), "MemTotal:\\s*(\\d+ kB)"));
    m.put("load average at start", firstMatch(Path.of("/proc/loadavg"), "^(\\S+ \\S+ \\S+)"));
    m.put(
        "java",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    m.put("java options of Feder", javaOpts);
    m.put("MALLOC_ARENA_MAX of Feder", System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2"));
    m.put(
        "wrk",
        command(wrk, "-v").lines().findFirst().orElse("?").replaceAll("\\s*Copyright.*", ""));
    m.put("nginx", command(nginx, "-v").trim());
    m.put("database", dbDescription);
    try (Connection c =
            DriverManager.getConnection(
                System.getenv("QUARKUS_DATASOURCE_JDBC_URL"),
                System.getenv("QUARKUS_DATASOURCE_USERNAME"),
                System.getenv("QUARKUS_DATASOURCE_PASSWORD"));
        Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery("show server_version")) {
        r.next();
        m.put("postgresql", r.getString(1));
      }
      try (ResultSet r =
          s.executeQuery(
              "select count(*), count(*) filter (where status = 'published' and published_at <="
                  + " now()), pg_size_pretty(pg_database_size(current_database())) from article")) {
        r.next();
        if (articles == 0) {
          articles = (int) r.getLong(1);
        }
        m.put(
            "articles",
            String.format(
                Locale.ROOT,
                "%,d (%,d public), database %s",
                r.getLong(1),
                r.getLong(2),
                r.getString(3)));
      }
    } catch (Exception e) {
      m.put("postgresql", "? (" + e.getMessage() + ")");
    }
    return m;
  }

  static String firstMatch(Path file, String regex) {
    try {
      Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(Files.readString(file));
      return m.find() ? m.group(1) : "?";
    } catch (IOException e) {
      return "?";
    }
  }

  static String command(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      return text;
    } catch (Exception e) {
      return "?";
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Report

  static final class Report {

    static void write(
        Bench b,
        Map<String, String> machine,
        List<Scenario> scenarios,
        List<ModeRun> runs,
        List<Result> ceiling)
        throws IOException {
      StringBuilder md = new StringBuilder();
      md.append("# Feder benchmark: ")
          .append(String.format(Locale.ROOT, "%,d", b.articles))
          .append(" articles\n\n");
      md.append(
              "Produced by `src/bench/run.sh` (method:"
                  + " [src/bench/README.md](../../src/bench/README.md)).")
          .append(" Load: `wrk -t")
          .append(b.threads)
          .append(" -c")
          .append(b.connections)
          .append(" -d")
          .append(b.duration)
          .append("s --latency` over loopback after a ")
          .append(b.jitWarmup)
          .append(" s warm-up over all scenarios after startup and a ")
          .append(b.warmup)
          .append(" s warm-up per scenario; `p50 at 1 connection` from `wrk -t1 -c1` right after;")
          .append(" `JIT compiling`: CPU of the JVM's compiler threads during the run, in cores (a")
          .append(" figure above ~0.1 measures a JVM still compiling).\n\n");
      md.append("| | |\n|---|---|\n");
      machine.forEach(
          (k, v) ->
              md.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n"));

      md.append("\n## Startup and memory\n\n");
      md.append(
          "| mode | process start to first 200 | Quarkus \"started in\" | RSS after start | max RSS"
              + " under load |\n");
      md.append("|---|---:|---:|---:|---:|\n");
      for (ModeRun r : runs) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %,d ms | %s | %d MB | %d MB |\n",
                r.mode.name(),
                r.startupMs,
                r.quarkusStartedIn,
                r.idleRssKb / 1024,
                r.maxRssKb / 1024));
      }

      StringBuilder console = new StringBuilder();
      for (ModeRun r : runs) {
        md.append("\n## Throughput and latency, ").append(r.mode.name()).append("\n\n");
        md.append(
            "| scenario | req/s | p50 | p99 | nginx req/s | nginx p99 | Feder / nginx | errors"
                + " | p50 at 1 connection | JIT compiling |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        console.append(
            String.format(
                Locale.ROOT,
                "%nFeder, %s, %,d articles, %d connections:%n",
                r.mode.name(),
                b.articles,
                b.connections));
        console.append(
            String.format(
                Locale.ROOT,
                "%-12s %10s %9s %9s %11s %7s %7s%n",
                "scenario",
                "req/s",
                "p50 ms",
                "p99 ms",
                "nginx req/s",
                "ratio",
                "errors"));
        for (Result x : r.results) {
          Result n = find(ceiling, x.scenario());
          Result alone = find(r.alone, x.scenario());
          double ratio = n == null || n.rps() == 0 ? Double.NaN : x.rps() / n.rps();
          long errors = x.errors() + x.non2xx();
          if (x.requests() == 0) {
            md.append("| ")
                .append(x.scenario())
                .append(" | 0 | no request completed within ")
                .append(b.duration)
                .append(" s | | ")
                .append(String.format(Locale.ROOT, "%,.0f", n == null ? 0 : n.rps()))
                .append(" | | 0 | ")
                .append(errors)
                .append(" |\n");
            console.append(
                String.format(
                    Locale.ROOT, "%-12s %10s  no request completed%n", x.scenario(), "0"));
            continue;
          }
          md.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %,.0f | %.2f ms | %.2f ms | %,.0f | %.2f ms | %.3f | %d | %s | %s |\n",
                  x.scenario(),
                  x.rps(),
                  x.p50ms(),
                  x.p99ms(),
                  n == null ? 0 : n.rps(),
                  n == null ? 0 : n.p99ms(),
                  ratio,
                  errors,
                  alone == null
                      ? "–"
                      : String.format(Locale.ROOT, "%.2f ms", alone.p50ms()),
                  Double.isNaN(x.compilerCores())
                      ? "–"
                      : String.format(Locale.ROOT, "%.2f cores", x.compilerCores())));
          console.append(
              String.format(
                  Locale.ROOT,
                  "%-12s %10.0f %9.2f %9.2f %11.0f %7.3f %7d%n",
                  x.scenario(),
                  x.rps(),
                  x.p50ms(),
                  x.p99ms(),
                  n == null ? 0 : n.rps(),
                  ratio,
                  errors));
        }
      }

      md.append("\n## Targets of the performance issue\n\n");
      md.append("Informative: the figures above are only as good as the machine was quiet.\n\n");
      md.append("| target | ")
          .append(String.join(" | ", runs.stream().map(r -> r.mode.name()).toList()))
          .append(" |\n");
      md.append("|---|").append("---|".repeat(runs.size())).append("\n");
      target(md, runs, "by-slug ≥ ½ nginx, p99 < 10 ms", r -> readTarget(r, ceiling, "by-slug"));
      target(md, runs, "list ≥ ½ nginx, p99 < 10 ms", r -> readTarget(r, ceiling, "list"));
      target(
          md,
          runs,
          "search p50 < 50 ms (one connection)",
          r -> {
            Result s = find(r.results, "search");
            Result one = find(r.alone, "search");
            if (s == null || one == null) {
              return "–";
            }
            // At 32 connections on a small machine the p50 is mostly queueing; the target is the
            // latency of a search, measured at one connection.
            return verdict(
                one.p50ms() < 50,
                String.format(
                    Locale.ROOT,
                    "p50 %.1f ms at 1 connection (%.1f ms at %d)",
                    one.p50ms(),
                    s.p50ms(),
                    b.connections));
          });
      target(
          md,
          runs,
          "startup to first served request < 2 s",
          r -> verdict(r.startupMs < 2000, String.format(Locale.ROOT, "%,d ms", r.startupMs)));
      target(
          md,
          runs,
          "RSS under load < 400 MB",
          r -> verdict(r.maxRssKb < 400 * 1024, (r.maxRssKb / 1024) + " MB"));
      Path tenK = b.out.resolve("results-10000.json");
      if (b.articles != 10_000 && Files.exists(tenK)) {
        JsonNode base = JSON.readTree(tenK.toFile());
        for (String s : List.of("list", "category", "cursor-deep")) {
          target(
              md,
              runs,
              s + " within 1.5× of 10k",
              r -> {
                Result x = find(r.results, s);
                JsonNode earlier = base.path(r.mode.name()).path(s);
                if (x == null || earlier.isMissingNode()) {
                  return "–";
                }
                double slower = earlier.path("rps").asDouble() / x.rps();
                return verdict(
                    slower <= 1.5,
                    String.format(
                        Locale.ROOT,
                        "%.2f× slower than 10k (%,.0f vs %,.0f req/s)",
                        slower,
                        x.rps(),
                        earlier.path("rps").asDouble()));
              });
        }
      } else if (b.articles != 10_000) {
        md.append("\n(No results-10000.json in ")
            .append(b.out)
            .append(": run with --articles 10000 first to compare with 10k.)\n");
      }

      if (runs.stream().anyMatch(r -> r.consistent != null)) {
        md.append("\n## Two instances on one database\n\n");
        for (ModeRun r : runs) {
          if (r.consistent == null) {
            continue;
          }
          md.append("**")
              .append(r.mode.name())
              .append(": ")
              .append(r.consistent ? "PASS" : "FAIL")
              .append("**\n\n");
          r.consistency.forEach(l -> md.append("- ").append(l).append('\n'));
          md.append('\n');
          console.append(
              String.format(
                  "%nTwo instances, %s: %s%n", r.mode.name(), r.consistent ? "PASS" : "FAIL"));
        }
      }

      md.append("\n## Scenarios\n\n");
      for (Scenario s : scenarios) {
        md.append("- **").append(s.name()).append("**: ").append(s.what()).append('\n');
      }
      md.append("\nRaw wrk output: `")
          .append(b.out.resolve("wrk"))
          .append("`; URL lists: `")
          .append(b.out.resolve("urls"))
          .append("`; logs: `")
          .append(b.out.resolve("logs"))
          .append("`.\n");

      Path report = b.out.resolve("report-" + b.articles + ".md");
      Files.writeString(report, md.toString());
      Map<String, Object> json = new LinkedHashMap<>();
      for (ModeRun r : runs) {
        Map<String, Object> mode = new LinkedHashMap<>();
        r.results.forEach(x -> mode.put(x.scenario(), x));
        Map<String, Object> alone = new LinkedHashMap<>();
        r.alone.forEach(x -> alone.put(x.scenario(), x));
        mode.put("oneConnection", alone);
        mode.put("startupMs", r.startupMs);
        mode.put("maxRssKb", r.maxRssKb);
        json.put(r.mode.name(), mode);
      }
      Map<String, Object> nginx = new LinkedHashMap<>();
      ceiling.forEach(x -> nginx.put(x.scenario(), x));
      json.put("nginx", nginx);
      json.put("machine", machine);
      JSON.writerWithDefaultPrettyPrinter()
          .writeValue(b.out.resolve("results-" + b.articles + ".json").toFile(), json);
      System.out.print(console);
      System.out.println();
      say("report: %s", report);
    }

    static String readTarget(ModeRun r, List<Result> ceiling, String scenario) {
      Result x = find(r.results, scenario);
      Result n = find(ceiling, scenario);
      if (x == null || n == null) {
        return "–";
      }
      double ratio = x.rps() / n.rps();
      return verdict(
          ratio >= 0.5 && x.p99ms() < 10,
          String.format(Locale.ROOT, "%.2f of nginx, p99 %.1f ms", ratio, x.p99ms()));
    }

    static String verdict(boolean pass, String detail) {
      return (pass ? "met" : "**missed**") + " (" + detail + ")";
    }

    static void target(
        StringBuilder md,
        List<ModeRun> runs,
        String name,
        java.util.function.Function<ModeRun, String> cell) {
      md.append("| ").append(name).append(" | ");
      md.append(String.join(" | ", runs.stream().map(cell).toList())).append(" |\n");
    }

    static Result find(List<Result> results, String scenario) {
      return results.stream().filter(r -> r.scenario().equals(scenario)).findFirst().orElse(null);
    }
  }
}
