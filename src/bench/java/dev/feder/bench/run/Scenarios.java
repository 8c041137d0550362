package dev.feder.bench.run;

import static dev.feder.bench.run.Http.JSON;
import static dev.feder.bench.run.Http.encode;
import static dev.feder.bench.run.Http.fetch;
import static dev.feder.bench.run.Http.get;
import static dev.feder.bench.run.Http.say;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** The scenarios' URLs, read from a running instance, and the answers to them. */
final class Scenarios {

  /** Words that many articles contain (see the seeder's vocabulary), in their usual forms. */
  static final List<String> SEARCH_WORDS =
      List.of(
          "Regierung",
          "Energie",
          "Polizei",
          "Schulen",
          "Verkehr",
          "Klimaschutz",
          "Bürger",
          "Wohnungen",
          "Krankenhaus",
          "Preise");

  /** Title words with one typo each: a letter left out, swapped or replaced. */
  static final List<String> TYPO_WORDS =
      List.of(
          "Bundesregirung",
          "Energiewedne",
          "Hochwaserschutz",
          "Krankenhausrefrom",
          "Gewerkschft",
          "Bürgerinitative",
          "Mietpreisbrmse",
          "Schuldenbremes",
          "Ärtzekammer",
          "Polizeigesezt");

  private Scenarios() {}

  /**
   * The scenarios (those of {@code o.only}, or all), with real slugs, the categories and a cursor
   * reached by walking the list of the instance at {@code base}. Every URL must answer 200.
   */
  static List<Scenario> prepare(String base, BenchOptions o) throws Exception {
    say("preparing the scenarios from %s", base);
    List<Scenario> all = new ArrayList<>();
    all.add(
        new Scenario(
            "list",
            "`GET /api/v1/articles`: the 20 newest published articles with author and category"
                + " summaries (no bodies)",
            List.of("/api/v1/articles")));

    // 1,000 real slugs, from pages spread over the whole list (new and old articles).
    JsonNode first = get(base + "/api/v1/articles?size=100&fields=slug");
    int pages = first.path("meta").path("totalPages").asInt(1);
    List<String> slugs = new ArrayList<>();
    int wantedPages = Math.max(1, (o.slugCount + 99) / 100);
    for (int k = 0; k < wantedPages && slugs.size() < o.slugCount; k++) {
      int page = 1 + (int) ((long) k * pages / wantedPages);
      JsonNode p =
          k == 0 ? first : get(base + "/api/v1/articles?size=100&fields=slug&page=" + page);
      for (JsonNode item : p.path("data")) {
        if (slugs.size() < o.slugCount && !slugs.contains(item.path("slug").asText())) {
          slugs.add(item.path("slug").asText());
        }
      }
      if (pages <= k + 1) {
        break;
      }
    }
    all.add(
        new Scenario(
            "by-slug",
            "`GET /api/v1/articles/slug/{slug}`: one article with its body, rotating over "
                + slugs.size()
                + " slugs from pages spread over the whole list",
            slugs.stream().map(s -> "/api/v1/articles/slug/" + s).toList()));

    JsonNode categories = get(base + "/api/v1/categories?size=100");
    List<String> categoryPaths = new ArrayList<>();
    for (JsonNode c : categories.path("data")) {
      categoryPaths.add("/api/v1/articles?category=" + c.path("slug").asText());
    }
    all.add(
        new Scenario(
            "category",
            "`GET /api/v1/articles?category={slug}`: the 20 newest of a category and its"
                + " subcategories, rotating over all "
                + categoryPaths.size()
                + " categories",
            categoryPaths));

    all.add(
        new Scenario(
            "search",
            "`GET /api/v1/articles?q={word}`: ranked full-text search with highlights, rotating"
                + " over common German words ("
                + String.join(", ", SEARCH_WORDS)
                + ")",
            SEARCH_WORDS.stream().map(w -> "/api/v1/articles?q=" + encode(w)).toList()));
    all.add(
        new Scenario(
            "search-typo",
            "`GET /api/v1/articles?q={typo}`: search for a title word with one typo, rotating over "
                + String.join(", ", TYPO_WORDS),
            TYPO_WORDS.stream().map(w -> "/api/v1/articles?q=" + encode(w)).toList()));

    // Follow nextCursor deep into the list, then hammer the page found there.
    String cursor = null;
    int depth = 0;
    while (depth < o.cursorDepth) {
      JsonNode p =
          get(
              base
                  + "/api/v1/articles?size=100&fields=id"
                  + (cursor == null ? "" : "&cursor=" + encode(cursor)));
      depth += p.path("data").size();
      String next = p.path("meta").path("nextCursor").asText(null);
      if (next == null) {
        break;
      }
      cursor = next;
    }
    if (cursor == null) {
      throw new IllegalStateException("the list has no second page: seed more articles");
    }
    all.add(
        new Scenario(
            "cursor-deep",
            "`GET /api/v1/articles?cursor={c}`: the 20 articles after position "
                + String.format(Locale.ROOT, "%,d", depth)
                + ", reached by following nextCursor",
            List.of("/api/v1/articles?cursor=" + encode(cursor))));

    if (o.only != null) {
      List<String> wanted = List.of(o.only.split(","));
      all.removeIf(s -> !wanted.contains(s.name()));
    }
    // Each URL must answer 200; searches should find something.
    for (Scenario s : all) {
      for (String path : s.paths()) {
        HttpResponse<byte[]> r = fetch(base + path);
        if (r.statusCode() != 200) {
          throw new IllegalStateException(path + " answered " + r.statusCode());
        }
        if (s.name().startsWith("search")
            && JSON.readTree(r.body()).path("meta").path("totalItems").asLong() == 0) {
          say("note: %s finds nothing", path);
        }
      }
      say("%-12s %d URL(s)", s.name(), s.paths().size());
    }
    return all;
  }

  /**
   * Each URL's answer, byte for byte, as a static file for nginx under {@code out/nginx/www}; the
   * path lists for wrk under {@code out/urls}.
   */
  static void saveAnswers(String base, List<Scenario> scenarios, Path out) throws Exception {
    Path www = out.resolve("nginx/www");
    deleteTree(www);
    Files.createDirectories(out.resolve("urls"));
    for (Scenario s : scenarios) {
      Files.createDirectories(www.resolve(s.name()));
      List<String> nginxPaths = new ArrayList<>();
      for (int k = 0; k < s.paths().size(); k++) {
        HttpResponse<byte[]> r = fetch(base + s.paths().get(k));
        String file = s.name() + "/" + k + ".json";
        Files.write(www.resolve(file), r.body());
        nginxPaths.add("/" + file);
      }
      Files.write(out.resolve("urls/" + s.name() + ".feder.txt"), s.paths());
      Files.write(out.resolve("urls/" + s.name() + ".nginx.txt"), nginxPaths);
    }
  }

  /** The answers must not depend on the mode; says so when they do. */
  static void compareAnswers(
      String base, List<Scenario> scenarios, Map<String, byte[]> first, Mode mode)
      throws Exception {
    int compared = 0;
    int differ = 0;
    for (Scenario s : scenarios) {
      String path = s.paths().get(0);
      byte[] body = fetch(base + path).body();
      byte[] earlier = first.putIfAbsent(path, body);
      if (earlier != null) {
        compared++;
        if (!Arrays.equals(earlier, body)) {
          differ++;
          say("note: %s answers differently with %s", path, mode.name());
        }
      }
    }
    if (compared > 0 && differ == 0) {
      say("the first URL of every scenario answers byte for byte as in the first mode");
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
