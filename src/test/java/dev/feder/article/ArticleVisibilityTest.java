package dev.feder.article;

import static dev.feder.support.Problems.assertBadParameter;
import static dev.feder.support.Problems.assertInvalidField;
import static dev.feder.support.Problems.assertProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import dev.feder.support.Pages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who sees which article: drafts, scheduled and archived articles exist only for authenticated
 * callers; anonymous readers get published ones. Also the shape and order of the article list.
 */
@QuarkusTest
class ArticleVisibilityTest {

  private static final String ARTICLES = "/api/v1/articles";

  /** Shared by the tests of this class, which write articles into it but never change it. */
  private static Created news;

  private static synchronized Created news() {
    if (news == null) {
      news = Fixtures.category("Nachrichten " + Fixtures.suffix());
    }
    return news;
  }

  private static JsonPath createWith(String title, String status, Duration fromNow) {
    Map<String, Object> body =
        Fixtures.newArticle(title + " " + Fixtures.suffix(), news()).withText().toMap();
    if (status != null) {
      body.put("status", status);
    }
    if (fromNow != null) {
      body.put("publishedAt", Fixtures.now().plus(fromNow).toString());
    }
    return Fixtures.article(body).json();
  }

  private static void assertHiddenFromAnonymousReaders(JsonPath article, String status) {
    String id = article.getString("id");
    assertProblem(Api.anonymous().get(ARTICLES + "/" + id), 404, "/problems/not-found");
    assertProblem(
        Api.anonymous().get(ARTICLES + "/slug/" + article.getString("slug")),
        404,
        "/problems/not-found");
    for (Map<String, String> params :
        List.of(Map.<String, String>of(), Map.of("status", "draft"), Map.of("status", status))) {
      assertFalse(
          Pages.ids(Api::anonymous, ARTICLES, params, null).contains(id),
          "anonymous list " + params + " shows a " + status + " article");
    }
  }

