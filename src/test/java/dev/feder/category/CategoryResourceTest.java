package dev.feder.category;

import static dev.feder.support.Problems.assertProblem;
import static dev.feder.support.Problems.mergePatch;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import dev.feder.support.TestData;
import dev.feder.support.TestData.Created;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CategoryResourceTest {

  private static final String CATEGORIES = "/api/v1/categories";
  private static final String SLUG_MESSAGE = "must be lower-case words joined by '-'";

  // --- create ---------------------------------------------------------------------------------

  @Test
  void createCategoryAnswers201WithLocationAndDerivesTransliteratedSlug() {
    String sfx = TestData.suffix();
    Response response =
        Api.admin()
            .body(
                Map.of(
                    "name",
                    "Größte Übung " + sfx,
                    "description",
                    "Manöver, Übungen und Streitkräfte"))
            .post(CATEGORIES);

    response
        .then()
        .statusCode(201)
        .header("ETag", notNullValue())
        .body("id", notNullValue())
        .body("slug", equalTo("groesste-uebung-" + sfx))
        .body("name", equalTo("Größte Übung " + sfx))
        .body("description", equalTo("Manöver, Übungen und Streitkräfte"))
        .body("position", equalTo(0))
        .body("$", not(hasKey("parent")))
        .body("$", not(hasKey("children")))
        .body("createdAt", notNullValue())
        .body("updatedAt", equalTo(response.<String>path("createdAt")));
    String id = response.path("id");
    response.then().header("Location", endsWith(CATEGORIES + "/" + id));

    Api.anonymous()
        .get(response.header("Location"))
        .then()
        .statusCode(200)
        .body("slug", equalTo("groesste-uebung-" + sfx));
  }

  @Test
  void createCategoryWithNameOfTakenSlugGetsNumberSuffix() {
    String name = "Größte Übung " + TestData.suffix();
    Created first = TestData.category(name);
    Created second = TestData.category(name);
    Created third = TestData.category(name);

    assertEquals(first.slug() + "-2", second.slug());
    assertEquals(first.slug() + "-3", third.slug());
  }

  @Test
  void createCategoryWithExplicitSlugKeepsIt() {
    String slug = "weltgeschehen-" + TestData.suffix();
    Api.admin()
        .body(Map.of("name", "Welt", "slug", slug))
        .post(CATEGORIES)
        .then()
        .statusCode(201)
        .body("slug", equalTo(slug))
        .body("name", equalTo("Welt"));
  }

  @Test
  void createCategoryWithTakenSlugIsConflict() {
    String slug = "wirtschaft-" + TestData.suffix();
    TestData.category(Map.of("name", "Wirtschaft", "slug", slug));

    Response response =
        Api.admin().body(Map.of("name", "Wirtschaft und Börse", "slug", slug)).post(CATEGORIES);

    assertProblem(response, 409, "/problems/conflict").body("detail", containsString(slug));
  }

  @Test
  void createCategoryWithInvalidSlugIsBadRequestNamingSlug() {
    Response response =
        Api.rawAdmin()
            .contentType(ContentType.JSON)
            .body(Map.of("name", "Größte Übung", "slug", "Größte Übung"))
            .post(CATEGORIES);

    assertFieldError(response, "slug", SLUG_MESSAGE);
  }

  @Test
  void createCategoryWithBlankNameIsBadRequestNamingName() {
    Response response =
        Api.rawAdmin().contentType(ContentType.JSON).body(Map.of("name", "   ")).post(CATEGORIES);

    assertFieldError(response, "name", "must not be blank");
  }

  @Test
  void createCategoryWithoutNameIsBadRequestNamingName() {
    Response response =
        Api.rawAdmin()
            .contentType(ContentType.JSON)
            .body(Map.of("description", "Ohne Namen"))
            .post(CATEGORIES);

    assertFieldError(response, "name", "must not be blank");
  }

  @Test
  void createCategoryWithNameOver200CharactersIsBadRequest() {
    Response response =
        Api.rawAdmin()
            .contentType(ContentType.JSON)
            .body(Map.of("name", "Ä".repeat(201)))
            .post(CATEGORIES);

    assertFieldError(response, "name", "size must be between 0 and 200");
  }

  @Test
  void createCategoryWithNameOfExactly200CharactersIsAccepted() {
    String name = TestData.suffix() + "ß".repeat(190);
    Api.admin()
        .body(Map.of("name", name))
        .post(CATEGORIES)
        .then()
        .statusCode(201)
        .body("name", equalTo(name));
  }

  @Test
  void createCategoryWithUnknownFieldIsBadRequestNamingIt() {
    Response response =
        Api.rawAdmin()
            .contentType(ContentType.JSON)
            .body(Map.of("name", "Kultur", "farbe", "blau"))
            .post(CATEGORIES);

    assertProblem(response, 400, "/problems/validation")
        .body("errors.size()", equalTo(1))
        .body("errors[0].field", equalTo("farbe"))
        .body("errors[0].message", startsWith("unknown field"));
  }

  @Test
  void createCategoryIgnoresReadOnlyFields() {
    String sfx = TestData.suffix();
    String foreignId = UUID.randomUUID().toString();

    // raw: the spec validator treats properties outside CategoryInput as errors
    Response response =
        Api.rawAdmin()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "id",
                    foreignId,
                    "name",
                    "Sport " + sfx,
                    "createdAt",
                    "2001-01-01T00:00:00Z",
                    "updatedAt",
                    "2001-01-01T00:00:00Z"))
            .post(CATEGORIES);

    response
        .then()
        .statusCode(201)
        .body("id", not(equalTo(foreignId)))
        .body("createdAt", not(equalTo("2001-01-01T00:00:00Z")))
        .body("updatedAt", not(equalTo("2001-01-01T00:00:00Z")))
        .body("slug", equalTo("sport-" + sfx));
    Api.anonymous().get(CATEGORIES + "/" + foreignId).then().statusCode(404);
  }

  @Test
  void createCategoryWithMalformedJsonIsBadRequest() {
    Response response =
        Api.rawAdmin()
            .contentType(ContentType.JSON)
            .body("{\"name\": \"Kultur\",")
            .post(CATEGORIES);

    assertProblem(response, 400, "/problems/malformed-json");
  }

  // --- read -----------------------------------------------------------------------------------

  @Test
  void getCategoryByIdAndBySlugAnswerTheSameCategory() {
    String sfx = TestData.suffix();
    Created parent = TestData.category("Welt " + sfx);
    Created category = TestData.childCategory("Nachrichten " + sfx, parent.slug());

    Response byId = Api.anonymous().get(CATEGORIES + "/" + category.id());
    byId.then()
        .statusCode(200)
        .header("ETag", notNullValue())
        .header("Cache-Control", startsWith("public"))
        .header("Vary", containsString("Authorization"))
        .body("id", equalTo(category.id()))
        .body("slug", equalTo("nachrichten-" + sfx))
        .body("name", equalTo("Nachrichten " + sfx))
        .body("parent.id", equalTo(parent.id()))
        .body("parent.slug", equalTo(parent.slug()))
        .body("parent.name", equalTo("Welt " + sfx));

    Response bySlug = Api.anonymous().get(CATEGORIES + "/slug/" + category.slug());
    bySlug.then().statusCode(200).body("id", equalTo(category.id()));
    assertEquals(byId.asString(), bySlug.asString());
    assertEquals(byId.header("ETag"), bySlug.header("ETag"));
    assertEquals(category.etag(), byId.header("ETag"));
  }

  @Test
  void getUnknownCategoryIdIsNotFound() {
    String id = UUID.randomUUID().toString();

    Response response = Api.anonymous().get(CATEGORIES + "/" + id);

    assertProblem(response, 404, "/problems/not-found")
        .body("title", equalTo("Not found"))
        .body("detail", containsString(id))
        .body("instance", equalTo(CATEGORIES + "/" + id));
  }

  @Test
  void getUnknownCategorySlugIsNotFound() {
    String slug = "gibt-es-nicht-" + TestData.suffix();

    Response response = Api.anonymous().get(CATEGORIES + "/slug/" + slug);

    assertProblem(response, 404, "/problems/not-found")
        .body("detail", containsString(slug))
        .body("instance", equalTo(CATEGORIES + "/slug/" + slug));
  }

  @Test
  void getCategoryWithMatchingIfNoneMatchIsNotModified() {
    Created category = TestData.category("Feuilleton " + TestData.suffix());
    String etag =
        Api.anonymous().get(CATEGORIES + "/" + category.id()).then().extract().header("ETag");

    Response response =
        Api.anonymous().header("If-None-Match", etag).get(CATEGORIES + "/" + category.id());

    response.then().statusCode(304).header("ETag", equalTo(etag));
    assertEquals("", response.asString());
  }

  @Test
  void getCategoryWithOutdatedIfNoneMatchAnswersTheNewVersion() {
    Created category = TestData.category("Feuilleton " + TestData.suffix());
    changeDescription(category, "Bücher, Bühne, Film");

    Api.anonymous()
        .header("If-None-Match", category.etag())
        .get(CATEGORIES + "/" + category.id())
        .then()
        .statusCode(200)
        .header("ETag", not(equalTo(category.etag())))
        .body("description", equalTo("Bücher, Bühne, Film"));
  }

  @Test
  void textWithUmlautsQuotesAndEmojiRoundTripsByteForByte() {
    String sfx = TestData.suffix();
    String name = "„Größte Übung“ – Straße, Maß & Fußball 🚢 " + sfx;
    String description = "Über „Äußerungen“ im Ölstreit: ‚ja‘ — nein … 🇩🇪 ✅ 😀 ẞ";
    String json =
        "{\"name\":\"" + name + "\",\"description\":\"" + description + "\",\"position\":3}";

    Response created = Api.admin().body(json.getBytes(StandardCharsets.UTF_8)).post(CATEGORIES);

    created.then().statusCode(201).body("name", equalTo(name));
    assertContainsUtf8(created.asByteArray(), "\"" + name + "\"");
    assertContainsUtf8(created.asByteArray(), "\"" + description + "\"");
    assertEquals("groesste-uebung-strasse-mass-fussball-" + sfx, created.path("slug"));

    Response read = Api.anonymous().get(CATEGORIES + "/" + created.path("id"));
    read.then()
        .statusCode(200)
        .header("Content-Type", containsString("json"))
        .body("name", equalTo(name))
        .body("description", equalTo(description));
    assertContainsUtf8(read.asByteArray(), "\"" + name + "\"");
    assertContainsUtf8(read.asByteArray(), "\"" + description + "\"");
    assertArrayEquals(created.asByteArray(), read.asByteArray());
  }

  // --- list -----------------------------------------------------------------------------------

  @Test
  void listCategoriesAnswersEnvelopeWithMetaLinksAndLinkHeader() {
    String sfx = TestData.suffix();
    for (int i = 0; i < 3; i++) {
      TestData.category("Ressort " + i + " " + sfx);
    }

    Response first = Api.anonymous().queryParam("page", 1).queryParam("size", 2).get(CATEGORIES);

    first
        .then()
        .statusCode(200)
        .header("ETag", notNullValue())
        .body("data.size()", equalTo(2))
        .body("meta.page", equalTo(1))
        .body("meta.size", equalTo(2))
        .body("meta.totalPages", equalTo(ceilDiv(first.path("meta.totalItems"), 2)))
        .body("links.self", allOf(startsWith(CATEGORIES), containsString("page=1")))
        .body("links.self", containsString("size=2"))
        .body("links.first", containsString("page=1"))
        .body("links.next", containsString("page=2"))
        .body("links", not(hasKey("prev")))
        .body("links.last", containsString("page=" + first.path("meta.totalPages")));
    assertTrue(first.<Integer>path("meta.totalItems") >= 3);
    String link = first.header("Link");
    assertNotNull(link, "Link header");
    assertTrue(link.contains("<" + first.path("links.self") + ">; rel=\"self\""), link);
    assertTrue(link.contains("<" + first.path("links.first") + ">; rel=\"first\""), link);
    assertTrue(link.contains("<" + first.path("links.next") + ">; rel=\"next\""), link);
    assertTrue(link.contains("<" + first.path("links.last") + ">; rel=\"last\""), link);
    assertFalse(link.contains("rel=\"prev\""), link);

    Api.anonymous()
        .queryParam("page", 2)
        .queryParam("size", 2)
        .get(CATEGORIES)
        .then()
        .statusCode(200)
        .body("meta.page", equalTo(2))
        .body("links.prev", containsString("page=1"))
        .header("Link", containsString("rel=\"prev\""));
  }

  @Test
  void listCategoriesDefaultsToPageOneOfTwenty() {
    TestData.category("Lokales " + TestData.suffix());

    Api.anonymous()
        .get(CATEGORIES)
        .then()
        .statusCode(200)
        .body("meta.page", equalTo(1))
        .body("meta.size", equalTo(20))
        .body("data.size()", lessThanOrEqualTo(20));
  }

  @Test
  void listCategoriesBeyondTheLastPageIsEmpty() {
    TestData.category("Lokales " + TestData.suffix());

    Api.anonymous()
        .queryParam("page", 100_000)
        .queryParam("size", 100)
        .get(CATEGORIES)
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(0))
        .body("meta.page", equalTo(100_000));
  }

  @Test
  void listCategoriesWithPageZeroIsBadRequest() {
    assertBadParameter(Api.raw().queryParam("page", 0).get(CATEGORIES), "page");
  }

  @Test
  void listCategoriesWithSizeOver100IsBadRequest() {
    assertBadParameter(Api.raw().queryParam("size", 101).get(CATEGORIES), "size")
        .body("errors[0].message", equalTo("must be an integer between 1 and 100"));
  }

  @Test
  void listCategoriesWithNonNumericSizeIsBadRequest() {
    assertBadParameter(Api.raw().queryParam("size", "abc").get(CATEGORIES), "size");
  }

  @Test
  void listCategoriesSortsByNameDescending() {
    String sfx = TestData.suffix();
    Created a = TestData.category("Sortierung " + sfx + " A");
    Created b = TestData.category("Sortierung " + sfx + " B");
    Created c = TestData.category("Sortierung " + sfx + " C");

    List<String> ids = ids(allItems(Map.of("sort", "-name")));

    assertTrue(ids.indexOf(c.id()) >= 0 && ids.indexOf(a.id()) >= 0);
    assertTrue(ids.indexOf(c.id()) < ids.indexOf(b.id()), "C before B");
    assertTrue(ids.indexOf(b.id()) < ids.indexOf(a.id()), "B before A");

    List<String> ascending = ids(allItems(Map.of("sort", "name")));
    assertTrue(ascending.indexOf(a.id()) < ascending.indexOf(b.id()), "A before B");
    assertTrue(ascending.indexOf(b.id()) < ascending.indexOf(c.id()), "B before C");
  }

  @Test
  void listCategoriesWithUnknownSortFieldIsBadRequest() {
    Response response = Api.anonymous().queryParam("sort", "-farbe").get(CATEGORIES);

    assertBadParameter(response, "sort")
        .body("detail", containsString("farbe"))
        .body("errors[0].message", containsString("name"));
  }

  @Test
  void treeViewNestsChildrenUnderTheirRoot() {
    String sfx = TestData.suffix();
    Created welt = TestData.category("Welt " + sfx);
    Created europa =
        TestData.category(
            Map.of("name", "Europa " + sfx, "parent", Map.of("slug", welt.slug()), "position", 1));
    Created asien =
        TestData.category(
            Map.of("name", "Asien " + sfx, "parent", Map.of("id", welt.id()), "position", 0));
    Created deutschland =
        TestData.category(
            Map.of("name", "Deutschland " + sfx, "parent", Map.of("slug", europa.slug())));

    List<Map<String, Object>> roots = allItems(Map.of("tree", "true"));

    List<String> rootIds = ids(roots);
    assertTrue(rootIds.contains(welt.id()), "Welt is a root");
    assertFalse(rootIds.contains(europa.id()), "Europa is not a root");
    assertFalse(rootIds.contains(deutschland.id()), "Deutschland is not a root");
    Map<String, Object> weltNode = byId(roots, welt.id());
    List<Map<String, Object>> children = children(weltNode);
    assertEquals(List.of(asien.id(), europa.id()), ids(children), "ordered by position");
    List<Map<String, Object>> grandchildren = children(byId(children, europa.id()));
    assertEquals(List.of(deutschland.id()), ids(grandchildren));
    assertEquals(List.of(), children(byId(grandchildren, deutschland.id())));
    assertEquals(List.of(), children(byId(children, asien.id())));
  }

  @Test
  void flatListHasNoChildren() {
    String sfx = TestData.suffix();
    Created parent = TestData.category("Politik " + sfx);
    TestData.childCategory("Inland " + sfx, parent.slug());

    Map<String, Object> item = byId(allItems(Map.of()), parent.id());

    assertFalse(item.containsKey("children"), "flat items carry no children: " + item);
  }

  // --- parent ---------------------------------------------------------------------------------

  @Test
  void createCategoryWithParentBySlugOrIdReturnsParentSummary() {
    String sfx = TestData.suffix();
    Created parent = TestData.category("Wissen " + sfx);

    Api.admin()
        .body(Map.of("name", "Klima " + sfx, "parent", Map.of("slug", parent.slug())))
        .post(CATEGORIES)
        .then()
        .statusCode(201)
        .body("parent.id", equalTo(parent.id()))
        .body("parent.slug", equalTo(parent.slug()))
        .body("parent.name", equalTo("Wissen " + sfx));
    Api.admin()
        .body(Map.of("name", "Raumfahrt " + sfx, "parent", Map.of("id", parent.id())))
        .post(CATEGORIES)
        .then()
        .statusCode(201)
        .body("parent.id", equalTo(parent.id()))
        .body("parent.slug", equalTo(parent.slug()));
  }

  @Test
  void createCategoryWithUnknownParentSlugIsBadRequestNamingParent() {
    String slug = "gibt-es-nicht-" + TestData.suffix();

    Response response =
        Api.admin()
            .body(Map.of("name", "Verwaist", "parent", Map.of("slug", slug)))
            .post(CATEGORIES);

    assertFieldError(response, "parent", "no category with slug '" + slug + "'");
  }

  @Test
  void createCategoryWithUnknownParentIdIsBadRequestNamingParent() {
    String id = UUID.randomUUID().toString();

    Response response =
        Api.admin().body(Map.of("name", "Verwaist", "parent", Map.of("id", id))).post(CATEGORIES);

    assertFieldError(response, "parent", "no category with id '" + id + "'");
  }

  @Test
  void createCategoryWithEmptyParentReferenceIsBadRequest() {
    Response response =
        Api.rawAdmin()
            .contentType(ContentType.JSON)
            .body(Map.of("name", "Verwaist", "parent", Map.of()))
            .post(CATEGORIES);

    assertProblem(response, 400, "/problems/validation")
        .body("errors[0].field", startsWith("parent"))
        .body("errors[0].message", equalTo("must hold an id or a slug"));
  }

  @Test
  void moveCategoryUnderItsOwnChildIsBadRequestNamingParent() {
    String sfx = TestData.suffix();
    Created parent = TestData.category("Sport " + sfx);
    Created child = TestData.childCategory("Fußball " + sfx, parent.slug());

    Response response =
        Api.admin()
            .header("If-Match", parent.etag())
            .body(Map.of("name", "Sport " + sfx, "parent", Map.of("id", child.id())))
            .put(CATEGORIES + "/" + parent.id());

    assertFieldError(response, "parent", containsString("cycle"));
    Api.anonymous()
        .get(CATEGORIES + "/" + parent.id())
        .then()
        .statusCode(200)
        .body("$", not(hasKey("parent")));
  }

  @Test
  void moveCategoryUnderItselfIsBadRequestNamingParent() {
    Created category = TestData.category("Reise " + TestData.suffix());

    Response response =
        Api.admin()
            .header("If-Match", category.etag())
            .body(Map.of("name", "Reise", "parent", Map.of("slug", category.slug())))
            .put(CATEGORIES + "/" + category.id());

    assertFieldError(response, "parent", containsString("cycle"));
  }

  // --- replace --------------------------------------------------------------------------------

  @Test
  void replaceCategoryWithIfMatchAnswersUpdatedCategoryAndNewEtag() {
    String sfx = TestData.suffix();
    Created category =
        TestData.category(Map.of("name", "Kultur " + sfx, "description", "Alt", "position", 2));
    Created newParent = TestData.category("Gesellschaft " + sfx);

    Response response =
        Api.admin()
            .header("If-Match", category.etag())
            .body(
                Map.of(
                    "name",
                    "Kultur & Medien " + sfx,
                    "description",
                    "Theater, „Tatort“ und Bücher",
                    "parent",
                    Map.of("slug", newParent.slug())))
            .put(CATEGORIES + "/" + category.id());

    response
        .then()
        .statusCode(200)
        .header("ETag", allOf(notNullValue(), not(equalTo(category.etag()))))
        .body("id", equalTo(category.id()))
        .body("slug", equalTo(category.slug()))
        .body("name", equalTo("Kultur & Medien " + sfx))
        .body("description", equalTo("Theater, „Tatort“ und Bücher"))
        .body("position", equalTo(0))
        .body("parent.slug", equalTo(newParent.slug()));
    assertEquals(response.header("ETag"), TestData.etag(CATEGORIES + "/" + category.id()));
  }

  @Test
  void replaceCategoryWithNewSlugChangesIt() {
    Created category = TestData.category("Kultur " + TestData.suffix());
    String slug = "kultur-neu-" + TestData.suffix();

    Api.admin()
        .header("If-Match", category.etag())
        .body(Map.of("name", "Kultur", "slug", slug))
        .put(CATEGORIES + "/" + category.id())
        .then()
        .statusCode(200)
        .body("slug", equalTo(slug));
    Api.anonymous().get(CATEGORIES + "/slug/" + slug).then().statusCode(200);
    Api.anonymous().get(CATEGORIES + "/slug/" + category.slug()).then().statusCode(404);
  }

  @Test
  void replaceCategoryWithSlugOfAnotherIsConflict() {
    Created other = TestData.category("Kultur " + TestData.suffix());
    Created category = TestData.category("Medien " + TestData.suffix());

    Response response =
        Api.admin()
            .header("If-Match", category.etag())
            .body(Map.of("name", "Medien", "slug", other.slug()))
            .put(CATEGORIES + "/" + category.id());

    assertProblem(response, 409, "/problems/conflict");
  }

  @Test
  void replaceCategoryWithoutIfMatchIsPreconditionRequired() {
    String name = "Kultur " + TestData.suffix();
    Created category = TestData.category(name);

    Response response =
        Api.rawAdmin()
            .contentType(ContentType.JSON)
            .body(Map.of("name", "Kultur neu"))
            .put(CATEGORIES + "/" + category.id());

    assertProblem(response, 428, "/problems/precondition-required");
    Api.anonymous().get(CATEGORIES + "/" + category.id()).then().body("name", equalTo(name));
  }

  @Test
  void replaceCategoryWithStaleEtagIsPreconditionFailedAndSendsCurrentEtag() {
    Created category = TestData.category("Kultur " + TestData.suffix());
    String current = changeDescription(category, "Neuer Stand");

    Response response =
        Api.admin()
            .header("If-Match", category.etag())
            .body(Map.of("name", "Überschrieben"))
            .put(CATEGORIES + "/" + category.id());

    assertProblem(response, 412, "/problems/precondition-failed").header("ETag", equalTo(current));
    Api.anonymous()
        .get(CATEGORIES + "/" + category.id())
        .then()
        .body("description", equalTo("Neuer Stand"));
  }

  @Test
  void replaceUnknownCategoryIsNotFound() {
    Response response =
        Api.admin()
            .header("If-Match", "\"irgendwas\"")
            .body(Map.of("name", "Niemand"))
            .put(CATEGORIES + "/" + UUID.randomUUID());

    assertProblem(response, 404, "/problems/not-found");
  }

  @Test
  void replaceCategoryWithBlankNameIsBadRequest() {
    Created category = TestData.category("Kultur " + TestData.suffix());

    Response response =
        Api.rawAdmin()
            .contentType(ContentType.JSON)
            .header("If-Match", category.etag())
            .body(Map.of("name", ""))
            .put(CATEGORIES + "/" + category.id());

    assertFieldError(response, "name", "must not be blank");
  }

  // --- patch ----------------------------------------------------------------------------------

  @Test
  void patchCategoryChangesOnlyTheGivenFields() {
    String sfx = TestData.suffix();
    Created parent = TestData.category("Welt " + sfx);
    Created category =
        TestData.category(
            Map.of(
                "name",
                "Nachrichten " + sfx,
                "description",
                "Aktuelle Meldungen",
                "parent",
                Map.of("slug", parent.slug()),
                "position",
                4));

    Response response =
        mergePatch(Api.admin())
            .header("If-Match", category.etag())
            .body("{\"name\":\"Meldungen aus Übersee " + sfx + "\"}")
            .patch(CATEGORIES + "/" + category.id());

    response
        .then()
        .statusCode(200)
        .header("ETag", not(equalTo(category.etag())))
        .body("name", equalTo("Meldungen aus Übersee " + sfx))
        .body("slug", equalTo(category.slug()))
        .body("description", equalTo("Aktuelle Meldungen"))
        .body("parent.id", equalTo(parent.id()))
        .body("position", equalTo(4));
    assertEquals(response.header("ETag"), TestData.etag(CATEGORIES + "/" + category.id()));
  }

  @Test
  void patchCategoryWithNullRemovesDescription() {
    Created category =
        TestData.category(
            Map.of("name", "Meinung " + TestData.suffix(), "description", "Kommentare"));

    mergePatch(Api.admin())
        .header("If-Match", category.etag())
        .body("{\"description\":null}")
        .patch(CATEGORIES + "/" + category.id())
        .then()
        .statusCode(200)
        .body("$", not(hasKey("description")))
        .body("name", startsWith("Meinung "));
    Api.anonymous()
        .get(CATEGORIES + "/" + category.id())
        .then()
        .body("$", not(hasKey("description")));
  }

  @Test
  void patchCategoryWithNullParentMakesItARoot() {
    String sfx = TestData.suffix();
    Created parent = TestData.category("Welt " + sfx);
    Created child = TestData.childCategory("Asien " + sfx, parent.slug());

    mergePatch(Api.admin())
        .header("If-Match", child.etag())
        .body("{\"parent\":null}")
        .patch(CATEGORIES + "/" + child.id())
        .then()
        .statusCode(200)
        .body("$", not(hasKey("parent")));
  }

  @Test
  void patchCategoryNamingAnotherParentBySlugMovesIt() {
    String sfx = TestData.suffix();
    Created welt = TestData.category("Welt " + sfx);
    Created europa = TestData.category("Europa " + sfx);
    Created child = TestData.childCategory("Nachrichten " + sfx, welt.slug());

    mergePatch(Api.admin())
        .header("If-Match", child.etag())
        .body(Map.of("parent", Map.of("slug", europa.slug())))
        .patch(CATEGORIES + "/" + child.id())
        .then()
        .statusCode(200)
        .body("parent.slug", equalTo(europa.slug()));
  }

  @Test
  void patchCategoryWithNullNameIsBadRequestNamingName() {
    Created category = TestData.category("Meinung " + TestData.suffix());

    Response response =
        mergePatch(Api.rawAdmin())
            .header("If-Match", category.etag())
            .body("{\"name\":null}")
            .patch(CATEGORIES + "/" + category.id());

    assertFieldError(response, "name", "must not be blank");
  }

  @Test
  void patchCategoryWithUnknownFieldIsBadRequestNamingIt() {
    Created category = TestData.category("Meinung " + TestData.suffix());

    Response response =
        mergePatch(Api.rawAdmin())
            .header("If-Match", category.etag())
            .body("{\"farbe\":\"rot\"}")
            .patch(CATEGORIES + "/" + category.id());

    assertProblem(response, 400, "/problems/validation")
        .body("errors[0].field", equalTo("farbe"))
        .body("errors[0].message", startsWith("unknown field"));
  }

  @Test
  void patchCategoryWithoutIfMatchIsPreconditionRequired() {
    Created category = TestData.category("Meinung " + TestData.suffix());

    Response response =
        mergePatch(Api.rawAdmin())
            .body("{\"description\":\"x\"}")
            .patch(CATEGORIES + "/" + category.id());

    assertProblem(response, 428, "/problems/precondition-required");
  }

  @Test
  void patchCategoryWithStaleEtagIsPreconditionFailed() {
    Created category = TestData.category("Meinung " + TestData.suffix());
    String current = changeDescription(category, "Leitartikel");

    Response response =
        mergePatch(Api.admin())
            .header("If-Match", category.etag())
            .body("{\"description\":\"Überschrieben\"}")
            .patch(CATEGORIES + "/" + category.id());

    assertProblem(response, 412, "/problems/precondition-failed").header("ETag", equalTo(current));
  }

  // --- delete ---------------------------------------------------------------------------------

  @Test
  void deleteCategoryWithIfMatchAnswers204AndThenItIsGone() {
    Created category = TestData.category("Vermischtes " + TestData.suffix());

    Response response =
        Api.admin().header("If-Match", category.etag()).delete(CATEGORIES + "/" + category.id());

    response.then().statusCode(204);
    assertEquals("", response.asString());
    assertProblem(
        Api.anonymous().get(CATEGORIES + "/" + category.id()), 404, "/problems/not-found");
    assertProblem(
        Api.anonymous().get(CATEGORIES + "/slug/" + category.slug()), 404, "/problems/not-found");
  }

  @Test
  void deleteCategoryWithoutIfMatchIsPreconditionRequired() {
    Created category = TestData.category("Vermischtes " + TestData.suffix());

    assertProblem(
        Api.rawAdmin().delete(CATEGORIES + "/" + category.id()),
        428,
        "/problems/precondition-required");
    Api.anonymous().get(CATEGORIES + "/" + category.id()).then().statusCode(200);
  }

  @Test
  void deleteCategoryWithStaleEtagIsPreconditionFailed() {
    Created category = TestData.category("Vermischtes " + TestData.suffix());
    String current = changeDescription(category, "Buntes");

    Response response =
        Api.admin().header("If-Match", category.etag()).delete(CATEGORIES + "/" + category.id());

    assertProblem(response, 412, "/problems/precondition-failed").header("ETag", equalTo(current));
    Api.anonymous().get(CATEGORIES + "/" + category.id()).then().statusCode(200);
  }

  @Test
  void deleteUnknownCategoryIsNotFound() {
    Response response =
        Api.admin()
            .header("If-Match", "\"irgendwas\"")
            .delete(CATEGORIES + "/" + UUID.randomUUID());

    assertProblem(response, 404, "/problems/not-found");
  }

  @Test
  void deleteCategoryWithSubcategoriesIsConflict() {
    String sfx = TestData.suffix();
    Created parent = TestData.category("Regionales " + sfx);
    TestData.childCategory("Bayern " + sfx, parent.slug());

    Response response =
        Api.admin().header("If-Match", parent.etag()).delete(CATEGORIES + "/" + parent.id());

    assertProblem(response, 409, "/problems/conflict")
        .body("detail", containsString(parent.slug()));
    Api.anonymous().get(CATEGORIES + "/" + parent.id()).then().statusCode(200);
  }

  @Test
  void deleteCategoryUsedByAnArticleIsConflict() {
    String sfx = TestData.suffix();
    Created category = TestData.category("Wirtschaft " + sfx);
    Created author = TestData.author("Sophie Müller " + sfx);
    TestData.publishedArticle(
        "„Größte Übung seit Jahren“: Marine probt " + sfx, category.slug(), author.slug());

    // The published article changed the category's articleCount, so its ETag: read it again.
    Response response =
        Api.admin()
            .header("If-Match", TestData.etag(CATEGORIES + "/" + category.id()))
            .delete(CATEGORIES + "/" + category.id());

    assertProblem(response, 409, "/problems/conflict")
        .body("detail", containsString(category.slug()));
    Api.anonymous().get(CATEGORIES + "/" + category.id()).then().statusCode(200);
  }

  // --- auth -----------------------------------------------------------------------------------

  @Test
  void createCategoryWithoutTokenIsUnauthorized() {
    Response response =
        Api.raw().contentType(ContentType.JSON).body(Map.of("name", "Anonym")).post(CATEGORIES);

    assertUnauthorized(response);
  }

  @Test
  void createCategoryWithWrongTokenIsUnauthorized() {
    Response response =
        Api.raw()
            .header("Authorization", "Bearer falsches-token")
            .contentType(ContentType.JSON)
            .body(Map.of("name", "Gefälscht"))
            .post(CATEGORIES);

    assertUnauthorized(response);
  }

  @Test
  void replacePatchAndDeleteWithoutTokenAreUnauthorized() {
    Created category = TestData.category("Geschützt " + TestData.suffix());
    String path = CATEGORIES + "/" + category.id();

    assertUnauthorized(
        Api.raw()
            .header("If-Match", category.etag())
            .contentType(ContentType.JSON)
            .body(Map.of("name", "Übernommen"))
            .put(path));
    assertUnauthorized(
        mergePatch(Api.raw())
            .header("If-Match", category.etag())
            .body("{\"name\":\"Übernommen\"}")
            .patch(path));
    assertUnauthorized(Api.raw().header("If-Match", category.etag()).delete(path));
    assertUnauthorized(
        Api.raw()
            .header("Authorization", "Bearer falsches-token")
            .header("If-Match", category.etag())
            .delete(path));
    Api.anonymous()
        .get(path)
        .then()
        .statusCode(200)
        .header("ETag", equalTo(category.etag()))
        .body("name", startsWith("Geschützt "));
  }

  // --- helpers --------------------------------------------------------------------------------

  /** Changes the description behind the test's back and returns the new ETag. */
  private static String changeDescription(Created category, String description) {
    return mergePatch(Api.admin())
        .header("If-Match", category.etag())
        .body("{\"description\":\"" + description + "\"}")
        .patch(CATEGORIES + "/" + category.id())
        .then()
        .statusCode(200)
        .extract()
        .header("ETag");
  }

  /** Every item of the flat or tree list, walking all pages of 100. */
  private static List<Map<String, Object>> allItems(Map<String, String> params) {
    List<Map<String, Object>> items = new ArrayList<>();
    int totalPages = 1;
    for (int page = 1; page <= totalPages; page++) {
      Response response =
          Api.anonymous()
              .queryParams(params)
              .queryParam("page", page)
              .queryParam("size", 100)
              .get(CATEGORIES);
      response.then().statusCode(200);
      items.addAll(response.path("data"));
      totalPages = response.path("meta.totalPages");
    }
    return items;
  }

  private static List<String> ids(List<Map<String, Object>> items) {
    return items.stream().map(item -> (String) item.get("id")).toList();
  }

  private static Map<String, Object> byId(List<Map<String, Object>> items, String id) {
    return items.stream()
        .filter(item -> id.equals(item.get("id")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no item " + id + " in " + ids(items)));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> children(Map<String, Object> node) {
    assertTrue(node.containsKey("children"), "tree nodes carry children: " + node);
    return (List<Map<String, Object>>) node.get("children");
  }

  private static int ceilDiv(int items, int size) {
    return (items + size - 1) / size;
  }

  private static void assertContainsUtf8(byte[] haystack, String text) {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return;
    }
    throw new AssertionError(
        "response bytes do not contain the UTF-8 of "
            + text
            + ": "
            + new String(haystack, StandardCharsets.UTF_8));
  }

  private static ValidatableResponse assertFieldError(
      Response response, String field, String message) {
    return assertFieldError(response, field, equalTo(message));
  }

  private static ValidatableResponse assertFieldError(
      Response response, String field, org.hamcrest.Matcher<String> message) {
    return assertProblem(response, 400, "/problems/validation")
        .body("errors.size()", equalTo(1))
        .body("errors[0].field", equalTo(field))
        .body("errors[0].message", message);
  }

  private static ValidatableResponse assertBadParameter(Response response, String field) {
    return assertProblem(response, 400, "/problems/bad-parameter")
        .body("errors.size()", equalTo(1))
        .body("errors[0].field", equalTo(field))
        .body("instance", equalTo(CATEGORIES));
  }

  private static void assertUnauthorized(Response response) {
    assertProblem(response, 401, "/problems/unauthorized")
        .header("WWW-Authenticate", startsWith("Bearer"));
    assertNotEquals("", response.asString());
  }
}
