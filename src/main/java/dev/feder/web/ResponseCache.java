package dev.feder.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.feder.config.FederConfig;
import dev.feder.persistence.ContentChanged;
import dev.feder.persistence.ContentChanges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Public responses kept in memory, so that a page that thousands of readers ask for is built from
 * the database once.
 *
 * <p>Correctness comes first. Only answers to anonymous GETs are kept, and only as long as they are
 * what the database would give: every change of content, by any instance or tool, starts a new
 * {@link Generation} (see {@link ContentChanges}), and so does the moment a scheduled article goes
 * live. A response only enters the cache when no new generation began while it was being built, and
 * it only leaves it for its own generation. While changes cannot be heard, nothing is cached.
 */
@ApplicationScoped
public class ResponseCache {

  /** What makes two requests ask for the same representation. */
  public record Key(String host, String uri, String accept) {}

  /**
   * A response as it was sent.
   *
   * @param headers the headers of the representation (content type, ETag, caching, links)
   */
  public record Entry(
      byte[] body, String etag, List<Map.Entry<String, String>> headers, Generation generation) {}

  /**
   * The content as it was from {@code start} on; a new one begins with each change.
   *
   * @param horizon when the next scheduled article goes live, once asked
   */
  public record Generation(long number, Instant start, AtomicReference<Optional<Instant>> horizon) {
    Generation next(Instant now) {
      return new Generation(number + 1, now, new AtomicReference<>());
    }
  }

  private final boolean enabled;
  private final ContentChanges changes;
  private final PublicationSchedule schedule;
  private final Cache<Key, Entry> entries;
  private final Clock clock = Clock.systemUTC();
  private final AtomicReference<Generation> current;

  public ResponseCache(
      FederConfig config,
      ContentChanges changes,
      PublicationSchedule schedule,
      MeterRegistry registry) {
    this.enabled = config.http().cache().enabled();
    this.changes = changes;
    this.schedule = schedule;
    this.entries =
        Caffeine.newBuilder()
            .maximumWeight(config.http().cache().maxSize().asLongValue())
            .weigher((Key key, Entry entry) -> weight(key, entry))
            .recordStats()
            .build();
    this.current =
        new AtomicReference<>(new Generation(0, clock.instant(), new AtomicReference<>()));
    CaffeineCacheMetrics.monitor(registry, entries, "feder.http.responses");
  }

  /** The generation a response built from now on belongs to, or null when nothing is kept. */
  public Generation begin() {
    return active() ? current.get() : null;
  }

  /** The kept response for this request, or null. */
  public Entry find(Key key) {
    if (!active()) {
      return null;
    }
    Generation generation = current.get();
    Optional<Instant> horizon = generation.horizon().get();
    if (horizon == null) {
      // Not known before the first response of this generation is stored.
      return null;
    }
    if (horizon.isPresent() && !clock.instant().isBefore(horizon.get())) {
      invalidate();
      return null;
    }
    Entry entry = entries.getIfPresent(key);
    return entry != null && entry.generation() == generation ? entry : null;
  }

  /**
   * Keeps a response built for an anonymous GET that began in {@code generation}; does nothing if
   * the content changed since.
   */
  public void store(Key key, Generation generation, Entry entry) {
    if (generation == null || current.get() != generation) {
      return;
    }
    if (generation.horizon().get() == null) {
      // Anything scheduled after the generation began is not part of what it shows.
      generation.horizon().compareAndSet(null, schedule.nextPublicationAfter(generation.start()));
    }
    entries.put(key, entry);
    if (current.get() != generation) {
      entries.invalidate(key);
    }
  }

  /** Forgets every response: the content changed. */
  public void invalidate() {
    current.updateAndGet(generation -> generation.next(clock.instant()));
    entries.invalidateAll();
  }

  void onChange(@Observes ContentChanged change) {
    invalidate();
  }

  private boolean active() {
    return enabled && changes.listening();
  }

  private static int weight(Key key, Entry entry) {
    long size = entry.body().length + key.uri().length() * 2L + 256;
    return (int) Math.min(size, Integer.MAX_VALUE);
  }
}
