package dev.feder.web;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.QueryCounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A write ends exactly the kept answers that showed what it changed, wherever that appears: the
 * article by id and slug, the lists and searches that hold it or now should, the articles pinning
 * it or related to it, the category and author summaries it embeds and their article counts, the
 * feeds and the sitemap. Answers that showed nothing of it stay kept. The writing instance never
 * serves the old state after its write was answered; a change made straight in the database arrives
 * through the triggers. (Two instances: {@code TwoInstancesIT}.)
 *
 * <p>"Kept" is read off the statements a request makes: none for an answer from the cache.
 */
@QuarkusTest
class CacheInvalidationTest {

  @Inject AgroalDataSource dataSource;

  private String run;

  /** A word of letters only in the titles of alpha and the draft, which searches find. */
  private String word;

  private String section;
  private String subsection;
  private String otherSection;
  private JsonPath author;
  private JsonPath otherAuthor;
  private String tag;

  /** Published in the subsection by {@code author}, tagged {@code tag}. */
  private JsonPath alpha;

  /** Published in the section, pins {@link #alpha} and {@link #draft}. */
  private JsonPath beta;

  /** Published in the subsection, tagged {@code tag}: alpha is among its computed related. */
  private JsonPath gamma;

  /** A draft in the section by {@code author}, pinned by beta. */
  private JsonPath draft;

  /** Published in the other section by the other author: shares nothing with the rest. */
  private JsonPath unrelated;

  @BeforeEach
  void fixture() {
    run = Fixtures.suffix();
    word = Fixtures.word();
    tag = "Hafen-" + run;
    section = Fixtures.category("Zwischenspeicher " + run).slug();
    subsection =
        Fixtures.category(Map.of("name", "Unterressort " + run, "parent", Map.of("slug", section)))
            .slug();
    otherSection = Fixtures.category("Anderswo " + run).slug();
    author = create("/api/v1/authors", Map.of("name", "Lena Öztürk " + run));
    otherAuthor = create("/api/v1/authors", Map.of("name", "Karl Groß " + run));
    draft =
        article(
            "Entwurf über Pjöngjang " + run + " " + word,
            section,
            author,
            List.of(),
            "draft",
            List.of());
    alpha =
        article(
            "Alpha Hafenbericht " + run + " " + word,
            subsection,
            author,
            List.of(tag),
            "published",
            List.of());
    gamma =
        article(
            "Gamma Hafenkräne " + run, subsection, author, List.of(tag), "published", List.of());
    beta =
        article(
            "Beta Hintergrund " + run,
            section,
            otherAuthor,
            List.of(),
            "published",
            List.of(alpha.getString("slug"), draft.getString("slug")));
    unrelated =
        article(
            "Unverwandt " + run,
            otherSection,
            otherAuthor,
            List.of("Sport"),
            "published",
            List.of());
  }

  @Test
  void anExcerptEditEndsTheAnswersShowingTheArticleAndNoOthers() {
    String landing = "Zeppelinlandung" + run;
    String search = "/api/v1/articles?q=" + landing;
    List<String> showing =
        List.of(
            bySlug(alpha),
            byId(alpha),
            "/api/v1/articles?category=" + section,
            "/api/v1/articles?tag=" + tag,
            bySlug(beta),
            "/api/v1/articles/" + gamma.getString("id") + "/related",
            "/api/v1/feeds/articles.rss",
            "/api/v1/feeds/categories/" + subsection + ".atom",
            "/sitemap.xml",
            search);
    List<String> notShowing =
        List.of(
            bySlug(unrelated),
            byId(gamma),
            "/api/v1/articles?category=" + otherSection,
            "/api/v1/categories/slug/" + subsection,
            "/api/v1/authors/" + author.getString("id"));
    showing.forEach(this::keep);
    notShowing.forEach(this::keep);
    Api.anonymous().get(search).then().body("data", org.hamcrest.Matchers.empty());

    patch(alpha, Map.of("excerpt", "Die " + landing + " am Hafen " + run));

    String excerpt = "Die " + landing + " am Hafen " + run;
    Api.anonymous().get(bySlug(alpha)).then().body("excerpt", equalTo(excerpt));
    Api.anonymous().get(byId(alpha)).then().body("excerpt", equalTo(excerpt));
    assertTrue(
        Api.anonymous()
            .get("/api/v1/articles?category=" + section)
            .jsonPath()
            .getList("data.excerpt")
            .contains(excerpt));
    Api.anonymous().get(search).then().body("data.id", hasItem(alpha.getString("id")));
    assertTrue(text("/api/v1/feeds/articles.rss").contains(landing));
    assertTrue(text("/api/v1/feeds/categories/" + subsection + ".atom").contains(landing));
    for (String path : notShowing) {
      assertEquals(0, statementsFor(() -> Api.anonymous().get(path)), path + " stays kept");
    }
  }

