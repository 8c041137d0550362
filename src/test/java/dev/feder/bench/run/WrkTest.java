package dev.feder.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reading wrk's output, as src/bench/wrk/rotate.lua makes it print its summary. */
class WrkTest {

  private static final String SUMMARY =
      "BENCH_JSON {\"requests\":60000,\"duration_us\":30000000,\"bytes\":1500000000,"
          + "\"connect_errors\":1,\"read_errors\":2,\"write_errors\":0,\"status_errors\":4,"
          + "\"timeouts\":3,\"p50_us\":1500,\"p90_us\":2500,\"p99_us\":9800,\"max_us\":120000,"
          + "\"mean_us\":1700.5}\n";

  @Test
  void theSummaryLineGivesTheFigures() throws Exception {
    Result r =
        Wrk.result(
            "Running 30s test @ http://127.0.0.1:8088\n  2 threads and 32 connections\n" + SUMMARY,
            300_000,
            150);
    assertEquals(2_000, r.rps(), 1e-9);
    assertEquals(1.5, r.p50ms(), 1e-9);
    assertEquals(2.5, r.p90ms(), 1e-9);
    assertEquals(9.8, r.p99ms(), 1e-9);
    assertEquals(120, r.maxMs(), 1e-9);
    assertEquals(60_000, r.requests());
    assertEquals(6, r.errors());
    assertEquals(4, r.non2xx());
    assertEquals(50, r.mbPerSecond(), 1e-9);
    assertEquals(300_000, r.maxRssKb());
    // 150 ticks of 10 ms in 30 s: 0.05 cores
    assertEquals(0.05, r.compilerCores(), 1e-9);
  }

  @Test
  void wrksOwnCountOfNon2xxAnswersWins() throws Exception {
    Result r = Wrk.result("  Non-2xx or 3xx responses: 17\n" + SUMMARY, 0, -1);
    assertEquals(17, r.non2xx());
    assertTrue(Double.isNaN(r.compilerCores()));
  }

  @Test
  void outputWithoutASummaryIsAFailure() {
    assertTrue(
        assertThrows(
                IllegalStateException.class,
                () -> Wrk.result("unable to connect to 127.0.0.1:8088", 0, -1))
            .getMessage()
            .startsWith("wrk printed no summary"));
  }
}
