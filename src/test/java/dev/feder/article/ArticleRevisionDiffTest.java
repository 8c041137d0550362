package dev.feder.article;

import static dev.feder.support.Problems.assertProblem;
import static dev.feder.support.Problems.assertUnauthorized;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The diff between two revisions lists, field by field, only what changed. */
@QuarkusTest
class ArticleRevisionDiffTest {

  private static final String FIRST = "<p>Am frühen Morgen liefen zwölf Schiffe aus.</p>";
  private static final String SECOND = "<p>„Wir sind bereit“, sagte der Admiral.</p>";
  private static final String THIRD = "<p>Quelle: The Telegraph</p>";

  private Created sophie;
  private Created jorg;
  private Created welt;
  private String title;
  private String path;

  @BeforeEach
  void articleWithOneRevision() {
    String suffix = Fixtures.suffix();
    sophie = Fixtures.author("Sophie Müller " + suffix);
    jorg = Fixtures.author("Jörg Weißmann " + suffix);
    welt = Fixtures.category("Welt " + suffix);
    title = "Größte Übung seit Jahren " + suffix;
    String id =
        Fixtures.newArticle(title, welt)
            .with("body", FIRST + SECOND + THIRD)
            .authors(sophie, jorg)
            .tags("Nordkorea", "Manöver")
            .create()
            .id();
    path = "/api/v1/articles/" + id;
  }

  private void patch(Map<String, ?> changes) {
    Fixtures.patch(path, changes);
  }

