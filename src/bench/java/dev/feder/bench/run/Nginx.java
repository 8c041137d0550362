package dev.feder.bench.run;

import static dev.feder.bench.run.Http.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** nginx with its own configuration under target/bench/nginx: the ceiling. */
final class Nginx implements AutoCloseable {
  final Process process;

  private Nginx(Process process) {
    this.process = process;
  }

  /**
   * Starts nginx from src/bench/nginx.conf.template, serving the saved answers, and waits until it
   * serves {@code probePath}.
   */
  static Nginx start(BenchOptions o, String probePath) throws Exception {
    Path prefix = o.out.resolve("nginx").toAbsolutePath();
    for (String dir : List.of("tmp/body", "tmp/proxy", "tmp/fastcgi", "tmp/uwsgi", "tmp/scgi")) {
      Files.createDirectories(prefix.resolve(dir));
    }
    String conf =
        Files.readString(o.benchDir.resolve("nginx.conf.template"))
            .replace("@PREFIX@", prefix.toString())
            .replace("@ROOT@", prefix.resolve("www").toString())
            .replace("@PORT@", String.valueOf(o.nginxPort));
    Path file = prefix.resolve("nginx.conf");
    Files.writeString(file, conf);
    Process p =
        new ProcessBuilder(o.nginx, "-p", prefix.toString(), "-c", file.toString())
            .redirectErrorStream(true)
            .redirectOutput(prefix.resolve("nginx.out").toFile())
            .start();
    String probe = "http://127.0.0.1:" + o.nginxPort + probePath;
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
    process.waitFor(10, TimeUnit.SECONDS);
  }
}
