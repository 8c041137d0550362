package dev.feder.support;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.hibernate.Session;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * The SQL statements the application sends, recorded while a test asks for them, and their plans:
 * so that a plan test explains the statement a query class really sends for a request, not a copy
 * of it.
 *
 * <p>Hibernate hands every statement to this inspector before preparing it (with {@code ?} for its
 * parameters), and so do the plain reads of {@code dev.feder.persistence.Sql}. Recording is off
 * unless a test runs {@link #during}; requests are served on other threads, so whatever the
 * application sends meanwhile is recorded.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class SentStatements implements StatementInspector {

  private static final Queue<String> RECORDED = new ConcurrentLinkedQueue<>();
  private static final AtomicLong SENT = new AtomicLong();
  private static volatile boolean recording;

  @Override
  public String inspect(String sql) {
    SENT.incrementAndGet();
    if (recording) {
      RECORDED.add(sql);
    }
    return sql;
  }

  /** How many statements the application sent so far, through Hibernate or as plain reads. */
  public static long sent() {
    return SENT.get();
  }

  /** Every statement sent while {@code action} ran, in order. */
  public static synchronized List<String> allDuring(Runnable action) {
    RECORDED.clear();
    recording = true;
    try {
      action.run();
    } finally {
      recording = false;
    }
    List<String> sent = new ArrayList<>(RECORDED);
    RECORDED.clear();
    return sent;
  }

  /**
   * The one statement sent while {@code action} ran that {@code wanted} picks; fails unless exactly
   * one matches, so a request that stops sending it (or sends two) is noticed.
   */
  public static synchronized String during(Runnable action, Predicate<String> wanted) {
    List<String> sent = allDuring(action);
    List<String> matching = sent.stream().filter(wanted).toList();
    if (matching.size() != 1) {
      throw new AssertionError(
          "Expected one matching statement, got " + matching.size() + " of " + sent);
    }
    return matching.get(0);
  }

  /**
   * The plan PostgreSQL makes for a statement Hibernate sent, with these values of its parameters
   * (in the order of its {@code ?}), in the current transaction: bound like Hibernate binds them,
   * so the plan is the one made for these values, as for the statement's first runs. Each line of
   * the plan is a line of the result.
   */
  public static String plan(EntityManager entityManager, String sql, Object... values) {
    StringBuilder plan = new StringBuilder();
    entityManager
        .unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement statement = connection.prepareStatement("explain " + sql)) {
                int parameters = statement.getParameterMetaData().getParameterCount();
                if (parameters != values.length) {
                  throw new AssertionError(
                      parameters + " parameters, " + values.length + " values: " + sql);
                }
                for (int i = 0; i < values.length; i++) {
                  statement.setObject(
                      i + 1,
                      values[i] instanceof Instant instant
                          ? instant.atOffset(ZoneOffset.UTC)
                          : values[i]);
                }
                try (ResultSet rows = statement.executeQuery()) {
                  while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                  }
                }
              }
            });
    return plan.toString();
  }
}
