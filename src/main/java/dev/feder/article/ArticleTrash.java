package dev.feder.article;

import dev.feder.audit.AuditAction;
import dev.feder.audit.AuditDetails;
import dev.feder.audit.AuditLog;
import dev.feder.config.FederConfig;
import dev.feder.error.ProblemException;
import dev.feder.error.ProblemType;
import dev.feder.event.EntityState;
import dev.feder.paging.Cursor;
import dev.feder.paging.Page;
import dev.feder.paging.PageRequest;
import dev.feder.paging.SortOrder;
import dev.feder.persistence.ReadOnly;
import dev.feder.web.EntityTags;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The trash of deleted articles. A deleted article keeps its row (with {@code deletedAt} and {@code
 * deletedBy}), slug, byline, pins and revisions, and is invisible everywhere else. Within the
 * retention ({@code feder.trash.retention}) it can be restored as it was; after it, it can only be
 * purged, which the scheduler does by itself ({@link TrashPurgeJob}).
 */
@ApplicationScoped
public class ArticleTrash {

  /** Newest deletion first; the id breaks ties. */
  private static final Map<String, String> ORDER = Map.of("deletedAt", "deletedAt");

  private static final String NEWEST_FIRST = "-deletedAt";

  /** Who the audit log names for the automatic purge. */
  private static final AuditLog.Actor RETENTION = AuditLog.Actor.system("trash-retention");

  private final ArticleAccess access;
  private final ArticleRevisionService revisions;
  private final ArticleAudit audit;
  private final ArticleEvents events;
  private final EntityTags tags;
  private final Duration retention;
  private final Clock clock = Clock.systemUTC();

  ArticleTrash(
      ArticleAccess access,
      ArticleRevisionService revisions,
      ArticleAudit audit,
      ArticleEvents events,
      EntityTags tags,
      FederConfig config) {
    this.access = access;
    this.revisions = revisions;
    this.audit = audit;
    this.events = events;
    this.tags = tags;
    this.retention = config.trash().retention();
  }

  /** A page of the trash, newest deletion first, by number or after a keyset cursor. */
  @Transactional
  @ReadOnly
  public Page<TrashedArticleItem> list(PageRequest request) {
    Instant now = clock.instant();
    SortOrder order = SortOrder.parse(null, ORDER, NEWEST_FIRST);
    ArticleListQuery query = ArticleListQuery.inTrash();
    if (request.isCursor()) {
      query.after(order, Cursor.decode(request.cursor(), order));
      List<Article> rows = query.first(order.toSort(), request.size() + 1);
      boolean more = rows.size() > request.size();
      List<Article> items = more ? rows.subList(0, request.size()) : rows;
      String next =
          more ? ArticleListQuery.cursorAfter(items.get(items.size() - 1), order).encode() : null;
      return new Page<>(items(items, now), request, null, next);
    }
    long total = query.count();
    List<Article> rows = query.page(order.toSort(), request);
    boolean more = (long) request.offset() + rows.size() < total;
    String next =
        more && !rows.isEmpty()
            ? ArticleListQuery.cursorAfter(rows.get(rows.size() - 1), order).encode()
            : null;
    return new Page<>(items(rows, now), request, total, next);
  }

  private List<TrashedArticleItem> items(List<Article> rows, Instant now) {
    return rows.stream().map(a -> TrashedArticleItem.from(a, now, purgeAt(a))).toList();
  }

  @Transactional
  @ReadOnly
  public TrashedArticle get(UUID id) {
    return view(
        Article.<Article>findByIdOptional(id)
            .filter(Article::inTrash)
            .orElseThrow(() -> notInTrash(id)));
  }

  /**
   * Brings an article back from the trash with the state and status it had, and records that state
   * as a new revision. Author tokens restore only articles whose byline lists their author.
   */
  @Transactional
  public ArticleResponse restore(UUID id, String ifMatch) {
    Article article = lockInTrash(id);
    if (!access.ownsByline(article)) {
      throw new ProblemException(
          ProblemType.FORBIDDEN,
          "An author token may only restore articles whose byline lists its author");
    }
    Instant purgeAt = purgeAt(article);
    if (!purgeAt.isAfter(clock.instant())) {
      throw new ProblemException(
          ProblemType.GONE,
          "Article "
              + id
              + " was deleted at "
              + article.deletedAt
              + " and its time in the trash ended at "
              + purgeAt
              + ": it can no longer be restored and is purged shortly");
    }
    tags.checkIfMatch(ifMatch, view(article));
    EntityState before = events.state(article);
    article.deletedAt = null;
    article.deletedBy = null;
    revisions.record(article);
    audit.record(AuditAction.RESTORE, article, AuditDetails.NONE);
    events.restored(before, article);
    return access.view(article);
  }

  /** Removes an article in the trash for good, with its revisions; nothing can bring it back. */
  @Transactional
  public void purge(UUID id, String ifMatch) {
    Article article = lockInTrash(id);
    tags.checkIfMatch(ifMatch, view(article));
    audit.record(AuditAction.PURGE, article, AuditDetails.NONE);
    purge(article);
  }

  /**
   * Purges up to {@code limit} articles whose retention has ended, oldest deletion first.
   *
   * @return how many were purged; fewer than {@code limit} means none is left
   */
  @Transactional
  public int purgeExpired(int limit) {
    List<Article> expired =
        Article.<Article>find(
                "deletedAt is not null and deletedAt <= ?1",
                Sort.by("deletedAt").and("id"),
                clock.instant().minus(retention))
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .range(0, limit - 1)
            .list();
    for (Article article : expired) {
      audit.record(RETENTION, AuditAction.PURGE, article);
      purge(article);
    }
    return expired.size();
  }

  /** Deletes the article, then records its event, which names what the deletion changed. */
  private void purge(Article article) {
    EntityState before = events.state(article);
    UUID id = article.id;
    remove(article);
    events.purged(id, before);
  }

  private static void remove(Article article) {
    // Unpin it from other articles through their ordered lists, so positions stay gapless.
    Article.<Article>list("select a from Article a join a.related r where r = ?1", article)
        .forEach(pinning -> pinning.related.remove(article));
    // The byline and own pins go with the entity, revisions by ON DELETE CASCADE.
    article.delete();
  }

  private Article lockInTrash(UUID id) {
    return Article.<Article>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
        .filter(Article::inTrash)
        .orElseThrow(() -> notInTrash(id));
  }

  private TrashedArticle view(Article article) {
    return TrashedArticle.from(article, clock.instant(), purgeAt(article));
  }

  private Instant purgeAt(Article article) {
    return article.deletedAt.plus(retention);
  }

  private static ProblemException notInTrash(UUID id) {
    return new ProblemException(ProblemType.NOT_FOUND, "Article " + id + " is not in the trash");
  }
}
