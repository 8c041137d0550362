package dev.feder.bench.run;

import static dev.feder.bench.run.Http.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A Feder instance started from the packaged jar, with what /proc tells about it. */
final class FederProcess implements AutoCloseable {
  final Process process;
  final Path log;

  /** From starting the process to the first 200 of the article list. */
  long startupMs;

  private FederProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts Feder in the prod profile on {@code port} with the database of the environment
   * (QUARKUS_DATASOURCE_*), and waits for the first 200 of the article list.
   */
  static FederProcess start(BenchOptions o, int port, Mode mode, String name) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(o.javaOpts.trim().split("\\s+")));
    command.add("-jar");
    command.add(o.jar.toAbsolutePath().toString());
    Path log = o.out.resolve("logs/" + name + ".log");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.put("QUARKUS_PROFILE", "prod");
    env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
    env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
    env.put("FEDER_AUTH_BOOTSTRAP_TOKEN", o.adminToken);
    // Prod needs a place for uploaded files; the benchmark uploads none.
    env.putIfAbsent("FEDER_STORAGE_DIRECTORY", "target/bench/storage");
    env.put("FEDER_DEMO_ENABLED", "false");
    // As recommended for Feder (README, Deployment): two malloc arenas instead of up to eight per
    // core, so native memory freed by the JIT and the I/O buffers is reused.
    env.putIfAbsent("MALLOC_ARENA_MAX", "2");
    env.putAll(mode.env());
    long t0 = System.nanoTime();
    FederProcess f = new FederProcess(pb.start(), log);
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
    try (Stream<Path> tasks = Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
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
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
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
}
