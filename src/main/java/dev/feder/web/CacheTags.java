package dev.feder.web;

import dev.feder.persistence.ContentTags;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tags of one public answer: what it shows ({@link ContentTags}), collected from its
 * representation ({@link CacheTagged}) and from what the resource or service adds through {@link
 * ResponseTags}. Sent in {@code Surrogate-Key} (space separated) and {@code Cache-Tag} (comma
 * separated), and the answer is kept under the same tags.
 */
public final class CacheTags {

  /** {@code Surrogate-Key}: the tags separated by spaces (Fastly, Varnish and others). */
  public static final String SURROGATE_KEY = "Surrogate-Key";

  /** {@code Cache-Tag}: the tags separated by commas (Cloudflare and others). */
  public static final String CACHE_TAG = "Cache-Tag";

  /**
   * The longest header either gets. Both together take at most 2 KB, so that an answer's whole
   * header block stays within the 4 KB a reverse proxy reads by default (nginx's {@code
   * proxy_buffer_size} is one memory page; a larger block is its {@code 502} "upstream sent too big
   * header"), and within Fastly's 1 KB per key and the 16 KB Fastly and Cloudflare accept for the
   * whole header. A page of 20 articles would need about 2.4 KB per header: it names its articles
   * as {@code article:any}. The cache inside Feder keeps answers under {@link #all all} their tags.
   */
  public static final int HEADER_BUDGET = 1000;

  private final Set<String> tags = new TreeSet<>();
  private boolean lagging;

  /** Adds a tag of {@link ContentTags}. */
  public CacheTags add(String tag) {
    tags.add(tag);
    return this;
  }

  /** Adds the tags of a representation; nothing for null. */
  public CacheTags add(CacheTagged shown) {
    if (shown != null) {
      shown.addCacheTags(this);
    }
    return this;
  }

  /** Adds the tags of each representation. */
  public CacheTags addAll(Collection<? extends CacheTagged> shown) {
    if (shown != null) {
      shown.forEach(this::add);
    }
    return this;
  }

  /**
   * The answer may lag behind new content that no tag names (such as an article's computed related
   * articles, which a newly published article may join): it is kept at most {@code max-age}, and
   * answers from the cache say their {@code Age}.
   */
  public CacheTags lagging() {
    lagging = true;
    return this;
  }

  public boolean isLagging() {
    return lagging;
  }

  /**
   * The tags collected, within the {@link #HEADER_BUDGET} (see {@link #withinBudget}): what the
   * headers name.
   */
  public Set<String> tags() {
    return withinBudget(tags, HEADER_BUDGET);
  }

  /**
   * Every tag collected, however many: what Feder's own cache keeps an answer under, so that a
   * change of one item ends only the answers that show it, where a CDN purging by the headers'
   * {@code article:any} drops more.
   */
  public Set<String> all() {
    return Set.copyOf(tags);
  }

  /**
   * The tags, or when naming them all would make a header longer than {@code budget} characters,
   * the item tags of the kind that takes most room replaced by {@code <kind>:any} (which every
   * change of an item of the kind ends), as often as needed.
   */
  static Set<String> withinBudget(Set<String> tags, int budget) {
    Set<String> result = new TreeSet<>(tags);
    while (length(result) > budget) {
      Map<String, Integer> room = new HashMap<>();
      for (String tag : result) {
        String any = ContentTags.anyOfKind(tag);
        if (any != null && !any.equals(tag)) {
          room.merge(any, tag.length() + 1, Integer::sum);
        }
      }
      if (room.isEmpty()) {
        break;
      }
      String widest =
          room.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      result.removeIf(tag -> widest.equals(ContentTags.anyOfKind(tag)));
      result.add(widest);
    }
    return result;
  }

  /** The length of a header naming these tags. */
  static int length(Set<String> tags) {
    int length = Math.max(0, tags.size() - 1);
    for (String tag : tags) {
      length += tag.length();
    }
    return length;
  }
}
