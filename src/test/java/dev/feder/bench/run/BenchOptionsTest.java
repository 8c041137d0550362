package dev.feder.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's command line, as run.sh passes it on. */
class BenchOptionsTest {

  @Test
  void defaultsAreTheDocumentedMethod() {
    BenchOptions o = BenchOptions.parse(new String[0]);
    assertEquals(10_000, o.articles);
    assertEquals(30, o.duration);
    assertEquals(10, o.warmup);
    assertEquals(60, o.jitWarmup);
    assertEquals(32, o.connections);
    assertEquals(2, o.threads);
    assertEquals(List.of("on", "off"), o.modes);
    assertEquals("-Xmx256m -XX:+UseSerialGC", o.javaOpts);
    assertTrue(o.adminToken.startsWith("bench-"));
  }

  @Test
  void optionsOfRunShAreRead() {
    BenchOptions o =
        BenchOptions.parse(
            new String[] {
              "--articles",
              "0",
              "--duration",
              "15s",
              "--warmup",
              "5",
              "--jit-warmup",
              "360",
              "--modes",
              "off",
              "--scenarios",
              "list,by-slug",
              "--two-instances",
              "--java-opts",
              "-Xmx192m",
              "--out",
              "/tmp/bench",
              "--cursor-depth",
              "100",
              "--slugs",
              "20"
            });
    assertEquals(0, o.articles);
    assertEquals(15, o.duration);
    assertEquals(5, o.warmup);
    assertEquals(360, o.jitWarmup);
    assertEquals(List.of("off"), o.modes);
    assertEquals("list,by-slug", o.only);
    assertTrue(o.twoInstances);
    assertEquals("-Xmx192m", o.javaOpts);
    assertEquals(Path.of("/tmp/bench"), o.out);
    assertEquals(100, o.cursorDepth);
    assertEquals(20, o.slugCount);
  }

  @Test
  void aModeOtherThanOnOrOffIsRefused() {
    assertEquals(
        "--modes takes on, off or on,off",
        assertThrows(
                IllegalArgumentException.class,
                () -> BenchOptions.parse(new String[] {"--modes", "on,maybe"}))
            .getMessage());
  }

  @Test
  void unknownOptionsAndMissingValuesAreRefused() {
    assertEquals(
        "unknown option --fast",
        assertThrows(
                IllegalArgumentException.class,
                () -> BenchOptions.parse(new String[] {"--fast", "yes"}))
            .getMessage());
    assertEquals(
        "unknown option --duration, or it needs a value",
        assertThrows(
                IllegalArgumentException.class,
                () -> BenchOptions.parse(new String[] {"--duration"}))
            .getMessage());
  }
}
