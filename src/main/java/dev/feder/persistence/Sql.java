package dev.feder.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.List;
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

  private final AgroalDataSource dataSource;
  private final TransactionManager transactions;

  public Sql(AgroalDataSource dataSource, TransactionManager transactions) {
    this.dataSource = dataSource;
    this.transactions = transactions;
  }

  /**
   * The rows one query returns, read as {@link ReadOnly} reads are: when it runs outside a
   * transaction (its own auto-commit connection) and the connection broke under it ({@link
   * DatabaseFailure#CONNECTION_LOST}), it runs once more on a new connection; when no connection
   * could be had it fails as {@link DatabaseFailure#UNREACHABLE}. Within a transaction it joins it
   * as {@link #list} does, and is not repeated.
   */
  public <T> List<T> read(String sql, Row<T> row, Object... parameters) {
    if (inTransaction()) {
      return list(sql, row, parameters);
    }
    try {
      return query(sql, row, parameters);
    } catch (SQLException e) {
      if (DatabaseFailure.of(e).orElse(null) != DatabaseFailure.CONNECTION_LOST) {
        throw failed(sql, e);
      }
      LOG.infof("A read lost its database connection, retrying on a new connection: %s", e);
    }
    try {
      return query(sql, row, parameters);
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  private <T> List<T> query(String sql, Row<T> row, Object... parameters) throws SQLException {
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException e) {
      throw DatabaseFailure.unreachable(e);
    }
    try (connection;
        PreparedStatement statement = prepare(connection, sql, parameters);
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
