package dev.feder.changes;

import static dev.feder.support.ChangesFeed.of;
import static dev.feder.support.ChangesFeed.types;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import dev.feder.support.ChangesFeed;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import dev.feder.support.Problems;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/changes}: what tokens and anonymous consumers read, and what they may send. */
@QuarkusTest
class ChangesResourceTest {

  private static final String CHANGES = "/api/v1/changes";

  @Test
  void tokensReadEveryEventOfAnArticlesLifeInCommitOrder() {
    ChangesFeed feed = ChangesFeed.fromNow(Api::admin);
    String run = Fixtures.suffix();
    Created welt = Fixtures.category("Welt " + run);
    Created region =
        Fixtures.category(Map.of("name", "Region " + run, "parent", Map.of("slug", welt.slug())));
    Created author = Fixtures.author("Lena Öztürk " + run);
    Created draft =
        Fixtures.created(
            Api.admin()
                .body(
                    Map.of(
                        "title", "Entwurf " + run,
                        "category", Map.of("slug", region.slug()),
                        "authors", List.of(Map.of("slug", author.slug()))))
                .post("/api/v1/articles"));
    String id = draft.id();
    patch(id, "{\"status\": \"published\"}");
    patch(id, "{\"subtitle\": \"Neu\"}");
    Api.admin()
        .header("If-Match", Fixtures.etag("/api/v1/articles/" + id))
        .delete("/api/v1/articles/" + id)
        .then()
        .statusCode(204);
    Api.admin()
        .header("If-Match", Fixtures.etag("/api/v1/trash/" + id))
        .post("/api/v1/trash/" + id + "/restore")
        .then()
        .statusCode(200);

    List<Map<String, Object>> items = feed.pollUntil(read -> of(read, id).size() >= 6);
    assertEquals(List.of("category.created"), types(of(items, welt.id())));
    assertEquals(List.of("author.created"), types(of(items, author.id())));
    List<Map<String, Object>> article = of(items, id);
    assertEquals(
        List.of(
            "article.created",
            "article.updated",
            "article.published",
            "article.updated",
            "article.trashed",
            "article.restored"),
        types(article));

    Map<String, Object> created = event(article.get(0));
    assertEquals("draft", created.get("status"));
    assertEquals(List.of(), created.get("paths"), "a draft is on no public page");
    // As the response cache drops them: a new article may enter lists and search once public.
    assertEquals(
        List.of("article:" + id, "article:any", "articles", "search"), created.get("tags"));

    Map<String, Object> published = event(article.get(2));
    assertEquals("published", published.get("status"));
    assertEquals("draft", published.get("previousStatus"));
    assertEquals(List.of("publishedAt", "status"), published.get("changed"));
    assertEquals("upsert", article.get(2).get("operation"));
    assertEquals("none", article.get(1).get("operation"), "the publish carries the change");
    // FEDER_FRONTEND_ARTICLE_URL and _CATEGORY_URL of the test profile: zeitung.example/{…}
    assertEquals(
        List.of("/" + region.slug() + "/" + draft.slug(), "/" + region.slug(), "/" + welt.slug()),
        published.get("paths"));
    assertEquals(
        List.of(
            "/api/v1/feeds/articles.rss",
            "/api/v1/feeds/articles.atom",
            "/api/v1/feeds/categories/" + region.slug() + ".rss",
            "/api/v1/feeds/categories/" + region.slug() + ".atom",
            "/api/v1/feeds/categories/" + welt.slug() + ".rss",
            "/api/v1/feeds/categories/" + welt.slug() + ".atom",
            "/sitemap.xml"),
        published.get("feeds"));
    assertEquals(
        List.of(
            "article:" + id,
            "articles",
            "category:" + region.id(),
            "category:" + welt.id(),
            "author:" + author.id(),
            "article:any",
            "author:any",
            "category:any"),
        published.get("tags"));

    Map<String, Object> edited = event(article.get(3));
    assertEquals(List.of("subtitle"), edited.get("changed"));
    assertNull(edited.get("previousStatus"), "the status did not change");
    assertEquals(
        List.of("article:" + id, "articles", "article:any", "search"),
        edited.get("tags"),
        "an edit moves no count of a category or author; a public text is searched");

    assertEquals("delete", article.get(4).get("operation"));
    assertEquals("upsert", article.get(5).get("operation"));
    assertEquals(id, ((Map<?, ?>) article.get(5).get("article")).get("id"));
  }

