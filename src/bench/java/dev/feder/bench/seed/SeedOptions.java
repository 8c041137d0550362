package dev.feder.bench.seed;

import java.util.Locale;
import java.util.Map;

/** The seeder's command line (see src/bench/README.md) and database. */
final class SeedOptions {

  int articles = 10_000;
  boolean reset;
  boolean force;
  boolean serverVectors;

  /** Only print this many slugs of publicly visible articles (for node-cms.sh), load nothing. */
  int printSlugs;

  int jobs = Runtime.getRuntime().availableProcessors();
  long seed = 42;
  int years = 8;
  int batch = 2_000;
  String maintenanceWorkMem = "512MB";
  String migrations = "src/main/resources/db/migration";
  String url;
  String user;
  String password;

  /**
   * The options of {@code args}, with the database of {@code env}: QUARKUS_DATASOURCE_JDBC_URL,
   * _USERNAME and _PASSWORD, as Feder reads them.
   */
  static SeedOptions parse(String[] args, Map<String, String> env) {
    SeedOptions o = new SeedOptions();
    o.url = env.get("QUARKUS_DATASOURCE_JDBC_URL");
    o.user = env.get("QUARKUS_DATASOURCE_USERNAME");
    o.password = env.get("QUARKUS_DATASOURCE_PASSWORD");
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--reset" -> o.reset = true;
        case "--force" -> o.force = true;
        case "--server-vectors" -> o.serverVectors = true;
        case "--articles" -> o.articles = count(a, value(args, ++i, a));
        case "--print-slugs" -> o.printSlugs = count(a, value(args, ++i, a));
        case "--jobs" -> o.jobs = Math.max(1, number(a, value(args, ++i, a)));
        case "--seed" -> o.seed = longNumber(a, value(args, ++i, a));
        case "--years" -> o.years = Math.max(1, number(a, value(args, ++i, a)));
        case "--batch" -> o.batch = Math.max(100, number(a, value(args, ++i, a)));
        case "--maintenance-work-mem" -> o.maintenanceWorkMem = value(args, ++i, a);
        case "--migrations" -> o.migrations = value(args, ++i, a);
        default -> throw new Refusal("unknown option " + a + " (see src/bench/README.md)");
      }
    }
    if (o.url == null || o.url.isBlank()) {
      throw new Refusal("QUARKUS_DATASOURCE_JDBC_URL is not set");
    }
    if (o.articles < 1) {
      throw new Refusal("--articles must be at least 1");
    }
    return o;
  }

  /** 100000, 100_000, 100k and 1m are all accepted. */
  static int parseCount(String s) {
    String t = s.toLowerCase(Locale.ROOT).replace("_", "").replace(",", "");
    long factor = 1;
    if (t.endsWith("k")) {
      factor = 1_000;
      t = t.substring(0, t.length() - 1);
    } else if (t.endsWith("m")) {
      factor = 1_000_000;
      t = t.substring(0, t.length() - 1);
    }
    return Math.toIntExact(Long.parseLong(t) * factor);
  }

  private static int count(String option, String value) {
    try {
      return parseCount(value);
    } catch (ArithmeticException | NumberFormatException e) {
      throw new Refusal(option + " takes a count such as 100000, 100k or 1m, not " + value);
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new Refusal(option + " needs a value (see src/bench/README.md)");
    }
    return args[i];
  }

  private static int number(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new Refusal(option + " takes a number, not " + value);
    }
  }

  private static long longNumber(String option, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new Refusal(option + " takes a number, not " + value);
    }
  }
}
