package dev.feder.article;

import dev.feder.error.ProblemException;
import dev.feder.paging.Cursor;
import dev.feder.paging.PageRequest;
import dev.feder.paging.SortOrder;
import dev.feder.web.Instants;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The article list query: visibility first (anonymous readers see only what is public now), then
 * the caller's filters, then optionally a search. Every value is a bound parameter. Categories and
 * authors of a page are loaded in batches (see {@code quarkus.hibernate-orm.fetch.batch-size}), so
 * a page costs a fixed number of statements whatever its size.
 *
 * <p>Each condition is kept twice, as JPQL for the plain list and as SQL over {@code article a} for
 * the search, which needs PostgreSQL's full-text operators. The search objects (search vector,
 * configurations, typo check) are defined in {@code V2__article_search.sql}, the vocabulary of
 * title words for typos in {@code V10__typo_vocabulary.sql} (query: V12), the choice of plan in
 * {@code V11__search_plan_choice.sql} (V13).
 */
final class ArticleQuery {

  /** A word long enough for typo matching (the database checks words of five letters or more). */
  private static final Pattern TYPO_WORD = Pattern.compile("[\\p{L}\\p{N}]{5,}");

  /** A phrase or an excluded word: exact matching only, a typo must not bring back what is out. */
  private static final Pattern EXACT_SYNTAX = Pattern.compile("\"|(^|\\s)-");

  /** Characters that enclose matches in raw headlines, removed from the text beforehand. */
  private static final String MARKS =
      String.valueOf(ArticleHighlight.START) + ArticleHighlight.STOP;

  private static final String MARK_OPTIONS =
      "StartSel=" + ArticleHighlight.START + ", StopSel=" + ArticleHighlight.STOP;

  /** ts_headline options for a whole field. */
  private static final String WHOLE = MARK_OPTIONS + ", HighlightAll=true";

  /** ts_headline options for one passage of the body, out of a stretch around a candidate word. */
  private static final String PASSAGE =
      MARK_OPTIONS + ", MaxFragments=1, MaxWords=18, MinWords=6, ShortWord=3";

  /** Characters of the body text in the search vector (see V2__article_search.sql). */
  private static final int INDEXED_BODY_LENGTH = 250_000;

  /** Sortable entity attributes and their columns. */
  private static final Map<String, String> COLUMNS =
      Map.of(
          "publishedAt", "a.published_at",
          "title", "a.title",
          "createdAt", "a.created_at",
          "updatedAt", "a.updated_at",
          "id", "a.id");

  /** Relevance first, then the newest; the id makes the order total. */
  private static final List<String[]> RELEVANCE =
      List.of(
          new String[] {"ts_rank(a.search_vector, a.query)", "desc"},
          new String[] {"a.published_at", "desc nulls last"},
          new String[] {"a.id", "asc"});

  private final List<String> where = new ArrayList<>();
  private final List<String> sqlWhere = new ArrayList<>();
  private final Parameters params = new Parameters();
  private String search;
  private int searchWindow = Integer.MAX_VALUE;
  private boolean typoCandidate;
  private boolean typoTolerant;

  /** The search text read with typos forgiven, as a tsquery in text form (see forgiveTypos). */
  private String typoQuery;

  private boolean settingsSet;

  /**
   * Number of conditions of the public visibility, where this is a public query: a search with no
   * further filter may start its window at a publication date (V15__search_window_start.sql).
   */
  private int publicConditions = -1;

  /** The earliest publication date the search window reads, or null for the whole archive. */
  private Instant windowStart;

  /**
   * One article of a search page with its raw headlines, in which {@link ArticleHighlight#START}
   * and {@link ArticleHighlight#STOP} enclose the matches.
   *
   * @param excerpt null when the article has no excerpt
   * @param body null when the body is empty
   */
  record Hit(UUID id, String title, String excerpt, String body) {}

  /**
   * One page of search hits and the number of articles the search considers.
   *
   * @param total null when the page is past the last hit, which leaves the number unknown
   */
  record Hits(List<Hit> page, Long total) {}

