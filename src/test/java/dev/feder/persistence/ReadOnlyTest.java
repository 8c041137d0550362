package dev.feder.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ReadOnly} on real transactions against the real database: a connection is broken by
 * terminating its own server process, as a restart of PostgreSQL does to every connection.
 */
@QuarkusTest
class ReadOnlyTest {

  @Inject Reads reads;
  @Inject Writes writes;

  @BeforeEach
  void reset() {
    reads.reset();
    writes.reset();
  }

  @Test
  void readWhoseConnectionBreaksRunsOnceMoreOnAnotherConnection() {
    assertEquals(42, reads.answer(1));

    assertEquals(2, reads.backends().size());
    assertNotEquals(reads.backends().get(0), reads.backends().get(1));
  }

  @Test
  void readThatLosesItsConnectionAgainFailsAfterOneRetry() {
    PersistenceException failure =
        assertThrows(PersistenceException.class, () -> reads.answer(Integer.MAX_VALUE));

    assertEquals(2, reads.backends().size());
    assertEquals(Optional.of(DatabaseFailure.CONNECTION_LOST), DatabaseFailure.of(failure));
  }

  @Test
  void readFailingForAnotherReasonRunsOnce() {
    assertThrows(PersistenceException.class, reads::brokenQuery);

    assertEquals(1, reads.backends().size());
  }

  @Test
  void writeWhoseConnectionBreaksIsNeverRepeated() {
    PersistenceException failure =
        assertThrows(PersistenceException.class, writes::writeLosingConnection);

    assertEquals(1, writes.attempts());
    assertEquals(Optional.of(DatabaseFailure.CONNECTION_LOST), DatabaseFailure.of(failure));
  }

  @Test
  void readStartingItsTransactionLoadsReadOnly() {
    assertTrue(reads.loadsReadOnly());
  }

  @Test
  void readWithinARunningTransactionJoinsItAsAnOrdinaryRead() {
    assertFalse(writes.readWithin());
    // Nor is it repeated: the caller's transaction went with the connection.
    assertThrows(PersistenceException.class, writes::readLosingConnectionWithin);
    assertEquals(1, reads.backends().size());
  }

  /** Reads that break their own connection on the first {@code failures} attempts. */
  @ApplicationScoped
  static class Reads {

    private final List<Integer> backends = new ArrayList<>();
    @Inject Session session;

    // Fields of a bean are read through methods: the client proxy has fields of its own.
    public List<Integer> backends() {
      return List.copyOf(backends);
    }

    public void reset() {
      backends.clear();
    }

    @Transactional
    @ReadOnly
    public int answer(int failures) {
      backends.add(backend(session));
      if (backends.size() <= failures) {
        terminateOwnBackend(session);
      }
      return ((Number) session.createNativeQuery("SELECT 42", Integer.class).getSingleResult())
          .intValue();
    }

    @Transactional
    @ReadOnly
    public int brokenQuery() {
      backends.add(backend(session));
      return session.createNativeQuery("SELECT no_such_column", Integer.class).getSingleResult();
    }

    @Transactional
    @ReadOnly
    public boolean loadsReadOnly() {
      return session.isDefaultReadOnly();
    }
  }

  /** Ordinary transactions that may write. */
  @ApplicationScoped
  static class Writes {

    private int attempts;
    @Inject Session session;
    @Inject Reads reads;

    public int attempts() {
      return attempts;
    }

    public void reset() {
      attempts = 0;
    }

    @Transactional
    public void writeLosingConnection() {
      attempts++;
      terminateOwnBackend(session);
    }

    @Transactional
    public boolean readWithin() {
      session.createNativeQuery("SELECT 1", Integer.class).getSingleResult();
      return reads.loadsReadOnly() || session.isDefaultReadOnly();
    }

    @Transactional
    public int readLosingConnectionWithin() {
      return reads.answer(1);
    }
  }

  static int backend(Session session) {
    return session.createNativeQuery("SELECT pg_backend_pid()", Integer.class).getSingleResult();
  }

  /** What a restart of the server does to every connection, here to this one only. */
  static void terminateOwnBackend(Session session) {
    session
        .createNativeQuery("SELECT pg_terminate_backend(pg_backend_pid())", Boolean.class)
        .getSingleResult();
  }
}
