package dev.feder.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.feder.config.FederConfig;
import dev.feder.persistence.ContentChanged;
import dev.feder.persistence.ContentVersions;
import dev.feder.persistence.ContentVersions.Epoch;
import dev.feder.persistence.ContentVersions.Reading;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Public responses kept in memory, so that a page that thousands of readers ask for is built from
 * the database once.
 *
 * <p>Correctness comes first. Only answers to anonymous GETs are kept, and only as long as they are
 * what the database would give: a response is kept under the {@link CacheTags tags} of what it
 * shows, only if none of them changed while it was built, and is served only until one of them
 * changes ({@link ContentVersions}), on any instance, or the next scheduled article goes live.
 * While changes cannot be heard, nothing new is kept and nothing kept is served as current.
 *
 * <p>Stale-if-error: when the database cannot be reached (a resource answers {@code 503}), an
 * answer kept before is served instead, with its {@code Age}, for {@code
 * feder.http.cache.stale-if-error} after it stopped being current; once changes are heard again,
 * everything kept before is dropped.
 */
@ApplicationScoped
public class ResponseCache {

  /** What makes two requests ask for the same representation. */
  public record Key(String host, String uri, String accept) {

    /** The key of a request, its URI in {@link CacheKeys#canonical canonical form}. */
    public static Key of(String host, String uri, String accept) {
      return new Key(host, CacheKeys.canonical(uri), accept);
    }
  }

  /**
   * A response as it was sent.
   *
   * @param headers the headers of the representation (content type, ETag, caching, links, tags)
   * @param compressed whether it is compressed for clients that accept it, as the first one was
   * @param routeTemplate the route it is counted under in the HTTP metrics, null if none
   */
  public record Answer(
      byte[] body,
      String etag,
      List<Map.Entry<String, String>> headers,
      boolean compressed,
      String routeTemplate) {}

  /** How a response fared when it was offered to the cache. */
  public enum Stored {
    /** Kept: readers find it until what it shows changes. */
    KEPT,
    /** Not kept: what it shows changed while it was built, so it may be outdated. */
    CHANGED,
    /** Not kept: the cache is off, changes cannot be heard, or it names no content. */
    NOT_KEPT
  }

  /**
   * A kept response, under its tags until a change of one of them ends it.
   *
   * @param built when the reading it was built after began, for its {@code Age}
   * @param expires when the next scheduled article goes live, or {@code max-age} after {@code
   *     built} for a response that may lag behind new content
   */
  public static final class Entry implements ContentVersions.Kept {
    private final ResponseCache owner;
    private final Key key;
    private final Answer answer;
    private final Set<String> tags;
    private final Epoch epoch;
    private final Instant built;
    private final Instant expires;
    private final boolean lagging;
    private volatile boolean ended;

    private Entry(
        ResponseCache owner,
        Key key,
        Answer answer,
        Set<String> tags,
        Epoch epoch,
        Instant built,
        Instant expires,
        boolean lagging) {
      this.owner = owner;
      this.key = key;
      this.answer = answer;
      this.tags = tags;
      this.epoch = epoch;
      this.built = built;
      this.expires = expires;
      this.lagging = lagging;
    }

    public Answer answer() {
      return answer;
    }

    public Set<String> tags() {
      return tags;
    }

    public Instant expires() {
      return expires;
    }

    /** Whether its {@code Age} is worth telling when it is served from the cache. */
    boolean lagging() {
      return lagging;
    }

    /** Whole seconds since it was built: its {@code Age}. */
    long ageSeconds(Instant now) {
      return Math.max(0, Duration.between(built, now).toSeconds());
    }

    @Override
    public void end() {
      ended = true;
      owner.entries.asMap().remove(key, this);
    }
  }

  private final boolean enabled;
  private final long maxBinarySize;
  private final Duration maxAge;
  private final Duration staleIfError;
  private final ContentVersions versions;
  private final Cache<Key, Entry> entries;

