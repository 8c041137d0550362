package dev.feder.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.feder.config.FederConfig;
import dev.feder.persistence.ContentChanged;
import dev.feder.persistence.ContentGenerations;
import dev.feder.persistence.ContentGenerations.Generation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;

/**
 * Public responses kept in memory, so that a page that thousands of readers ask for is built from
 * the database once.
 *
 * <p>Correctness comes first. Only answers to anonymous GETs are kept, and only as long as they are
 * what the database would give: a response belongs to the {@link ContentGenerations generation of
 * the content} in which it began to be built, is kept only if no new generation began while it was
 * built, and is served only while its generation is current. While changes cannot be heard, nothing
 * is cached.
 */
@ApplicationScoped
public class ResponseCache {

  /** What makes two requests ask for the same representation. */
  public record Key(String host, String uri, String accept) {}

  /**
   * A response as it was sent.
   *
   * @param headers the headers of the representation (content type, ETag, caching, links)
   * @param compressed whether it is compressed for clients that accept it, as the first one was
   * @param routeTemplate the route it is counted under in the HTTP metrics, null if none
   */
  public record Entry(
      byte[] body,
      String etag,
      List<Map.Entry<String, String>> headers,
      boolean compressed,
      String routeTemplate,
      Generation generation) {}

  private final boolean enabled;
  private final ContentGenerations generations;
  private final Cache<Key, Entry> entries;

  public ResponseCache(FederConfig config, ContentGenerations generations, MeterRegistry registry) {
    this.enabled = config.http().cache().enabled();
    this.generations = generations;
    this.entries =
        Caffeine.newBuilder()
            .maximumWeight(config.http().cache().maxSize().asLongValue())
            .weigher((Key key, Entry entry) -> weight(key, entry))
            .recordStats()
            .build();
    CaffeineCacheMetrics.monitor(registry, entries, "feder.http.responses");
  }

  /** The generation a response built from now on belongs to, or null when nothing is kept. */
  public Generation begin() {
    return enabled ? generations.current() : null;
  }

  /** The kept response for this request, or null. */
  public Entry find(Key key) {
    if (!enabled) {
      return null;
    }
    Entry entry = entries.getIfPresent(key);
    if (entry == null) {
      return null;
    }
    if (!generations.isCurrent(entry.generation())) {
      entries.asMap().remove(key, entry);
      return null;
    }
    return entry;
  }

  /**
   * Keeps a response built for an anonymous GET that began in {@code generation}; does nothing if
   * the content changed since.
   */
  public void store(Key key, Generation generation, Entry entry) {
    if (!generations.keep(generation)) {
      return;
    }
    entries.put(key, entry);
    if (!generations.isCurrent(generation)) {
      entries.asMap().remove(key, entry);
    }
  }

  /** Forgets every response: this instance changed the content. */
  public void invalidate() {
    generations.advance();
    entries.invalidateAll();
  }

  void onChange(@Observes ContentChanged change) {
    // The generation has ended (ContentGenerations hears the change too); free the memory.
    entries.invalidateAll();
  }

  private static int weight(Key key, Entry entry) {
    long size = entry.body().length + key.uri().length() * 2L + 256;
    return (int) Math.min(size, Integer.MAX_VALUE);
  }
}