  @Test
  void unpublishingTakesTheArticleOutOfEveryAnswer() {
    String alphaId = alpha.getString("id");
    List<String> lists =
        List.of(
            "/api/v1/articles?category=" + section,
            "/api/v1/articles?author=" + author.getString("slug"),
            "/api/v1/articles?q=" + word);
    lists.forEach(path -> assertTrue(ids(path).contains(alphaId), path));
    String related = "/api/v1/articles/" + gamma.getString("id") + "/related";
    assertTrue(ids(related).contains(alphaId));
    assertTrue(relatedIds(bySlug(beta)).contains(alphaId));
    assertTrue(text("/api/v1/feeds/articles.rss").contains(alpha.getString("slug")));
    assertTrue(text("/sitemap.xml").contains(alpha.getString("slug")));
    long inSection = articleCount("/api/v1/categories/slug/" + section);
    long byAuthor = articleCount("/api/v1/authors/" + author.getString("id"));
    keep(bySlug(alpha));
    keep(byId(alpha));

    patch(alpha, Map.of("status", "draft"));

    Api.anonymous().get(bySlug(alpha)).then().statusCode(404);
    Api.anonymous().get(byId(alpha)).then().statusCode(404);
    lists.forEach(path -> assertFalse(ids(path).contains(alphaId), path));
    assertFalse(ids(related).contains(alphaId), "no longer public: never a related article");
    assertFalse(relatedIds(bySlug(beta)).contains(alphaId));
    assertFalse(text("/api/v1/feeds/articles.rss").contains(alpha.getString("slug")));
    assertFalse(text("/sitemap.xml").contains(alpha.getString("slug")));
    assertEquals(inSection - 1, articleCount("/api/v1/categories/slug/" + section));
    assertEquals(byAuthor - 1, articleCount("/api/v1/authors/" + author.getString("id")));
  }

  @Test
  void publishingShowsTheArticleEverywhereAtOnce() {
    String draftId = draft.getString("id");
    String list = "/api/v1/articles?category=" + section;
    String search = "/api/v1/articles?q=" + word;
    assertFalse(ids(list).contains(draftId));
    assertFalse(ids(search).contains(draftId));
    assertFalse(relatedIds(bySlug(beta)).contains(draftId));
    assertFalse(text("/api/v1/feeds/categories/" + section + ".rss").contains(draftId));
    assertFalse(text("/sitemap.xml").contains(draft.getString("slug")));
    long inSection = articleCount("/api/v1/categories/slug/" + section);
    long byAuthor = articleCount("/api/v1/authors/" + author.getString("id"));
    Api.anonymous().get(bySlug(draft)).then().statusCode(404);

    patch(draft, Map.of("status", "published"));

    assertTrue(ids(list).contains(draftId));
    assertTrue(ids(search).contains(draftId));
    assertTrue(relatedIds(bySlug(beta)).contains(draftId), "the pinning article shows it now");
    assertTrue(text("/api/v1/feeds/categories/" + section + ".rss").contains(draftId));
    assertTrue(text("/sitemap.xml").contains(draft.getString("slug")));
    assertEquals(inSection + 1, articleCount("/api/v1/categories/slug/" + section));
    assertEquals(byAuthor + 1, articleCount("/api/v1/authors/" + author.getString("id")));
    Api.anonymous().get(bySlug(draft)).then().statusCode(200);
  }

