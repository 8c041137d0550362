package dev.feder.article;

import dev.feder.persistence.PublicationSchedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/** Scheduled articles: published with a {@code publishedAt} still to come. */
@ApplicationScoped
public class ArticleSchedule implements PublicationSchedule {

  @Override
  @Transactional
  public Optional<Instant> nextPublicationAfter(Instant instant) {
    return Article.firstPublicationAfter(instant);
  }
}
