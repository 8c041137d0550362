package dev.feder.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens for the notifications that the database sends on every change of public content, naming
 * what changed ({@link ContentTags}; see {@code R__content_change_notifications.sql}), whichever
 * instance or tool made it, and fires a {@link ContentChanged} event for each.
 *
 * <p>One pooled connection stays in {@code LISTEN} on a daemon thread. While it is down (the
 * database restarts, the network fails) {@link #listening()} is false, so that nothing relies on
 * notifications that may be missed; once it is back, a {@link ContentChanged#everything()} covers
 * whatever happened in between, before {@link #listening()} is true again. When no notification
 * came for a while, the connection is asked whether it is still alive.
 *
 * <p>An instance that made a change hears it like every other: {@link #awaitHeard()} waits until
 * this instance has heard every change committed before it was called, so that a client never reads
 * the old state from it after its write was answered.
 */
@ApplicationScoped
public class ContentChanges {

  /** The channel the triggers notify. */
  static final String CHANNEL = "feder_content_changed";

  /** Payloads by which an instance learns that it has heard everything committed before them. */
  static final String HEARD = "heard:";

  private static final Logger LOG = Logger.getLogger(ContentChanges.class);
  private static final Duration RETRY = Duration.ofSeconds(2);
  private static final int POLL_MILLIS = 5_000;
  private static final int ALIVE_CHECK_SECONDS = 5;

  /** How long a writer waits to hear its own change before it drops everything kept instead. */
  private static final Duration HEARD_TIMEOUT = Duration.ofSeconds(5);

  private final AgroalDataSource dataSource;
  private final Event<ContentChanged> changed;
  private final Clock clock = Clock.systemUTC();
  private final String marker = HEARD + UUID.randomUUID() + ":";
  private final AtomicLong marks = new AtomicLong();
  private final Map<String, CountDownLatch> awaited = new ConcurrentHashMap<>();
  private volatile boolean running;
  private volatile boolean listening;
  private volatile Instant deafSince = Instant.now();
  private volatile Connection connection;
  private Thread thread;

  public ContentChanges(AgroalDataSource dataSource, Event<ContentChanged> changed) {
    this.dataSource = dataSource;
    this.changed = changed;
  }

  /** Whether changes are being heard right now. */
  public boolean listening() {
    return listening;
  }

  /** Since when changes cannot be heard; empty while they are. */
  public Optional<Instant> deafSince() {
    return listening ? Optional.empty() : Optional.ofNullable(deafSince);
  }

  /**
   * Returns once this instance has heard every change committed before the call: it notifies the
   * channel itself and waits for that notification, which the database delivers after those of
   * every transaction committed before it. Returns at once while changes cannot be heard (nothing
   * is served from memory then). When its own notification cannot be sent or does not come back in
   * time, the instance treats everything as changed instead.
   */
  public void awaitHeard() {
    if (!listening) {
      return;
    }
    String mark = marker + marks.incrementAndGet();
    CountDownLatch heard = new CountDownLatch(1);
    awaited.put(mark, heard);
    try {
      // The connection goes back to the pool before the wait.
      try (Connection c = dataSource.getConnection();
          PreparedStatement notify = c.prepareStatement("select pg_notify(?, ?)")) {
        notify.setString(1, CHANNEL);
        notify.setString(2, mark);
        notify.execute();
      }
      if (!heard.await(HEARD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warnf("Did not hear its own change within %s; dropping what is kept", HEARD_TIMEOUT);
        changed.fire(ContentChanged.everything());
      }
    } catch (SQLException e) {
      LOG.warnf("Could not confirm having heard its own change, dropping what is kept: %s", e);
      changed.fire(ContentChanged.everything());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      changed.fire(ContentChanged.everything());
    } finally {
      awaited.remove(mark);
    }
  }

  void start(@Observes StartupEvent event) {
    running = true;
    thread = new Thread(this::listen, "feder-content-changes");
    thread.setDaemon(true);
    thread.start();
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    listening = false;
    Connection current = connection;
    if (current != null) {
      try {
        current.close();
      } catch (SQLException e) {
        LOG.debug("Closing the listening connection failed", e);
      }
    }
    if (thread != null) {
      thread.interrupt();
    }
  }

  private void listen() {
    while (running) {
      try (Connection current = dataSource.getConnection()) {
        connection = current;
        current.setAutoCommit(true);
        try (Statement statement = current.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        PGConnection postgres = current.unwrap(PGConnection.class);
        // Whatever changed while nobody listened, before anything may be kept again.
        changed.fire(ContentChanged.everything());
        listening = true;
        while (running) {
          PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
          if (notifications == null || notifications.length == 0) {
            checkAlive(current);
            continue;
          }
          for (PGNotification notification : notifications) {
            heard(notification.getParameter());
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (running) {
          LOG.warnf("Not hearing content changes, public responses are not cached: %s", e);
        }
      } finally {
        if (listening) {
          deafSince = clock.instant();
        }
        listening = false;
        connection = null;
        // Whoever waits to hear its change learns nothing more: while deaf, nothing is served.
        awaited.values().forEach(CountDownLatch::countDown);
      }
      if (running) {
        pause();
      }
    }
  }

  private void heard(String payload) {
    if (payload != null && payload.startsWith(HEARD)) {
      CountDownLatch waiting = payload.startsWith(marker) ? awaited.get(payload) : null;
      if (waiting != null) {
        waiting.countDown();
      }
      return;
    }
    changed.fire(new ContentChanged(ContentTags.parse(payload)));
  }

  /** A connection that broke without a word (a network failure) fails here. */
  private static void checkAlive(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(ALIVE_CHECK_SECONDS);
      statement.execute("select 1");
    }
  }

  private void pause() {
    try {
      Thread.sleep(RETRY.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
