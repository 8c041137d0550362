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
   * The longest header either gets. Both together stay within 8 KB, which Varnish's default limit
   * of a header and the 16 KB that Fastly and Cloudflare accept for theirs allow with room; a page
   * of 20 articles needs about 2 KB.
   */
  public static final int HEADER_BUDGET = 4096;

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

  /** The tags collected, within the {@link #HEADER_BUDGET} (see {@link #withinBudget}). */
  public Set<String> tags() {
    return withinBudget(tags, HEADER_BUDGET);
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