  private JsonPath diff(String revisionAndQuery) {
    return Api.admin()
        .get(path + "/revisions/" + revisionAndQuery)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void onlyChangedFieldsAreListedWithBeforeAndAfter() {
    patch(
        Map.of(
            "title",
            "Marine probt vor Pjöngjang",
            "tags",
            List.of("Nordkorea", "Marine"),
            "seo",
            Map.of("metaTitle", "Übung | Feder")));

    JsonPath diff = diff("2/diff");

    assertEquals(1, diff.getInt("from"));
    assertEquals(2, diff.getInt("to"));
    assertEquals(List.of("title", "tags", "seo.metaTitle"), diff.getList("changes.field"));
    assertEquals(
        Map.of(
            "field",
            "title",
            "kind",
            "value",
            "before",
            title,
            "after",
            "Marine probt vor Pjöngjang"),
        diff.getMap("changes[0]"));
    assertEquals(
        Map.of(
            "field", "tags",
            "kind", "list",
            "added", List.of("Marine"),
            "removed", List.of("Manöver"),
            "reordered", false,
            "itemsBefore", List.of("Nordkorea", "Manöver"),
            "itemsAfter", List.of("Nordkorea", "Marine")),
        diff.getMap("changes[1]"));
    assertEquals(
        Map.of("field", "seo.metaTitle", "kind", "value", "after", "Übung | Feder"),
        diff.getMap("changes[2]"));
  }

  @Test
  void bodyDiffMarksTheChangedParagraphWithContext() {
    String changed = "<p>„Wir sind bereit“, sagte die Admiralin.</p>";
    patch(Map.of("body", FIRST + changed + THIRD + "<p>Neu</p>"));

    Api.admin()
        .get(path + "/revisions/2/diff")
        .then()
        .statusCode(200)
        .body("changes.field", equalTo(List.of("body")))
        .body("changes[0].kind", equalTo("text"))
        .body("changes[0].hunks.size()", equalTo(1))
        .body("changes[0].hunks[0].fromStart", equalTo(1))
        .body("changes[0].hunks[0].fromLines", equalTo(3))
        .body("changes[0].hunks[0].toStart", equalTo(1))
        .body("changes[0].hunks[0].toLines", equalTo(4))
        .body(
            "changes[0].hunks[0].lines.op",
            equalTo(List.of("context", "removed", "added", "context", "added")))
        .body(
            "changes[0].hunks[0].lines.text",
            equalTo(List.of(FIRST, SECOND, changed, THIRD, "<p>Neu</p>")));
  }

  @Test
  void reorderedBylineIsAListChangeWithNothingAddedOrRemoved() {
    patch(Map.of("authors", List.of(Map.of("id", jorg.id()), Map.of("id", sophie.id()))));

    JsonPath diff = diff("2/diff");

    assertEquals(
        Map.of(
            "field", "authors",
            "kind", "list",
            "added", List.of(),
            "removed", List.of(),
            "reordered", true,
            "itemsBefore", List.of(sophie.slug(), jorg.slug()),
            "itemsAfter", List.of(jorg.slug(), sophie.slug())),
        diff.getMap("changes.find { it.field == 'authors' }"));
    assertEquals(List.of("authors"), diff.getList("changes.field"));
  }

  @Test
  void categoryStatusAndPublicationAreValuesShownBySlugAndInstant() {
    Created politik = Fixtures.category("Politik " + Fixtures.suffix());
    patch(
        Map.of(
            "category",
            Map.of("id", politik.id()),
            "status",
            "published",
            "publishedAt",
            "2025-06-01T08:15:00Z"));

    Api.admin()
        .get(path + "/revisions/2/diff")
        .then()
        .statusCode(200)
        .body("changes.field", equalTo(List.of("status", "publishedAt", "category")))
        .body("changes[0].before", equalTo("draft"))
        .body("changes[0].after", equalTo("published"))
        .body("changes[1].before", nullValue())
        .body("changes[1].after", equalTo("2025-06-01T08:15:00Z"))
        .body("changes[2].before", equalTo(welt.slug()))
        .body("changes[2].after", equalTo(politik.slug()));
  }

  @Test
  void identicalRevisionsGiveAnEmptyChangeList() {
    patch(Map.of("title", title));

    Api.admin()
        .get(path + "/revisions/2/diff")
        .then()
        .statusCode(200)
        .body("from", equalTo(1))
        .body("to", equalTo(2))
        .body("changes", empty());
    Api.admin()
        .get(path + "/revisions/1/diff?from=1")
        .then()
        .statusCode(200)
        .body("changes", empty());
  }

  @Test
  void firstRevisionIsComparedWithTheEmptyArticle() {
    Api.admin()
        .get(path + "/revisions/1/diff")
        .then()
        .statusCode(200)
        .body("from", equalTo(0))
        .body("to", equalTo(1))
        .body("changes.find { it.field == 'title' }.before", nullValue())
        .body("changes.find { it.field == 'title' }.after", equalTo(title))
        .body("changes.find { it.field == 'body' }.hunks[0].lines.op", everyItem(equalTo("added")))
        .body(
            "changes.find { it.field == 'authors' }.added",
            equalTo(List.of(sophie.slug(), jorg.slug())));
  }

  @Test
  void fromANewerRevisionShowsWhatRestoringTheOlderOneWouldChange() {
    patch(Map.of("title", "Gekapert"));

    Api.admin()
        .get(path + "/revisions/1/diff?from=2")
        .then()
        .statusCode(200)
        .body("from", equalTo(2))
        .body("to", equalTo(1))
        .body("changes.field", equalTo(List.of("title")))
        .body("changes[0].before", equalTo("Gekapert"))
        .body("changes[0].after", equalTo(title));
  }

  @Test
  void diffHasAnEtagAndAnswersNotModified() {
    patch(Map.of("excerpt", "Die Marine probt."));
    String etag =
        Api.admin().get(path + "/revisions/2/diff").then().statusCode(200).extract().header("ETag");
    Api.admin()
        .header("If-None-Match", etag)
        .get(path + "/revisions/2/diff")
        .then()
        .statusCode(304);
  }

  @Test
  void unknownRevisionOrArticleIsNotFound() {
    assertProblem(Api.admin().get(path + "/revisions/9/diff"), 404, "/problems/not-found");
    assertProblem(Api.admin().get(path + "/revisions/1/diff?from=9"), 404, "/problems/not-found");
    assertProblem(
        Api.admin().get("/api/v1/articles/" + UUID.randomUUID() + "/revisions/1/diff"),
        404,
        "/problems/not-found");
  }

  @Test
  void revisionNumbersThatAreNoNumbersAreBadParameters() {
    assertProblem(Api.rawAdmin().get(path + "/revisions/0/diff"), 400, "/problems/bad-parameter")
        .body("errors.field", hasItem("n"));
    assertProblem(Api.rawAdmin().get(path + "/revisions/eins/diff"), 400, "/problems/bad-parameter")
        .body("errors.field", hasItem("n"));
    assertProblem(
            Api.rawAdmin().get(path + "/revisions/1/diff?from=-1"), 400, "/problems/bad-parameter")
        .body("errors.field", hasItem("from"));
    assertProblem(
            Api.rawAdmin().get(path + "/revisions/1/diff?from=zwei"),
            400,
            "/problems/bad-parameter")
        .body("errors.field", hasItem("from"));
    assertProblem(
            Api.rawAdmin().get(path + "/revisions/1/diff?from=99999999999999999999"),
            400,
            "/problems/bad-parameter")
        .body("errors.field", hasItem("from"));
  }

  @Test
  void viewersReadDiffsAndAnonymousCallersCannot() {
    String viewer = Fixtures.token("viewer");
    Api.withToken(viewer).get(path + "/revisions/1/diff").then().statusCode(200);
    Response anonymous = Api.raw().get(path + "/revisions/1/diff");
    assertUnauthorized(anonymous);
  }
}
