package dev.feder.persistence;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import org.hibernate.JDBCException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * A failure of the database itself rather than of a statement: Feder cannot reach PostgreSQL, or
 * the connection broke while in use (the server restarted, crashed or was stopped). Requests that
 * fail so are answered {@code 503} with {@code Retry-After} (see {@code ProblemMappers}), and a
 * {@link ReadOnly read} is run once more on a new connection.
 *
 * <p>Told from the failure's cause chain: the SQLSTATE codes PostgreSQL and pgjdbc use for
 * connection problems, and Hibernate's wrapping of any failure to get a connection from the pool
 * (refused, the server starting up or shutting down, the pool's acquisition timeout, or a database
 * that does not accept connections).
 */
public enum DatabaseFailure {

  /** No connection could be had: nothing of the request reached the database. */
  UNREACHABLE,

  /**
   * The connection broke while in use. A read can be repeated on a new one; for a write the outcome
   * is unknown when the break came at its commit.
   */
  CONNECTION_LOST;

  /** What Hibernate's message starts with when the pool could not hand out a connection. */
  private static final String ACQUISITION = "Unable to acquire JDBC Connection";

  /**
   * Connection refused or rejected (08001, 08004), the server starting up or shutting down (57P03),
   * too many connections (53300).
   */
  private static final Set<String> UNREACHABLE_STATES = Set.of("08001", "08004", "57P03", "53300");

  /**
   * The server terminated the session: stopped by an administrator (57P01), after a crash of
   * another backend (57P02), idle for too long (57P05).
   */
  private static final Set<String> TERMINATED_STATES = Set.of("57P01", "57P02", "57P05");

  /**
   * The failure of plain JDBC to get a connection from the pool, in the form Hibernate gives it, so
   * that it is told {@link #UNREACHABLE} whatever the pool's own exception says (its acquisition
   * timeout carries no SQLSTATE).
   */
  public static RuntimeException unreachable(SQLException cause) {
    return new JDBCConnectionException(ACQUISITION + ": " + cause.getMessage(), cause);
  }

  /**
   * The kind of database failure behind {@code failure}, if it is one: looked for among its causes
   * and the exceptions they suppressed (a failed commit carries the driver's exception as a
   * suppressed one of the transaction manager's).
   */
  public static Optional<DatabaseFailure> of(Throwable failure) {
    return Optional.ofNullable(find(failure, Collections.newSetFromMap(new IdentityHashMap<>())));
  }

  private static DatabaseFailure find(Throwable failure, Set<Throwable> seen) {
    DatabaseFailure found = null;
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof JDBCException jdbc
          && jdbc.getMessage() != null
          && jdbc.getMessage().startsWith(ACQUISITION)) {
        return UNREACHABLE;
      }
      if (found == null && t instanceof SQLException sql && sql.getSQLState() != null) {
        found = classify(sql.getSQLState());
      }
      for (Throwable suppressed : t.getSuppressed()) {
        DatabaseFailure inner = find(suppressed, seen);
        if (inner == UNREACHABLE) {
          return inner;
        }
        found = found == null ? inner : found;
      }
    }
    return found;
  }

  /**
   * The driver's own words for the log: the innermost SQL exception among the causes and the
   * exceptions they suppressed, without the statement that Hibernate's message adds.
   */
  public static String describe(Throwable failure) {
    Throwable found = innermostSql(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    return (found != null ? found : failure).toString();
  }

  private static Throwable innermostSql(Throwable failure, Set<Throwable> seen) {
    Throwable found = null;
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof SQLException) {
        found = t;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        Throwable inner = innermostSql(suppressed, seen);
        found = inner != null ? inner : found;
      }
    }
    return found;
  }

  private static DatabaseFailure classify(String state) {
    if (UNREACHABLE_STATES.contains(state)) {
      return UNREACHABLE;
    }
    if (state.startsWith("08") || TERMINATED_STATES.contains(state)) {
      return CONNECTION_LOST;
    }
    return null;
  }
}
