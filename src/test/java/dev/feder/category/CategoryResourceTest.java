package dev.feder.category;

import static dev.feder.support.Problems.assertBadParameter;
import static dev.feder.support.Problems.assertOnlyInvalidField;
import static dev.feder.support.Problems.assertProblem;
import static dev.feder.support.Problems.assertUnauthorized;
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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import dev.feder.support.Pages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The category API: a tree of sections, written by editors and read by everyone. */
@QuarkusTest
class CategoryResourceTest {

  private static final String CATEGORIES = "/api/v1/categories";
  private static final String SLUG_MESSAGE = "must be lower-case words joined by '-'";

  /** POST: slugs derived or given, and every kind of invalid body. */
  @Nested
  class Create {

    @Test
    void createCategoryAnswers201WithLocationAndDerivesTransliteratedSlug() {
      String sfx = Fixtures.suffix();
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
      String name = "Größte Übung " + Fixtures.suffix();
      Created first = Fixtures.category(name);
      Created second = Fixtures.category(name);
      Created third = Fixtures.category(name);

      assertEquals(first.slug() + "-2", second.slug());
      assertEquals(first.slug() + "-3", third.slug());
    }

    @Test
    void createCategoryWithExplicitSlugKeepsIt() {
      String slug = "weltgeschehen-" + Fixtures.suffix();
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
      String slug = "wirtschaft-" + Fixtures.suffix();
      Fixtures.category(Map.of("name", "Wirtschaft", "slug", slug));

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

      assertOnlyInvalidField(response, "slug", equalTo(SLUG_MESSAGE));
    }

    @Test
    void createCategoryWithBlankNameIsBadRequestNamingName() {
      Response response =
          Api.rawAdmin().contentType(ContentType.JSON).body(Map.of("name", "   ")).post(CATEGORIES);

      assertOnlyInvalidField(response, "name", equalTo("must not be blank"));
    }

    @Test
    void createCategoryWithoutNameIsBadRequestNamingName() {
      Response response =
          Api.rawAdmin()
              .contentType(ContentType.JSON)
              .body(Map.of("description", "Ohne Namen"))
              .post(CATEGORIES);

      assertOnlyInvalidField(response, "name", equalTo("must not be blank"));
    }

    @Test
    void createCategoryWithNameOver200CharactersIsBadRequest() {
      Response response =
          Api.rawAdmin()
              .contentType(ContentType.JSON)
              .body(Map.of("name", "Ä".repeat(201)))
              .post(CATEGORIES);

      assertOnlyInvalidField(response, "name", equalTo("size must be between 0 and 200"));
    }

    @Test
    void createCategoryWithNameOfExactly200CharactersIsAccepted() {
      String name = Fixtures.suffix() + "ß".repeat(190);
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
      String sfx = Fixtures.suffix();
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
  }

  /** GET by id and by slug, conditional GETs, text that must survive byte for byte. */
  @Nested
  class Read {

    @Test
    void getCategoryByIdAndBySlugAnswerTheSameCategory() {
      String sfx = Fixtures.suffix();
      Created parent = Fixtures.category("Welt " + sfx);
      Created category = Fixtures.category("Nachrichten " + sfx, parent);

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
      String slug = "gibt-es-nicht-" + Fixtures.suffix();

      Response response = Api.anonymous().get(CATEGORIES + "/slug/" + slug);

      assertProblem(response, 404, "/problems/not-found")
          .body("detail", containsString(slug))
          .body("instance", equalTo(CATEGORIES + "/slug/" + slug));
    }

    @Test
    void getCategoryWithMatchingIfNoneMatchIsNotModified() {
      Created category = Fixtures.category("Feuilleton " + Fixtures.suffix());
      String etag =
          Api.anonymous().get(CATEGORIES + "/" + category.id()).then().extract().header("ETag");

      Response response =
          Api.anonymous().header("If-None-Match", etag).get(CATEGORIES + "/" + category.id());

      response.then().statusCode(304).header("ETag", equalTo(etag));
      assertEquals("", response.asString());
    }

