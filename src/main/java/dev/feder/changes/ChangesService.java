package dev.feder.changes;

import dev.feder.article.ArticleService;
import dev.feder.auth.Caller;
import dev.feder.author.AuthorService;
import dev.feder.category.CategoryService;
import dev.feder.config.FederConfig;
import dev.feder.error.ProblemException;
import dev.feder.error.ProblemType;
import dev.feder.event.EntityKind;
import dev.feder.event.EventCursor;
import dev.feder.event.EventLog;
import dev.feder.event.PublicChange;
import dev.feder.event.StoredEvent;
import dev.feder.paging.PageRequest;
import dev.feder.web.WireValue;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The changes feed: the events after a client's cursor, in commit order, as upserts and tombstones
 * of the public view for anonymous callers and as every event for tokens.
 *
 * <p>Representations are read after the events, each in a transaction of its own, so an upsert may
 * carry a state newer than its event; the item that brought that state follows. An upsert whose
 * entity has left the caller's view since is left out of the public view: the tombstone follows.
 *
 * <p>Asset events reach tokens only: whether an asset is public depends on the published content
 * that uses it, so anonymous consumers see its changes through those articles and authors.
 */
@ApplicationScoped
public class ChangesService {

  /** The value of {@code since} that starts after every event committed so far. */
  static final String NOW = "now";

  private final EventLog events;
  private final ArticleService articles;
  private final CategoryService categories;
  private final AuthorService authors;
  private final Caller caller;
  private final Duration retention;

  ChangesService(
      EventLog events,
      ArticleService articles,
      CategoryService categories,
      AuthorService authors,
      Caller caller,
      FederConfig config) {
    this.events = events;
    this.articles = articles;
    this.categories = categories;
    this.authors = authors;
    this.caller = caller;
    this.retention = config.events().retention();
  }

  /**
   * The changes after {@code since} (absent: from the first event kept; {@code now}: none, and a
   * cursor after everything committed so far), of the given kinds, at most {@code size}.
   */
  public ChangesPage read(String since, String types, String size) {
    int limit = PageRequest.limit("size", size, PageRequest.DEFAULT_SIZE, PageRequest.MAX_SIZE);
    Set<EntityKind> kinds = kinds(types);
    if (NOW.equals(since)) {
      return new ChangesPage(List.of(), new ChangesMeta(limit, events.head().encode(), false));
    }
    EventCursor cursor =
        since == null || since.isEmpty() ? EventCursor.START : EventCursor.decode(since, "since");
    if (events.lostAfter(cursor)) {
      throw new ProblemException(
          ProblemType.GONE,
          "Events after this cursor are no longer kept (they are kept for "
              + retention.toDays()
              + " days): read the content again from the lists (/api/v1/articles,"
              + " /api/v1/categories, /api/v1/authors) after taking a new cursor with"
              + " since=now, then continue from that cursor");
    }
    boolean full = caller.seesUnpublished();
    List<StoredEvent> page = events.after(cursor, kinds, !full, limit);
    List<Change> items = new ArrayList<>(page.size());
    for (StoredEvent stored : page) {
      Change change = Change.of(stored.event(), stored.publicChange(), full);
      if (stored.publicChange() == PublicChange.UPSERT) {
        Optional<Change> withState = withRepresentation(change);
        if (withState.isPresent()) {
          change = withState.get();
        } else if (!full) {
          continue;
        }
      }
      items.add(change);
    }
    EventCursor next = page.isEmpty() ? cursor : page.get(page.size() - 1).cursor();
    return new ChangesPage(items, new ChangesMeta(limit, next.encode(), page.size() == limit));
  }

  /** The item with its entity as the caller reads it now, unless the caller may not see it. */
  private Optional<Change> withRepresentation(Change change) {
    UUID id = change.entityId();
    return switch (change.entityType()) {
      case ARTICLE -> read(() -> articles.get(id, null)).map(change::withArticle);
      case CATEGORY -> read(() -> categories.get(id)).map(change::withCategory);
      case AUTHOR -> read(() -> authors.get(id)).map(change::withAuthor);
      // Never an upsert: assets are not part of the public view (EntityState.asset).
      case ASSET -> Optional.empty();
    };
  }

  private static <T> Optional<T> read(Supplier<T> get) {
    try {
      return Optional.of(get.get());
    } catch (ProblemException e) {
      if (e.type() == ProblemType.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static Set<EntityKind> kinds(String types) {
    if (types == null || types.isBlank()) {
      return EnumSet.allOf(EntityKind.class);
    }
    Set<EntityKind> kinds = EnumSet.noneOf(EntityKind.class);
    Arrays.stream(types.split(","))
        .map(String::strip)
        .forEach(type -> kinds.add(WireValue.parameter(EntityKind.class, "types", type)));
    return kinds;
  }
}
