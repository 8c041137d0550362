package dev.feder.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.feder.asset.Asset;
import dev.feder.asset.AssetService;
import dev.feder.asset.BodyImages;
import dev.feder.audit.AuditAction;
import dev.feder.audit.AuditDetails;
import dev.feder.audit.AuditEntityType;
import dev.feder.audit.AuditLog;
import dev.feder.auth.Caller;
import dev.feder.author.Author;
import dev.feder.author.AuthorService;
import dev.feder.category.CategoryService;
import dev.feder.config.FederConfig;
import dev.feder.error.ProblemException;
import dev.feder.error.ProblemType;
import dev.feder.paging.Cursor;
import dev.feder.paging.Page;
import dev.feder.paging.PageRequest;
import dev.feder.paging.SortOrder;
import dev.feder.text.HtmlSanitizer;
import dev.feder.text.Markdown;
import dev.feder.text.Patterns;
import dev.feder.text.Slugs;
import dev.feder.web.EntityTags;
import dev.feder.web.Instants;
import dev.feder.web.MergePatch;
import dev.feder.web.Reference;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Rules for articles: visibility, publishing, slugs, sanitizing, preconditions. */
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
  private static final Sort NEWEST_FIRST = SortOrder.parse(null, SORTABLE, "-publishedAt").toSort();

  private final CategoryService categories;
  private final AuthorService authors;
  private final HtmlSanitizer sanitizer;
  private final Markdown markdown;
  private final EntityTags tags;
  private final MergePatch mergePatch;
  private final Caller caller;
  private final ObjectMapper mapper;
  private final AuditLog auditLog;
  private final ListCounts counts;
  private final AssetService assets;
  private final int searchWindow;
  private final Clock clock = Clock.systemUTC();

  public ArticleService(
      CategoryService categories,
      AuthorService authors,
      HtmlSanitizer sanitizer,
      Markdown markdown,
      EntityTags tags,
      MergePatch mergePatch,
      Caller caller,
      ObjectMapper mapper,
      AuditLog auditLog,
      ListCounts counts,
      AssetService assets,
      FederConfig config) {
    this.categories = categories;
    this.authors = authors;
    this.sanitizer = sanitizer;
    this.markdown = markdown;
    this.tags = tags;
    this.mergePatch = mergePatch;
    this.caller = caller;
    this.mapper = mapper;
    this.auditLog = auditLog;
    this.counts = counts;
    this.assets = assets;
    this.searchWindow = config.search().maxResults();
  }

  /**
   * A page of articles. Anonymous callers get only what is public now, whatever {@code status} they
   * ask for; authenticated callers see every status, or the one they filter by. A search ({@code
   * q}) ranks by relevance unless a sort is given and highlights the matches.
   */
  @Transactional
  public Page<ArticleListItem> list(
      PageRequest request,
      String sort,
      ArticleStatus status,
      ArticleFilter filter,
      boolean withBody) {
    readOnly();
    Instant now = clock.instant();
    ArticleQuery query =
        caller.seesUnpublished()
            ? ArticleQuery.anyStatusAt(now, status)
            : ArticleQuery.publicAt(now);
    filter.applyTo(query);
    if (query.searches()) {
      query.consideringAtMost(searchWindow);
      return search(query, request, sort, withBody, now);
    }
    SortOrder order = SortOrder.parse(sort, SORTABLE, "-publishedAt");
    if (request.isCursor()) {
      query.after(order, Cursor.decode(request.cursor(), order));
      List<Article> rows = query.first(order.toSort(), request.size() + 1);
      return page(rows, request, order, null, rows.size() > request.size(), withBody, now);
    }
    long total = counts.total(query.countKey(), now, query::count);
    List<Article> rows = query.page(order.toSort(), request);
    boolean more = (long) request.offset() + rows.size() < total;
    return page(rows, request, order, total, more, withBody, now);
  }

  private static Page<ArticleListItem> search(
      ArticleQuery query, PageRequest request, String sort, boolean withBody, Instant now) {
    SortOrder order =
        sort == null || sort.isBlank() ? null : SortOrder.parse(sort, SORTABLE, "-publishedAt");
    if (request.isCursor()) {
      // Relevance is no stable key to continue after; a search is paged by number.
      throw ProblemException.badParameter(
          "cursor", "cannot be combined with q; page through search results with page");
    }
    ArticleQuery.Hits found = query.searchPage(order, request);
    long total = totalOf(found, query, request);
    if (total == 0 && query.mayForgiveTypos() && query.forgiveTypos()) {
      found = query.searchPage(order, request);
      total = totalOf(found, query, request);
    }
    List<ArticleQuery.Hit> hits = found.page();
    Map<UUID, ArticleQuery.Hit> byId = new HashMap<>();
    hits.forEach(hit -> byId.put(hit.id(), hit));
    Map<UUID, String> bodies =
        withBody ? BodyImages.renderAll(ArticleQuery.bodies(byId.keySet())) : Map.of();
    List<ArticleListItem> items =
        ArticleQuery.inOrder(hits.stream().map(ArticleQuery.Hit::id).toList()).stream()
            .map(
                article -> {
                  ArticleQuery.Hit hit = byId.get(article.id);
                  return ArticleListItem.from(article, now, bodies.get(article.id))
                      .withHighlight(
                          ArticleHighlight.fromRaw(hit.title(), hit.excerpt(), hit.body()));
                })
            .toList();
    return new Page<>(items, request, total);
  }

  /** The number of matches the search considers, counted apart only for a page past the end. */
  private static long totalOf(ArticleQuery.Hits found, ArticleQuery query, PageRequest request) {
    if (found.total() != null) {
      return found.total();
    }
    return request.offset() == 0 ? 0 : query.searchCount();
  }

  private static Page<ArticleListItem> page(
      List<Article> rows,
      PageRequest request,
      SortOrder order,
      Long total,
      boolean more,
      boolean withBody,
      Instant now) {
    List<Article> items = rows.size() > request.size() ? rows.subList(0, request.size()) : rows;
    String next =
        more && !items.isEmpty()
            ? ArticleQuery.cursorAfter(items.get(items.size() - 1), order).encode()
            : null;
    Map<UUID, String> bodies =
        withBody
            ? BodyImages.renderAll(ArticleQuery.bodies(items.stream().map(a -> a.id).toList()))
            : Map.of();
    return new Page<>(
        items.stream().map(a -> ArticleListItem.from(a, now, bodies.get(a.id))).toList(),
        request,
        total,
        next);
  }

  /**
   * The newest articles that are public now, newest first, optionally only those of a category and
   * its descendants. Always what anonymous readers see, whoever calls: for consumers such as feeds
   * whose output is the same for everyone.
   */
  @Transactional
  public List<ArticleListItem> latestPublic(String categorySlug, int limit) {
    readOnly();
    Instant now = clock.instant();
    ArticleQuery query = ArticleQuery.publicAt(now);
    if (categorySlug != null) {
      query.inCategoryTree(categorySlug);
    }
    return query.first(NEWEST_FIRST, limit).stream()
        .map(a -> ArticleListItem.from(a, now, null))
        .toList();
  }

  /**
   * Slug, category and change dates of the articles that are public now, newest first, at most
   * {@code limit}; the same for every caller.
   */
  @Transactional
  public List<PublishedArticle> publishedLocations(int limit) {
    readOnly();
    return ArticleQuery.publicAt(clock.instant()).firstLocations(NEWEST_FIRST, limit);
  }

  @Transactional
  public ArticleResponse get(UUID id) {
    readOnly();
    return view(visible(Article.findLive(id), "Article " + id));
  }

  @Transactional
  public ArticleResponse getBySlug(String slug) {
    readOnly();
    return view(visible(Article.findBySlug(slug), "Article '" + slug + "'"));
  }

  @Transactional
  public ArticleResponse create(ArticleInput input) {
    Article article = new Article();
    apply(article, input);
    requireOwnByline(article);
    article.persist();
    Article.flush();
    recordAssetUses(article);
    recordRevision(article);
    audit(AuditAction.CREATE, article, AuditDetails.NONE);
    return view(article);
  }

  @Transactional
  public ArticleResponse replace(UUID id, ArticleInput input, String ifMatch) {
    Article article = lockForWrite(id, ifMatch);
    ArticleInput before = toInput(article);
    apply(article, input);
    requireOwnByline(article);
    Article.flush();
    recordAssetUses(article);
    recordRevision(article);
    audit(AuditAction.UPDATE, article, changes(before, article));
    return view(article);
  }

  @Transactional
  public ArticleResponse patch(UUID id, JsonNode patch, String ifMatch) {
    Article article = lockForWrite(id, ifMatch);
    ArticleInput before = toInput(article);
    apply(article, mergePatch.apply(before, patch, ArticleInput.class));
    requireOwnByline(article);
    Article.flush();
    recordAssetUses(article);
    recordRevision(article);
    audit(AuditAction.PATCH, article, changes(before, article));
    return view(article);
  }

  /** The revisions of an article, newest first. */
  @Transactional
  public ArticleRevisions revisions(UUID id) {
    requireArticle(id);
    return new ArticleRevisions(
        ArticleRevision.newestFirst(id).stream().map(ArticleRevisionItem::from).toList());
  }

  /** One revision of an article with the state it stored. */
  @Transactional
  public ArticleRevisionResponse revision(UUID id, int number) {
    requireArticle(id);
    ArticleRevision revision = findRevision(id, number);
    return new ArticleRevisionResponse(
        revision.revision, revision.createdAt, revision.createdBy, readState(revision.state));
  }

  /**
   * What changed from revision {@code from} (by default the one before; 0 is the empty article) to
   * revision {@code number}, as each stored it.
   */
  @Transactional
  public ArticleRevisionDiff diff(UUID id, int number, Integer from) {
    requireArticle(id);
    ArticleInput after = readState(findRevision(id, number).state);
    int base = from != null ? from : number - 1;
    ArticleInput before = base == 0 ? null : readState(findRevision(id, base).state);
    return new ArticleRevisionDiff(base, number, ArticleChange.between(before, after));
  }

  /**
   * Brings back the state of an earlier revision like a PUT of it (slug, sanitizing and references
   * are applied again) and records the result as a new revision. Pinned articles deleted since are
   * left out, as deleting an article unpins it everywhere; a category or author deleted since is a
   * conflict naming the field, since the article cannot simply do without them.
   */
  @Transactional
  public ArticleResponse restore(UUID id, int number, String ifMatch) {
    Article article = lockForWrite(id, ifMatch);
    ArticleInput before = toInput(article);
    ArticleInput input = withoutDeletedPins(readState(findRevision(id, number).state));
    try {
      apply(article, input);
    } catch (ProblemException e) {
      // The stored state was valid when written: what fails now is a reference deleted since.
      throw e.type() == ProblemType.VALIDATION ? referenceGone(number, e) : e;
    }
    requireOwnByline(article);
    Article.flush();
    recordAssetUses(article);
    recordRevision(article);
    audit(AuditAction.RESTORE_REVISION, article, changes(before, article).withFromRevision(number));
    return view(article);
  }

  private static ArticleInput withoutDeletedPins(ArticleInput input) {
    if (input.related() == null) {
      return input;
    }
    return input.withRelated(
        input.related().stream()
            .filter(pin -> pin.id() == null || Article.findLive(pin.id()).isPresent())
            .toList());
  }

  private static ProblemException referenceGone(int number, ProblemException invalid) {
    String what =
        invalid.errors() == null || invalid.errors().isEmpty()
            ? invalid.getMessage()
            : invalid.errors().get(0).field() + ": " + invalid.errors().get(0).message();
    return new ProblemException(
        ProblemType.CONFLICT,
        "Revision "
            + number
            + " names something deleted since ("
            + what
            + "); read its state, replace the reference and send it as a PUT",
        invalid.errors());
  }

  private static void requireArticle(UUID id) {
    if (Article.findLive(id).isEmpty()) {
      throw ProblemException.notFound("Article " + id);
    }
  }

  private static ArticleRevision findRevision(UUID id, int number) {
    return ArticleRevision.find(id, number)
        .orElseThrow(() -> ProblemException.notFound("Revision " + number + " of article " + id));
  }

  /** Stores the article's state as its next revision; the caller holds its row lock. */
  void recordRevision(Article article) {
    ArticleRevision revision = new ArticleRevision();
    revision.id = UUID.randomUUID();
    revision.article = article;
    revision.revision = ArticleRevision.nextNumber(article.id);
    try {
      revision.state = mapper.writeValueAsString(toInput(article));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize article " + article.id, e);
    }
    revision.createdBy = caller.name();
    revision.createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    revision.persist();
  }

  /**
   * A stored state as input. A state saved while the article was scheduled reads as published once
   * its time has passed, since scheduling needs a future instant.
   */
  private ArticleInput readState(String state) {
    try {
      ObjectNode tree = (ObjectNode) mapper.readTree(state);
      JsonNode publishedAt = tree.get("publishedAt");
      if ("scheduled".equals(tree.path("status").asText())
          && publishedAt != null
          && publishedAt.isTextual()
          && !Instant.parse(publishedAt.asText()).isAfter(clock.instant())) {
        tree.put("status", "published");
      }
      return mapper.treeToValue(tree, ArticleInput.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read a stored article revision", e);
    }
  }

  /**
   * Moves the article to the trash ({@link ArticleTrash}): from now on it is invisible everywhere
   * else, but keeps its slug, byline, pins and revisions until it is restored or purged.
   */
  @Transactional
  public void delete(UUID id, String ifMatch) {
    Article article = lockForWrite(id, ifMatch);
    article.deletedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    article.deletedBy = caller.name();
    audit(AuditAction.TRASH, article, AuditDetails.NONE);
  }

  /** Records a successful change of an article in the audit log, with its status after it. */
  void audit(AuditAction action, Article article, AuditDetails details) {
    auditLog.record(
        action,
        AuditEntityType.ARTICLE,
        article.id,
        article.slug,
        details.withStatus(article.statusAt(clock.instant()).value()));
  }

  private AuditDetails changes(ArticleInput before, Article article) {
    return AuditDetails.changed(auditLog.changedFields(before, toInput(article)));
  }

  private Article visible(java.util.Optional<? extends Article> found, String what) {
    Article article = found.orElseThrow(() -> ProblemException.notFound(what));
    if (!caller.seesUnpublished() && !article.isPublicAt(clock.instant())) {
      throw ProblemException.notFound(what);
    }
    return article;
  }

  /**
   * Loads what follows read-only: Hibernate keeps no copy of its state to compare at commit, and
   * the commit has nothing to flush (10-15 % less CPU per uncached list, category or cursor page).
   * Only for methods that read and are never called within a transaction that writes: the setting
   * lasts for the rest of the transaction.
   */
  private static void readOnly() {
    Article.getSession().setDefaultReadOnly(true);
  }

  ArticleResponse view(Article article) {
    return ArticleResponse.from(article, clock.instant(), caller.seesUnpublished());
  }

  private Article lockForWrite(UUID id, String ifMatch) {
    Article article =
        Article.<Article>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
            .filter(found -> !found.inTrash())
            .orElseThrow(() -> ProblemException.notFound("Article " + id));
    // Ownership before the precondition: an author learns nothing about others' articles' ETags.
    if (!ownsByline(article)) {
      throw notOwnArticle();
    }
    tags.checkIfMatch(ifMatch, view(article));
    return article;
  }

  /**
   * An author token writes only articles whose byline lists its author; an empty byline becomes its
   * author alone, and a byline without it is refused, so authors cannot give away their articles.
   */
  private void requireOwnByline(Article article) {
    if (!caller.writesOnlyOwnArticles()) {
      return;
    }
    if (article.authors.isEmpty()) {
      caller
          .authorId()
          .flatMap(id -> Author.<Author>findByIdOptional(id))
          .ifPresent(article.authors::add);
    }
    if (!ownsByline(article)) {
      throw new ProblemException(
          ProblemType.FORBIDDEN,
          "An author token may only write articles whose byline lists its author");
    }
  }

  /** Whether the caller may change this article as it stands (editors and admins: always). */
  boolean ownsByline(Article article) {
    if (!caller.writesOnlyOwnArticles()) {
      return true;
    }
    return caller
        .authorId()
        .map(id -> article.authors.stream().anyMatch(a -> a.id.equals(id)))
        .orElse(false);
  }

  private static ProblemException notOwnArticle() {
    return new ProblemException(
        ProblemType.FORBIDDEN,
        "An author token may only change articles whose byline lists its author");
  }

  private ArticleInput toInput(Article article) {
    return new ArticleInput(
        article.title,
        article.slug,
        article.subtitle,
        article.excerpt,
        article.body,
        BodyFormat.HTML,
        article.language,
        article.statusAt(clock.instant()),
        article.publishedAt,
        new Reference(article.category.id, article.category.slug),
        article.authors.stream().map(a -> new Reference(a.id, a.slug)).toList(),
        List.copyOf(article.tags),
        article.related.stream()
            .filter(r -> !r.inTrash())
            .map(r -> new Reference(r.id, r.slug))
            .toList(),
        ArticleParts.source(article),
        ArticleParts.featuredImageInput(article),
        ArticleParts.seo(article));
  }

  /** Which assets the article shows, for the media library's usage and visibility. */
  private void recordAssetUses(Article article) {
    assets.recordUses(
        article.id,
        null,
        "featuredImage",
        article.imageAsset == null ? List.of() : List.of(article.imageAsset.id));
    assets.recordUses(article.id, null, "body", BodyImages.referenced(article.body));
  }

  /** The lead image's asset, or null for an image by URL; a bad reference is an invalid field. */
  private Asset featuredAsset(FeaturedImageInput image) {
    if (image == null) {
      return null;
    }
    if (image.asset() == null) {
      if (image.url() == null || !image.url().matches(Patterns.HTTP_URL)) {
        throw ProblemException.invalidField(
            image.url() == null ? "featuredImage" : "featuredImage.url",
            image.url() == null ? "must hold an asset or a url" : "must be an http or https URL");
      }
      return null;
    }
    Asset asset = assets.findAll(List.of(image.asset().id())).get(image.asset().id());
    if (asset == null) {
      throw ProblemException.invalidField(
          "featuredImage.asset.id", "no asset with id '" + image.asset().id() + "'");
    }
    if (!asset.isImage()) {
      throw ProblemException.invalidField("featuredImage.asset", "is a PDF, not an image");
    }
    return asset;
  }

  private void apply(Article article, ArticleInput input) {
    Instant now = clock.instant();
    article.title = input.title();
    if (input.slug() != null
        && !input.slug().equals(article.slug)
        && Article.slugInTrash(input.slug())) {
      throw ProblemException.conflict(
          "The slug '"
              + input.slug()
              + "' belongs to an article in the trash; restore that article or purge it first");
    }
    article.slug =
        Slugs.choose(article.slug, input.slug(), input.title(), "article", Article::slugTaken);
    article.subtitle = input.subtitle();
    article.excerpt = input.excerpt();
    article.body =
        BodyImages.normalize(
                sanitizer.sanitize(
                    input.bodyFormat() == BodyFormat.MARKDOWN
                        ? markdown.toHtml(input.body())
                        : input.body()),
                assets::findAll)
            .html();
    article.bodyText = HtmlSanitizer.plainText(article.body);
    article.wordCount = HtmlSanitizer.wordCount(article.body);
    article.readingTimeMinutes = HtmlSanitizer.readingTimeMinutes(article.wordCount);
    article.language = input.language() == null ? "de" : input.language();
    applyStatus(article, input.status(), input.publishedAt(), now);
    article.category = categories.resolve(input.category(), "category");
    article.authors = resolveAuthors(input.authors());
    article.tags = normalizeTags(input.tags());
    // Pins to articles in the trash are hidden, not gone: they stay (at the end) for a restore.
    List<Article> hiddenPins = article.related.stream().filter(Article::inTrash).toList();
    article.related = resolveRelated(article, input.related());
    hiddenPins.forEach(article.related::add);
    ArticleParts.apply(
        article,
        input.source(),
        input.featuredImage(),
        featuredAsset(input.featuredImage()),
        input.seo());
  }

  private static void applyStatus(
      Article article, ArticleStatus status, Instant publishedAt, Instant now) {
    ArticleStatus wanted = status == null ? ArticleStatus.DRAFT : status;
    boolean wasPublished = Article.PUBLISHED.equals(article.status);
    Instant when = Instants.accept(publishedAt, "publishedAt", false);
    if (when == null && wanted == ArticleStatus.PUBLISHED) {
      // Publishing keeps the original date of an article that is already out.
      when =
          wasPublished && article.publishedAt != null
              ? article.publishedAt
              : now.truncatedTo(ChronoUnit.MILLIS);
    }
    switch (wanted) {
      case DRAFT -> article.status = Article.DRAFT;
      case ARCHIVED -> article.status = Article.ARCHIVED;
      case PUBLISHED -> article.status = Article.PUBLISHED;
      case SCHEDULED -> {
        if (publishedAt == null || !publishedAt.isAfter(now)) {
          throw ProblemException.invalidField(
              "publishedAt", "must be a future instant to schedule an article");
        }
        article.status = Article.PUBLISHED;
      }
    }
    article.publishedAt = when;
  }

  private List<Author> resolveAuthors(List<Reference> references) {
    List<Author> byline = new ArrayList<>();
    if (references == null) {
      return byline;
    }
    for (int i = 0; i < references.size(); i++) {
      Author author = authors.resolve(references.get(i), "authors[" + i + "]");
      if (byline.contains(author)) {
        throw ProblemException.invalidField(
            "authors[" + i + "]", "names an author who is already in the byline");
      }
      byline.add(author);
    }
    return byline;
  }

  private static List<Article> resolveRelated(Article article, List<Reference> references) {
    List<Article> related = new ArrayList<>();
    if (references == null) {
      return related;
    }
    for (int i = 0; i < references.size(); i++) {
      String field = "related[" + i + "]";
      Reference reference = references.get(i);
      reference.requireTarget(field);
      Article target =
          (reference.id() != null
                  ? Article.findLive(reference.id())
                  : Article.findBySlug(reference.slug()))
              .orElseThrow(
                  () ->
                      ProblemException.invalidField(
                          field, "no article with " + reference.describe()));
      if (target == article) {
        throw ProblemException.invalidField(field, "an article cannot be related to itself");
      }
      if (related.contains(target)) {
        throw ProblemException.invalidField(field, "names an article that is already pinned");
      }
      related.add(target);
    }
    return related;
  }

  /**
   * The articles most related to one article: the public ones pinned by editors first, then those
   * sharing tags, category tree and title words. Never the article itself, never unpublished ones.
   */
  @Transactional
  public RelatedArticles related(UUID id, int size) {
    readOnly();
    Instant now = clock.instant();
    Article article = visible(Article.findLive(id), "Article " + id);
    List<Article> result = new ArrayList<>();
    for (Article pinned : article.related) {
      if (result.size() < size && !pinned.inTrash() && pinned.isPublicAt(now)) {
        result.add(pinned);
      }
    }
    if (result.size() < size) {
      List<UUID> exclude = new ArrayList<>(result.stream().map(a -> a.id).toList());
      exclude.add(article.id);
      result.addAll(ArticleQuery.relatedTo(article, exclude, size - result.size(), now));
    }
    return new RelatedArticles(
        result.stream().map(a -> ArticleListItem.from(a, now, null)).toList());
  }

  private static List<String> normalizeTags(List<String> tags) {
    if (tags == null) {
      return new ArrayList<>();
    }
    LinkedHashSet<String> unique = new LinkedHashSet<>();
    tags.forEach(tag -> unique.add(tag.strip()));
    return new ArrayList<>(unique);
  }
}
