package dev.feder.article;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.feder.persistence.ContentGenerations;
import dev.feder.persistence.ContentGenerations.Generation;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The totals of numbered article list pages. Counting reads every matching index entry, which costs
 * more than the page itself once there are many articles (23 ms at 100,000); so a total is counted
 * once per query and {@link ContentGenerations generation of the content}, and answered from memory
 * while that generation is current. Any change of content, or a scheduled article going live, ends
 * the generation, so a total is never stale; while changes cannot be heard, every total is counted.
 */
@ApplicationScoped
class ListCounts {

  /**
   * What a total depends on besides the generation: the query's conditions and their values.
   *
   * @param parameters the values, without the instant of the request (the generation stands for it)
   */
  record Key(String condition, Map<String, Object> parameters) {}

  /** A total as of one generation; a new generation never finds the totals of an older one. */
  private record Counted(Key key, Generation generation) {}

  private static final int MAX_QUERIES = 10_000;

  private final ContentGenerations generations;
  private final Cache<Counted, Long> totals =
      Caffeine.newBuilder().maximumSize(MAX_QUERIES).build();

  ListCounts(ContentGenerations generations) {
    this.generations = generations;
  }

  /**
   * The total for {@code key} as of {@code now}, counted by {@code counter} if not known. Requests
   * that ask for the same unknown total at once wait for one count instead of each counting.
   */
  long total(Key key, Instant now, LongSupplier counter) {
    Generation generation = generations.current();
    if (generation == null || !generations.keep(generation) || !generation.covers(now)) {
      return counter.getAsLong();
    }
    return totals.get(new Counted(key, generation), counted -> counter.getAsLong());
  }
}
