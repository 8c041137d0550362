package dev.feder.article;

import dev.feder.category.CategoryEvents;
import dev.feder.event.EntityState;
import dev.feder.event.EventLog;
import dev.feder.event.EventType;
import dev.feder.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Article changes in the event outbox, recorded next to their audit entries in the same
 * transaction, and the queue of scheduled articles that {@link GoLiveJob} announces when their time
 * comes.
 *
 * <p>An article counts as public for its events once its going live has been announced: a scheduled
 * article whose time has come but that the job has not reached yet (a second at most) is still
 * announced by the next write to it, as {@code article.published}, so no going-live is missed or
 * told twice.
 */
@ApplicationScoped
class ArticleEvents {

  private final EventLog log;
  private final Sql sql;
  private final Clock clock = Clock.systemUTC();

  ArticleEvents(EventLog log, Sql sql) {
    this.log = log;
    this.sql = sql;
  }

  /** The article as its events see it now; taken before a change, the state before it. */
  EntityState state(Article article) {
    Instant now = clock.instant();
    boolean visible =
        !article.inTrash() && article.isPublicAt(now) && !awaitingAnnouncement(article);
    return state(article, now, visible);
  }

  /** A new article: {@code article.created}, and {@code article.published} if it is public. */
  void created(Article article) {
    if (isScheduled(article)) {
      schedule(article);
    }
    EntityState after = written(article);
    if (after.visible()) {
      log.recordBeside(EventType.ARTICLE_CREATED, article.id, null, after, List.of());
      log.record(EventType.ARTICLE_PUBLISHED, article.id, null, after, List.of());
    } else {
      log.record(EventType.ARTICLE_CREATED, article.id, null, after, List.of());
    }
  }

  /**
   * A replace, patch or restored revision: {@code article.updated} when a field changed, and {@code
   * article.published} or {@code article.unpublished} when it became or stopped being public.
   */
  void changed(EntityState before, Article article, List<String> changed) {
    schedule(article);
    EntityState after = written(article);
    EventType visibility =
        before.visible() == after.visible()
            ? null
            : after.visible() ? EventType.ARTICLE_PUBLISHED : EventType.ARTICLE_UNPUBLISHED;
    if (!changed.isEmpty()) {
      if (visibility == null) {
        log.record(EventType.ARTICLE_UPDATED, article.id, before, after, changed);
      } else {
        log.recordBeside(EventType.ARTICLE_UPDATED, article.id, before, after, changed);
      }
    }
    if (visibility != null) {
      log.record(visibility, article.id, before, after, changed);
    }
  }

  /** Moved to the trash. */
  void trashed(EntityState before, Article article) {
    schedule(article);
    log.record(EventType.ARTICLE_TRASHED, article.id, before, written(article), List.of());
  }

  /** Brought back from the trash, with the status it had. */
  void restored(EntityState before, Article article) {
    schedule(article);
    log.record(EventType.ARTICLE_RESTORED, article.id, before, written(article), List.of());
  }

  /** Removed for good; {@code before} is its state taken before it was deleted. */
  void purged(UUID id, EntityState before) {
    log.record(EventType.ARTICLE_PURGED, id, before, null, List.of());
  }

  /** A scheduled article whose time has come, announced by {@link GoLiveJob}. */
  private void wentLive(UUID id, String slug, UUID categoryId) {
    List<EntityState.Node> chain = CategoryEvents.chain(sql, categoryId);
    List<UUID> authors =
        sql.list(
            "select author_id from article_author where article_id = ? order by position",
            row -> row.getObject(1, UUID.class),
            id);
    EntityState before =
        new EntityState(slug, ArticleStatus.SCHEDULED.value(), false, chain, authors);
    EntityState after =
        new EntityState(slug, ArticleStatus.PUBLISHED.value(), true, chain, authors);
    log.record(EventType.ARTICLE_PUBLISHED, id, before, after, List.of("status"));
  }

  /** The article just written: public if it is, since the write announces any going-live. */
  private EntityState written(Article article) {
    Instant now = clock.instant();
    return state(article, now, !article.inTrash() && article.isPublicAt(now));
  }

  private static EntityState state(Article article, Instant now, boolean visible) {
    return new EntityState(
        article.slug,
        article.statusAt(now).value(),
        visible,
        CategoryEvents.chain(article.category),
        authorIds(article));
  }

  private static List<UUID> authorIds(Article article) {
    return article.authors.stream().map(author -> author.id).toList();
  }

  /**
   * Keeps the queue of scheduled articles in step with a write: an article published for a time
   * still to come waits in it, any other leaves it.
   */
  private void schedule(Article article) {
    if (isScheduled(article)) {
      sql.update(
          "insert into article_go_live (article_id, published_at) values (?, ?)"
              + " on conflict (article_id) do update set published_at = excluded.published_at",
          article.id,
          article.publishedAt);
    } else {
      sql.update("delete from article_go_live where article_id = ?", article.id);
    }
  }

  /** Published for a time still to come, and not in the trash. */
  private boolean isScheduled(Article article) {
    return !article.inTrash()
        && Article.PUBLISHED.equals(article.status)
        && article.publishedAt != null
        && article.publishedAt.isAfter(clock.instant());
  }

  /**
   * Announces up to {@code limit} scheduled articles whose time has come, oldest first, each in
   * this one transaction: the article row is locked first (as every write locks it before it
   * touches the queue), and rows another instance or a write holds are skipped, so each going-live
   * is announced once.
   *
   * @return how many queue rows were handled; fewer than {@code limit} means none is due
   */
  @Transactional
  int announceDue(int limit) {
    Instant now = clock.instant();
    List<UUID> due =
        sql.list(
            "select a.id from article_go_live g join article a on a.id = g.article_id"
                + " where g.published_at <= ? order by g.published_at limit ?"
                + " for update of a skip locked",
            row -> row.getObject(1, UUID.class),
            now,
            limit);
    for (UUID id : due) {
      int taken =
          sql.update(
              "delete from article_go_live where article_id = ? and published_at <= ?", id, now);
      List<Object[]> live =
          sql.list(
              "select slug, category_id from article where id = ? and status = 'published'"
                  + " and deleted_at is null and published_at <= ?",
              row -> new Object[] {row.getString(1), row.getObject(2, UUID.class)},
              id,
              now);
      if (taken == 1 && !live.isEmpty()) {
        wentLive(id, (String) live.get(0)[0], (UUID) live.get(0)[1]);
      }
    }
    return due.size();
  }

  /** Whether a going-live of the article is due but not announced yet. */
  private boolean awaitingAnnouncement(Article article) {
    return !sql.list("select 1 from article_go_live where article_id = ?", row -> true, article.id)
        .isEmpty();
  }
}
