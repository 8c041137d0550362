package dev.feder.article;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Announces scheduled articles as they go live: every second, {@code article.published} for each
 * whose {@code publishedAt} has come (see {@link ArticleEvents#announceDue}). Every instance runs
 * it; each going-live is announced by one of them, once, and an instance that starts after an
 * outage announces what fell due meanwhile.
 */
@ApplicationScoped
class GoLiveJob {

  private static final int BATCH = 100;

  private final ArticleEvents events;

  GoLiveJob(ArticleEvents events) {
    this.events = events;
  }

  @Scheduled(
      identity = "article-go-live",
      every = "1s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void announce() {
    while (events.announceDue(BATCH) == BATCH) {
      // more are due
    }
  }
}
