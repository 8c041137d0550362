package dev.feder.bench.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Webhooks under load and across a crash, against Feder started from the packaged jar with the
 * database of the environment (QUARKUS_DATASOURCE_*; src/bench/webhooks.sh provides one).
 *
 * <ul>
 *   <li>{@code latency}: creates articles at a fixed rate through the API, first with no webhook
 *       endpoint registered, then with one on a receiver in this process; reports the write latency
 *       of both phases and the event latency, from the write's answer (its transaction has
 *       committed by then) to the receipt of its {@code article.created} delivery.
 *   <li>{@code crash}: registers an endpoint whose receiver holds every request unanswered, writes
 *       categories, kills Feder with SIGKILL once deliveries are in flight (committed, not yet
 *       delivered), starts it again, lets the receiver answer, and checks that every event arrives.
 *       Exits with 1 when one is missing.
 * </ul>
 *
 * <pre>
 * WebhookBench latency|crash --jar target/quarkus-app/quarkus-run.jar --out target/bench
 *     [--rate 50] [--seconds 30] [--warmup 10] [--port 8091]
 * </pre>
 */
public final class WebhookBench {

  private static final String TOKEN = "bench-admin-token";
  private static final Pattern ID = Pattern.compile("\"entityId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
  private static final Pattern SLUG = Pattern.compile("\"slug\"\\s*:\\s*\"([^\"]+)\"");

  private final Path jar;
  private final Path out;
  private final int port;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private WebhookBench(Path jar, Path out, int port) {
    this.jar = jar;
    this.out = out;
    this.port = port;
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: WebhookBench latency|crash --jar ... --out ...");
    }
    Map<String, String> options = new ConcurrentHashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    WebhookBench bench =
        new WebhookBench(
            Path.of(options.getOrDefault("jar", "target/quarkus-app/quarkus-run.jar")),
            Path.of(options.getOrDefault("out", "target/bench")),
            Integer.parseInt(options.getOrDefault("port", "8091")));
    Files.createDirectories(bench.out.resolve("logs"));
    switch (args[0]) {
      case "latency" ->
          bench.latency(
              Integer.parseInt(options.getOrDefault("rate", "50")),
              Integer.parseInt(options.getOrDefault("seconds", "30")),
              Integer.parseInt(options.getOrDefault("warmup", "10")));
      case "crash" -> System.exit(bench.crash(20) ? 0 : 1);
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  // ---------------------------------------------------------------- latency

  private void latency(int rate, int seconds, int warmup) throws Exception {
    try (Receiver receiver = Receiver.start(false);
        Feder feder = Feder.start(jar, out.resolve("logs/webhooks-latency.log"), port, Map.of())) {
      String category = createCategory("Bench " + System.nanoTime());
      say("warm-up: " + warmup + " s of writes without webhooks");
      write(category, rate, warmup);
      say("phase off: " + seconds + " s at " + rate + " writes/s, no webhook endpoint");
      Phase off = write(category, rate, seconds);
      String endpoint = register(receiver.url("/bench"), "article.created");
      say("phase on: " + seconds + " s at " + rate + " writes/s, one endpoint on loopback");
      Phase on = write(category, rate, seconds);
      receiver.awaitAll(on.answered.keySet(), Duration.ofSeconds(30));
      List<Long> eventMicros = new ArrayList<>();
      int missing = 0;
      for (Map.Entry<String, Long> write : on.answered.entrySet()) {
        Long received = receiver.firstReceipt.get(write.getKey());
        if (received == null) {
          missing++;
        } else {
          eventMicros.add(Math.max(0, (received - write.getValue()) / 1000));
        }
      }
      delete(endpoint);
      String load = uptime();
      String report =
          String.format(
              Locale.ROOT,
              """
              ## Webhooks: %d writes/s (article creates), %d s per phase

              | | writes | errors | write p50 | write p99 | event p50 | event p99 | events missing |
              | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
              | webhooks off | %d | %d | %s | %s | | | |
              | webhooks on | %d | %d | %s | %s | %s | %s | %d |

              Write latency p50 on/off: %+.1f %%, p99 on/off: %+.1f %%. Event latency: from the
              write's 201 (its transaction has committed) to the receipt of its article.created
              delivery at a receiver on loopback. Machine load (uptime) after the run: %s
              """,
              rate,
              seconds,
              off.latencies.size(),
              off.errors.get(),
              ms(percentile(off.latencies, 50)),
              ms(percentile(off.latencies, 99)),
              on.latencies.size(),
              on.errors.get(),
              ms(percentile(on.latencies, 50)),
              ms(percentile(on.latencies, 99)),
              ms(percentile(eventMicros, 50)),
              ms(percentile(eventMicros, 99)),
              missing,
              change(percentile(on.latencies, 50), percentile(off.latencies, 50)),
              change(percentile(on.latencies, 99), percentile(off.latencies, 99)),
              load);
      Files.writeString(out.resolve("webhooks-latency.md"), report);
      System.out.println(report);
      say("report: " + out.resolve("webhooks-latency.md"));
    }
  }

  /** What one phase of writes got: latencies in microseconds, and when each write was answered. */
  private record Phase(List<Long> latencies, Map<String, Long> answered, AtomicInteger errors) {}

  /** Creates articles at {@code rate} per second for {@code seconds}, each on its own schedule. */
  private Phase write(String category, int rate, int seconds) throws InterruptedException {
    Phase phase =
        new Phase(
            Collections.synchronizedList(new ArrayList<>()),
            new ConcurrentHashMap<>(),
            new AtomicInteger());
    int total = rate * seconds;
    CountDownLatch done = new CountDownLatch(total);
    ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
    AtomicInteger sent = new AtomicInteger();
    long periodNanos = 1_000_000_000L / rate;
    ticks.scheduleAtFixedRate(
        () -> {
          int n = sent.incrementAndGet();
          if (n > total) {
            return;
          }
          String body =
              String.format(
                  "{\"title\": \"Bench %d %d\", \"status\": \"published\", \"category\":"
                      + " {\"slug\": \"%s\"}, \"body\": \"<p>Text %d</p>\"}",
                  System.nanoTime(), n, category, n);
          long start = System.nanoTime();
          client
              .sendAsync(post("/api/v1/articles", body), HttpResponse.BodyHandlers.ofString())
              .whenComplete(
                  (response, error) -> {
                    long end = System.nanoTime();
                    if (error == null && response.statusCode() == 201) {
                      phase.latencies.add((end - start) / 1000);
                      phase.answered.put(field(response.body(), "id"), end);
                    } else {
                      if (phase.errors.incrementAndGet() == 1) {
                        say(
                            "first failed write: "
                                + (error != null
                                    ? error.toString()
                                    : response.statusCode() + " " + response.body()));
                      }
                    }
                    done.countDown();
                  });
        },
        0,
        periodNanos,
        TimeUnit.NANOSECONDS);
    done.await(seconds + 60L, TimeUnit.SECONDS);
    ticks.shutdownNow();
    return phase;
  }

  // ---------------------------------------------------------------- crash

  private boolean crash(int writes) throws Exception {
    Map<String, String> env = Map.of("FEDER_WEBHOOKS_TIMEOUT", "2s");
    try (Receiver receiver = Receiver.start(true)) {
      List<String> ids = new ArrayList<>();
      Feder first = Feder.start(jar, out.resolve("logs/webhooks-crash-1.log"), port, env);
      String endpoint;
      try {
        endpoint = register(receiver.url("/crash"), "category.created");
        for (int i = 0; i < writes; i++) {
          ids.add(createCategory("Absturz " + i + " " + System.nanoTime()));
        }
        say(writes + " categories committed; waiting for a delivery in flight");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (receiver.requests.get() == 0 && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        say(
            "killing Feder (SIGKILL) with "
                + receiver.requests.get()
                + " delivery request(s) held unanswered and none delivered");
      } finally {
        first.kill();
      }
      receiver.release();
      say("starting Feder again; the receiver now answers 204");
      long restarted = System.nanoTime();
      try (Feder second = Feder.start(jar, out.resolve("logs/webhooks-crash-2.log"), port, env)) {
        boolean all = receiver.awaitAllSlugs(ids, Duration.ofSeconds(90));
        long seconds = Duration.ofNanos(System.nanoTime() - restarted).toSeconds();
        delete(endpoint);
        say(
            all
                ? "every one of the "
                    + writes
                    + " events was delivered after the restart (within "
                    + seconds
                    + " s of it)"
                : "MISSING deliveries after the restart: " + receiver.missingSlugs(ids));
        return all;
      }
    }
  }

  // ---------------------------------------------------------------- API calls

  private HttpRequest post(String path, String json) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private String send(HttpRequest request, int expected) throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          request.method()
              + " "
              + request.uri()
              + " -> "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return response.body();
  }

  /** Creates a category; returns its slug. */
  private String createCategory(String name) throws IOException, InterruptedException {
    return field(send(post("/api/v1/categories", "{\"name\": \"" + name + "\"}"), 201), "slug");
  }

  private String register(String url, String eventType) throws IOException, InterruptedException {
    return field(
        send(
            post(
                "/api/v1/webhooks",
                "{\"url\": \"" + url + "\", \"eventTypes\": [\"" + eventType + "\"]}"),
            201),
        "id");
  }

  private void delete(String endpoint) throws IOException, InterruptedException {
    String path = "/api/v1/webhooks/" + endpoint;
    HttpResponse<String> current =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + TOKEN)
            .header("If-Match", current.headers().firstValue("ETag").orElse("*"))
            .DELETE()
            .build(),
        204);
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("No " + name + " in " + json);
    }
    return m.group(1);
  }

  // ---------------------------------------------------------------- figures

  private static long percentile(List<Long> values, int p) {
    if (values.isEmpty()) {
      return -1;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static String ms(long micros) {
    return micros < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
  }

  private static double change(long on, long off) {
    return off <= 0 ? 0 : (on - off) * 100.0 / off;
  }

  private static String uptime() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static void say(String message) {
    System.out.println("bench: " + message);
  }

  // ---------------------------------------------------------------- helpers

  /** A webhook receiver on loopback that notes when it first got each entity's event. */
  private static final class Receiver implements AutoCloseable {
    final HttpServer server;
    final Map<String, Long> firstReceipt = new ConcurrentHashMap<>();
    final Map<String, Long> slugs = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch released;

    private Receiver(HttpServer server, boolean hold) {
      this.server = server;
      this.released = new CountDownLatch(hold ? 1 : 0);
    }

    static Receiver start(boolean hold) throws IOException {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      Receiver receiver = new Receiver(server, hold);
      server.createContext("/", receiver::handle);
      server.setExecutor(Executors.newCachedThreadPool());
      server.start();
      return receiver;
    }

    String url(String path) {
      return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** From now on, answer: the requests held so far get no answer (their sender is dead). */
    void release() {
      released.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
      long at = System.nanoTime();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.incrementAndGet();
      if (released.getCount() > 0) {
        // Held: Feder is killed while it waits for this answer.
        try {
          released.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        exchange.close();
        return;
      }
      Matcher id = ID.matcher(body);
      if (id.find()) {
        firstReceipt.putIfAbsent(id.group(1), at);
      }
      Matcher slug = SLUG.matcher(body);
      if (slug.find()) {
        slugs.putIfAbsent(slug.group(1), at);
      }
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    }

    void awaitAll(java.util.Set<String> ids, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!firstReceipt.keySet().containsAll(ids) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    }

    boolean awaitAllSlugs(List<String> wanted, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!slugs.keySet().containsAll(wanted) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      return slugs.keySet().containsAll(wanted);
    }

    List<String> missingSlugs(List<String> wanted) {
      return wanted.stream().filter(slug -> !slugs.containsKey(slug)).toList();
    }

    @Override
    public void close() {
      released.countDown();
      server.stop(0);
    }
  }

  /** Feder from the packaged jar, in the prod profile, with the database of the environment. */
  private static final class Feder implements AutoCloseable {
    final Process process;

    private Feder(Process process) {
      this.process = process;
    }

    static Feder start(Path jar, Path log, int port, Map<String, String> extra) throws Exception {
      List<String> command =
          List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-jar",
              jar.toAbsolutePath().toString());
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.redirectOutput(log.toFile());
      Map<String, String> env = builder.environment();
      env.put("QUARKUS_PROFILE", "prod");
      env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
      env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
      env.put("FEDER_AUTH_BOOTSTRAP_TOKEN", TOKEN);
      env.put("FEDER_DEMO_ENABLED", "false");
      env.put("FEDER_WEBHOOKS_ALLOW_PRIVATE_NETWORKS", "true");
      env.put("FEDER_STORAGE_DIRECTORY", "target/bench/storage");
      env.putAll(extra);
      Feder feder = new Feder(builder.start());
      HttpClient client = HttpClient.newHttpClient();
      long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
      while (System.nanoTime() < deadline) {
        if (!feder.process.isAlive()) {
          throw new IllegalStateException("Feder exited during startup; see " + log);
        }
        try {
          HttpResponse<Void> ready =
              client.send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + port + "/api/v1/categories?size=1"))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
          if (ready.statusCode() == 200) {
            return feder;
          }
        } catch (IOException e) {
          // not listening yet
        }
        Thread.sleep(200);
      }
      feder.kill();
      throw new IllegalStateException("Feder did not start within 180 s; see " + log);
    }

    /** SIGKILL: no shutdown hook runs, nothing in flight is finished. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
