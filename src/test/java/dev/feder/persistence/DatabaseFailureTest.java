package dev.feder.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Optional;
import javax.transaction.xa.XAException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** How failures are told apart, on the exceptions pgjdbc, Hibernate and Narayana really throw. */
class DatabaseFailureTest {

  private static final String ACQUIRE = "Unable to acquire JDBC Connection";

  @Test
  void refusedConnectionIsUnreachable() {
    PSQLException refused =
        new PSQLException(
            "Connection to 127.0.0.1:55441 refused.",
            PSQLState.CONNECTION_UNABLE_TO_CONNECT,
            new ConnectException("Connection refused"));
    assertUnreachable(new JDBCConnectionException(ACQUIRE, refused));
  }

  @Test
  void serverStartingUpOrShuttingDownIsUnreachable() {
    SQLException startingUp =
        new SQLException("FATAL: the database system is starting up", "57P03");
    assertUnreachable(new GenericJDBCException(ACQUIRE, startingUp));
    assertUnreachable(startingUp);
  }

  @Test
  void anyFailureToGetAConnectionIsUnreachable() {
    // A database that does not accept connections (55000), or the pool's acquisition timeout
    // (no SQLSTATE at all): nothing of the request reached the database either way.
    SQLException closed =
        new SQLException(
            "FATAL: database \"feder\" is not currently accepting connections", "55000");
    SQLException timeout = new SQLException("Acquisition timeout while waiting for new connection");
    assertUnreachable(new GenericJDBCException(ACQUIRE, closed));
    assertUnreachable(new PersistenceException(new GenericJDBCException(ACQUIRE, timeout)));
  }

  @Test
  void sessionTerminatedByARestartIsALostConnection() {
    SQLException terminated =
        new SQLException("FATAL: terminating connection due to administrator command", "57P01");
    assertLost(new GenericJDBCException("could not execute statement", terminated));
  }

  @Test
  void brokenOrClosedSocketIsALostConnection() {
    PSQLException io =
        new PSQLException(
            "An I/O error occurred while sending to the backend.",
            PSQLState.CONNECTION_FAILURE,
            new java.net.SocketException("Broken pipe"));
    PSQLException closed =
        new PSQLException("This connection has been closed.", PSQLState.CONNECTION_DOES_NOT_EXIST);
    assertLost(new JDBCConnectionException("JDBC exception executing SQL", io));
    assertLost(closed);
  }

  @Test
  void failedCommitIsFoundAmongSuppressedExceptions() {
    SQLException terminated =
        new SQLException(
            "FATAL: terminating connection due to unexpected postmaster exit", "57P01");
    assertLost(new RuntimeException("Error invoking subclass method", failedCommit(terminated)));
  }

  @Test
  void describedByTheDriversOwnWordsWithoutTheStatement() {
    SQLException terminated =
        new SQLException("FATAL: terminating connection due to administrator command", "57P01");
    assertEquals(
        terminated.toString(),
        DatabaseFailure.describe(
            new GenericJDBCException("could not execute statement [select 1]", terminated)));
    assertEquals(terminated.toString(), DatabaseFailure.describe(failedCommit(terminated)));
    IllegalStateException other = new IllegalStateException("no database");
    assertEquals(other.toString(), DatabaseFailure.describe(other));
  }

  @Test
  void statementFailuresAreNoDatabaseFailure() {
    SQLException unique = new SQLException("duplicate key value", "23505");
    assertEquals(
        Optional.empty(),
        DatabaseFailure.of(new ConstraintViolationException("could not execute", unique, "slug")));
    assertEquals(
        Optional.empty(),
        DatabaseFailure.of(new SQLException("canceling statement due to user request", "57014")));
    assertEquals(Optional.empty(), DatabaseFailure.of(new IllegalStateException("no database")));
  }

  private static void assertUnreachable(Throwable failure) {
    assertEquals(Optional.of(DatabaseFailure.UNREACHABLE), DatabaseFailure.of(failure));
  }

  private static void assertLost(Throwable failure) {
    assertEquals(Optional.of(DatabaseFailure.CONNECTION_LOST), DatabaseFailure.of(failure));
  }

  /**
   * What the transaction manager throws when the connection died before the commit went through:
   * the driver's exception is a suppressed one.
   */
  private static RollbackException failedCommit(SQLException cause) {
    XAException xa = new XAException("Error trying to transactionCommit local transaction");
    xa.initCause(cause);
    RollbackException rollback =
        new RollbackException("ARJUNA016053: Could not commit transaction.");
    rollback.addSuppressed(xa);
    return rollback;
  }

  @Test
  void cyclicCausesEndTheSearch() {
    RuntimeException first = new RuntimeException("first");
    RuntimeException second = new RuntimeException("second", first);
    first.initCause(second);
    first.addSuppressed(second);
    assertEquals(Optional.empty(), DatabaseFailure.of(first));
  }
}