  @Test
  void theTrashTakesTheArticleOutAndARestoreBringsItBack() {
    String alphaId = alpha.getString("id");
    String list = "/api/v1/articles?category=" + section;
    assertTrue(ids(list).contains(alphaId));
    assertTrue(relatedIds(bySlug(beta)).contains(alphaId));
    keep(bySlug(alpha));

    Api.admin()
        .header("If-Match", Fixtures.etag(byId(alpha)))
        .delete(byId(alpha))
        .then()
        .statusCode(204);

    Api.anonymous().get(bySlug(alpha)).then().statusCode(404);
    assertFalse(ids(list).contains(alphaId));
    assertFalse(relatedIds(bySlug(beta)).contains(alphaId));

    Api.admin()
        .header("If-Match", Fixtures.etag("/api/v1/trash/" + alphaId))
        .post("/api/v1/trash/" + alphaId + "/restore")
        .then()
        .statusCode(200);

    Api.anonymous().get(bySlug(alpha)).then().statusCode(200);
    assertTrue(ids(list).contains(alphaId));
    assertTrue(relatedIds(bySlug(beta)).contains(alphaId));
  }

  @Test
  void aRenamedCategoryOrAuthorShowsInTheArticlesEmbeddingThem() {
    String list = "/api/v1/articles?category=" + section;
    Api.anonymous().get(bySlug(alpha)).then().body("category.parentSlug", equalTo(section));
    keep(list);
    keep(bySlug(unrelated));
    keep("/api/v1/feeds/categories/" + subsection + ".rss");

    String subsectionId = alpha.getString("category.id");
    patchItem("/api/v1/categories/" + subsectionId, Map.of("name", "Neu benannt " + run));
    Api.anonymous().get(bySlug(alpha)).then().body("category.name", equalTo("Neu benannt " + run));
    assertTrue(
        Api.anonymous()
            .get(list)
            .jsonPath()
            .getList("data.category.name")
            .contains("Neu benannt " + run));
    assertTrue(
        text("/api/v1/feeds/categories/" + subsection + ".rss").contains("Neu benannt " + run));

    // The section's slug shows in its subcategory's summary, as the parent's.
    String sectionId = Api.anonymous().get("/api/v1/categories/slug/" + section).path("id");
    patchItem("/api/v1/categories/" + sectionId, Map.of("slug", "umbenannt-" + run));
    Api.anonymous()
        .get(bySlug(alpha))
        .then()
        .body("category.parentSlug", equalTo("umbenannt-" + run));
    Api.anonymous().get(list).then().statusCode(200).body("data", org.hamcrest.Matchers.empty());
    assertTrue(ids("/api/v1/articles?category=umbenannt-" + run).contains(alpha.getString("id")));

    patchItem(
        "/api/v1/authors/" + author.getString("id"), Map.of("name", "Lena Öztürk-Weiß " + run));
    Api.anonymous()
        .get(bySlug(alpha))
        .then()
        .body("authors[0].name", equalTo("Lena Öztürk-Weiß " + run));
    assertEquals(0, statementsFor(() -> Api.anonymous().get(bySlug(unrelated))), "stays kept");
  }

  @Test
  void aChangeMadeStraightInTheDatabaseReachesEveryAnswerShowingIt() throws SQLException {
    String list = "/api/v1/articles?category=" + section;
    keep(bySlug(alpha));
    keep(list);
    keep(bySlug(unrelated));

    // As a maintenance script or another instance would: another connection, plain SQL.
    sql("update article set excerpt = ? where id = ?", "Per SQL geändert " + run, alpha);
    await(
        () ->
            ("Per SQL geändert " + run).equals(Api.anonymous().get(bySlug(alpha)).path("excerpt")),
        "the article by slug shows the new excerpt");
    await(
        () ->
            Api.anonymous()
                .get(list)
                .jsonPath()
                .getList("data.excerpt")
                .contains("Per SQL geändert " + run),
        "the list shows it");
    assertEquals(0, statementsFor(() -> Api.anonymous().get(bySlug(unrelated))), "stays kept");

    sql("update article set status = ? where id = ?", "draft", alpha);
    await(() -> Api.anonymous().get(bySlug(alpha)).statusCode() == 404, "the draft is not public");
    await(() -> !ids(list).contains(alpha.getString("id")), "the list no longer holds it");
    await(
        () -> !relatedIds(bySlug(beta)).contains(alpha.getString("id")),
        "the pinning article no longer shows it");
  }

