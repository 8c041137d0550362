package dev.feder.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.jboss.logging.Logger;

/**
 * Plain SQL on the connection of the current transaction, for bookkeeping that works on rows rather
 * than entities: the event outbox, webhook deliveries and the go-live queue, polled in the
 * background twice a second. It bypasses Hibernate's session (nothing to flush, nothing to track)
 * and its statistics, which then count what requests do.
 *
 * <p>Inside a transaction the data source hands out the connection Hibernate uses, so these
 * statements commit or roll back with the entities' changes. Parameters are always bound; {@link
 * Instant}s go over as {@code timestamptz}.
 *
 * <p>{@link #read} is for the requests that readers wait for: one statement outside any
 * transaction, on an auto-commit connection, so it costs one round trip and none for {@code BEGIN}
 * and {@code COMMIT}.
 */
@ApplicationScoped
public class Sql {

  /** Reads one row of a result. */
  @FunctionalInterface
  public interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  private static final Logger LOG = Logger.getLogger(Sql.class);

  /** A named parameter: a colon and a name, not part of a {@code ::} cast. */
  private static final Pattern NAMED = Pattern.compile("(?<![:\\w]):([A-Za-z]\\w*)");

  /** A statement with its parameters in order, for {@link #read(Statement, Row)}. */
  public record Statement(String sql, List<Object> parameters) {

    /**
     * A statement written with named parameters ({@code :name}), as JPQL and Hibernate's native
     * queries take them, bound to {@code values} by position; a collection value stands for a list
     * of values ({@code in (:ids)}). A name without a value is a mistake of the caller.
     */
    public static Statement named(String sql, Map<String, ?> values) {
      List<Object> parameters = new ArrayList<>();
      StringBuilder positional = new StringBuilder();
      Matcher m = NAMED.matcher(sql);
      while (m.find()) {
        String name = m.group(1);
        if (!values.containsKey(name)) {
          throw new IllegalArgumentException("No value for :" + name + " in " + sql);
        }
        Object value = values.get(name);
        String marks = "?";
        if (value instanceof Collection<?> list) {
          parameters.addAll(list);
          marks = String.join(", ", Collections.nCopies(Math.max(list.size(), 1), "?"));
          if (list.isEmpty()) {
            parameters.add(null);
          }
        } else {
          parameters.add(value);
        }
        m.appendReplacement(positional, marks);
      }
      m.appendTail(positional);
      return new Statement(positional.toString(), Collections.unmodifiableList(parameters));
    }
  }

  private final AgroalDataSource dataSource;
  private final TransactionManager transactions;
  private final List<StatementInspector> inspectors;

  public Sql(
      AgroalDataSource dataSource,
      TransactionManager transactions,
      @PersistenceUnitExtension Instance<StatementInspector> inspectors) {
    this.dataSource = dataSource;
    this.transactions = transactions;
    this.inspectors = inspectors.stream().toList();
  }

  /**
   * The rows one query returns, read as {@link ReadOnly} reads are: when it runs outside a
   * transaction (its own auto-commit connection) and the connection broke under it ({@link
   * DatabaseFailure#CONNECTION_LOST}), it runs once more on a new connection; when no connection
   * could be had it fails as {@link DatabaseFailure#UNREACHABLE}. Within a transaction it joins it
   * (the data source hands out the transaction's connection), and is not repeated.
   */
  public <T> List<T> read(Statement statement, Row<T> row) {
    return read(statement.sql(), row, statement.parameters().toArray());
  }

  /** {@link #read(Statement, Row)} of this SQL and parameters. */
  public <T> List<T> read(String sql, Row<T> row, Object... parameters) {
    boolean repeatable = !inTransaction();
    for (int attempt = 1; ; attempt++) {
      try {
        return query(sql, row, parameters);
      } catch (SQLException e) {
        if (!repeatable
            || attempt > 1
            || DatabaseFailure.of(e).orElse(null) != DatabaseFailure.CONNECTION_LOST) {
          throw failed(sql, e);
        }
        LOG.infof("A read lost its database connection, retrying on a new connection: %s", e);
      }
    }
  }

  /**
   * The rows of a read, its statement seen first by the persistence unit's statement inspectors, as
   * Hibernate's are (tests record what requests send so).
   */
  private <T> List<T> query(String sql, Row<T> row, Object... parameters) throws SQLException {
    String inspected = sql;
    for (StatementInspector inspector : inspectors) {
      inspected = inspector.inspect(inspected);
    }
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException e) {
      throw DatabaseFailure.unreachable(e);
    }
    try (connection;
        PreparedStatement statement = prepare(connection, inspected, parameters);
        ResultSet result = statement.executeQuery()) {
      List<T> rows = new ArrayList<>();
      while (result.next()) {
        rows.add(row.read(result));
      }
      return rows;
    }
  }

  private boolean inTransaction() {
    try {
      return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
    } catch (SystemException e) {
      throw new IllegalStateException(e);
    }
  }

  private static IllegalStateException failed(String sql, SQLException e) {
    return new IllegalStateException("SQL failed: " + sql, e);
  }

  /** The rows a statement returns (a query, or a change with {@code RETURNING}). */
  public <T> List<T> list(String sql, Row<T> row, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = prepare(connection, sql, parameters);
        ResultSet result = statement.executeQuery()) {
      List<T> rows = new ArrayList<>();
      while (result.next()) {
        rows.add(row.read(result));
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("SQL failed: " + sql, e);
    }
  }

  /** How many rows a change touched. */
  public int update(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = prepare(connection, sql, parameters)) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("SQL failed: " + sql, e);
    }
  }

  /** A {@code timestamptz} column as an instant; null stays null. */
  public static Instant instant(ResultSet row, int column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      bind(statement, parameters);
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
    return statement;
  }

  private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      Object value = parameters[i];
      if (value == null) {
        statement.setNull(i + 1, Types.NULL);
      } else if (value instanceof Instant instant) {
        statement.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
      } else {
        statement.setObject(i + 1, value);
      }
    }
  }
}
