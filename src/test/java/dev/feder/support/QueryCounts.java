package dev.feder.support;

import java.util.Arrays;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/** What Hibernate's statistics say about the queries the application ran (switched on first). */
public final class QueryCounts {

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
}
