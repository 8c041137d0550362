package dev.feder.idempotency;

import dev.feder.config.FederConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Deletes stored answers whose retention has ended, every hour. Until then they are only ignored
 * (an expired key is free again), so this is housekeeping; several instances may run it at once.
 */
@ApplicationScoped
public class IdempotencyPurgeJob {

  private static final Logger LOG = Logger.getLogger(IdempotencyPurgeJob.class);

  private final Duration retention;
  private final Clock clock = Clock.systemUTC();

  IdempotencyPurgeJob(FederConfig config) {
    this.retention = config.idempotency().retention();
  }

  @Scheduled(
      identity = "idempotency-purge",
      every = "1h",
      delayed = "1m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  @Transactional
  public void purgeExpired() {
    long purged = IdempotentRequest.deleteStoredBefore(clock.instant().minus(retention));
    if (purged > 0) {
      LOG.infof("Deleted %d stored answers to requests with an Idempotency-Key", purged);
    }
  }
}