  public ResponseCache(FederConfig config, ContentVersions versions, MeterRegistry registry) {
    this.enabled = config.http().cache().enabled();
    this.maxBinarySize = config.http().cache().maxBinarySize().asLongValue();
    this.maxAge = config.http().maxAge();
    this.staleIfError = config.http().cache().staleIfError();
    this.versions = versions;
    this.entries =
        Caffeine.newBuilder()
            .maximumWeight(config.http().cache().maxSize().asLongValue())
            .weigher((Key key, Entry entry) -> weight(key, entry))
            .removalListener(
                (Key key, Entry entry, RemovalCause cause) -> {
                  if (entry != null) {
                    versions.release(entry.tags, entry);
                  }
                })
            .recordStats()
            .build();
    CaffeineCacheMetrics.monitor(registry, entries, "feder.http.responses");
  }

  /** The reading a response built from now on is kept after, or null when nothing is kept. */
  public Reading begin() {
    return enabled ? versions.begin() : null;
  }

  /** Whether a file or image rendition of this many bytes may be kept. */
  boolean keepsBinary(long size) {
    return size <= maxBinarySize;
  }

  /** What is kept for this request, current or not; null if nothing. */
  public Entry find(Key key) {
    return enabled ? entries.getIfPresent(key) : null;
  }

  /** Whether a kept response is what the database would give now. */
  public boolean isCurrent(Entry entry, Instant now) {
    return !entry.ended && entry.epoch == versions.epoch() && now.isBefore(entry.expires);
  }

  /**
   * Whether a kept response may stand in for an answer that failed because the database cannot be
   * reached: it was not ended by a change, and stopped being current (when the instance stopped
   * hearing changes, or when it expired) at most {@code stale-if-error} ago.
   */
  public boolean mayServeStale(Entry entry, Instant now) {
    if (entry.ended || entry.epoch != versions.lastEpoch()) {
      return false;
    }
    Instant staleSince = entry.expires;
    Instant deaf = versions.deafSince().orElse(null);
    if (deaf != null && deaf.isBefore(staleSince)) {
      staleSince = deaf;
    }
    return staleSince == Instant.MAX || !now.isAfter(staleSince.plus(staleIfError));
  }

  /**
   * Keeps a response to an anonymous GET, built after {@code reading} was noted and showing what
   * {@code tags} name, unless one of them changed since.
   *
   * @param lagging the response may lag behind new content no tag names ({@link
   *     CacheTags#lagging()}): kept for {@code max-age} at most
   */
  public Stored store(Key key, Reading reading, Answer answer, Set<String> tags, boolean lagging) {
    if (!enabled || reading == null || tags.isEmpty()) {
      return Stored.NOT_KEPT;
    }
    Instant expires = versions.horizon(reading);
    if (lagging) {
      Instant limit = reading.start().plus(maxAge);
      expires = limit.isBefore(expires) ? limit : expires;
    }
    Entry entry =
        new Entry(
            this,
            key,
            answer,
            Set.copyOf(tags),
            reading.epoch(),
            reading.start(),
            expires,
            lagging);
    if (!versions.keep(reading, entry.tags, entry)) {
      return Stored.CHANGED;
    }
    entries.put(key, entry);
    if (entry.ended || versions.epoch() != reading.epoch()) {
      // Ended between its registration and now: it must not stay.
      entries.asMap().remove(key, entry);
      return Stored.CHANGED;
    }
    return Stored.KEPT;
  }

  /** Drops every kept answer: the next requests build theirs anew. */
  public void invalidate() {
    entries.invalidateAll();
  }

  void onChange(@Observes ContentChanged change) {
    if (change.isEverything()) {
      // A new epoch began (ContentVersions hears the change too); free the memory.
      entries.invalidateAll();
    }
  }

  private static int weight(Key key, Entry entry) {
    long size = entry.answer.body().length + key.uri().length() * 2L + 256;
    for (Map.Entry<String, String> header : entry.answer.headers()) {
      size += (header.getKey().length() + header.getValue().length()) * 2L;
    }
    // The tags' places in ContentVersions' index.
    size += entry.tags.size() * 64L;
    return (int) Math.min(size, Integer.MAX_VALUE);
  }
}