    @Test
    void getCategoryWithOutdatedIfNoneMatchAnswersTheNewVersion() {
      Created category = Fixtures.category("Feuilleton " + Fixtures.suffix());
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
      String sfx = Fixtures.suffix();
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
  }

  /** The flat list and the tree: paging, sorting, links and bad parameters. */
  @Nested
  class Lists {

    @Test
    void listCategoriesAnswersEnvelopeWithMetaLinksAndLinkHeader() {
      String sfx = Fixtures.suffix();
      for (int i = 0; i < 3; i++) {
        Fixtures.category("Ressort " + i + " " + sfx);
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
      Fixtures.category("Lokales " + Fixtures.suffix());

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
      Fixtures.category("Lokales " + Fixtures.suffix());

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
      assertBadParameter(Api.raw().queryParam("page", 0).get(CATEGORIES), "page")
          .body("instance", equalTo(CATEGORIES));
    }

    @Test
    void listCategoriesWithSizeOver100IsBadRequest() {
      assertBadParameter(Api.raw().queryParam("size", 101).get(CATEGORIES), "size")
          .body("instance", equalTo(CATEGORIES))
          .body("errors[0].message", equalTo("must be an integer between 1 and 100"));
    }

    @Test
    void listCategoriesWithNonNumericSizeIsBadRequest() {
      assertBadParameter(Api.raw().queryParam("size", "abc").get(CATEGORIES), "size")
          .body("instance", equalTo(CATEGORIES));
    }

    @Test
    void listCategoriesSortsByNameDescending() {
      String sfx = Fixtures.suffix();
      Created a = Fixtures.category("Sortierung " + sfx + " A");
      Created b = Fixtures.category("Sortierung " + sfx + " B");
      Created c = Fixtures.category("Sortierung " + sfx + " C");

      List<String> ids = Pages.ids(Pages.all(Api::anonymous, CATEGORIES, Map.of("sort", "-name")));

      assertTrue(ids.indexOf(c.id()) >= 0 && ids.indexOf(a.id()) >= 0);
      assertTrue(ids.indexOf(c.id()) < ids.indexOf(b.id()), "C before B");
      assertTrue(ids.indexOf(b.id()) < ids.indexOf(a.id()), "B before A");

      List<String> ascending =
          Pages.ids(Pages.all(Api::anonymous, CATEGORIES, Map.of("sort", "name")));
      assertTrue(ascending.indexOf(a.id()) < ascending.indexOf(b.id()), "A before B");
      assertTrue(ascending.indexOf(b.id()) < ascending.indexOf(c.id()), "B before C");
    }

    @Test
    void listCategoriesWithUnknownSortFieldIsBadRequest() {
      Response response = Api.anonymous().queryParam("sort", "-farbe").get(CATEGORIES);

      assertBadParameter(response, "sort")
          .body("instance", equalTo(CATEGORIES))
          .body("detail", containsString("farbe"))
          .body("errors[0].message", containsString("name"));
    }

    @Test
    void treeViewNestsChildrenUnderTheirRoot() {
      String sfx = Fixtures.suffix();
      Created welt = Fixtures.category("Welt " + sfx);
      Created europa =
          Fixtures.category(
              Map.of(
                  "name", "Europa " + sfx, "parent", Map.of("slug", welt.slug()), "position", 1));
      Created asien =
          Fixtures.category(
              Map.of("name", "Asien " + sfx, "parent", Map.of("id", welt.id()), "position", 0));
      Created deutschland =
          Fixtures.category(
              Map.of("name", "Deutschland " + sfx, "parent", Map.of("slug", europa.slug())));

      List<Map<String, Object>> roots =
          Pages.all(Api::anonymous, CATEGORIES, Map.of("tree", "true"));

      List<String> rootIds = Pages.ids(roots);
      assertTrue(rootIds.contains(welt.id()), "Welt is a root");
      assertFalse(rootIds.contains(europa.id()), "Europa is not a root");
      assertFalse(rootIds.contains(deutschland.id()), "Deutschland is not a root");
      Map<String, Object> weltNode = Pages.byId(roots, welt.id());
      List<Map<String, Object>> children = children(weltNode);
      assertEquals(List.of(asien.id(), europa.id()), Pages.ids(children), "ordered by position");
      List<Map<String, Object>> grandchildren = children(Pages.byId(children, europa.id()));
      assertEquals(List.of(deutschland.id()), Pages.ids(grandchildren));
      assertEquals(List.of(), children(Pages.byId(grandchildren, deutschland.id())));
      assertEquals(List.of(), children(Pages.byId(children, asien.id())));
    }

    @Test
    void flatListHasNoChildren() {
      String sfx = Fixtures.suffix();
      Created parent = Fixtures.category("Politik " + sfx);
      Fixtures.category("Inland " + sfx, parent);

      Map<String, Object> item =
          Pages.byId(Pages.all(Api::anonymous, CATEGORIES, Map.of()), parent.id());

      assertFalse(item.containsKey("children"), "flat items carry no children: " + item);
    }
  }

