package dev.feder.bench.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seeder's command line, as seed.sh and run.sh pass it on. */
class SeedOptionsTest {

  private static final Map<String, String> DATABASE =
      Map.of(
          "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:5432/feder",
          "QUARKUS_DATASOURCE_USERNAME", "feder",
          "QUARKUS_DATASOURCE_PASSWORD", "secret");

  @Test
  void defaultsAndTheDatabaseOfTheEnvironment() {
    SeedOptions o = SeedOptions.parse(new String[0], DATABASE);
    assertEquals(10_000, o.articles);
    assertEquals(42, o.seed);
    assertEquals(8, o.years);
    assertEquals(2_000, o.batch);
    assertEquals("src/main/resources/db/migration", o.migrations);
    assertEquals("jdbc:postgresql://localhost:5432/feder", o.url);
    assertEquals("feder", o.user);
    assertEquals("secret", o.password);
    assertFalse(o.reset || o.force || o.serverVectors);
    assertEquals(0, o.printSlugs);
  }

  @Test
  void everyOptionIsRead() {
    SeedOptions o =
        SeedOptions.parse(
            new String[] {
              "--articles",
              "1m",
              "--reset",
              "--force",
              "--server-vectors",
              "--jobs",
              "3",
              "--seed",
              "7",
              "--years",
              "2",
              "--batch",
              "500",
              "--maintenance-work-mem",
              "1GB",
              "--migrations",
              "/tmp/migrations"
            },
            DATABASE);
    assertEquals(1_000_000, o.articles);
    assertTrue(o.reset && o.force && o.serverVectors);
    assertEquals(3, o.jobs);
    assertEquals(7, o.seed);
    assertEquals(2, o.years);
    assertEquals(500, o.batch);
    assertEquals("1GB", o.maintenanceWorkMem);
    assertEquals("/tmp/migrations", o.migrations);
  }

  @Test
  void countsTakeSuffixesAndSeparators() {
    assertEquals(100_000, SeedOptions.parseCount("100000"));
    assertEquals(100_000, SeedOptions.parseCount("100_000"));
    assertEquals(100_000, SeedOptions.parseCount("100,000"));
    assertEquals(100_000, SeedOptions.parseCount("100k"));
    assertEquals(2_000_000, SeedOptions.parseCount("2M"));
  }

  @Test
  void smallValuesAreRaisedToTheLeastThatWorks() {
    SeedOptions o =
        SeedOptions.parse(new String[] {"--jobs", "0", "--years", "0", "--batch", "10"}, DATABASE);
    assertEquals(1, o.jobs);
    assertEquals(1, o.years);
    assertEquals(100, o.batch);
  }

  @Test
  void printSlugsAsksForNoLoad() {
    assertEquals(
        1_000, SeedOptions.parse(new String[] {"--print-slugs", "1k"}, DATABASE).printSlugs);
  }

  @Test
  void unknownOptionIsRefused() {
    Refusal refusal =
        assertThrows(Refusal.class, () -> SeedOptions.parse(new String[] {"--fast"}, DATABASE));
    assertEquals("unknown option --fast (see src/bench/README.md)", refusal.getMessage());
  }

  @Test
  void optionWithoutItsValueIsRefused() {
    Refusal refusal =
        assertThrows(Refusal.class, () -> SeedOptions.parse(new String[] {"--articles"}, DATABASE));
    assertEquals("--articles needs a value (see src/bench/README.md)", refusal.getMessage());
  }

  @Test
  void malformedNumbersAreRefused() {
    assertEquals(
        "--articles takes a count such as 100000, 100k or 1m, not lots",
        assertThrows(
                Refusal.class,
                () -> SeedOptions.parse(new String[] {"--articles", "lots"}, DATABASE))
            .getMessage());
    assertEquals(
        "--articles takes a count such as 100000, 100k or 1m, not 5000m",
        assertThrows(
                Refusal.class,
                () -> SeedOptions.parse(new String[] {"--articles", "5000m"}, DATABASE))
            .getMessage());
    assertEquals(
        "--jobs takes a number, not two",
        assertThrows(
                Refusal.class, () -> SeedOptions.parse(new String[] {"--jobs", "two"}, DATABASE))
            .getMessage());
  }

  @Test
  void noArticlesIsRefused() {
    assertEquals(
        "--articles must be at least 1",
        assertThrows(
                Refusal.class, () -> SeedOptions.parse(new String[] {"--articles", "0"}, DATABASE))
            .getMessage());
  }

  @Test
  void withoutADatabaseNothingRuns() {
    assertEquals(
        "QUARKUS_DATASOURCE_JDBC_URL is not set",
        assertThrows(Refusal.class, () -> SeedOptions.parse(new String[0], Map.of())).getMessage());
  }
}
