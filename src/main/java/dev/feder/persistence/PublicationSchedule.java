package dev.feder.persistence;

import java.time.Instant;
import java.util.Optional;

/**
 * When public content changes by itself, without a write: a scheduled article goes live. The
 * article feature implements it, so that nothing kept (see {@link ContentVersions}) outlives the
 * moment.
 */
public interface PublicationSchedule {

  /** The first moment after {@code instant} at which content becomes public, if any. */
  Optional<Instant> nextPublicationAfter(Instant instant);
}