  /** Where a category sits in the tree, and moves that would make a cycle. */
  @Nested
  class Parents {

    @Test
    void createCategoryWithParentBySlugOrIdReturnsParentSummary() {
      String sfx = Fixtures.suffix();
      Created parent = Fixtures.category("Wissen " + sfx);

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
      String slug = "gibt-es-nicht-" + Fixtures.suffix();

      Response response =
          Api.admin()
              .body(Map.of("name", "Verwaist", "parent", Map.of("slug", slug)))
              .post(CATEGORIES);

      assertOnlyInvalidField(response, "parent", equalTo("no category with slug '" + slug + "'"));
    }

    @Test
    void createCategoryWithUnknownParentIdIsBadRequestNamingParent() {
      String id = UUID.randomUUID().toString();

      Response response =
          Api.admin().body(Map.of("name", "Verwaist", "parent", Map.of("id", id))).post(CATEGORIES);

      assertOnlyInvalidField(response, "parent", equalTo("no category with id '" + id + "'"));
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
      String sfx = Fixtures.suffix();
      Created parent = Fixtures.category("Sport " + sfx);
      Created child = Fixtures.category("Fußball " + sfx, parent);

      Response response =
          Api.admin()
              .header("If-Match", parent.etag())
              .body(Map.of("name", "Sport " + sfx, "parent", Map.of("id", child.id())))
              .put(CATEGORIES + "/" + parent.id());

      assertOnlyInvalidField(response, "parent", containsString("cycle"));
      Api.anonymous()
          .get(CATEGORIES + "/" + parent.id())
          .then()
          .statusCode(200)
          .body("$", not(hasKey("parent")));
    }

    @Test
    void moveCategoryUnderItselfIsBadRequestNamingParent() {
      Created category = Fixtures.category("Reise " + Fixtures.suffix());

      Response response =
          Api.admin()
              .header("If-Match", category.etag())
              .body(Map.of("name", "Reise", "parent", Map.of("slug", category.slug())))
              .put(CATEGORIES + "/" + category.id());

      assertOnlyInvalidField(response, "parent", containsString("cycle"));
    }
  }

  /** PUT with a precondition: every writable field replaced. */
  @Nested
  class Replace {

    @Test
    void replaceCategoryWithIfMatchAnswersUpdatedCategoryAndNewEtag() {
      String sfx = Fixtures.suffix();
      Created category =
          Fixtures.category(Map.of("name", "Kultur " + sfx, "description", "Alt", "position", 2));
      Created newParent = Fixtures.category("Gesellschaft " + sfx);

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
      assertEquals(response.header("ETag"), Fixtures.etag(CATEGORIES + "/" + category.id()));
    }

    @Test
    void replaceCategoryWithNewSlugChangesIt() {
      Created category = Fixtures.category("Kultur " + Fixtures.suffix());
      String slug = "kultur-neu-" + Fixtures.suffix();

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
      Created other = Fixtures.category("Kultur " + Fixtures.suffix());
      Created category = Fixtures.category("Medien " + Fixtures.suffix());

      Response response =
          Api.admin()
              .header("If-Match", category.etag())
              .body(Map.of("name", "Medien", "slug", other.slug()))
              .put(CATEGORIES + "/" + category.id());

      assertProblem(response, 409, "/problems/conflict");
    }