  @Test
  void aScheduledArticleGoesLiveInTheListsAndInTheArticlesPinningIt() throws InterruptedException {
    Instant goesLive = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
    JsonPath scheduled =
        article("Geplant " + run, section, author, List.of(), "published", List.of(), goesLive);
    JsonPath pinning =
        article(
            "Verweist auf Geplantes " + run,
            otherSection,
            otherAuthor,
            List.of(),
            "published",
            List.of(scheduled.getString("slug")));
    String list = "/api/v1/articles?category=" + section;
    assertFalse(ids(list).contains(scheduled.getString("id")));
    assertFalse(relatedIds(bySlug(pinning)).contains(scheduled.getString("id")));
    keep(list);
    keep(bySlug(pinning));

    while (Instant.now().isBefore(goesLive.plusMillis(50))) {
      Thread.sleep(50);
    }

    assertTrue(ids(list).contains(scheduled.getString("id")));
    assertTrue(relatedIds(bySlug(pinning)).contains(scheduled.getString("id")));
    Api.anonymous().get(bySlug(scheduled)).then().statusCode(200);
  }

  @Test
  void draftsNeverLeakIntoPublicAnswersOrTheirTags() {
    String draftId = draft.getString("id");
    Response pinning = Api.anonymous().get(bySlug(beta));
    assertFalse(relatedIds(bySlug(beta)).contains(draftId));
    assertFalse(pinning.header(CacheTags.SURROGATE_KEY).contains(draftId));
    for (String path :
        List.of(
            "/api/v1/articles?category=" + section,
            "/api/v1/articles?author=" + author.getString("slug"),
            "/api/v1/articles?q=" + word)) {
      Response answer = Api.anonymous().get(path);
      assertFalse(answer.jsonPath().getList("data.id").contains(draftId), path);
      assertFalse(answer.header(CacheTags.SURROGATE_KEY).contains(draftId), path);
    }
    // Signed in, the draft is listed; the anonymous answer kept before is not that one.
    String list = "/api/v1/articles?category=" + section + "&status=draft";
    Api.admin().get(list).then().body("data.id", hasItem(draftId));
    Api.anonymous().get(list).then().body("data.id", not(hasItem(draftId)));
    assertFalse(text("/api/v1/feeds/articles.rss").contains(draftId));
  }

  @Test
  void publicAnswersNameWhatTheyShowInTheirHeaders() {
    String alphaId = alpha.getString("id");
    Response article = Api.anonymous().get(bySlug(alpha));
    assertEquals(
        List.of(
            "article:" + alphaId,
            "author:" + author.getString("id"),
            "category:" + alpha.getString("category.id")),
        sorted(article.header(CacheTags.SURROGATE_KEY).split(" ")));
    assertEquals(
        article.header(CacheTags.SURROGATE_KEY).replace(' ', ','),
        article.header(CacheTags.CACHE_TAG));
    Response kept = Api.anonymous().get(bySlug(alpha));
    assertEquals(article.header(CacheTags.SURROGATE_KEY), kept.header(CacheTags.SURROGATE_KEY));
    assertEquals(article.header(CacheTags.CACHE_TAG), kept.header(CacheTags.CACHE_TAG));

    List<String> page = tags("/api/v1/articles?category=" + section);
    assertTrue(page.contains("articles"));
    for (String id : ids("/api/v1/articles?category=" + section)) {
      assertTrue(page.contains("article:" + id), id);
    }
    assertTrue(page.contains("author:" + otherAuthor.getString("id")));
    assertTrue(tags("/api/v1/articles?q=Hafenbericht").contains("search"));
    assertTrue(tags("/api/v1/articles?sort=title&category=" + section).contains("article:any"));
    // A short page in date order names its articles one by one (a long one takes article:any for
    // them, see aPageWhoseHeadersNameItsArticlesAsAnyIsStillEndedOnlyByWhatItShows).
    assertFalse(tags("/api/v1/articles?sort=-publishedAt&size=5").contains("article:any"));
    assertTrue(
        tags("/api/v1/articles/" + gamma.getString("id") + "/related")
            .containsAll(List.of("article:" + gamma.getString("id"), "article:" + alphaId)));
    assertTrue(
        tags("/api/v1/categories/slug/" + subsection)
            .containsAll(List.of("category:" + alpha.getString("category.id"), "articles")));
    assertTrue(tags("/api/v1/categories").contains("categories"));
    assertTrue(
        tags("/api/v1/authors/" + author.getString("id"))
            .containsAll(List.of("author:" + author.getString("id"), "articles")));
    assertTrue(tags("/api/v1/authors").contains("authors"));
    assertTrue(
        tags("/api/v1/feeds/categories/" + subsection + ".rss")
            .containsAll(
                List.of(
                    "articles",
                    "article:" + alphaId,
                    "category:" + alpha.getString("category.id"))));
    assertEquals(
        List.of("article:any", "articles", "category:any"), sorted(tagsOf(get("/sitemap.xml"))));
    // Feeds are the same for every caller, so their answers to signed-in callers are public too.
    assertTrue(
        tagsOf(Api.admin().accept("application/rss+xml").get("/api/v1/feeds/articles.rss"))
            .contains("articles"));
  }

