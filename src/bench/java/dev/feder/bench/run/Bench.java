package dev.feder.bench.run;

import static dev.feder.bench.run.Http.say;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark driver behind src/bench/run.sh: starts Feder (the packaged jar) against the seeded
 * database, measures its startup and memory, drives the scenarios with wrk over loopback, serves
 * Feder's exact answers with nginx as static files for the ceiling, optionally checks that two
 * instances stay consistent, and writes the report. run.sh prepares everything it needs (jar,
 * database, seed, wrk and nginx) and passes the options on.
 *
 * <p>The parts: {@link BenchOptions} (command line), {@link Scenarios} (the URLs and answers),
 * {@link FederProcess} and {@link Nginx} (the servers), {@link Wrk} (the load and its {@link
 * Result}), {@link Consistency} (two instances), {@link Machine} and {@link Report}.
 */
public final class Bench {

  private final BenchOptions o;
  private final Wrk wrk;

  Bench(BenchOptions options) {
    this.o = options;
    this.wrk = new Wrk(options);
  }

  public static void main(String[] args) throws Exception {
    new Bench(BenchOptions.parse(args)).run();
  }

  void run() throws Exception {
    Files.createDirectories(o.out.resolve("logs"));
    Files.createDirectories(o.out.resolve("wrk"));
    Map<String, String> machine = Machine.describe(o);
    List<Scenario> scenarios = null;
    List<Mode.Run> runs = new ArrayList<>();
    Map<String, byte[]> firstAnswers = new LinkedHashMap<>();
    for (String m : o.modes) {
      Mode mode = Mode.of(m);
      Mode.Run run = new Mode.Run(mode);
      runs.add(run);
      say(
          "--- Feder, %s (FEDER_HTTP_CACHE_ENABLED=%s)",
          mode.name(), mode.env().get("FEDER_HTTP_CACHE_ENABLED"));
      try (FederProcess feder = FederProcess.start(o, o.port, mode, "feder-" + m)) {
        run.startupMs = feder.startupMs;
        run.quarkusStartedIn = feder.startedIn();
        run.idleRssKb = feder.rssKb();
        say(
            "started: first 200 after %d ms (Quarkus: started in %s), RSS %d MB",
            run.startupMs, run.quarkusStartedIn, run.idleRssKb / 1024);
        String base = "http://127.0.0.1:" + o.port;
        if (scenarios == null) {
          scenarios = Scenarios.prepare(base, o);
          Scenarios.saveAnswers(base, scenarios, o.out);
        }
        Scenarios.compareAnswers(base, scenarios, firstAnswers, mode);
        if (o.jitWarmup > 0) {
          // Without this the first scenarios measure the compiler rather than Feder. Under uncached
          // load on two cores C2 keeps compiling for minutes: the report shows how much per run.
          Path all = o.out.resolve("urls").resolve("all.feder.txt");
          List<String> every = new ArrayList<>();
          scenarios.forEach(sc -> every.addAll(sc.paths()));
          Files.write(all, every);
          say("JIT warm-up: %d s over all scenarios", o.jitWarmup);
          wrk.run(base, all, o.jitWarmup, o.out.resolve("wrk/" + m + "-jit-warmup.txt"), null);
        }
        for (Scenario s : scenarios) {
          measure(run, feder, base, s, m);
        }
      }
    }

    say("--- nginx serving the same answers as static files");
    List<Result> ceiling = new ArrayList<>();
    try (Nginx n = Nginx.start(o, "/" + scenarios.get(0).name() + "/0.json")) {
      String base = "http://127.0.0.1:" + o.nginxPort;
      for (Scenario s : scenarios) {
        Path paths = o.out.resolve("urls").resolve(s.name() + ".nginx.txt");
        wrk.run(
            base,
            paths,
            Math.min(o.warmup, 3),
            o.out.resolve("wrk/nginx-" + s.name() + "-warmup.txt"),
            null);
        Result r =
            wrk.run(base, paths, o.duration, o.out.resolve("wrk/nginx-" + s.name() + ".txt"), null);
        ceiling.add(r.named(s.name()));
        say(
            "%-12s %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms",
            s.name(), r.rps(), r.p50ms(), r.p99ms());
      }
    }

    if (o.twoInstances) {
      for (Mode.Run run : runs) {
        say("--- consistency of two instances, %s", run.mode.name());
        Consistency.check(o, run);
        say("consistency, %s: %s", run.mode.name(), run.consistent ? "PASS" : "FAIL");
      }
    }
    Report.write(o, machine, scenarios, runs, ceiling);
  }

  /**
   * One scenario in one mode: a warm-up, the run at the options' connections (sampling Feder's RSS
   * and JIT), then the same URLs at one connection.
   */
  private void measure(Mode.Run run, FederProcess feder, String base, Scenario s, String m)
      throws Exception {
    Path paths = o.out.resolve("urls").resolve(s.name() + ".feder.txt");
    if (o.warmup > 0) {
      wrk.run(
          base, paths, o.warmup, o.out.resolve("wrk/" + m + "-" + s.name() + "-warmup.txt"), null);
    }
    Result r =
        wrk.run(
            base, paths, o.duration, o.out.resolve("wrk/" + m + "-" + s.name() + ".txt"), feder);
    run.results.add(r.named(s.name()));
    run.maxRssKb = Math.max(run.maxRssKb, r.maxRssKb());
    Result one =
        wrk.run(
            base,
            paths,
            Math.min(o.duration, 10),
            o.out.resolve("wrk/" + m + "-" + s.name() + "-1conn.txt"),
            null,
            1,
            1);
    run.alone.add(one.named(s.name()));
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