  /** Live articles, or with {@code trash} only those in the trash. */
  private ArticleQuery(boolean trash) {
    if (trash) {
      add("deletedAt is not null", "a.deleted_at is not null");
    } else {
      add("deletedAt is null", "a.deleted_at is null");
    }
  }

  /** Only articles public at {@code now}. */
  static ArticleQuery publicAt(Instant now) {
    ArticleQuery query = new ArticleQuery(false).withStatus(ArticleStatus.PUBLISHED, now);
    query.publicConditions = query.sqlWhere.size();
    return query;
  }

  /** All articles, or those with one status as it reads at {@code now}. */
  static ArticleQuery anyStatusAt(Instant now, ArticleStatus status) {
    ArticleQuery query = new ArticleQuery(false);
    return status == null ? query : query.withStatus(status, now);
  }

  private ArticleQuery withStatus(ArticleStatus status, Instant now) {
    switch (status) {
      case DRAFT -> add("status = '" + Article.DRAFT + "'", "a.status = '" + Article.DRAFT + "'");
      case ARCHIVED ->
          add("status = '" + Article.ARCHIVED + "'", "a.status = '" + Article.ARCHIVED + "'");
      case PUBLISHED -> {
        add(
            "status = '" + Article.PUBLISHED + "' and publishedAt <= :now",
            "a.status = '" + Article.PUBLISHED + "' and a.published_at <= :now");
        params.and("now", now);
      }
      case SCHEDULED -> {
        add(
            "status = '" + Article.PUBLISHED + "' and publishedAt > :now",
            "a.status = '" + Article.PUBLISHED + "' and a.published_at > :now");
        params.and("now", now);
      }
    }
    return this;
  }

  /** The articles in the trash, whatever their status. */
  static ArticleQuery inTrash() {
    return new ArticleQuery(true);
  }

  /** A condition as JPQL over {@code Article} and as SQL over {@code article a}. */
  private void add(String jpql, String sql) {
    where.add(jpql);
    sqlWhere.add(sql);
  }

  /** Articles of the category with this slug or of any category below it. */
  void inCategoryTree(String slug) {
    @SuppressWarnings("unchecked")
    List<java.util.UUID> ids =
        Article.getEntityManager()
            .createNativeQuery(
                "with recursive tree(id) as (select id from category where slug = :slug"
                    + " union select c.id from category c join tree t on c.parent_id = t.id)"
                    + " select id from tree",
                java.util.UUID.class)
            .setParameter("slug", slug)
            .getResultList();
    if (ids.isEmpty()) {
      add("1 = 0", "1 = 0");
    } else {
      add("category.id in :categories", "a.category_id in (:categories)");
      params.and("categories", ids);
    }
  }

  void byAuthor(String slug) {
    add(
        "id in (select a.id from Article a join a.authors au where au.slug = :author)",
        "a.id in (select aa.article_id from article_author aa join author au"
            + " on au.id = aa.author_id where au.slug = :author)");
    params.and("author", slug);
  }

  void withTag(String tag) {
    add("array_contains(tags, :tag)", "a.tags @> array[cast(:tag as text)]");
    params.and("tag", tag);
  }

  void inLanguage(String language) {
    add("language = :language", "a.language = :language");
    params.and("language", language);
  }

  void publishedFrom(Instant instant) {
    add("publishedAt >= :publishedFrom", "a.published_at >= :publishedFrom");
    params.and("publishedFrom", instant);
  }

  void publishedUntil(Instant instant) {
    add("publishedAt < :publishedUntil", "a.published_at < :publishedUntil");
    params.and("publishedUntil", instant);
  }

  /**
   * Only articles matching a search text: all its words in title, subtitle, excerpt or body (any
   * inflection, accents ignored), or, for plain words and after {@link #forgiveTypos()}, with each
   * word of five letters or more read as the title words one typo away from it.
   */
  void matching(String text) {
    search = text;
    typoCandidate = TYPO_WORD.matcher(text).find() && !EXACT_SYNTAX.matcher(text).find();
  }

  /**
   * Whether the search text has words a typo match could find and typos are not forgiven yet. Typo
   * matching is a second attempt, made only when the exact search finds nothing: a typo must not
   * bring in other words' articles when the typed word has matches of its own.
   */
  boolean mayForgiveTypos() {
    return typoCandidate && !typoTolerant;
  }