  @Test
  void parametersInAnotherOrderShareAnAnswerAndMadeUpOnesAreRefused() {
    keep("/api/v1/articles?category=" + section + "&size=5&page=1");
    assertEquals(
        0,
        statementsFor(
            () -> Api.anonymous().get("/api/v1/articles?page=1&size=5&category=" + section)),
        "the same parameters in another order share the kept answer");
    // A parameter that no resource reads (a cache buster, tracking) is refused, never kept.
    String junk = "/api/v1/articles?category=" + section + "&utm_source=" + run;
    Api.raw().get(junk).then().statusCode(400);
    Api.raw().get(junk).then().statusCode(400);
  }

  @Test
  void answersForSignedInCallersNameNothing() {
    Response signedIn = Api.admin().get(bySlug(alpha));
    signedIn.then().statusCode(200);
    assertEquals(null, signedIn.header(CacheTags.SURROGATE_KEY));
    assertEquals(null, signedIn.header(CacheTags.CACHE_TAG));
  }

  @Test
  void aPageOfAHundredArticlesKeepsItsHeadersWithinTheirSize() {
    Response page = Api.anonymous().get("/api/v1/articles?size=100");
    page.then().statusCode(200);
    String header = page.header(CacheTags.SURROGATE_KEY);
    assertTrue(header.length() <= CacheTags.HEADER_BUDGET, header.length() + " characters");
    List<String> tags = List.of(header.split(" "));
    for (Object id : page.jsonPath().getList("data.id")) {
      assertTrue(tags.contains("article:" + id) || tags.contains("article:any"), id.toString());
    }
    assertTrue(headerBlock(page) < 4096, headerBlock(page) + " bytes of headers");
    // A search as long as allowed, whose words repeat in every link: still within 4 KB.
    String words = "Überschwemmung Straße Größe ".repeat(17).trim();
    Response search = Api.anonymous().queryParam("q", words).get("/api/v1/articles?size=5");
    search.then().statusCode(200);
    assertTrue(headerBlock(search) < 4096, headerBlock(search) + " bytes of headers");
  }

  /** The bytes of a response's status line and headers, as a reverse proxy reads them. */
  private static int headerBlock(Response response) {
    int block = "HTTP/1.1 200 OK\r\n".length() + 2;
    for (Header line : response.headers()) {
      block += line.getName().length() + 2 + line.getValue().length() + 2;
    }
    return block;
  }

  @Test
  void aPageWhoseHeadersNameItsArticlesAsAnyIsStillEndedOnlyByWhatItShows() {
    String run = Fixtures.suffix();
    Fixtures.Created section = Fixtures.category("Viele Meldungen " + run);
    List<Fixtures.Created> shown = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      shown.add(Fixtures.newArticle("Meldung " + i + " " + run, section).published().create());
    }
    Fixtures.Created elsewhere =
        Fixtures.newArticle("Anderswo " + run, Fixtures.category("Anderswo " + run))
            .published()
            .create();
    String page = "/api/v1/articles?category=" + section.slug() + "&size=100";
    Response first = Api.anonymous().get(page);
    first.then().statusCode(200);
    assertEquals(25, first.jsonPath().getList("data").size());
    assertTrue(
        List.of(first.header(CacheTags.SURROGATE_KEY).split(" ")).contains("article:any"),
        "25 articles take more than the header's budget");
    keep(page);

