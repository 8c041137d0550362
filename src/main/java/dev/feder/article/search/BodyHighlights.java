package dev.feder.article.search;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The body highlights of a page of hits: the database marks the matches in the few stretches of
 * each body that may hold one ({@link SearchPassages}), all hits in one statement, and up to two
 * stretches with a match make a hit's highlight, joined by " … ".
 */
final class BodyHighlights {

  /** ts_headline options for one passage of the body, out of a stretch around a candidate word. */
  private static final String PASSAGE =
      ArticleSearch.MARK_OPTIONS + ", MaxFragments=1, MaxWords=18, MinWords=6, ShortWord=3";

  private BodyHighlights() {}

  /**
   * One hit's body.
   *
   * @param language the article's language, which picks the search configuration
   * @param body its indexed body text
   */
  record Hit(String language, String body) {}

  /**
   * The raw body highlight of each hit, in the order of the hits, null where its body has no match.
   *
   * @param lexemes the lexemes of the search's tsquery
   */
  static List<String> of(EntityManager entityManager, List<String> lexemes, List<Hit> hits) {
    List<String> values = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    for (int i = 0; i < hits.size(); i++) {
      List<String> stretches = SearchPassages.around(hits.get(i).body(), lexemes);
      for (int k = 0; k < stretches.size(); k++) {
        int n = values.size();
        values.add("(" + i + ", " + k + ", cast(:l" + n + " as text), cast(:s" + n + " as text))");
        parameters.put("l" + n, hits.get(i).language());
        parameters.put(
            "s" + n,
            stretches
                .get(k)
                .replace(String.valueOf(ArticleSearch.MATCH_START), "")
                .replace(String.valueOf(ArticleSearch.MATCH_STOP), ""));
      }
    }
    List<List<String>> marked = new ArrayList<>();
    hits.forEach(hit -> marked.add(new ArrayList<>()));
    if (!values.isEmpty()) {
      Query query =
          entityManager
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
        if (headline != null
            && headline.indexOf(ArticleSearch.MATCH_START) >= 0
            && found.size() < 2) {
          found.add(headline.strip());
        }
      }
    }
    return marked.stream()
        .map(found -> found.isEmpty() ? null : String.join(" … ", found))
        .toList();
  }
}
