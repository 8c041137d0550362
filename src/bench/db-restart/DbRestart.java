// Load and accounting half of src/bench/db-restart.sh: writers and readers against a running
// Feder while the script restarts its PostgreSQL, then what was acknowledged against what is
// stored, and the failed requests before, during and after each outage.
//
//   java -cp <Feder's jars> DbRestart.java --base http://127.0.0.1:8089 --admin-token T
//        --jdbc jdbc:postgresql://127.0.0.1:55441/feder --dir <work dir> [--writers 4] [--readers
// 4]
//
// The script appends "<epoch ms> down <kind>" and "<epoch ms> up" to <dir>/events when it stops
// and when the database accepts connections again, and creates <dir>/stop when the load should
// end; this program creates <dir>/ready once its fixtures exist and the load runs.
//
// Writers: one article each, PATCHed with If-Match in a loop (application/merge-patch+json), the
// title and excerpt carrying the same marker ("w2-000417"). A 200 is an acknowledged write; a 5xx,
// a timeout or a broken connection leaves the outcome unknown. Afterwards every acknowledged
// marker must be in the article's revisions (none lost), no marker may be stored twice (nothing
// replayed), and every revision and the article row must carry the same marker in title and
// excerpt (nothing half-written).
//
// Readers: anonymous list pages and feeds (kept in Feder's cache until a write changes content,
// which the writers do all the time) and reads with an API token (never cached; the token is
// looked up in the database on every request).

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

public class DbRestart {

  /** One request: when it started and ended (epoch ms), what it was, its status (-1: no answer). */
  record Call(long start, long end, String kind, int status) {}

  /** A stop of the database and the moment it accepted connections again. */
  record Outage(String kind, long down, long up) {}

  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
  final AtomicBoolean running = new AtomicBoolean(true);

  String base;
  String adminToken;
  String jdbc;
  String user = "postgres";
  String password = "postgres";
  Path dir;
  int writers = 4;
  int readers = 4;
  long readerPauseMs = 5;

  String token;
  String categorySlug;
  final List<String> articles = new ArrayList<>();
  final List<Writer> writerStates = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    DbRestart bench = new DbRestart();
    for (int i = 0; i < args.length; i += 2) {
      String value = args[i + 1];
      switch (args[i]) {
        case "--base" -> bench.base = value;
        case "--admin-token" -> bench.adminToken = value;
        case "--jdbc" -> bench.jdbc = value;
        case "--user" -> bench.user = value;
        case "--password" -> bench.password = value;
        case "--dir" -> bench.dir = Path.of(value);
        case "--writers" -> bench.writers = Integer.parseInt(value);
        case "--readers" -> bench.readers = Integer.parseInt(value);
        case "--reader-pause-ms" -> bench.readerPauseMs = Long.parseLong(value);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    bench.run();
  }

  void run() throws Exception {
    setUp();
    List<Thread> threads = new ArrayList<>();
    for (int w = 1; w <= writers; w++) {
      Writer writer = new Writer(w, articles.get(w - 1));
      writerStates.add(writer);
      Thread thread = new Thread(writer::run, "writer-" + w);
      thread.start();
      threads.add(thread);
    }
    for (int r = 1; r <= readers; r++) {
      int n = r;
      Thread thread = new Thread(() -> read(n), "reader-" + r);
      thread.start();
      threads.add(thread);
    }
    Files.writeString(dir.resolve("ready"), "");
    long started = System.currentTimeMillis();
    while (!Files.exists(dir.resolve("stop"))) {
      Thread.sleep(100);
    }
    running.set(false);
    for (Thread thread : threads) {
      thread.join();
    }
    long ended = System.currentTimeMillis();
    String report = report(started, ended, verify());
    Files.writeString(dir.resolve("report.md"), report);
    System.out.print(report);
  }

  // --- fixtures ---

  void setUp() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    JsonNode created =
        send(
            "POST",
            "/api/v1/tokens",
            adminToken,
            "{\"name\": \"Neustart-Messung " + suffix + "\", \"role\": \"editor\"}",
            201);
    token = created.get("token").asText();
    categorySlug =
        send(
                "POST",
                "/api/v1/categories",
                adminToken,
                "{\"name\": \"Neustart " + suffix + "\"}",
                201)
            .get("slug")
            .asText();
    String authorSlug =
        send(
                "POST",
                "/api/v1/authors",
                adminToken,
                "{\"name\": \"Lena Öztürk " + suffix + "\"}",
                201)
            .get("slug")
            .asText();
    for (int w = 1; w <= writers; w++) {
      String body =
          JSON.writeValueAsString(
              Map.of(
                  "title",
                  "Neustart-Messung w" + w + "-000000",
                  "excerpt",
                  "w" + w + "-000000",
                  "body",
                  "<p>Die Datenbank startet neu; Feder schreibt weiter.</p>",
                  "status",
                  "published",
                  "category",
                  Map.of("slug", categorySlug),
                  "authors",
                  List.of(Map.of("slug", authorSlug))));
      articles.add(send("POST", "/api/v1/articles", adminToken, body, 201).get("id").asText());
    }
  }

