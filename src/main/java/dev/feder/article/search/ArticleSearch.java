package dev.feder.article.search;

import dev.feder.paging.PageRequest;
import dev.feder.paging.SortOrder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A full-text search of articles, described once: what the reader typed and among which articles
 * (the list's other conditions, visibility first, as SQL over {@code article a} with their values).
 * {@link #find} runs it: the text as typed, and only when that finds nothing, a second attempt with
 * typos forgiven.
 *
 * <p>Each attempt makes a few statements, in this order: the plan for this text ({@link #plan}),
 * the page of hits with their title and excerpt headlines ({@link #page}), for a page past the last
 * hit the number of hits ({@link #count}), and the body headlines of the page's hits ({@link
 * BodyHighlights}). Every value is a bound parameter. The database objects they use are defined in
 * {@code V2__article_search.sql} (search vector, configurations, typo check), {@code
 * V10__typo_vocabulary.sql} and {@code V12} (the title words for typos), {@code
 * V11__search_plan_choice.sql} and {@code V13} (the choice of plan) and {@code
 * V15__search_window_start.sql} (where a search's window starts), and {@code
 * V20__live_published_index.sql} (the window of a signed-in search over every status).
 *
 * <p>This package needs nothing of the article package: the article package describes a search and
 * turns its hits into list items.
 *
 * @param text the search text, as typed (validated by the caller)
 * @param conditions the other conditions on the articles, as SQL over {@code article a}
 * @param parameters the values of the conditions' parameters
 * @param window how many of the newest matches the search considers and ranks ({@code
 *     feder.search.max-results})
 * @param visibilityOnly whether the conditions are exactly a visibility that a list index in
 *     publication order serves (what is public now, or every live article for a signed-in caller),
 *     with no further filter: then the window may start at a publication date (V15, V20)
 */
public record ArticleSearch(
    String text,
    List<String> conditions,
    Map<String, Object> parameters,
    int window,
    boolean visibilityOnly) {

  /** A word long enough for typo matching (the database checks words of five letters or more). */
  private static final Pattern TYPO_WORD = Pattern.compile("[\\p{L}\\p{N}]{5,}");

  /** A phrase or an excluded word: exact matching only, a typo must not bring back what is out. */
  private static final Pattern EXACT_SYNTAX = Pattern.compile("\"|(^|\\s)-");

  /** Marks the start of a match in the headlines of a {@link Hit}. */
  public static final char MATCH_START = '\u0002';

  /** Marks the end of a match in the headlines of a {@link Hit}. */
  public static final char MATCH_STOP = '\u0003';

  /** Characters that enclose matches in headlines, removed from the text beforehand. */
  static final String MARKS = String.valueOf(MATCH_START) + MATCH_STOP;

  static final String MARK_OPTIONS = "StartSel=" + MATCH_START + ", StopSel=" + MATCH_STOP;

  /** ts_headline options for a whole field. */
  private static final String WHOLE = MARK_OPTIONS + ", HighlightAll=true";

  /** Characters of the body text in the search vector (see V2__article_search.sql). */
  private static final int INDEXED_BODY_LENGTH = 250_000;

  /** Sortable attributes and their columns. */
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

  public ArticleSearch {
    conditions = List.copyOf(conditions);
    parameters = Map.copyOf(parameters);
  }

  /**
   * One hit of a search page with its headlines, the text in which {@link #MATCH_START} and {@link
   * #MATCH_STOP} enclose the matches (no other characters of these kinds occur).
   *
   * @param id the article
   * @param title the whole title
   * @param excerpt the whole excerpt, null when the article has none
   * @param body up to two passages of the body around matches, null when it has none
   */
  public record Hit(UUID id, String title, String excerpt, String body) {}

  /**
   * One page of hits and the number of articles the search considers: those it finds, at most the
   * window.
   */
  public record Hits(List<Hit> page, long total) {}

  /**
   * How the statements read the search text as a tsquery.
   *
   * @param tsquery the SQL expression
   * @param parameter the name of its parameter
   * @param value the parameter's value
   */
  record Reading(String tsquery, String parameter, String value) {

    /** The text as typed: all its words in any inflection, accents ignored. */
    static Reading asTyped(String text) {
      return new Reading("public.feder_search_query(:q)", "q", text);
    }

    /**
     * Each word of five letters or more as any of the title words at most one typo away from it, as
     * {@code feder_typo_query} wrote the query.
     */
    static Reading forgivingTypos(String typoQuery) {
      return new Reading("cast(:typo as tsquery)", "typo", typoQuery);
    }
  }

  /**
   * One SQL statement of the search with the values of its parameters.
   *
   * @param parameters by name; the values of the list's conditions among them where it has them
   */
  record Statement(String sql, Map<String, Object> parameters) {

    Query on(EntityManager entityManager) {
      Query query = entityManager.createNativeQuery(sql);
      parameters.forEach(query::setParameter);
      return query;
    }
  }

  /**
   * The page of hits, by relevance or in {@code order}, among the newest matches (the window): of
   * the text as typed, or, when that finds nothing at all, read with typos forgiven.
   *
   * @param order null for relevance
   * @throws IllegalStateException outside a transaction: the plan settings that the first statement
   *     chooses hold for the rest of the transaction only
   */
  public Hits find(EntityManager entityManager, SortOrder order, PageRequest page) {
    if (!entityManager.isJoinedToTransaction()) {
      throw new IllegalStateException("A search runs in a transaction, for its plan settings");
    }
    Hits exact = find(entityManager, Reading.asTyped(text), order, page);
    if (exact.total() > 0 || !mayForgiveTypos()) {
      return exact;
    }
    // The second attempt, made only when the exact search finds nothing: a typo must not bring in
    // other words' articles when the typed word has matches of its own. A word near no title word
    // leaves nothing to search for.
    String typoQuery =
        (String)
            entityManager
                .createNativeQuery("select cast(public.feder_typo_query(:q) as text)")
                .setParameter("q", text)
                .getSingleResult();
    return typoQuery == null
        ? exact
        : find(entityManager, Reading.forgivingTypos(typoQuery), order, page);
  }

  /** Whether the text has words a typo match could find: plain words of five letters or more. */
  boolean mayForgiveTypos() {
    return TYPO_WORD.matcher(text).find() && !EXACT_SYNTAX.matcher(text).find();
  }

  /** Whether this search may start its window at a publication date (V15). */
  boolean mayStartLater() {
    return visibilityOnly && window < Integer.MAX_VALUE;
  }

  private Hits find(
      EntityManager entityManager, Reading reading, SortOrder order, PageRequest page) {
    Instant windowStart = windowStart(plan(reading).on(entityManager).getSingleResult());
    List<Object[]> rows = rows(entityManager, page(reading, order, page, windowStart));
    if (windowStart != null && (rows.isEmpty() ? page.offset() < window : totalOf(rows) < window)) {
      // Fewer matches since the window start than the window holds: they need not be the newest
      // ones, so the whole archive is searched. (A page past the window is empty either way.)
      rows = rows(entityManager, page(reading, order, page, null));
    }
    if (rows.isEmpty()) {
      // Past the last hit: the number of hits is counted apart, unless there are none at all.
      return new Hits(
          List.of(),
          page.offset() == 0
              ? 0
              : ((Number) count(reading).on(entityManager).getSingleResult()).longValue());
    }
    List<String> lexemes = SearchPassages.lexemes((String) rows.get(0)[5]);
    List<String> bodies =
        BodyHighlights.of(
            entityManager,
            lexemes,
            rows.stream()
                .map(row -> new BodyHighlights.Hit((String) row[4], (String) row[3]))
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
    return new Hits(hits, totalOf(rows));
  }

  /**
   * Transaction-local, for this search only: plans made for the actual search text (a generic plan
   * cannot tell a word in every third article from one in none), and the window collected through
   * the search index or along the list index, whichever reads less for this text (see
   * V11__search_plan_choice.sql and V13); for a search with no filter beyond the caller's
   * visibility, also where its window may start (V15): its one row holds that start in epoch
   * milliseconds, or null.
   */
  Statement plan(Reading reading) {
    Map<String, Object> values = new HashMap<>();
    values.put(reading.parameter(), reading.value());
    String plan;
    if (mayStartLater()) {
      plan =
          "cast(extract(epoch from public.feder_plan_public_search("
              + reading.tsquery()
              + ", :window)) * 1000 as bigint)";
      values.put("window", window);
    } else {
      plan = "public.feder_plan_search(" + reading.tsquery() + ")";
    }
    return new Statement(
        "select set_config('plan_cache_mode', 'force_custom_plan', true), " + plan, values);
  }

  /** The window start that the row of {@link #plan} names, if the search may start later. */
  Instant windowStart(Object planRow) {
    Object start = ((Object[]) planRow)[1];
    return mayStartLater() && start != null
        ? Instant.ofEpochMilli(((Number) start).longValue())
        : null;
  }

  /**
   * One page of hits with their title and excerpt headlines, by relevance or in {@code order},
   * among the newest matches (the window): the window is found first, in the order of the list
   * index, so that only its rows are ranked; headlines are made for the page's rows only. Each row:
   * id, title and excerpt headlines, the indexed body text, language, the tsquery as text, and the
   * number of hits in the window.
   *
   * @param order null for relevance
   * @param windowStart null for the whole archive
   */
  Statement page(Reading reading, SortOrder order, PageRequest page, Instant windowStart) {
    List<String[]> keys = order == null ? RELEVANCE : keysOf(order);
    String windowRows =
        "(select a.id, a.language, a.title, a.excerpt, a.published_at, a.created_at,"
            + " a.updated_at, a.search_vector, s.query"
            + source(reading)
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
        .append(windowRows)
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
    Map<String, Object> values = withConditions(reading);
    values.put("window", window);
    values.put("limit", page.size());
    values.put("offset", page.offset());
    values.put("marks", MARKS);
    values.put("whole", WHOLE);
    if (windowStart != null) {
      values.put("windowStart", windowStart);
    }
    return new Statement(sql, values);
  }

  /** The number of articles the search considers: those it finds, at most the window. */
  Statement count(Reading reading) {
    Map<String, Object> values = withConditions(reading);
    values.put("window", window);
    return new Statement(
        "select count(*) from (select 1" + source(reading) + " limit :window) w", values);
  }

  /**
   * FROM and WHERE of the search, with the search text read once as a query: as typed, or as the
   * words it stands for with typos forgiven.
   */
  private String source(Reading reading) {
    StringBuilder sql =
        new StringBuilder(
            " from article a cross join (select " + reading.tsquery() + " as query) s");
    sql.append(" where a.search_vector @@ s.query");
    conditions.forEach(condition -> sql.append(" and (").append(condition).append(')'));
    return sql.toString();
  }

  private Map<String, Object> withConditions(Reading reading) {
    Map<String, Object> values = new HashMap<>(parameters);
    values.put(reading.parameter(), reading.value());
    return values;
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

  @SuppressWarnings("unchecked")
  private static List<Object[]> rows(EntityManager entityManager, Statement statement) {
    return statement.on(entityManager).getResultList();
  }

  private static long totalOf(List<Object[]> rows) {
    return ((Number) rows.get(0)[6]).longValue();
  }
}
