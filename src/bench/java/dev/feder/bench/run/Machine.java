package dev.feder.bench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the report says about the machine, the tools and the database of a run. */
final class Machine {

  private Machine() {}

  /**
   * The machine, the tools and the database, in the order the report lists them. Sets {@code
   * o.articles} from the database when it is 0 (--no-seed).
   */
  static Map<String, String> describe(BenchOptions o) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(
        "date",
        ZonedDateTime.now()
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
            .replaceAll("\\.\\d+", ""));
    m.put("commit", o.commit);
    m.put("cpus", String.valueOf(Runtime.getRuntime().availableProcessors()));
    m.put("cpu", firstMatch(Path.of("/proc/cpuinfo"), "model name\\s*:\\s*(.*)"));
    m.put("memory", firstMatch(Path.of("/proc/meminfo"), "MemTotal:\\s*(\\d+ kB)"));
    m.put("load average at start", firstMatch(Path.of("/proc/loadavg"), "^(\\S+ \\S+ \\S+)"));
    m.put(
        "java",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    m.put("java options of Feder", o.javaOpts);
    m.put("MALLOC_ARENA_MAX of Feder", System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2"));
    m.put(
        "wrk",
        command(o.wrk, "-v").lines().findFirst().orElse("?").replaceAll("\\s*Copyright.*", ""));
    m.put("nginx", command(o.nginx, "-v").trim());
    m.put("database", o.dbDescription);
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
        if (o.articles == 0) {
          o.articles = (int) r.getLong(1);
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

  /** What a command prints, or "?" when it cannot run. */
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
}
