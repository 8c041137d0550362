package dev.feder.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of a run, from made-up figures: the Markdown tables, the targets and the JSON. */
class ReportTest {

  @TempDir Path out;

  private static final List<Scenario> SCENARIOS =
      List.of(
          new Scenario("list", "`GET /api/v1/articles`", List.of("/api/v1/articles")),
          new Scenario(
              "search", "`GET /api/v1/articles?q={word}`", List.of("/api/v1/articles?q=x")),
          new Scenario(
              "category", "`GET /api/v1/articles?category={slug}`", List.of("/api/v1/articles")),
          new Scenario("cursor-deep", "`GET /api/v1/articles?cursor={c}`", List.of("/c")));

  private static Result result(String scenario, double rps, double p50, double p99) {
    return new Result(
        scenario, rps, p50, p50 * 1.5, p99, p99 * 2, (long) rps * 30, 0, 0, 1, 0, 0.02);
  }

  private BenchOptions options(int articles) {
    BenchOptions o = BenchOptions.parse(new String[] {"--modes", "off"});
    o.articles = articles;
    o.out = out;
    return o;
  }

  private static Mode.Run run(double listRps, double searchP50) {
    Mode.Run run = new Mode.Run(Mode.of("off"));
    run.startupMs = 1_500;
    run.quarkusStartedIn = "1.1s";
    run.idleRssKb = 200 * 1024;
    run.maxRssKb = 380 * 1024;
    run.results.add(result("list", listRps, 3.2, 8.5));
    run.results.add(result("search", 60, 40, 120));
    run.results.add(result("category", 300, 8, 20));
    run.results.add(result("cursor-deep", 500, 4, 12));
    run.alone.add(result("list", 250, 3.0, 4.0));
    run.alone.add(result("search", 25, searchP50, 60));
    return run;
  }

  private static final List<Result> NGINX =
      List.of(
          result("list", 40_000, 0.5, 2),
          result("search", 40_000, 0.5, 2),
          result("category", 40_000, 0.5, 2),
          result("cursor-deep", 40_000, 0.5, 2));

  @Test
  void theReportHasTheFiguresTheTargetsAndTheirJson() throws Exception {
    Report.write(options(10_000), Map.of("cpus", "2"), SCENARIOS, List.of(run(600, 32.5)), NGINX);

    String md = Files.readString(out.resolve("report-10000.md"));
    assertTrue(md.startsWith("# Feder benchmark: 10,000 articles\n"), md);
    assertTrue(md.contains("| cache off | 1,500 ms | 1.1s | 200 MB | 380 MB |"), md);
    assertTrue(
        md.contains(
            "| list | 600 | 3.20 ms | 8.50 ms | 40,000 | 2.00 ms | 0.015 | 0 | 3.00 ms | 0.02"
                + " cores |"),
        md);
    assertTrue(
        md.contains("| list ≥ ½ nginx, p99 < 10 ms | **missed** (0.02 of nginx, p99 8.5 ms)"), md);
    assertTrue(
        md.contains(
            "| search p50 < 50 ms (one connection) | met (p50 32.5 ms at 1 connection (40.0 ms at"
                + " 32)) |"),
        md);
    assertTrue(md.contains("| RSS under load < 400 MB | met (380 MB) |"), md);
    assertTrue(md.contains("- **search**: `GET /api/v1/articles?q={word}`"), md);

    JsonNode json = new ObjectMapper().readTree(out.resolve("results-10000.json").toFile());
    assertEquals(600, json.path("cache off").path("list").path("rps").asDouble());
    assertEquals(
        32.5, json.path("cache off").path("oneConnection").path("search").path("p50ms").asDouble());
    assertEquals(1_500, json.path("cache off").path("startupMs").asLong());
    assertEquals(40_000, json.path("nginx").path("list").path("rps").asDouble());
    assertEquals("2", json.path("machine").path("cpus").asText());
  }

  @Test
  void aLargerSeedIsComparedWithTheResultsAt10k() throws Exception {
    Report.write(options(10_000), Map.of("cpus", "2"), SCENARIOS, List.of(run(600, 32.5)), NGINX);
    Report.write(options(1_000_000), Map.of("cpus", "2"), SCENARIOS, List.of(run(300, 48)), NGINX);

    String md = Files.readString(out.resolve("report-1000000.md"));
    assertTrue(
        md.contains("| list within 1.5× of 10k | **missed** (2.00× slower than 10k (300 vs 600"),
        md);
    assertTrue(md.contains("| category within 1.5× of 10k | met (1.00× slower than 10k"), md);
  }

  @Test
  void withoutResultsAt10kTheReportSaysHowToGetThem() throws Exception {
    Report.write(options(100_000), Map.of("cpus", "2"), SCENARIOS, List.of(run(600, 32.5)), NGINX);
    assertTrue(
        Files.readString(out.resolve("report-100000.md"))
            .contains("run with --articles 10000 first to compare with 10k"));
  }
}
