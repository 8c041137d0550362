package dev.feder.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The PATCH latency percentiles of the editorial-load benchmark. */
class EditorialLoadTest {

  @Test
  void percentilesAreTheNearestRankOfTheSortedLatencies() {
    List<Long> nanos = new ArrayList<>();
    for (long ms = 1; ms <= 100; ms++) {
      nanos.add(ms * 1_000_000);
    }
    assertEquals(50.0, EditorialLoad.Writer.percentile(nanos, 50));
    assertEquals(99.0, EditorialLoad.Writer.percentile(nanos, 99));
    assertEquals(7.0, EditorialLoad.Writer.percentile(List.of(7_000_000L), 99));
  }

  @Test
  void noWritesHaveNoPercentile() {
    assertTrue(Double.isNaN(EditorialLoad.Writer.percentile(List.of(), 99)));
  }
}