    @Test
    void replaceCategoryWithoutIfMatchIsPreconditionRequired() {
      String name = "Kultur " + Fixtures.suffix();
      Created category = Fixtures.category(name);

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
      Created category = Fixtures.category("Kultur " + Fixtures.suffix());
      String current = changeDescription(category, "Neuer Stand");

      Response response =
          Api.admin()
              .header("If-Match", category.etag())
              .body(Map.of("name", "Überschrieben"))
              .put(CATEGORIES + "/" + category.id());

      assertProblem(response, 412, "/problems/precondition-failed")
          .header("ETag", equalTo(current));
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
      Created category = Fixtures.category("Kultur " + Fixtures.suffix());

      Response response =
          Api.rawAdmin()
              .contentType(ContentType.JSON)
              .header("If-Match", category.etag())
              .body(Map.of("name", ""))
              .put(CATEGORIES + "/" + category.id());

      assertOnlyInvalidField(response, "name", equalTo("must not be blank"));
    }
  }

  /** Merge patches with a precondition: only the given fields change. */
  @Nested
  class Patch {

    @Test
    void patchCategoryChangesOnlyTheGivenFields() {
      String sfx = Fixtures.suffix();
      Created parent = Fixtures.category("Welt " + sfx);
      Created category =
          Fixtures.category(
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
          Api.mergePatch(Api.admin())
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
      assertEquals(response.header("ETag"), Fixtures.etag(CATEGORIES + "/" + category.id()));
    }

    @Test
    void patchCategoryWithNullRemovesDescription() {
      Created category =
          Fixtures.category(
              Map.of("name", "Meinung " + Fixtures.suffix(), "description", "Kommentare"));

      Api.mergePatch(Api.admin())
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
      String sfx = Fixtures.suffix();
      Created parent = Fixtures.category("Welt " + sfx);
      Created child = Fixtures.category("Asien " + sfx, parent);

      Api.mergePatch(Api.admin())
          .header("If-Match", child.etag())
          .body("{\"parent\":null}")
          .patch(CATEGORIES + "/" + child.id())
          .then()
          .statusCode(200)
          .body("$", not(hasKey("parent")));
    }

    @Test
    void patchCategoryNamingAnotherParentBySlugMovesIt() {
      String sfx = Fixtures.suffix();
      Created welt = Fixtures.category("Welt " + sfx);
      Created europa = Fixtures.category("Europa " + sfx);
      Created child = Fixtures.category("Nachrichten " + sfx, welt);

      Api.mergePatch(Api.admin())
          .header("If-Match", child.etag())
          .body(Map.of("parent", Map.of("slug", europa.slug())))
          .patch(CATEGORIES + "/" + child.id())
          .then()
          .statusCode(200)
          .body("parent.slug", equalTo(europa.slug()));
    }

    @Test
    void patchCategoryWithNullNameIsBadRequestNamingName() {
      Created category = Fixtures.category("Meinung " + Fixtures.suffix());

      Response response =
          Api.mergePatch(Api.rawAdmin())
              .header("If-Match", category.etag())
              .body("{\"name\":null}")
              .patch(CATEGORIES + "/" + category.id());

      assertOnlyInvalidField(response, "name", equalTo("must not be blank"));
    }

    @Test
    void patchCategoryWithUnknownFieldIsBadRequestNamingIt() {
      Created category = Fixtures.category("Meinung " + Fixtures.suffix());

      Response response =
          Api.mergePatch(Api.rawAdmin())
              .header("If-Match", category.etag())
              .body("{\"farbe\":\"rot\"}")
              .patch(CATEGORIES + "/" + category.id());

      assertProblem(response, 400, "/problems/validation")
          .body("errors[0].field", equalTo("farbe"))
          .body("errors[0].message", startsWith("unknown field"));
    }

    @Test
    void patchCategoryWithoutIfMatchIsPreconditionRequired() {
      Created category = Fixtures.category("Meinung " + Fixtures.suffix());

      Response response =
          Api.mergePatch(Api.rawAdmin())
              .body("{\"description\":\"x\"}")
              .patch(CATEGORIES + "/" + category.id());

      assertProblem(response, 428, "/problems/precondition-required");
    }

    @Test
    void patchCategoryWithStaleEtagIsPreconditionFailed() {
      Created category = Fixtures.category("Meinung " + Fixtures.suffix());
      String current = changeDescription(category, "Leitartikel");

      Response response =
          Api.mergePatch(Api.admin())
              .header("If-Match", category.etag())
              .body("{\"description\":\"Überschrieben\"}")
              .patch(CATEGORIES + "/" + category.id());

      assertProblem(response, 412, "/problems/precondition-failed")
          .header("ETag", equalTo(current));
    }
  }