  /**
   * From now on, reads each word of five letters or more as any of the title words at most one typo
   * away from it (the second attempt, once the exact search found nothing), and whether that leaves
   * anything to search for: false when one of the words is near no title word, in which case
   * nothing matches.
   */
  boolean forgiveTypos() {
    typoTolerant = true;
    settingsSet = false;
    typoQuery =
        (String)
            Article.getEntityManager()
                .createNativeQuery("select cast(public.feder_typo_query(:q) as text)")
                .setParameter("q", search)
                .getSingleResult();
    return typoQuery != null;
  }

  boolean searches() {
    return search != null;
  }

  /**
   * Makes the search consider only the newest {@code matches} articles it finds (see {@code
   * feder.search.max-results}).
   */
  void consideringAtMost(int matches) {
    searchWindow = matches;
  }

  /**
   * Number of articles the search considers: those it finds, at most the search window. {@link
   * #searchPage} tells it along with any page that has hits.
   */
  long searchCount() {
    return ((Number)
            nativeQuery("select count(*) from (select 1" + searchSource() + " limit :window) w")
                .setParameter("window", searchWindow)
                .getSingleResult())
        .longValue();
  }

  /**
   * One page of search hits with their headlines, by relevance or in {@code order}, among the
   * newest matches (the search window): the window is found first, in the order of the list index,
   * so that only its rows are ranked; headlines are made for the page's rows only.
   */
  Hits searchPage(SortOrder order, PageRequest page) {
    planSearch();
    List<String[]> keys = order == null ? RELEVANCE : keysOf(order);
    String window =
        "(select a.id, a.language, a.title, a.excerpt, a.published_at, a.created_at,"
            + " a.updated_at, a.search_vector, s.query"
            + searchSource()
            + (windowStart == null ? "" : " and a.published_at >= :windowStart")
            + " order by a.published_at desc nulls last, a.id limit :window) a";
    StringBuilder inner =
        new StringBuilder(
            "select a.id, a.language, a.title, a.excerpt, a.query, count(*) over () as total");
    List<String> innerOrder = new ArrayList<>();
    List<String> outerOrder = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      inner.append(", ").append(keys.get(i)[0]).append(" as k").append(i);
      innerOrder.add("k" + i + " " + keys.get(i)[1]);
      outerOrder.add("p.k" + i + " " + keys.get(i)[1]);
    }
    inner
        .append(" from ")
        .append(window)
        .append(" order by ")
        .append(String.join(", ", innerOrder))
        .append(" limit :limit offset :offset");
    String sql =
        "select p.id,"
            + " ts_headline(public.feder_search_config(p.language), translate(p.title, :marks, ''),"
            + " p.query, :whole),"
            + " case when p.excerpt is null then null else ts_headline("
            + "public.feder_search_config(p.language), translate(p.excerpt, :marks, ''),"
            + " p.query, :whole) end,"
            + " left(b.body_text, "
            + INDEXED_BODY_LENGTH
            + "), p.language, cast(p.query as text), p.total"
            + " from ("
            + inner
            + ") p join article b on b.id = p.id order by "
            + String.join(", ", outerOrder);
    Query query =
        nativeQuery(sql)
            .setParameter("window", searchWindow)
            .setParameter("limit", page.size())
            .setParameter("offset", page.offset())
            .setParameter("marks", MARKS)
            .setParameter("whole", WHOLE);
    if (windowStart != null) {
      query.setParameter("windowStart", windowStart);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    if (windowStart != null
        && (rows.isEmpty()
            ? page.offset() < searchWindow
            : ((Number) rows.get(0)[6]).longValue() < searchWindow)) {
      // Fewer matches since the window start than the window holds: they need not be the newest
      // ones, so the whole archive is searched. (A page past the window is empty either way.)
      windowStart = null;
      return searchPage(order, page);
    }
    if (rows.isEmpty()) {
      return new Hits(List.of(), null);
    }
    List<String> lexemes = SearchPassages.lexemes((String) rows.get(0)[5]);
    List<String> bodies =
        bodyHighlights(
            lexemes,
            rows.stream()
                .map(row -> new Passages((String) row[4], (String) row[3], lexemes))
                .toList());
    List<Hit> hits = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Object[] row = rows.get(i);
      hits.add(
          new Hit(
              row[0] instanceof UUID id ? id : UUID.fromString(row[0].toString()),
              (String) row[1],
              (String) row[2],
              bodies.get(i)));
    }
    return new Hits(hits, ((Number) rows.get(0)[6]).longValue());
  }

  /** The stretches of one hit's body that may hold a match, and the language to read them in. */
  private record Passages(String language, List<String> stretches) {
    Passages(String language, String body, List<String> lexemes) {
      this(language, SearchPassages.around(body, lexemes));
    }
  }

  /**
   * The raw body highlight of each hit, null where its body has no match: the database marks the
   * matches in each stretch (all hits in one statement), and up to two stretches with a match make
   * the highlight, joined by " … ".
   */
  private static List<String> bodyHighlights(List<String> lexemes, List<Passages> hits) {
    List<String> values = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    for (int i = 0; i < hits.size(); i++) {
      List<String> stretches = hits.get(i).stretches();
      for (int k = 0; k < stretches.size(); k++) {
        int n = values.size();
        values.add("(" + i + ", " + k + ", cast(:l" + n + " as text), cast(:s" + n + " as text))");
        parameters.put("l" + n, hits.get(i).language());
        parameters.put(
            "s" + n,
            stretches
                .get(k)
                .replace(String.valueOf(ArticleHighlight.START), "")
                .replace(String.valueOf(ArticleHighlight.STOP), ""));
      }
    }
    List<List<String>> marked = new ArrayList<>();
    hits.forEach(hit -> marked.add(new ArrayList<>()));
    if (!values.isEmpty()) {
      Query query =
          Article.getEntityManager()
              .createNativeQuery(
                  "select v.hit, ts_headline(public.feder_search_config(v.language), v.stretch,"
                      + " cast(:words as tsquery), :passage)"
                      + " from (values "
                      + String.join(", ", values)
                      + ") v(hit, n, language, stretch) order by v.hit, v.n")
              .setParameter("words", SearchPassages.anyOf(lexemes))
              .setParameter("passage", PASSAGE);
      parameters.forEach(query::setParameter);
      @SuppressWarnings("unchecked")
      List<Object[]> rows = query.getResultList();
      for (Object[] row : rows) {
        String headline = (String) row[1];
        List<String> found = marked.get(((Number) row[0]).intValue());
        if (headline != null && headline.indexOf(ArticleHighlight.START) >= 0 && found.size() < 2) {
          found.add(headline.strip());
        }
      }
    }
    return marked.stream()
        .map(found -> found.isEmpty() ? null : String.join(" … ", found))
        .toList();
  }

  /** The articles with these ids, in the order of the ids. */
  static List<Article> inOrder(List<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<UUID, Article> byId = new HashMap<>();
    Article.<Article>list("id in ?1", ids).forEach(a -> byId.put(a.id, a));
    return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
  }

  /** The bodies of these articles, in one statement (list pages that ask for them). */
  static Map<UUID, String> bodies(Collection<UUID> ids) {
    Map<UUID, String> bodies = new HashMap<>();
    if (ids.isEmpty()) {
      return bodies;
    }
    Article.getEntityManager()
        .createQuery("select a.id, a.body from Article a where a.id in :ids", Object[].class)
        .setParameter("ids", ids)
        .getResultList()
        .forEach(row -> bodies.put((UUID) row[0], (String) row[1]));
    return bodies;
  }

  /** When the first article scheduled after {@code instant} goes live, if one is. */
  static Optional<Instant> firstPublicationAfter(Instant instant) {
    return Optional.ofNullable(
        Article.getEntityManager()
            .createQuery(
                "select min(a.publishedAt) from Article a where a.status = '"
                    + Article.PUBLISHED
                    + "' and a.publishedAt > :instant and a.deletedAt is null",
                Instant.class)
            .setParameter("instant", instant)
            .getSingleResult());
  }

  /**
   * The candidates for related articles looked at per kind (sharing a tag, in the category tree):
   * the newest ones, found along the list index, so that the work is bounded however many articles
   * share a tag or a category.
   */
  private static final int RELATED_CANDIDATES = 200;

  /**
   * Public articles related to {@code article}, best first: shared tags weigh most, then the same
   * category (or its parent's tree), then title similarity (pg_trgm). Scored are the newest {@link
   * #RELATED_CANDIDATES} articles sharing a tag and the newest ones in the category tree.
   */
  static List<Article> relatedTo(Article article, List<UUID> exclude, int limit, Instant now) {
    UUID tree = article.category.parent == null ? article.category.id : article.category.parent.id;
    String visible =
        " from article a where a.status = 'published' and a.published_at <= :now"
            + " and a.deleted_at is null and a.id not in (:exclude) and ";
    String newest = " order by a.published_at desc nulls last, a.id limit " + RELATED_CANDIDATES;
    String columns = "select a.id, a.tags, a.category_id, a.title, a.published_at";
    List<String> tags = article.tags;
    // One parameter per tag, so that the planner sees how common each one is.
    List<String> tagParameters = new ArrayList<>();
    for (int i = 0; i < tags.size(); i++) {
      tagParameters.add("cast(:tag" + i + " as text)");
    }
    String wanted = "array[" + String.join(", ", tagParameters) + "]::text[]";
    StringBuilder candidates = new StringBuilder();
    if (!tags.isEmpty()) {
      candidates.append('(').append(columns).append(visible).append("a.tags && ").append(wanted);
      candidates.append(newest).append(") union ");
    }
    candidates
        .append('(')
        .append(columns)
        .append(visible)
        .append("a.category_id in (select id from tree)")
        .append(newest)
        .append(')');
    Query query =
        Article.getEntityManager()
            .createNativeQuery(
                "with tree(id) as (select id from category where id = :tree or parent_id = :tree),"
                    + " candidate as ("
                    + candidates
                    + ") select c.id from candidate c"
                    + " order by 3 * cardinality(array(select unnest(c.tags) intersect select"
                    + " unnest("
                    + (tags.isEmpty() ? "array[]::text[]" : wanted)
                    + ")))"
                    + " + case when c.category_id = :category then 2"
                    + " when c.category_id in (select id from tree) then 1 else 0 end"
                    + " + 2 * similarity(c.title, :title) desc, c.published_at desc, c.id"
                    + " limit :limit",
                UUID.class)
            .setParameter("tree", tree)
            .setParameter("now", now)
            .setParameter("exclude", exclude)
            .setParameter("category", article.category.id)
            .setParameter("title", article.title)
            .setParameter("limit", limit);
    for (int i = 0; i < tags.size(); i++) {
      query.setParameter("tag" + i, tags.get(i));
    }
    @SuppressWarnings("unchecked")
    List<UUID> ids = query.getResultList();
    return inOrder(ids);
  }

  private static List<String[]> keysOf(SortOrder order) {
    return order.keys().stream()
        .map(
            key ->
                new String[] {
                  COLUMNS.get(key.attribute()),
                  key.descending() ? "desc nulls last" : "asc nulls last"
                })
        .toList();
  }

  /**
   * FROM and WHERE of the search, with the search text read once as a query: as typed, or as the
   * words it stands for with typos forgiven.
   */
  private String searchSource() {
    StringBuilder sql =
        new StringBuilder(" from article a cross join (select " + searchText() + " as query) s");
    sql.append(" where a.search_vector @@ s.query");
    sqlWhere.forEach(condition -> sql.append(" and (").append(condition).append(')'));
    return sql.toString();
  }

  private Query nativeQuery(String sql) {
    planSearch();
    Query query = withSearchText(Article.getEntityManager().createNativeQuery(sql));
    params.map().forEach(query::setParameter);
    return query;
  }

  /**
   * Transaction-local, for this search only: plans made for the actual search text (a generic plan
   * cannot tell a word in every third article from one in none), and the window collected through
   * the search index or along the list index, whichever reads less for this text (see
   * V11__search_plan_choice.sql and V13); for a public search with no other filter, also where its
   * window may start (V15).
   */
  private void planSearch() {
    if (settingsSet) {
      return;
    }
    settingsSet = true;
    boolean mayStartLater = publicConditions == sqlWhere.size() && searchWindow < Integer.MAX_VALUE;
    String plan =
        mayStartLater
            ? "cast(extract(epoch from public.feder_plan_public_search("
                + searchText()
                + ", :window)) * 1000 as bigint)"
            : "public.feder_plan_search(" + searchText() + ")";
    Query query =
        withSearchText(
            Article.getEntityManager()
                .createNativeQuery(
                    "select set_config('plan_cache_mode', 'force_custom_plan', true), " + plan));
    if (mayStartLater) {
      query.setParameter("window", searchWindow);
    }
    Object start = ((Object[]) query.getSingleResult())[1];
    windowStart =
        mayStartLater && start != null ? Instant.ofEpochMilli(((Number) start).longValue()) : null;
  }

  /** The search text as a tsquery: as typed, or read with typos forgiven. */
  private String searchText() {
    return typoTolerant ? "cast(:typo as tsquery)" : "public.feder_search_query(:q)";
  }

  private Query withSearchText(Query query) {
    return typoTolerant ? query.setParameter("typo", typoQuery) : query.setParameter("q", search);
  }

  /**
   * Only articles after the position a cursor names, in {@code order}. For the plain list only:
   * search results are paged by number.
   */
  void after(SortOrder order, Cursor cursor) {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < order.keys().size(); i++) {
      values.add(parseKey(order.keys().get(i).attribute(), cursor.values().get(i)));
    }
    String first = order.keys().get(0).attribute();
    // Publication dates are null only for drafts, which a public query leaves out; deletion dates
    // are taken as they come (the trash is small). Titles, ids and the others are NOT NULL.
    boolean neverNull =
        first.equals("publishedAt") ? publicConditions >= 0 : !first.equals("deletedAt");
    where.add(order.after(values, params, neverNull));
  }

  /** The cursor that continues after {@code last} in {@code order}. */
  static Cursor cursorAfter(Article last, SortOrder order) {
    List<String> values = new ArrayList<>();
    for (SortOrder.Key key : order.keys()) {
      Object value = keyOf(last, key.attribute());
      values.add(value == null ? null : value.toString());
    }
    return new Cursor(order.spec(), values);
  }

  /** Slug, category and change dates of the first {@code limit} articles in {@code sort}. */
  List<PublishedArticle> firstLocations(Sort sort, int limit) {
    return Article.<Article>find(condition(), sort, params)
        .project(PublishedArticle.class)
        .range(0, limit - 1)
        .list();
  }

  /** The first {@code limit} articles in {@code sort}, without OFFSET. */
  List<Article> first(Sort sort, int limit) {
    return Article.<Article>find(condition(), sort, params).range(0, limit - 1).list();
  }

  private static Object keyOf(Article article, String attribute) {
    return switch (attribute) {
      case "publishedAt" -> article.publishedAt;
      case "title" -> article.title;
      case "createdAt" -> article.createdAt;
      case "updatedAt" -> article.updatedAt;
      case "deletedAt" -> article.deletedAt;
      case "id" -> article.id;
      default -> throw new IllegalArgumentException(attribute);
    };
  }

  private static Object parseKey(String attribute, String raw) {
    if (raw == null) {
      return null;
    }
    try {
      return switch (attribute) {
        case "title" -> raw;
        case "id" -> UUID.fromString(raw);
        default -> Instants.accept(Instant.parse(raw), "cursor", true);
      };
    } catch (RuntimeException e) {
      throw ProblemException.badParameter("cursor", "is not a cursor this API issued");
    }
  }

  List<Article> page(Sort sort, PageRequest page) {
    return Article.<Article>find(condition(), sort, params)
        .page(page.page() - 1, page.size())
        .list();
  }

  long count() {
    return Article.count(condition(), params);
  }

  /**
   * What {@link #count()} depends on, for {@link ListCounts}: all but the instant of the request.
   */
  ListCounts.Key countKey() {
    Map<String, Object> values = new HashMap<>(params.map());
    values.remove("now");
    return new ListCounts.Key(condition(), values);
  }

  private String condition() {
    return where.isEmpty() ? "1 = 1" : String.join(" and ", where);
  }
}
