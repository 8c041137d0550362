package dev.feder.event;

import dev.feder.config.FederConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Removes events older than {@code feder.events.retention}, hourly and in batches that keep each
 * transaction short. Several instances may run it at once: a row removed by one is simply not found
 * by the other.
 */
@ApplicationScoped
class EventRetentionJob {

  private static final Logger LOG = Logger.getLogger(EventRetentionJob.class);
  private static final int BATCH = 1000;

  private final EventLog events;
  private final Duration retention;
  private final Clock clock = Clock.systemUTC();

  EventRetentionJob(EventLog events, FederConfig config) {
    this.events = events;
    this.retention = config.events().retention();
  }

  @Scheduled(
      identity = "event-retention",
      every = "1h",
      delayed = "1m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void removeExpired() {
    int total = 0;
    int removed;
    do {
      removed = events.removeBefore(clock.instant().minus(retention), BATCH);
      total += removed;
    } while (removed == BATCH);
    if (total > 0) {
      LOG.infof("Removed %d events older than %s", total, retention);
    }
  }
}