  /** DELETE with a precondition, refused while the category is in use. */
  @Nested
  class Delete {

    @Test
    void deleteCategoryWithIfMatchAnswers204AndThenItIsGone() {
      Created category = Fixtures.category("Vermischtes " + Fixtures.suffix());

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
      Created category = Fixtures.category("Vermischtes " + Fixtures.suffix());

      assertProblem(
          Api.rawAdmin().delete(CATEGORIES + "/" + category.id()),
          428,
          "/problems/precondition-required");
      Api.anonymous().get(CATEGORIES + "/" + category.id()).then().statusCode(200);
    }

    @Test
    void deleteCategoryWithStaleEtagIsPreconditionFailed() {
      Created category = Fixtures.category("Vermischtes " + Fixtures.suffix());
      String current = changeDescription(category, "Buntes");

      Response response =
          Api.admin().header("If-Match", category.etag()).delete(CATEGORIES + "/" + category.id());

      assertProblem(response, 412, "/problems/precondition-failed")
          .header("ETag", equalTo(current));
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
      String sfx = Fixtures.suffix();
      Created parent = Fixtures.category("Regionales " + sfx);
      Fixtures.category("Bayern " + sfx, parent);

      Response response =
          Api.admin().header("If-Match", parent.etag()).delete(CATEGORIES + "/" + parent.id());

      assertProblem(response, 409, "/problems/conflict")
          .body("detail", containsString(parent.slug()));
      Api.anonymous().get(CATEGORIES + "/" + parent.id()).then().statusCode(200);
    }

    @Test
    void deleteCategoryUsedByAnArticleIsConflict() {
      String sfx = Fixtures.suffix();
      Created category = Fixtures.category("Wirtschaft " + sfx);
      Created author = Fixtures.author("Sophie Müller " + sfx);
      Fixtures.newArticle("„Größte Übung seit Jahren“: Marine probt " + sfx, category)
          .authors(author)
          .published()
          .create();

      // The published article changed the category's articleCount, so its ETag: read it again.
      Response response =
          Api.admin()
              .header("If-Match", Fixtures.etag(CATEGORIES + "/" + category.id()))
              .delete(CATEGORIES + "/" + category.id());

      assertProblem(response, 409, "/problems/conflict")
          .body("detail", containsString(category.slug()));
      Api.anonymous().get(CATEGORIES + "/" + category.id()).then().statusCode(200);
    }
  }

  /** Writes without a valid bearer token change nothing. */
  @Nested
  class Credentials {

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
      Created category = Fixtures.category("Geschützt " + Fixtures.suffix());
      String path = CATEGORIES + "/" + category.id();

      assertUnauthorized(
          Api.raw()
              .header("If-Match", category.etag())
              .contentType(ContentType.JSON)
              .body(Map.of("name", "Übernommen"))
              .put(path));
      assertUnauthorized(
          Api.mergePatch(Api.raw())
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
  }

  // --- helpers --------------------------------------------------------------------------------

  /** Changes the description behind the test's back and returns the new ETag. */
  private static String changeDescription(Created category, String description) {
    return Fixtures.patch(CATEGORIES + "/" + category.id(), Map.of("description", description));
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
}
