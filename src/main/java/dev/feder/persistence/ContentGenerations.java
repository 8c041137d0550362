package dev.feder.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The content of the database as a sequence of generations, for whatever is kept in memory because
 * it was read from the database (public responses, list counts): a thing read during a generation
 * is valid exactly as long as that generation is current.
 *
 * <p>A new generation begins with every change of content, by any instance or tool (see {@link
 * ContentChanges}), when this instance answers one of its own writes, and at the moment a scheduled
 * article goes live (the generation's horizon, see {@link PublicationSchedule}). While changes
 * cannot be heard, there is no current generation and nothing may be kept.
 *
 * <p>The protocol for a cache: note {@link #current()} before reading the database; {@link
 * #keep(Generation)} says whether a result may be kept for that generation (it is still current); a
 * kept result is used only while {@link #current()} is still its generation, so a change during the
 * read only strands it.
 */
@ApplicationScoped
public class ContentGenerations {

  /**
   * The content as it was from {@code start} on.
   *
   * @param horizon when the next scheduled article goes live; null until something is kept
   */
  public record Generation(long number, Instant start, AtomicReference<Optional<Instant>> horizon) {
    Generation next(Instant now) {
      return new Generation(number + 1, now, new AtomicReference<>());
    }

    /** Whether something read at {@code instant} is part of this generation. */
    public boolean covers(Instant instant) {
      Optional<Instant> until = horizon.get();
      return !instant.isBefore(start)
          && (until == null || until.isEmpty() || instant.isBefore(until.get()));
    }
  }

  private final ContentChanges changes;
  private final PublicationSchedule schedule;
  private final Clock clock;
  private final AtomicReference<Generation> current;

  public ContentGenerations(ContentChanges changes, PublicationSchedule schedule, Clock clock) {
    this.changes = changes;
    this.schedule = schedule;
    this.clock = clock;
    this.current =
        new AtomicReference<>(new Generation(0, clock.instant(), new AtomicReference<>()));
  }

  /** The current generation, or null while changes cannot be heard. */
  public Generation current() {
    if (!changes.listening()) {
      return null;
    }
    Generation generation = current.get();
    Optional<Instant> horizon = generation.horizon().get();
    if (horizon != null && horizon.isPresent() && !clock.instant().isBefore(horizon.get())) {
      advance();
      return current.get();
    }
    return generation;
  }

  /**
   * Whether something read from the database since {@code generation} was noted may be kept: it is
   * still current. Learns the generation's horizon first, so that a kept result ends with it.
   */
  public boolean keep(Generation generation) {
    if (generation == null || current.get() != generation) {
      return false;
    }
    if (generation.horizon().get() == null) {
      // Anything scheduled after the generation began is not part of what it shows.
      generation.horizon().compareAndSet(null, schedule.nextPublicationAfter(generation.start()));
    }
    return current.get() == generation;
  }

  /** Whether {@code generation} is still the current one. */
  public boolean isCurrent(Generation generation) {
    return generation != null && current() == generation;
  }

  /** Ends the current generation: the content changed. */
  public void advance() {
    current.updateAndGet(generation -> generation.next(clock.instant()));
  }

  void onChange(@Observes ContentChanged change) {
    advance();
  }
}
