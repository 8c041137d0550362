package dev.feder.bench.seed;

import static dev.feder.bench.seed.Log.log;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/** The load: the articles in batches over several connections, each batch one transaction. */
final class Loader {

  private Loader() {}

  /**
   * Copies all articles of the generator in batches of {@code o.batch} over {@code o.jobs}
   * connections, which are bulk-load sessions: they set feder.bulk_load, so that the database keeps
   * the search vectors given and leaves the typo vocabulary to the seeder
   * (R__article_search_vector.sql).
   */
  static void load(Database db, SeedOptions o, ArticleCopy copy) throws Exception {
    int batches = (o.articles + o.batch - 1) / o.batch;
    AtomicLong next = new AtomicLong();
    AtomicLong copied = new AtomicLong();
    long start = System.nanoTime();
    Tasks.onWorkers(
        o.jobs,
        () -> {
          try (Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
              s.execute("set feder.bulk_load = on");
            }
            c.setAutoCommit(false);
            for (long b; (b = next.getAndIncrement()) < batches; ) {
              int from = (int) (b * o.batch);
              int to = Math.min(o.articles, from + o.batch);
              copy.batch(c, from, to);
              c.commit();
              long n = copied.addAndGet(to - from);
              if (o.articles >= 20_000 && (b + 1) % Math.max(1, 20_000 / o.batch) == 0) {
                double s = (System.nanoTime() - start) / 1e9;
                log("  %,d articles (%,.0f/s)", n, n / s);
              }
            }
          }
        });
  }
}