    Fixtures.patch("/api/v1/articles/" + elsewhere.id(), Map.of("excerpt", "Nur dort " + run));
    assertEquals(
        0, statementsFor(() -> get(page)), "a change of an article it does not show keeps it");

    Fixtures.patch("/api/v1/articles/" + shown.get(3).id(), Map.of("excerpt", "Neu " + run));
    assertTrue(get(page).jsonPath().getList("data.excerpt").contains("Neu " + run));
  }

  // --- helpers

  private static String bySlug(JsonPath article) {
    return "/api/v1/articles/slug/" + article.getString("slug");
  }

  private static String byId(JsonPath article) {
    return "/api/v1/articles/" + article.getString("id");
  }

  private static JsonPath create(String path, Map<String, ?> body) {
    Response response = Api.admin().body(body).post(path);
    response.then().statusCode(201);
    return response.jsonPath();
  }

  private JsonPath article(
      String title,
      String category,
      JsonPath byline,
      List<String> tags,
      String status,
      List<String> pinned) {
    return article(title, category, byline, tags, status, pinned, null);
  }

  private JsonPath article(
      String title,
      String category,
      JsonPath byline,
      List<String> tags,
      String status,
      List<String> pinned,
      Instant publishedAt) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", title);
    body.put("excerpt", "Kurz gesagt: " + title);
    body.put("body", "<p>" + title + " – ein Bericht.</p>");
    body.put("category", Map.of("slug", category));
    body.put("authors", List.of(Map.of("slug", byline.getString("slug"))));
    body.put("tags", tags);
    body.put("status", status);
    body.put("related", pinned.stream().map(slug -> Map.of("slug", slug)).toList());
    if (publishedAt != null) {
      body.put("publishedAt", publishedAt.toString());
    }
    return create("/api/v1/articles", body);
  }

  private static void patch(JsonPath article, Map<String, ?> changes) {
    patchItem(byId(article), changes);
  }

  private static void patchItem(String path, Map<String, ?> changes) {
    Api.admin()
        .contentType("application/merge-patch+json")
        .header("If-Match", Fixtures.etag(path))
        .body(changes)
        .patch(path)
        .then()
        .statusCode(200);
  }

  /** Reads a public answer twice: the second comes from the cache. */
  private void keep(String path) {
    get(path).then().statusCode(200);
    assertEquals(0, statementsFor(() -> get(path)), path + " is kept");
  }

  /** A GET as a frontend or feed reader sends it (XML paths with their media types). */
  private static Response get(String path) {
    if (path.endsWith(".rss")) {
      return Api.anonymous().accept("application/rss+xml").get(path);
    }
    if (path.endsWith(".atom")) {
      return Api.anonymous().accept("application/atom+xml").get(path);
    }
    if (path.endsWith(".xml")) {
      return Api.anonymous().accept("application/xml").get(path);
    }
    return Api.anonymous().get(path);
  }

  private static String text(String path) {
    Response response = get(path);
    response.then().statusCode(200);
    return response.asString();
  }

  private static List<String> ids(String path) {
    return Api.anonymous().get(path).then().statusCode(200).extract().jsonPath().getList("data.id");
  }

  private static List<String> relatedIds(String path) {
    return Api.anonymous()
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("related.id");
  }

  private static long articleCount(String path) {
    return Api.anonymous()
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("articleCount");
  }

  private static List<String> tags(String path) {
    return tagsOf(get(path));
  }

  private static List<String> tagsOf(Response response) {
    response.then().statusCode(200);
    String header = response.header(CacheTags.SURROGATE_KEY);
    assertNotEquals(null, header, "Surrogate-Key");
    return List.of(header.split(" "));
  }

  private static List<String> sorted(String[] tags) {
    return sorted(List.of(tags));
  }

  private static List<String> sorted(List<String> tags) {
    List<String> sorted = new ArrayList<>(tags);
    sorted.sort(null);
    return sorted;
  }

  private void sql(String statement, String value, JsonPath article) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(statement)) {
      update.setString(1, value);
      update.setObject(2, UUID.fromString(article.getString("id")));
      assertEquals(1, update.executeUpdate());
    }
  }

  /** The database tells every instance; that takes a moment, never long. */
  private static void await(BooleanSupplier condition, String what) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within 10 s: " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private long statementsFor(Supplier<?> reads) {
    return QueryCounts.statementsFor(reads::get);
  }
}
