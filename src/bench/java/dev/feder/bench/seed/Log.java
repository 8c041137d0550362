package dev.feder.bench.seed;

import java.util.Locale;

/** The seeder's progress on standard output, each step with its time. */
final class Log {

  private Log() {}

  static void log(String format, Object... args) {
    System.out.println("seed: " + String.format(Locale.ROOT, format, args));
  }

  /** The time since {@code t} (System.nanoTime), in seconds or minutes and seconds. */
  static String since(long t) {
    double s = (System.nanoTime() - t) / 1e9;
    return s < 60
        ? String.format(Locale.ROOT, "%.1f s", s)
        : String.format(Locale.ROOT, "%d min %.0f s", (int) (s / 60), s % 60);
  }
}
