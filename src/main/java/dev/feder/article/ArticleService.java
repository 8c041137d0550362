package dev.feder.article;

import com.fasterxml.jackson.databind.JsonNode;
import dev.feder.article.preview.PreviewTokens;
import dev.feder.article.search.ArticleSearch;
import dev.feder.audit.AuditAction;
import dev.feder.audit.AuditDetails;
import dev.feder.config.FederConfig;
import dev.feder.error.ProblemException;
import dev.feder.event.EntityState;
import dev.feder.paging.Cursor;
import dev.feder.paging.Page;
import dev.feder.paging.PageRequest;
import dev.feder.paging.SortOrder;
import dev.feder.persistence.ReadOnly;
import dev.feder.web.MergePatch;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Reads and writes of articles: visibility, lists, search and related articles, and create,
 * replace, patch and delete. The rules of the state a write brings are in {@link ArticleStates},
 * who may see and change what in {@link ArticleAccess}; revisions are {@link
 * ArticleRevisionService}'s and the trash is {@link ArticleTrash}'s.
 */
@ApplicationScoped
public class ArticleService {

  static final Map<String, String> SORTABLE =
      Map.of(
          "publishedAt", "publishedAt",
          "title", "title",
          "createdAt", "createdAt",
          "updatedAt", "updatedAt");

  /**
   * Newest first; the id breaks ties, so equal publication times keep a stable order. The same
   * order as the list's default, which the published index serves (V6__article_trash.sql).
   */
  private static final SortOrder NEWEST = SortOrder.parse(null, SORTABLE, "-publishedAt");

  private static final Sort NEWEST_FIRST = NEWEST.toSort();

  private final ArticleAccess access;
  private final ArticleReads reads;
  private final ArticleStates states;
  private final ArticleRevisionService revisions;
  private final ArticleAudit audit;
  private final ArticleEvents events;
  private final MergePatch mergePatch;
  private final ListCounts counts;
  private final PreviewTokens previewTokens;
  private final int searchWindow;
  private final Clock clock;

  ArticleService(
      ArticleAccess access,
      ArticleReads reads,
      ArticleStates states,
      ArticleRevisionService revisions,
      ArticleAudit audit,
      ArticleEvents events,
      MergePatch mergePatch,
      ListCounts counts,
      PreviewTokens previewTokens,
      FederConfig config,
      Clock clock) {
    this.access = access;
    this.reads = reads;
    this.states = states;
    this.revisions = revisions;
    this.audit = audit;
    this.events = events;
    this.mergePatch = mergePatch;
    this.counts = counts;
    this.previewTokens = previewTokens;
    this.searchWindow = config.search().maxResults();
    this.clock = clock;
  }

  /**
   * A page of articles. Anonymous callers get only what is public now, whatever {@code status} they
   * ask for; authenticated callers see every status, or the one they filter by. A search ({@code
   * q}) ranks by relevance unless a sort is given and highlights the matches.
   */
  @ReadOnly
  public Page<ArticleListItem> list(
      PageRequest request,
      String sort,
      ArticleStatus status,
      ArticleFilter filter,
      boolean withBody) {
    Instant now = clock.instant();
    String text = filter.searchText();
    ArticleListQuery query =
        access.seesUnpublished()
            ? ArticleListQuery.anyStatusAt(now, status)
            : ArticleListQuery.publicAt(now);
    filter.applyTo(query);
    if (text != null) {
      // A search's statements share one transaction: the first chooses the plan settings of the
      // others for this transaction only (V11__search_plan_choice.sql).
      ArticleSearch search = query.searching(text, searchWindow);
      return QuarkusTransaction.joiningExisting()
          .call(() -> search(search, request, sort, withBody, now));
    }
    SortOrder order = SortOrder.parse(sort, SORTABLE, "-publishedAt");
    if (request.isCursor()) {
      query.after(order, Cursor.decode(request.cursor(), order));
      List<ArticleRead> rows = reads.items(query.ids(order, 0, request.size() + 1), withBody);
      return page(rows, request, order, null, rows.size() > request.size(), now);
    }
    long total = counts.total(query.countKey(), now, query::count);
    List<ArticleRead> rows =
        reads.items(query.ids(order, request.offset(), request.size()), withBody);
    boolean more = (long) request.offset() + rows.size() < total;
    return page(rows, request, order, total, more, now);
  }

  private Page<ArticleListItem> search(
      ArticleSearch search, PageRequest request, String sort, boolean withBody, Instant now) {
    SortOrder order =
        sort == null || sort.isBlank() ? null : SortOrder.parse(sort, SORTABLE, "-publishedAt");
    if (request.isCursor()) {
      // Relevance is no stable key to continue after; a search is paged by number.
      throw ProblemException.badParameter(
          "cursor", "cannot be combined with q; page through search results with page");
    }
    ArticleSearch.Hits found = search.find(Article.getEntityManager(), order, request);
    Map<UUID, ArticleSearch.Hit> byId = new HashMap<>();
    found.page().forEach(hit -> byId.put(hit.id(), hit));
    List<ArticleListItem> items =
        reads.items(found.page().stream().map(ArticleSearch.Hit::id).toList(), withBody).stream()
            .map(article -> article.listItem(now, highlight(byId.get(article.id()))))
            .toList();
    return new Page<>(items, request, found.total());
  }

  private static ArticleHighlight highlight(ArticleSearch.Hit hit) {
    return ArticleHighlight.fromRaw(hit.title(), hit.excerpt(), hit.body());
  }