  JsonNode send(String method, String path, String bearer, String body, int expected)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + bearer)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** Sends a request and records it; null when no answer came. */
  HttpResponse<String> call(String kind, HttpRequest request) {
    long start = System.currentTimeMillis();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      calls.add(new Call(start, System.currentTimeMillis(), kind, response.statusCode()));
      return response;
    } catch (IOException e) {
      calls.add(new Call(start, System.currentTimeMillis(), kind, -1));
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.set(false);
      return null;
    }
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // --- load ---

  final class Writer {
    final int number;
    final String article;
    final List<String> acknowledged = new ArrayList<>();
    final List<String> unknown = new ArrayList<>();
    int preconditionFailed;
    int seq;

    Writer(int number, String article) {
      this.number = number;
      this.article = article;
    }

    void run() {
      String etag = null;
      while (running.get()) {
        if (etag == null) {
          HttpResponse<String> read =
              call(
                  "writer GET (token)",
                  request("/api/v1/articles/" + article)
                      .header("Authorization", "Bearer " + token)
                      .GET()
                      .build());
          if (read != null && read.statusCode() == 200) {
            etag = read.headers().firstValue("ETag").orElseThrow();
          } else {
            pause(50);
          }
          continue;
        }
        String marker = String.format(Locale.ROOT, "w%d-%06d", number, ++seq);
        String patch =
            "{\"title\": \"Neustart-Messung " + marker + "\", \"excerpt\": \"" + marker + "\"}";
        HttpResponse<String> response =
            call(
                "PATCH (token)",
                request("/api/v1/articles/" + article)
                    .header("Authorization", "Bearer " + token)
                    .header("If-Match", etag)
                    .header("Content-Type", "application/merge-patch+json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(patch))
                    .build());
        int status = response == null ? -1 : response.statusCode();
        if (status == 200) {
          acknowledged.add(marker);
          etag = response.headers().firstValue("ETag").orElse(null);
        } else if (status == 412) {
          preconditionFailed++;
          etag = null;
        } else if (status >= 400 && status < 500) {
          throw new IllegalStateException("PATCH answered " + status + ": " + response.body());
        } else {
          // 5xx or no answer: the change may or may not be stored; read the article again.
          unknown.add(marker);
          etag = null;
          pause(50);
        }
      }
    }
  }

  void read(int number) {
    String[] paths = {
      "/api/v1/articles?size=10",
      "/api/v1/feeds/articles.rss",
      "/api/v1/articles/%s",
      "/api/v1/categories"
    };
    int i = number;
    while (running.get()) {
      int which = i++ % paths.length;
      String path = paths[which];
      boolean withToken = which >= 2;
      if (path.contains("%s")) {
        path = String.format(path, articles.get(i % articles.size()));
      }
      HttpRequest.Builder request = request(path).GET();
      String kind = "GET " + path.replaceAll("/[0-9a-f-]{36}", "/{id}").replaceAll("\\?.*", "");
      if (withToken) {
        request.header("Authorization", "Bearer " + token);
        kind += " (token)";
      }
      call(kind, request.build());
      pause(readerPauseMs);
    }
  }

  // --- verification ---

  record Stored(
      int revisions,
      int acknowledged,
      int lost,
      int unknown,
      int unknownStored,
      int replayed,
      int halfWritten,
      int rowsBehind,
      int preconditionFailed) {}

  Stored verify() throws Exception {
    Map<String, List<String[]>> revisions = new HashMap<>();
    Map<String, String[]> rows = new HashMap<>();
    SQLException last = null;
    for (int attempt = 0; attempt < 60; attempt++) {
      try (Connection connection = DriverManager.getConnection(jdbc, user, password)) {
        try (PreparedStatement statement =
            connection.prepareStatement(
                "SELECT article_id::text, state->>'title', state->>'excerpt' FROM article_revision"
                    + " WHERE article_id = ANY (?::uuid[]) ORDER BY article_id, revision")) {
          statement.setArray(1, connection.createArrayOf("text", articles.toArray()));
          try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
              revisions
                  .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                  .add(new String[] {rs.getString(2), rs.getString(3)});
            }
          }
        }
        try (PreparedStatement statement =
            connection.prepareStatement(
                "SELECT id::text, title, excerpt FROM article WHERE id = ANY (?::uuid[])")) {
          statement.setArray(1, connection.createArrayOf("text", articles.toArray()));
          try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
              rows.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
            }
          }
        }
        last = null;
        break;
      } catch (SQLException e) {
        last = e;
        revisions.clear();
        rows.clear();
        Thread.sleep(500);
      }
    }
    if (last != null) {
      throw last;
    }
    int total = 0;
    int acknowledged = 0;
    int lost = 0;
    int unknown = 0;
    int unknownStored = 0;
    int replayed = 0;
    int halfWritten = 0;
    int rowsBehind = 0;
    int preconditionFailed = 0;
    for (Writer writer : writerStates) {
      List<String[]> stored = revisions.getOrDefault(writer.article, List.of());
      Set<String> markers = new HashSet<>();
      for (String[] revision : stored) {
        String marker = revision[0].substring(revision[0].lastIndexOf(' ') + 1);
        if (!marker.equals(revision[1])) {
          halfWritten++;
        }
        if (!markers.add(marker)) {
          replayed++;
        }
      }
      String[] row = rows.get(writer.article);
      String[] newest = stored.isEmpty() ? null : stored.get(stored.size() - 1);
      if (row == null || newest == null || !row[0].equals(newest[0]) || !row[1].equals(newest[1])) {
        rowsBehind++;
      }
      total += stored.size() - 1; // revision 1 is the article as created
      acknowledged += writer.acknowledged.size();
      for (String marker : writer.acknowledged) {
        if (!markers.contains(marker)) {
          lost++;
        }
      }
      unknown += writer.unknown.size();
      for (String marker : writer.unknown) {
        if (markers.contains(marker)) {
          unknownStored++;
        }
      }
      preconditionFailed += writer.preconditionFailed;
    }
    return new Stored(
        total,
        acknowledged,
        lost,
        unknown,
        unknownStored,
        replayed,
        halfWritten,
        rowsBehind,
        preconditionFailed);
  }

  // --- report ---

  List<Outage> outages() throws IOException {
    List<Outage> outages = new ArrayList<>();
    Path events = dir.resolve("events");
    if (!Files.exists(events)) {
      return outages;
    }
    long down = -1;
    String kind = null;
    for (String line : Files.readAllLines(events)) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length >= 3 && parts[1].equals("down")) {
        down = Long.parseLong(parts[0]);
        kind = parts[2];
      } else if (parts.length >= 2 && parts[1].equals("up") && down >= 0) {
        outages.add(new Outage(kind, down, Long.parseLong(parts[0])));
        down = -1;
      }
    }
    return outages;
  }

  /**
   * during: in flight at a stop, or started before the database accepted connections again; before:
   * ended before the first stop; after: the rest (started once the database was back).
   */
  static String phase(Call call, List<Outage> outages) {
    for (Outage outage : outages) {
      if (overlaps(call, outage)) {
        return "during";
      }
    }
    return outages.isEmpty() || call.end < outages.get(0).down ? "before" : "after";
  }

  static boolean overlaps(Call call, Outage outage) {
    return call.start < outage.up && call.end >= outage.down;
  }

  static String outcome(int status) {
    if (status == -1) {
      return "no answer";
    }
    if (status >= 500) {
      return String.valueOf(status);
    }
    return status / 100 + "xx";
  }

  String report(long started, long ended, Stored stored) throws IOException {
    List<Outage> outages = outages();
    List<Call> all = new ArrayList<>(calls);
    StringBuilder out = new StringBuilder();
    out.append("# PostgreSQL restarts under load\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "%d writers, %d readers, %.0f s of load, %d requests, %d outages (%s).%n%n",
            writers,
            readers,
            (ended - started) / 1000.0,
            all.size(),
            outages.size(),
            String.join(", ", outages.stream().map(Outage::kind).toList())));

    out.append("## Writes\n\n");
    out.append("| | |\n|---|---|\n");
    out.append(row("acknowledged PATCHes (200)", stored.acknowledged));
    out.append(row("acknowledged but not stored (lost)", stored.lost));
    out.append(row("outcome unknown (5xx or no answer)", stored.unknown));
    out.append(row("… of those stored all the same", stored.unknownStored));
    out.append(row("revisions written (= acknowledged + stored of unknown)", stored.revisions));
    out.append(row("markers stored twice (replayed writes)", stored.replayed));
    out.append(row("half-written revisions (title and excerpt disagree)", stored.halfWritten));
    out.append(row("articles whose row differs from their newest revision", stored.rowsBehind));
    out.append(
        row("412 Precondition Failed (a writer's own stale ETag)", stored.preconditionFailed));
    out.append('\n');

    out.append("## Answers by phase\n\n");
    out.append(
        "during: requests in flight at a stop or started before the database accepted"
            + " connections again; after: requests started once it did; before: requests that"
            + " ended before the first stop.\n\n");
    Map<String, Map<String, Integer>> byPhase = new TreeMap<>();
    for (Call call : all) {
      byPhase
          .computeIfAbsent(phase(call, outages), k -> new TreeMap<>())
          .merge(outcome(call.status), 1, Integer::sum);
    }
    Set<String> outcomes = new java.util.TreeSet<>();
    byPhase.values().forEach(m -> outcomes.addAll(m.keySet()));
    out.append("| phase |");
    outcomes.forEach(o -> out.append(' ').append(o).append(" |"));
    out.append("\n|---|");
    outcomes.forEach(o -> out.append("---:|"));
    out.append('\n');
    for (String phase : List.of("before", "during", "after")) {
      Map<String, Integer> counts = byPhase.getOrDefault(phase, Map.of());
      out.append("| ").append(phase).append(" |");
      outcomes.forEach(o -> out.append(' ').append(counts.getOrDefault(o, 0)).append(" |"));
      out.append('\n');
    }
    long failedAfter =
        all.stream().filter(c -> phase(c, outages).equals("after") && failed(c)).count();
    out.append(
        String.format(
            Locale.ROOT,
            "%n**Failed requests (5xx or no answer) after the database was back: %d.**%n%n",
            failedAfter));

    Map<String, Map<String, Integer>> afterByKind = new TreeMap<>();
    for (Call call : all) {
      if (failed(call) && !phase(call, outages).equals("before")) {
        afterByKind
            .computeIfAbsent(call.kind, k -> new TreeMap<>())
            .merge(phase(call, outages) + " " + outcome(call.status), 1, Integer::sum);
      }
    }
    if (!afterByKind.isEmpty()) {
      out.append("Failures by request:\n\n");
      afterByKind.forEach(
          (kind, counts) -> out.append("- ").append(kind).append(": ").append(counts).append('\n'));
      out.append('\n');
    }

    out.append("## Each outage\n\n");
    out.append(
        "| # | stop | database down | failed during | slowest failure | first success after back"
            + " | failed after back |\n|---|---|---:|---:|---:|---:|---:|\n");
    int n = 0;
    for (Outage outage : outages) {
      n++;
      long failedDuring = 0;
      long slowestFailure = 0;
      long firstSuccess = -1;
      long failedAfterThis = 0;
      long nextDown = n < outages.size() ? outages.get(n).down : Long.MAX_VALUE;
      for (Call call : all) {
        if (overlaps(call, outage)) {
          if (failed(call)) {
            failedDuring++;
            slowestFailure = Math.max(slowestFailure, call.end - call.start);
          }
        } else if (call.start >= outage.up && call.end < nextDown) {
          if (failed(call)) {
            failedAfterThis++;
          } else if (call.status < 400
              && (firstSuccess < 0 || call.end - outage.up < firstSuccess)) {
            firstSuccess = call.end - outage.up;
          }
        }
      }
      out.append(
          String.format(
              Locale.ROOT,
              "| %d | %s | %d ms | %d | %d ms | %s | %d |%n",
              n,
              outage.kind,
              outage.up - outage.down,
              failedDuring,
              slowestFailure,
              firstSuccess < 0 ? "none" : firstSuccess + " ms",
              failedAfterThis));
    }
    out.append('\n');
    return out.toString();
  }

  static boolean failed(Call call) {
    return call.status == -1 || call.status >= 500;
  }

  static String row(String label, long value) {
    return "| " + label + " | " + value + " |\n";
  }
}
