package dev.feder.persistence;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The names of the content that public answers show, by which a change says which answers it makes
 * stale. Feder's own response cache, the {@code Surrogate-Key} and {@code Cache-Tag} headers for
 * CDNs, and events all use the same names:
 *
 * <ul>
 *   <li>{@code article:<id>}, {@code category:<id>}, {@code author:<id>}: the answer shows this
 *       item, as its own page, a list item, a feed entry or a summary embedded in another item (a
 *       byline, an article's category, a pinned related article). Any change of the item ends it.
 *   <li>{@code articles}: the answer depends on which articles there are and on their place in the
 *       newest-first order (lists, searches, feeds, the sitemap, the article counts of categories
 *       and authors). An article created, deleted, moved to or from the trash, published, scheduled
 *       or unpublished, given another publication time, category, byline, tags or language ends it.
 *   <li>{@code categories}, {@code authors}: the lists of categories and of authors.
 *   <li>{@code search}: search results, which the text of every public article (and the words of
 *       every title, for typos) can change.
 *   <li>{@code article:any}, {@code category:any}, {@code author:any}: the answer shows more items
 *       of that kind than its headers can name (a 100-item page with long bylines, the sitemap), or
 *       depends on every one of them (a list sorted by title or update time). Every change of an
 *       item of the kind ends it.
 *   <li>{@code *}: everything, as after a {@code TRUNCATE}, a statement that touched many rows, or
 *       a time in which an instance could not hear changes.
 * </ul>
 *
 * <p>The database triggers ({@code R__content_change_notifications.sql}) derive the tags of every
 * change from the rows it touched and send them to every instance; {@link
 * #changedInTransaction(EntityManager)} tells a feature service, inside its transaction, the tags
 * of what it changed so far.
 */
public final class ContentTags {

  public static final String ARTICLES = "articles";
  public static final String CATEGORIES = "categories";
  public static final String AUTHORS = "authors";
  public static final String SEARCH = "search";
  public static final String EVERYTHING = "*";

  /**
   * An event was recorded (the event outbox): the webhook workers of every instance wake. No kept
   * answer carries it, so that it ends nothing.
   */
  public static final String EVENTS = "events";

  /** Every article: an answer that depends on each of them ({@code article:any}). */
  public static final String ANY_ARTICLE = "article:any";

  /** Every category ({@code category:any}). */
  public static final String ANY_CATEGORY = "category:any";

  /** Every author ({@code author:any}). */
  public static final String ANY_AUTHOR = "author:any";

  /** Every asset ({@code asset:any}). */
  public static final String ANY_ASSET = "asset:any";

  /** The id part of a tag that stands for every item of its kind. */
  static final String ANY = "any";

  /** The transaction-local setting in which the triggers collect the tags of its changes. */
  static final String TRANSACTION_SETTING = "feder.changed_tags";

  private ContentTags() {}

  public static String article(UUID id) {
    return "article:" + id;
  }

  public static String category(UUID id) {
    return "category:" + id;
  }

  public static String author(UUID id) {
    return "author:" + id;
  }

  /** An asset of the media library: its file, its renditions and where it is embedded. */
  public static String asset(UUID id) {
    return "asset:" + id;
  }

  /** {@code article:any} for {@code article:<id>}, and so on; null for a tag of no item. */
  public static String anyOfKind(String tag) {
    int colon = tag.indexOf(':');
    return colon < 0 ? null : tag.substring(0, colon + 1) + ANY;
  }

  /**
   * The tags a change names, with {@code <kind>:any} for every kind of item among them: what a
   * change ends, including the answers that stand for all items of a kind.
   */
  public static Set<String> withAnyOfKind(Collection<String> tags) {
    Set<String> all = new TreeSet<>(tags);
    for (String tag : tags) {
      String any = anyOfKind(tag);
      if (any != null) {
        all.add(any);
      }
    }
    return all;
  }

  /**
   * The tags of a notification's payload, separated by spaces. An empty payload, as the triggers
   * before tags sent, names everything.
   */
  public static Set<String> parse(String payload) {
    Set<String> tags = new TreeSet<>();
    if (payload != null) {
      for (String tag : payload.trim().split("\\s+")) {
        if (!tag.isEmpty()) {
          tags.add(tag);
        }
      }
    }
    return tags.isEmpty() ? Set.of(EVERYTHING) : tags;
  }

  /**
   * The tags of what the current transaction changed so far, as the database triggers derive them
   * and as every instance will hear them once it commits ({@code *} stands for everything), with
   * {@code <kind>:any} added (see {@link #withAnyOfKind}): what an event of these changes tells a
   * CDN to purge. Flushes the persistence context first, so that Hibernate's pending statements are
   * counted. Empty when nothing public changed.
   */
  public static Set<String> changedInTransaction(EntityManager entityManager) {
    return named(collectedInTransaction(entityManager));
  }

  /**
   * The tags the triggers collected in the current transaction so far, as they wrote them: the
   * payloads of its notifications in order, separated by spaces ({@code *} alone once they grew too
   * long). Flushes the persistence context first. Empty when nothing public changed. A reader that
   * remembers the length can tell what a later part of the transaction changed.
   */
  public static String collectedInTransaction(EntityManager entityManager) {
    entityManager.flush();
    Object collected =
        entityManager
            .createNativeQuery("select current_setting('" + TRANSACTION_SETTING + "', true)")
            .getSingleResult();
    return collected == null ? "" : collected.toString();
  }

  /**
   * The tags of a part of {@link #collectedInTransaction}, with {@code <kind>:any} added; empty for
   * a blank part.
   */
  public static Set<String> named(String collected) {
    return collected.isBlank() ? Set.of() : withAnyOfKind(parse(collected));
  }
}