  /** The page of these rows; {@code rows} may hold one more, which tells that more follow. */
  private static Page<ArticleListItem> page(
      List<ArticleRead> rows,
      PageRequest request,
      SortOrder order,
      Long total,
      boolean more,
      Instant now) {
    List<ArticleRead> items = rows.size() > request.size() ? rows.subList(0, request.size()) : rows;
    String next =
        more && !items.isEmpty()
            ? ArticleListQuery.cursorAfter(items.get(items.size() - 1), order).encode()
            : null;
    return new Page<>(items.stream().map(a -> a.listItem(now)).toList(), request, total, next);
  }

  /**
   * The newest articles that are public now, newest first, optionally only those of a category and
   * its descendants. Always what anonymous readers see, whoever calls: for consumers such as feeds
   * whose output is the same for everyone.
   */
  @Transactional
  @ReadOnly
  public List<ArticleListItem> latestPublic(String categorySlug, int limit) {
    Instant now = clock.instant();
    ArticleListQuery query = ArticleListQuery.publicAt(now);
    if (categorySlug != null) {
      query.inCategoryTree(categorySlug);
    }
    return reads.items(query.ids(NEWEST, 0, limit), false).stream()
        .map(a -> a.listItem(now))
        .toList();
  }

  /**
   * Slug, category and change dates of the articles that are public now, newest first, at most
   * {@code limit}; the same for every caller.
   */
  @Transactional
  @ReadOnly
  public List<PublishedArticle> publishedLocations(int limit) {
    return ArticleListQuery.publicAt(clock.instant()).firstLocations(NEWEST_FIRST, limit);
  }

  /** The article as the caller reads it; see {@link #read}. */
  public ArticleResponse get(UUID id, String preview) {
    return read(reads.byId(id), preview, "Article " + id);
  }

  /** The article as the caller reads it; see {@link #read}. */
  public ArticleResponse getBySlug(String slug, String preview) {
    return read(reads.bySlug(slug), preview, "Article '" + slug + "'");
  }

  /**
   * The article found, if the caller may see it (else a 404 naming {@code what}). A preview token
   * ({@link PreviewTokens}) of exactly this article shows it as it stands, whatever its status,
   * with what anonymous readers may see of the rest (public related articles, no private fields);
   * for any other article it grants nothing. A token that is not good is refused even so (400,
   * 403), so an editor never mistakes the published state for the draft. In the trash: 404 all the
   * same.
   *
   * <p>Read in one statement outside a transaction ({@link ArticleReads}), unlike the writes.
   */
  private ArticleResponse read(Optional<ArticleRead> found, String preview, String what) {
    Instant now = clock.instant();
    UUID granted = preview == null ? null : previewTokens.grantedArticle(preview, now);
    if (granted != null && found.isPresent() && found.get().id().equals(granted)) {
      return found.get().response(now, false);
    }
    ArticleRead article = found.orElseThrow(() -> ProblemException.notFound(what));
    boolean withUnpublished = access.seesUnpublished();
    if (!withUnpublished && !article.isPublicAt(now)) {
      throw ProblemException.notFound(what);
    }
    return article.response(now, withUnpublished);
  }

  /**
   * The articles most related to one article: the public ones pinned by editors first, then those
   * sharing tags, category tree and title words. Never the article itself, never unpublished ones.
   */
  @Transactional
  @ReadOnly
  public RelatedArticles related(UUID id, int size) {
    Instant now = clock.instant();
    Article article = access.visible(Article.findLive(id), "Article " + id);
    List<Article> result = new ArrayList<>();
    for (Article pinned : article.related) {
      if (result.size() < size && !pinned.inTrash() && pinned.isPublicAt(now)) {
        result.add(pinned);
      }
    }
    if (result.size() < size) {
      List<UUID> exclude = new ArrayList<>(result.stream().map(a -> a.id).toList());
      exclude.add(article.id);
      result.addAll(RelatedArticleQuery.relatedTo(article, exclude, size - result.size(), now));
    }
    return new RelatedArticles(
        result.stream().map(a -> ArticleListItem.from(a, now, null)).toList());
  }

  @Transactional
  public ArticleResponse create(ArticleInput input) {
    Article article = new Article();
    states.apply(article, input);
    access.requireOwnByline(article);
    article.persist();
    revisions.record(article);
    audit.record(AuditAction.CREATE, article, AuditDetails.NONE);
    events.created(article);
    return access.view(article);
  }

  @Transactional
  public ArticleResponse replace(UUID id, ArticleInput input, String ifMatch) {
    return change(AuditAction.UPDATE, id, ifMatch, before -> input);
  }

  @Transactional
  public ArticleResponse patch(UUID id, JsonNode patch, String ifMatch) {
    return change(
        AuditAction.PATCH,
        id,
        ifMatch,
        before -> mergePatch.apply(before, patch, ArticleInput.class));
  }

  /**
   * Moves the article to the trash ({@link ArticleTrash}): from now on it is invisible everywhere
   * else, but keeps its slug, byline, pins and revisions until it is restored or purged.
   */
  @Transactional
  public void delete(UUID id, String ifMatch) {
    Article article = access.lockForWrite(id, ifMatch);
    EntityState before = events.state(article);
    article.deletedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    article.deletedBy = access.callerName();
    audit.record(AuditAction.TRASH, article, AuditDetails.NONE);
    events.trashed(before, article);
  }

  /** A replace or patch: the state it brings is made from the article's current one. */
  private ArticleResponse change(
      AuditAction action, UUID id, String ifMatch, UnaryOperator<ArticleInput> next) {
    Article article = access.lockForWrite(id, ifMatch);
    EntityState announced = events.state(article);
    ArticleInput before = states.of(article);
    states.apply(article, next.apply(before));
    access.requireOwnByline(article);
    revisions.record(article);
    AuditDetails changes = audit.changes(before, article);
    audit.record(action, article, changes);
    events.changed(announced, article, changes.changed());
    return access.view(article);
  }
}
