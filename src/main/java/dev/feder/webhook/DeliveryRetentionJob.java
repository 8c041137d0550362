package dev.feder.webhook;

import dev.feder.config.FederConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;

/** Removes finished deliveries as old as the events kept ({@code feder.events.retention}). */
@ApplicationScoped
class DeliveryRetentionJob {

  private static final int BATCH = 1000;

  private final Deliveries deliveries;
  private final Duration retention;
  private final Clock clock = Clock.systemUTC();

  DeliveryRetentionJob(Deliveries deliveries, FederConfig config) {
    this.deliveries = deliveries;
    this.retention = config.events().retention();
  }

  @Scheduled(
      identity = "webhook-delivery-retention",
      every = "1h",
      delayed = "1m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void removeExpired() {
    while (deliveries.removeFinishedBefore(clock.instant().minus(retention), BATCH) == BATCH) {
      // more are expired
    }
  }
}