  @Test
  void anArticleBodyEditNamesTheSearchTagThatTheCacheDrops() {
    ChangesFeed feed = ChangesFeed.fromNow(Api::admin);
    String run = Fixtures.suffix();
    Created category = Fixtures.category("Suchbar " + run);
    String id =
        Fixtures.article(
                Map.of(
                    "title",
                    "Suchbar " + run,
                    "body",
                    "<p>Erste Fassung</p>",
                    "status",
                    "published",
                    "category",
                    Map.of("slug", category.slug())))
            .id();
    patch(id, "{\"body\": \"<p>Zweite Fassung mit Hafenkran</p>\"}");

    List<Map<String, Object>> article = of(feed.pollUntil(read -> of(read, id).size() >= 3), id);
    assertEquals(
        List.of("article.created", "article.published", "article.updated"), types(article));
    Map<String, Object> edited = event(article.get(2));
    assertEquals(List.of("body"), edited.get("changed"));
    assertEquals(
        List.of("article:" + id, "articles", "article:any", "search"),
        edited.get("tags"),
        "the new text changes search results, which carry the search tag");
  }

  @Test
  void anonymousConsumersSeeUpsertsAndTombstonesOfThePublicViewOnly() {
    ChangesFeed feed = ChangesFeed.fromNow(Api::anonymous);
    String run = Fixtures.suffix();
    Created category = Fixtures.category("Politik " + run);
    assertEquals(
        List.of("upsert"), operations(of(feed.pollUntilChangeOf(category.id()), category.id())));

    String id =
        Fixtures.created(
                Api.admin()
                    .body(
                        Map.of(
                            "title", "Geheimer Entwurf " + run,
                            "body", "<p>Vertraulicher Text " + run + "</p>",
                            "category", Map.of("slug", category.slug())))
                    .post("/api/v1/articles"))
            .id();
    patch(id, "{\"subtitle\": \"Noch geheim\"}");
    List<Map<String, Object>> whileDraft = of(feed.pollAllCommitted(), id);
    assertEquals(List.of(), whileDraft, "drafts never appear");

    patch(id, "{\"status\": \"published\"}");
    List<Map<String, Object>> publishedNow = of(feed.pollUntilChangeOf(id), id);
    assertEquals(List.of("upsert"), operations(publishedNow));
    Map<?, ?> article = (Map<?, ?>) publishedNow.get(0).get("article");
    assertEquals("published", article.get("status"));
    assertNull(publishedNow.get(0).get("event"), "anonymous callers get no event details");

    patch(id, "{\"status\": \"draft\"}");
    patch(id, "{\"subtitle\": \"Wieder Entwurf\"}");
    List<Map<String, Object>> unpublished = of(feed.pollAllCommitted(), id);
    assertEquals(List.of("delete"), operations(unpublished), "one tombstone, then nothing");
    assertEquals(id, unpublished.get(0).get("entityId"));
    assertTrue(((String) unpublished.get(0).get("slug")).startsWith("geheimer-entwurf-"));
    assertFalse(unpublished.get(0).containsKey("article"), "a tombstone has no body");

    patch(id, "{\"status\": \"published\"}");
    Api.admin()
        .header("If-Match", Fixtures.etag("/api/v1/articles/" + id))
        .delete("/api/v1/articles/" + id)
        .then()
        .statusCode(204);
    // Read after the delete: the republish's upsert has nothing public left to carry.
    assertEquals(List.of("delete"), operations(of(feed.pollAllCommitted(), id)));
  }