  private static void assertAdminSees(JsonPath article, String status) {
    String id = article.getString("id");
    Api.admin()
        .get(ARTICLES + "/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo(status))
        .header("Cache-Control", startsWith("private"));
    Api.admin()
        .get(ARTICLES + "/slug/" + article.getString("slug"))
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("status", equalTo(status));
    assertTrue(
        Pages.ids(Api::admin, ARTICLES, Map.of("status", status), List.of(id)).contains(id),
        "admin list ?status=" + status + " misses the article");
    assertTrue(
        Pages.ids(Api::admin, ARTICLES, Map.of(), List.of(id)).contains(id),
        "admin list misses it");
  }

  // --- Visibility ---------------------------------------------------------------------------

  @Test
  void draftIsVisibleOnlyToAuthenticatedCallers() {
    JsonPath draft = createWith("Entwurf: Hafen von Nampo gesperrt", null, null);
    assertEquals("draft", draft.getString("status"));
    assertHiddenFromAnonymousReaders(draft, "draft");
    assertAdminSees(draft, "draft");
  }

  @Test
  void publishedWithFutureDateIsScheduledAndHidden() {
    JsonPath scheduled =
        createWith("Morgen: Marine beendet Übung", "published", Duration.ofDays(1));
    assertEquals("scheduled", scheduled.getString("status"));
    assertHiddenFromAnonymousReaders(scheduled, "scheduled");
    assertAdminSees(scheduled, "scheduled");
  }

  @Test
  void scheduledWithFutureDateIsHidden() {
    String goesLive = Fixtures.now().plus(Duration.ofDays(1)).toString();
    Map<String, Object> body =
        Fixtures.newArticle("Übermorgen: Gipfel in Seoul " + Fixtures.suffix(), news())
            .withText()
            .toMap();
    body.put("status", "scheduled");
    body.put("publishedAt", goesLive);
    JsonPath scheduled = Fixtures.article(body).json();
    assertEquals("scheduled", scheduled.getString("status"));
    assertEquals(goesLive, scheduled.getString("publishedAt"));
    assertHiddenFromAnonymousReaders(scheduled, "scheduled");
    assertAdminSees(scheduled, "scheduled");
  }

  @Test
  void archivedIsVisibleOnlyToAuthenticatedCallers() {
    JsonPath archived =
        createWith("Archiv: Manöver im Gelben Meer 2019", "archived", Duration.ofDays(-400));
    assertEquals("archived", archived.getString("status"));
    assertHiddenFromAnonymousReaders(archived, "archived");
    assertAdminSees(archived, "archived");
  }

  @Test
  void publishedWithPastDateIsPublic() {
    JsonPath article =
        createWith("Marine probt vor Pjöngjang", "published", Duration.ofMinutes(-5));
    String id = article.getString("id");
    Api.anonymous()
        .get(ARTICLES + "/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("published"))
        .header("Cache-Control", startsWith("public"));
    Api.anonymous()
        .get(ARTICLES + "/slug/" + article.getString("slug"))
        .then()
        .statusCode(200)
        .body("id", equalTo(id));
    assertTrue(Pages.ids(Api::anonymous, ARTICLES, Map.of(), List.of(id)).contains(id));
    assertAdminSees(article, "published");
  }

  @Test
  void adminStatusFilterReturnsOnlyThatStatus() {
    JsonPath scheduled = createWith("Geplant: Pressekonferenz", "scheduled", Duration.ofDays(2));
    JsonPath draft = createWith("Entwurf: Pressekonferenz", null, null);
    Api.admin()
        .queryParam("status", "scheduled")
        .queryParam("size", 100)
        .get(ARTICLES)
        .then()
        .statusCode(200)
        .body("data.status", everyItem(equalTo("scheduled")));
    List<String> scheduledIds =
        Pages.ids(
            Api::admin,
            ARTICLES,
            Map.of("status", "scheduled"),
            List.of(scheduled.getString("id")));
    assertTrue(scheduledIds.contains(scheduled.getString("id")));
    assertFalse(
        Pages.ids(Api::admin, ARTICLES, Map.of("status", "scheduled"), null)
            .contains(draft.getString("id")));
  }

  @Test
  void scheduledWithPastDateNamesPublishedAt() {
    Map<String, Object> body =
        Fixtures.newArticle("Gestern geplant " + Fixtures.suffix(), news()).withText().toMap();
    body.put("status", "scheduled");
    body.put("publishedAt", Fixtures.now().minus(Duration.ofHours(1)).toString());
    assertInvalidField(
        Api.admin().body(body).post(ARTICLES), "publishedAt", containsString("future"));

    body.remove("publishedAt");
    assertInvalidField(
        Api.admin().body(body).post(ARTICLES), "publishedAt", containsString("future"));
  }

  @Test
  void unknownStatusFilterNamesStatus() {
    assertBadParameter(
        Api.raw().accept(ContentType.JSON).queryParam("status", "bogus").get(ARTICLES),
        "status",
        containsString("draft, scheduled, published, archived"));
  }

  // --- Lists --------------------------------------------------------------------------------

  @Test
  void listHasEnvelopeLinksAndNoBodies() {
    createWith("Hafen von Nampo wieder offen", "published", Duration.ofMinutes(-1));
    Response response = Api.anonymous().queryParam("size", 2).get(ARTICLES);
    response
        .then()
        .statusCode(200)
        .header("ETag", notNullValue())
        .header("Link", containsString("rel=\"self\""))
        .header("Link", containsString("rel=\"first\""))
        .header("Link", containsString("rel=\"last\""))
        .body("data.size()", greaterThanOrEqualTo(1))
        .body("meta.page", is(1))
        .body("meta.size", is(2))
        .body("meta.totalItems", greaterThanOrEqualTo(1))
        .body("meta.totalPages", greaterThanOrEqualTo(1))
        .body("links.self", startsWith("/api/v1/articles?"))
        .body("links.self", containsString("page=1"))
        .body("links.self", containsString("size=2"))
        .body("links.first", equalTo(response.jsonPath().getString("links.self")))
        .body("links", not(hasKey("prev")))
        .body("links.last", notNullValue())
        .body("data", everyItem(not(hasKey("body"))))
        .body("data", everyItem(hasKey("wordCount")));
    JsonPath json = response.jsonPath();
    assertEquals((json.getLong("meta.totalItems") + 1) / 2, json.getLong("meta.totalPages"));
  }

  @Test
  void defaultOrderIsNewestPublishedFirst() {
    JsonPath older = createWith("Älteste Meldung", "published", Duration.ofMinutes(-30));
    JsonPath middle = createWith("Mittlere Meldung", "published", Duration.ofMinutes(-20));
    JsonPath newest = createWith("Neueste Meldung", "published", Duration.ofMinutes(-10));
    List<String> mine =
        List.of(newest.getString("id"), middle.getString("id"), older.getString("id"));

    assertEquals(mine, ownInOrder(Pages.ids(Api::anonymous, ARTICLES, Map.of(), mine), mine));
    assertEquals(
        mine,
        ownInOrder(
            Pages.ids(Api::anonymous, ARTICLES, Map.of("sort", "-publishedAt"), mine), mine));
    assertEquals(
        reversed(mine),
        ownInOrder(Pages.ids(Api::anonymous, ARTICLES, Map.of("sort", "publishedAt"), mine), mine));
  }

  @Test
  void sortByTitle() {
    JsonPath z = createWith("Zollstreit mit Brüssel", "published", Duration.ofMinutes(-3));
    JsonPath a = createWith("Abfahrt der Flotte", "published", Duration.ofMinutes(-2));
    JsonPath b = createWith("Brückeneinsturz in Dresden", "published", Duration.ofMinutes(-1));
    List<String> mine = List.of(a.getString("id"), b.getString("id"), z.getString("id"));

    assertEquals(
        mine, ownInOrder(Pages.ids(Api::anonymous, ARTICLES, Map.of("sort", "title"), mine), mine));
    assertEquals(
        reversed(mine),
        ownInOrder(Pages.ids(Api::anonymous, ARTICLES, Map.of("sort", "-title"), mine), mine));
  }

  private static List<String> reversed(List<String> list) {
    List<String> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }

  private static List<String> ownInOrder(List<String> all, List<String> mine) {
    return all.stream().filter(mine::contains).toList();
  }

  @Test
  void unknownSortFieldNamesSort() {
    for (String sort : List.of("bogus", "-body", "title,title", "title,")) {
      assertBadParameter(
          Api.raw().accept(ContentType.JSON).queryParam("sort", sort).get(ARTICLES),
          "sort",
          containsString("publishedAt"));
    }
  }

  @Test
  void outOfRangePagingNamesTheParameter() {
    assertBadParameter(
        Api.raw().accept(ContentType.JSON).queryParam("size", 0).get(ARTICLES),
        "size",
        containsString("between 1 and 100"));
    assertBadParameter(
        Api.raw().accept(ContentType.JSON).queryParam("size", 101).get(ARTICLES),
        "size",
        containsString("between 1 and 100"));
    assertBadParameter(
        Api.raw().accept(ContentType.JSON).queryParam("page", 0).get(ARTICLES),
        "page",
        containsString("integer"));
    assertBadParameter(
        Api.raw().accept(ContentType.JSON).queryParam("page", "zwei").get(ARTICLES),
        "page",
        containsString("integer"));
  }

  @Test
  void listAndItemAnswerNotModifiedForTheirEtag() {
    JsonPath article =
        createWith("Hafen von Nampo wieder offen", "published", Duration.ofMinutes(-1));
    String etag =
        Api.anonymous()
            .queryParam("size", 5)
            .get(ARTICLES)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    Api.anonymous()
        .header("If-None-Match", etag)
        .queryParam("size", 5)
        .get(ARTICLES)
        .then()
        .statusCode(304)
        .body(emptyString());
    Api.anonymous()
        .header("If-None-Match", "\"something-else\"")
        .queryParam("size", 5)
        .get(ARTICLES)
        .then()
        .statusCode(200);

    String path = ARTICLES + "/" + article.getString("id");
    String itemEtag = Api.anonymous().get(path).then().statusCode(200).extract().header("ETag");
    Api.anonymous().header("If-None-Match", itemEtag).get(path).then().statusCode(304);
    Api.anonymous().header("If-None-Match", "W/" + itemEtag).get(path).then().statusCode(304);
  }
}
