package dev.feder.bench.run;

import static dev.feder.bench.run.Http.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load runs with wrk and src/bench/wrk/rotate.lua, which requests a list of URLs in turn and prints
 * a JSON summary on a line of its own ({@code BENCH_JSON {...}}).
 */
final class Wrk {

  /** Linux's USER_HZ: the unit of the CPU times in /proc/<pid>/task/<tid>/stat. */
  static final double CLOCK_TICKS = 100.0;

  static final Pattern BENCH_JSON = Pattern.compile("^BENCH_JSON (\\{.*})$", Pattern.MULTILINE);
  static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

  private final BenchOptions o;

  Wrk(BenchOptions options) {
    this.o = options;
  }

  /** A run with the threads and connections of the options. */
  Result run(String base, Path paths, int seconds, Path output, FederProcess sampled)
      throws Exception {
    return run(base, paths, seconds, output, sampled, o.threads, o.connections);
  }

  /**
   * Requests the URLs of {@code paths} (one per line) from {@code base} for {@code seconds}; the
   * output goes to {@code output}. Samples the RSS and the JIT's CPU of {@code sampled} (may be
   * null) meanwhile.
   */
  Result run(
      String base,
      Path paths,
      int seconds,
      Path output,
      FederProcess sampled,
      int threadCount,
      int connectionCount)
      throws Exception {
    List<String> command =
        List.of(
            o.wrk,
            "-t" + threadCount,
            "-c" + connectionCount,
            "-d" + seconds + "s",
            "--latency",
            "--timeout",
            "10s",
            "-s",
            o.benchDir.resolve("wrk/rotate.lua").toString(),
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
    if (exit != 0) {
      throw new IllegalStateException("wrk failed (exit " + exit + "):\n" + text);
    }
    return result(text, maxRss.get(), sampled == null ? -1 : compilerTicks);
  }

  /**
   * The figures of wrk's output, with the largest RSS sampled and the compiler's CPU ticks during
   * the run (negative: not sampled).
   */
  static Result result(String text, long maxRssKb, long compilerTicks) throws IOException {
    Matcher m = BENCH_JSON.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("wrk printed no summary:\n" + text);
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
        maxRssKb,
        compilerTicks < 0 ? Double.NaN : compilerTicks / CLOCK_TICKS / secs);
  }
}
