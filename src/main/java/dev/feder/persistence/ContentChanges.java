package dev.feder.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens for the notifications that the database sends on every change of public content (see the
 * migration {@code V8__content_change_notifications.sql}), whichever instance or tool made it, and
 * fires a {@link ContentChanged} event for each.
 *
 * <p>One pooled connection stays in {@code LISTEN} on a daemon thread. While it is down (the
 * database restarts, the network fails) {@link #listening()} is false, so that nothing relies on
 * notifications that may be missed; once it is back, a {@link ContentChanged} covers whatever
 * happened in between.
 */
@ApplicationScoped
public class ContentChanges {

  /** The channel the triggers notify. */
  static final String CHANNEL = "feder_content_changed";

  private static final Logger LOG = Logger.getLogger(ContentChanges.class);
  private static final Duration RETRY = Duration.ofSeconds(2);
  private static final int POLL_MILLIS = 5_000;

  private final AgroalDataSource dataSource;
  private final Event<ContentChanged> changed;
  private volatile boolean running;
  private volatile boolean listening;
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
        listening = true;
        // Whatever changed while nobody listened.
        changed.fire(new ContentChanged());
        while (running) {
          PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
          if (notifications != null && notifications.length > 0) {
            changed.fire(new ContentChanged());
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (running) {
          LOG.warnf("Not hearing content changes, public responses are not cached: %s", e);
        }
      } finally {
        listening = false;
        connection = null;
      }
      if (running) {
        changed.fire(new ContentChanged());
        pause();
      }
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
