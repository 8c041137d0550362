package dev.feder.article;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Purges the articles whose time in the trash has ended, every {@code feder.trash.purge-interval}
 * (at most that long after the retention, an article is gone). Batches keep each transaction short;
 * several instances of Feder may run it at once, since the rows are locked before they go.
 */
@ApplicationScoped
class TrashPurgeJob {

  private static final Logger LOG = Logger.getLogger(TrashPurgeJob.class);

  private static final int BATCH = 100;

  private final ArticleTrash trash;

  TrashPurgeJob(ArticleTrash trash) {
    this.trash = trash;
  }

  @Scheduled(
      identity = "trash-purge",
      every = "{feder.trash.purge-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void purgeExpired() {
    int total = 0;
    int purged;
    do {
      purged = trash.purgeExpired(BATCH);
      total += purged;
    } while (purged == BATCH);
    if (total > 0) {
      LOG.infof("Purged %d articles whose time in the trash had ended", total);
    }
  }
}