  @Test
  void pagesOfOneSizeContinueWithoutGapsAndTypesFilter() {
    ChangesFeed all = ChangesFeed.fromNow(Api::admin);
    String start = all.cursor();
    String run = Fixtures.suffix();
    List<String> ids =
        List.of(
            Fixtures.author("Autor Eins " + run).id(),
            Fixtures.category("Rubrik " + run).id(),
            Fixtures.author("Autor Zwei " + run).id(),
            Fixtures.author("Autor Drei " + run).id());

    List<Map<String, Object>> onePerPage = new java.util.ArrayList<>();
    for (int attempt = 0; attempt < 200 && onePerPage.size() < ids.size(); attempt++) {
      onePerPage.addAll(all.poll(1));
    }
    assertEquals(ids, onePerPage.stream().map(item -> item.get("entityId")).toList());

    List<Object> authorsOnly =
        Api.admin()
            .queryParam("since", start)
            .queryParam("types", "author")
            .get(CHANGES)
            .then()
            .statusCode(200)
            .extract()
            .path("data.entityId");
    assertEquals(List.of(ids.get(0), ids.get(2), ids.get(3)), authorsOnly);

    // A page with nothing new keeps the cursor and says there is no more.
    Api.admin()
        .queryParam("since", all.cursor())
        .get(CHANGES)
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(0))
        .body("meta.nextCursor", equalTo(all.cursor()))
        .body("meta.hasMore", equalTo(false));
  }

  @Test
  void answersAreNeverKeptSoANewChangeShowsAtOnce() {
    ChangesFeed feed = ChangesFeed.fromNow(Api::anonymous);
    Response first = Api.anonymous().queryParam("since", feed.cursor()).get(CHANGES);
    first.then().statusCode(200).header("Cache-Control", "no-store");
    Created category = Fixtures.category("Sofort " + Fixtures.suffix());
    // Every read goes to the database: the change shows as soon as it is final.
    assertFalse(of(feed.pollUntilChangeOf(category.id()), category.id()).isEmpty());
  }

  @Test
  void malformedParametersAreBadRequests() {
    Problems.assertProblem(
            Api.raw().queryParam("since", "not-a-cursor").get(CHANGES),
            400,
            "/problems/bad-parameter")
        .body("errors[0].field", equalTo("since"));
    Problems.assertProblem(
            Api.raw().queryParam("since", "ZTEuMTIzLng").get(CHANGES),
            400,
            "/problems/bad-parameter")
        .body("errors[0].field", equalTo("since"));
    Problems.assertProblem(
            Api.raw().queryParam("types", "article,tokens").get(CHANGES),
            400,
            "/problems/bad-parameter")
        .body("errors[0].field", equalTo("types"))
        .body("errors[0].message", containsString("article, category, author"));
    for (String size : List.of("0", "101", "zwanzig", "-1")) {
      Problems.assertProblem(
              Api.raw().queryParam("size", size).get(CHANGES), 400, "/problems/bad-parameter")
          .body("errors[0].field", equalTo("size"));
    }
  }

  @Test
  void anUnknownTokenIsRefusedRatherThanServedThePublicView() {
    Problems.assertProblem(
        Api.raw().header("Authorization", "Bearer nope").get(CHANGES),
        401,
        "/problems/unauthorized");
  }

  @Test
  void refusedWritesLeaveNoEvent() {
    ChangesFeed feed = ChangesFeed.fromNow(Api::admin);
    Created category = Fixtures.category("Unverändert " + Fixtures.suffix());
    feed.pollUntilChangeOf(category.id());
    Api.raw()
        .header("Authorization", "Bearer " + Api.ADMIN_TOKEN)
        .header("If-Match", "\"stale\"")
        .contentType(Api.MERGE_PATCH)
        .body("{\"name\": \"Geändert\"}")
        .patch("/api/v1/categories/" + category.id())
        .then()
        .statusCode(412);
    Api.rawAdmin()
        .contentType("application/json")
        .body(Map.of("name", "Doppelt", "slug", category.slug()))
        .post("/api/v1/categories")
        .then()
        .statusCode(409);
    Api.rawAdmin()
        .header("If-Match", Fixtures.etag("/api/v1/categories/" + category.id()))
        .contentType(Api.MERGE_PATCH)
        .body("{\"name\": \"\"}")
        .patch("/api/v1/categories/" + category.id())
        .then()
        .statusCode(400);
    assertEquals(List.of(), feed.pollAllCommitted());
  }

  private static List<Object> operations(List<Map<String, Object>> items) {
    return items.stream().map(item -> item.get("operation")).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> event(Map<String, Object> item) {
    return (Map<String, Object>) item.get("event");
  }

  private static void patch(String id, String patch) {
    Api.mergePatch(Api.admin())
        .header("If-Match", Fixtures.etag("/api/v1/articles/" + id))
        .body(patch)
        .patch("/api/v1/articles/" + id)
        .then()
        .statusCode(200);
  }
}
