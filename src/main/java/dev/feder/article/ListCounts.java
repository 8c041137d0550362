package dev.feder.article;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.feder.persistence.ContentChanged;
import dev.feder.persistence.ContentTags;
import dev.feder.persistence.ContentVersions;
import dev.feder.persistence.ContentVersions.Reading;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The totals of numbered article list pages. Counting reads every matching index entry, which costs
 * more than the page itself once there are many articles (23 ms at 100,000); so a total is counted
 * once and answered from memory until the set of articles changes ({@link ContentTags#ARTICLES}: an
 * article created, deleted, published, unpublished, moved or retagged, by any instance or tool; see
 * {@link ContentVersions}) or a scheduled article goes live. Edits of an article's text leave the
 * totals alone. While changes cannot be heard, every total is counted.
 */
@ApplicationScoped
class ListCounts {

  /**
   * What a total depends on besides the set of articles: the query's conditions and their values.
   *
   * @param parameters the values, without the instant of the request (the reading stands for it)
   */
  record Key(String condition, Map<String, Object> parameters) {}

  private static final List<String> TAGS = List.of(ContentTags.ARTICLES);
  private static final int MAX_QUERIES = 10_000;

  /**
   * A total as counted after {@code reading} was noted, valid until {@code expires} unless a change
   * ends it first.
   */
  private final class Counted implements ContentVersions.Kept {
    final Key key;
    final long total;
    final Reading reading;
    final Instant expires;
    volatile boolean ended;

    Counted(Key key, long total, Reading reading, Instant expires) {
      this.key = key;
      this.total = total;
      this.reading = reading;
      this.expires = expires;
    }

    /** Whether it is the total for a request at {@code now}. */
    boolean answers(Instant now) {
      return !ended
          && versions.epoch() == reading.epoch()
          && !now.isBefore(reading.start())
          && now.isBefore(expires);
    }

    @Override
    public void end() {
      ended = true;
      totals.asMap().remove(key, this);
    }
  }

  private final ContentVersions versions;
  private final Cache<Key, Counted> totals;

  ListCounts(ContentVersions versions) {
    this.versions = versions;
    this.totals =
        Caffeine.newBuilder()
            .maximumSize(MAX_QUERIES)
            .removalListener(
                (Key key, Counted counted, RemovalCause cause) -> {
                  if (counted != null) {
                    versions.release(TAGS, counted);
                  }
                })
            .build();
  }

  /**
   * The total for {@code key} as of {@code now}, counted by {@code counter} if not known. Requests
   * that ask for the same unknown total at once wait for one count instead of each counting.
   */
  long total(Key key, Instant now, LongSupplier counter) {
    Counted known = totals.getIfPresent(key);
    if (known != null && known.answers(now)) {
      return known.total;
    }
    Reading reading = versions.begin();
    if (reading == null) {
      return counter.getAsLong();
    }
    // The count is the one at the request's instant, which may precede the reading by a moment:
    // valid from there on, until the next scheduled article after it goes live.
    Reading counting =
        now.isBefore(reading.start())
            ? new Reading(reading.epoch(), reading.sequence(), now)
            : reading;
    long[] counted = {0};
    Counted result =
        totals
            .asMap()
            .compute(
                key,
                (k, present) -> {
                  if (present != null && present.answers(now)) {
                    return present;
                  }
                  counted[0] = counter.getAsLong();
                  Counted fresh = new Counted(k, counted[0], counting, versions.horizon(counting));
                  // Kept only if nothing it depends on changed since the reading.
                  return fresh.answers(now) && versions.keep(counting, TAGS, fresh) ? fresh : null;
                });
    if (result == null) {
      return counted[0];
    }
    if (result.ended) {
      totals.asMap().remove(key, result);
    }
    return result.total;
  }

  void onChange(@Observes ContentChanged change) {
    if (change.isEverything()) {
      totals.invalidateAll();
    }
  }
}
