package dev.feder.support;

import dev.feder.persistence.ContentVersions;
import dev.feder.persistence.ContentVersions.Reading;
import java.util.Arrays;
import java.util.function.Supplier;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * How many statements the application sent ({@link SentStatements}), and what Hibernate's
 * statistics (switched on first) say about the queries it ran.
 */
public final class QueryCounts {

  /** How often a measurement is tried before a content change during each attempt fails it. */
  private static final int ATTEMPTS = 5;

  private QueryCounts() {}

  /** How often Hibernate ran queries whose text holds {@code fragment}. */
  public static long executionsOfQueriesWith(SessionFactory sessionFactory, String fragment) {
    Statistics statistics = sessionFactory.getStatistics();
    statistics.setStatisticsEnabled(true);
    return Arrays.stream(statistics.getQueries())
        .filter(query -> query.contains(fragment))
        .mapToLong(query -> statistics.getQueryStatistics(query).getExecutionCount())
        .sum();
  }

  /**
   * How many SQL statements the application sent while {@code work} ran: Hibernate's and the plain
   * reads' ({@link SentStatements}).
   */
  public static long statementsFor(Runnable work) {
    long before = SentStatements.sent();
    work.run();
    return SentStatements.sent() - before;
  }

  /**
   * The result of {@code measurement} taken while no change of content was heard: what is kept in
   * memory (answers, list totals) lives until a change of what it shows, so a count of statements
   * means something only if no change ended it meanwhile. The change notification of a write that a
   * test made just before arrives a moment later, and other tests' scheduled articles go live; when
   * such a change falls into the measurement, it is taken again.
   */
  public static <T> T inOneVersion(ContentVersions versions, Supplier<T> measurement) {
    return inOneVersion(versions, () -> {}, measurement);
  }

  /**
   * Like {@link #inOneVersion(ContentVersions, Supplier)}, with {@code setUp} run before each
   * attempt, outside the measurement: a write that makes the application forget what it kept, so
   * that every attempt measures the same thing.
   */
  public static <T> T inOneVersion(
      ContentVersions versions, Runnable setUp, Supplier<T> measurement) {
    for (int attempt = 1; ; attempt++) {
      setUp.run();
      Reading before = versions.begin();
      T result = measurement.get();
      Reading after = versions.begin();
      if (before != null
          && after != null
          && before.epoch() == after.epoch()
          && before.sequence() == after.sequence()
          && versions.horizon(before).isAfter(after.start())) {
        return result;
      }
      if (attempt == ATTEMPTS) {
        throw new AssertionError("The content changed during each of " + ATTEMPTS + " attempts");
      }
    }
  }
}
