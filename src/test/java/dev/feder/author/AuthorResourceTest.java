package dev.feder.author;

import static dev.feder.support.Problems.assertBadParameter;
import static dev.feder.support.Problems.assertOnlyInvalidField;
import static dev.feder.support.Problems.assertProblem;
import static dev.feder.support.Problems.assertUnauthorized;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import dev.feder.support.Pages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The author API: the people in bylines, whose email only signed-in callers see. */
@QuarkusTest
class AuthorResourceTest {

  private static final String AUTHORS = "/api/v1/authors";
  private static final String URL_MESSAGE = "must be an http or https URL";

  /** A full, realistic author; the name carries the suffix so the slug is predictable. */
  private static Map<String, Object> sophie(String sfx) {
    return Map.of(
        "name", "Sophie Müller " + sfx,
        "bio", "Sophie Müller berichtet seit 2012 über Außenpolitik, zuletzt aus Brüssel.",
        "email", "sophie.mueller." + sfx + "@example.org",
        "avatarUrl", "https://images.example.org/authors/sophie-mueller.jpg",
        "website", "https://sophie-mueller.example.org");
  }

  /** POST: slugs derived or given, long bios, and every kind of invalid body. */
  @Nested
  class Create {

    @Test
    void createAuthorAnswers201WithLocationAndDerivesTransliteratedSlug() {
      String sfx = Fixtures.suffix();
      Map<String, Object> payload =
          Map.of(
              "name", "Jörg Weißmann " + sfx,
              "bio", "Jörg Weißmann schreibt über Wirtschaft und „Große Koalitionen“.",
              "email", "joerg.weissmann@example.org",
              "avatarUrl", "https://images.example.org/authors/joerg.jpg",
              "website", "https://joerg-weissmann.example.org");

      Response response = Api.admin().body(payload).post(AUTHORS);

      response
          .then()
          .statusCode(201)
          .header("ETag", notNullValue())
          .body("id", notNullValue())
          .body("slug", equalTo("joerg-weissmann-" + sfx))
          .body("name", equalTo("Jörg Weißmann " + sfx))
          .body("bio", equalTo("Jörg Weißmann schreibt über Wirtschaft und „Große Koalitionen“."))
          .body("email", equalTo("joerg.weissmann@example.org"))
          .body("avatarUrl", equalTo("https://images.example.org/authors/joerg.jpg"))
          .body("website", equalTo("https://joerg-weissmann.example.org"))
          .body("createdAt", notNullValue())
          .body("updatedAt", equalTo(response.<String>path("createdAt")));
      String id = response.path("id");
      response.then().header("Location", endsWith(AUTHORS + "/" + id));
      assertEquals(response.header("ETag"), Fixtures.etag(AUTHORS + "/" + id));
    }

    @Test
    void createAuthorWithOnlyANameIsEnough() {
      String sfx = Fixtures.suffix();
      Api.admin()
          .body(Map.of("name", "Ömer Çelik " + sfx))
          .post(AUTHORS)
          .then()
          .statusCode(201)
          .body("slug", equalTo("oemer-celik-" + sfx))
          .body("$", not(hasKey("email")))
          .body("$", not(hasKey("bio")))
          .body("$", not(hasKey("website")));
    }

    @Test
    void twoAuthorsWithTheSameNameGetNumberedSlugs() {
      String name = "Jörg Weißmann " + Fixtures.suffix();

      Created first = Fixtures.author(name);
      Created second = Fixtures.author(name);

      assertEquals(first.slug() + "-2", second.slug());
      assertNotEquals(first.id(), second.id());
    }

    @Test
    void createAuthorWithExplicitSlugKeepsIt() {
      String slug = "sophie-" + Fixtures.suffix();
      Api.admin()
          .body(Map.of("name", "Sophie Müller", "slug", slug))
          .post(AUTHORS)
          .then()
          .statusCode(201)
          .body("slug", equalTo(slug));
    }

    @Test
    void createAuthorWithTakenSlugIsConflict() {
      String slug = "sophie-" + Fixtures.suffix();
      Fixtures.author(Map.of("name", "Sophie Müller", "slug", slug));

      Response response =
          Api.admin().body(Map.of("name", "Sophie Meier", "slug", slug)).post(AUTHORS);

      assertProblem(response, 409, "/problems/conflict").body("detail", containsString(slug));
    }

    @Test
    void createAuthorWithInvalidSlugIsBadRequestNamingSlug() {
      Response response = postRaw(Map.of("name", "Sophie Müller", "slug", "sophie_müller"));

      assertOnlyInvalidField(response, "slug", equalTo("must be lower-case words joined by '-'"));
    }

    @Test
    void createAuthorWithBlankNameIsBadRequestNamingName() {
      assertOnlyInvalidField(postRaw(Map.of("name", "")), "name", equalTo("must not be blank"));
    }

    @Test
    void createAuthorWithNameOver200CharactersIsBadRequest() {
      assertOnlyInvalidField(
          postRaw(Map.of("name", "Weißmann".repeat(26))),
          "name",
          equalTo("size must be between 0 and 200"));
    }

    @Test
    void createAuthorWithInvalidEmailIsBadRequestNamingEmail() {
      Response response =
          postRaw(Map.of("name", "Sophie Müller", "email", "sophie.mueller(at)example.org"));

      assertOnlyInvalidField(response, "email", equalTo("must be a well-formed email address"));
    }

    @Test
    void createAuthorWithJavascriptAvatarUrlIsBadRequestNamingAvatarUrl() {
      Response response =
          postRaw(Map.of("name", "Sophie Müller", "avatarUrl", "javascript:alert(1)"));

      assertOnlyInvalidField(response, "avatarUrl", equalTo(URL_MESSAGE));
    }

    @Test
    void createAuthorWithNonHttpWebsiteIsBadRequestNamingWebsite() {
      Response response =
          postRaw(Map.of("name", "Sophie Müller", "website", "ftp://sophie.example.org"));

      assertOnlyInvalidField(response, "website", equalTo(URL_MESSAGE));
    }

    @Test
    void createAuthorWithSeveralInvalidFieldsNamesEachOfThem() {
      Response response =
          postRaw(
              Map.of(
                  "name", " ",
                  "email", "keine-adresse",
                  "avatarUrl", "javascript:alert(1)"));

      assertProblem(response, 400, "/problems/validation")
          .body("detail", equalTo("3 fields are invalid"))
          .body("errors.field", equalTo(List.of("avatarUrl", "email", "name")));
    }

    @Test
    void longBioWithUmlautsRoundTrips() {
      String bio =
          text("Jörg Weißmann über „Größte Übung seit Jahren“ – Äußerst ärgerlich! ", 10_000);
      assertEquals(10_000, bio.length());

      Response created =
          Api.admin()
              .body(Map.of("name", "Jörg Weißmann " + Fixtures.suffix(), "bio", bio))
              .post(AUTHORS);

      created.then().statusCode(201).body("bio", equalTo(bio));
      Api.anonymous()
          .get(AUTHORS + "/" + created.path("id"))
          .then()
          .statusCode(200)
          .body("bio", equalTo(bio));
    }

    @Test
    void bioOf20000CharactersIsAccepted() {
      String bio = text("Öffentlich-rechtliche Größe. ", 20_000);

      Api.admin()
          .body(Map.of("name", "Jörg Weißmann " + Fixtures.suffix(), "bio", bio))
          .post(AUTHORS)
          .then()
          .statusCode(201)
          .body("bio", equalTo(bio));
    }

    @Test
    void bioOver20000CharactersIsBadRequestNamingBio() {
      String bio = text("Öffentlich-rechtliche Größe. ", 20_001);

      Response response = postRaw(Map.of("name", "Jörg Weißmann", "bio", bio));

      assertOnlyInvalidField(response, "bio", equalTo("size must be between 0 and 20000"));
    }

    @Test
    void createAuthorWithUnknownFieldIsBadRequestNamingIt() {
      Response response = postRaw(Map.of("name", "Sophie Müller", "twitter", "@sophie"));

      assertProblem(response, 400, "/problems/validation")
          .body("errors.size()", equalTo(1))
          .body("errors[0].field", equalTo("twitter"))
          .body("errors[0].message", startsWith("unknown field"));
    }

    @Test
    void createAuthorIgnoresReadOnlyFields() {
      String sfx = Fixtures.suffix();
      String foreignId = UUID.randomUUID().toString();

      // raw: the spec validator treats properties outside AuthorInput as errors
      Response response =
          postRaw(
              Map.of(
                  "id",
                  foreignId,
                  "name",
                  "Sophie Müller " + sfx,
                  "createdAt",
                  "2001-01-01T00:00:00Z",
                  "updatedAt",
                  "2001-01-01T00:00:00Z"));

      response
          .then()
          .statusCode(201)
          .body("id", not(equalTo(foreignId)))
          .body("createdAt", not(equalTo("2001-01-01T00:00:00Z")))
          .body("slug", equalTo("sophie-mueller-" + sfx));
      Api.anonymous().get(AUTHORS + "/" + foreignId).then().statusCode(404);
    }

    @Test
    void createAuthorWithWrongTypeIsBadRequestNamingField() {
      Response response =
          Api.rawAdmin()
              .contentType(ContentType.JSON)
              .body("{\"name\": [\"Sophie\", \"Müller\"]}")
              .post(AUTHORS);

      assertOnlyInvalidField(response, "name", equalTo("must be a string"));
    }
  }

  /** GET by id, by slug and in the list: the email only for signed-in callers. */
  @Nested
  class Read {

    @Test
    void authenticatedReadsIncludeEmail() {
      String sfx = Fixtures.suffix();
      Created author = Fixtures.author(sophie(sfx));
      String email = "sophie.mueller." + sfx + "@example.org";

      Api.admin()
          .get(AUTHORS + "/" + author.id())
          .then()
          .statusCode(200)
          .header("Cache-Control", containsString("private"))
          .body("email", equalTo(email));
      Api.admin()
          .get(AUTHORS + "/slug/" + author.slug())
          .then()
          .statusCode(200)
          .body("email", equalTo(email));
      assertEquals(
          email, Pages.byId(Pages.all(Api::admin, AUTHORS, Map.of()), author.id()).get("email"));
    }

    @Test
    void anonymousReadsNeverIncludeEmail() {
      String sfx = Fixtures.suffix();
      Created author = Fixtures.author(sophie(sfx));

      Response byId = Api.anonymous().get(AUTHORS + "/" + author.id());
      byId.then()
          .statusCode(200)
          .header("Cache-Control", startsWith("public"))
          .header("Vary", containsString("Authorization"))
          .body("$", not(hasKey("email")))
          .body("name", equalTo("Sophie Müller " + sfx))
          .body("website", equalTo("https://sophie-mueller.example.org"));
      assertFalse(byId.asString().contains("@example.org"), byId.asString());
      assertNotEquals(author.etag(), byId.header("ETag"), "anonymous and private views differ");

      Api.anonymous()
          .get(AUTHORS + "/slug/" + author.slug())
          .then()
          .statusCode(200)
          .body("$", not(hasKey("email")))
          .body("id", equalTo(author.id()));

      Map<String, Object> listed = Pages.byId(publicList(Map.of()), author.id());
      assertFalse(listed.containsKey("email"), "listed anonymously: " + listed);
    }

    @Test
    void getUnknownAuthorIdIsNotFound() {
      String id = UUID.randomUUID().toString();

      assertProblem(Api.anonymous().get(AUTHORS + "/" + id), 404, "/problems/not-found")
          .body("detail", containsString(id))
          .body("instance", equalTo(AUTHORS + "/" + id));
    }

    @Test
    void getUnknownAuthorSlugIsNotFound() {
      String slug = "niemand-" + Fixtures.suffix();

      assertProblem(Api.anonymous().get(AUTHORS + "/slug/" + slug), 404, "/problems/not-found")
          .body("detail", containsString(slug));
    }

    @Test
    void getAuthorWithMatchingIfNoneMatchIsNotModified() {
      Created author = Fixtures.author(sophie(Fixtures.suffix()));
      String etag =
          Api.anonymous().get(AUTHORS + "/" + author.id()).then().extract().header("ETag");

      Response response =
          Api.anonymous().header("If-None-Match", etag).get(AUTHORS + "/" + author.id());

      response.then().statusCode(304).header("ETag", equalTo(etag));
      assertEquals("", response.asString());
    }
  }

  /** The list: paging, sorting, links and bad parameters. */
  @Nested
  class Lists {

    @Test
    void listAuthorsAnswersEnvelopeWithMetaLinksAndLinkHeader() {
      String sfx = Fixtures.suffix();
      for (int i = 0; i < 3; i++) {
        Fixtures.author("Autorin " + i + " " + sfx);
      }

      Response first = Api.anonymous().queryParam("size", 2).get(AUTHORS);

      first
          .then()
          .statusCode(200)
          .header("ETag", notNullValue())
          .body("data.size()", equalTo(2))
          .body("data.email", everyItem(nullValue()))
          .body("meta.page", equalTo(1))
          .body("meta.size", equalTo(2))
          .body("links.self", allOf(startsWith(AUTHORS), containsString("size=2")))
          .body("links.first", containsString("page=1"))
          .body("links.next", containsString("page=2"))
          .body("links", not(hasKey("prev")))
          .body("links.last", containsString("page=" + first.path("meta.totalPages")));
      int totalItems = first.path("meta.totalItems");
      assertTrue(totalItems >= 3);
      assertEquals((totalItems + 1) / 2, first.<Integer>path("meta.totalPages"));
      String link = first.header("Link");
      assertTrue(link.contains("<" + first.path("links.next") + ">; rel=\"next\""), link);
      assertTrue(link.contains("<" + first.path("links.last") + ">; rel=\"last\""), link);
    }

    @Test
    void listAuthorsWithSizeOver100IsBadRequest() {
      assertBadParameter(Api.raw().queryParam("size", 101).get(AUTHORS), "size")
          .body("instance", equalTo(AUTHORS));
    }

    @Test
    void listAuthorsWithPageZeroIsBadRequest() {
      assertBadParameter(Api.raw().queryParam("page", 0).get(AUTHORS), "page")
          .body("instance", equalTo(AUTHORS));
    }

    @Test
    void listAuthorsWithNonNumericPageIsBadRequest() {
      assertBadParameter(Api.raw().queryParam("page", "zwei").get(AUTHORS), "page")
          .body("instance", equalTo(AUTHORS));
    }

    @Test
    void listAuthorsSortsByNameDescending() {
      String sfx = Fixtures.suffix();
      Created a = Fixtures.author("Weißmann " + sfx + " Anna");
      Created b = Fixtures.author("Weißmann " + sfx + " Bernd");

      List<String> descending = Pages.ids(publicList(Map.of("sort", "-name")));
      List<String> ascending = Pages.ids(publicList(Map.of("sort", "name")));

      assertTrue(
          descending.indexOf(b.id()) >= 0
              && descending.indexOf(b.id()) < descending.indexOf(a.id()));
      assertTrue(
          ascending.indexOf(a.id()) >= 0 && ascending.indexOf(a.id()) < ascending.indexOf(b.id()));
    }

    @Test
    void listAuthorsWithUnknownSortFieldIsBadRequest() {
      assertBadParameter(Api.anonymous().queryParam("sort", "email").get(AUTHORS), "sort")
          .body("instance", equalTo(AUTHORS))
          .body("detail", containsString("email"));
    }
  }

  /** PUT with a precondition: every writable field replaced. */
  @Nested
  class Replace {

    @Test
    void replaceAuthorReplacesAllWritableFieldsAndAnswersNewEtag() {
      String sfx = Fixtures.suffix();
      Created author = Fixtures.author(sophie(sfx));

      Response response =
          Api.admin()
              .header("If-Match", author.etag())
              .body(
                  Map.of(
                      "name",
                      "Sophie Müller-Lüdenscheidt " + sfx,
                      "bio",
                      "Korrespondentin in Straßburg."))
              .put(AUTHORS + "/" + author.id());

      response
          .then()
          .statusCode(200)
          .header("ETag", not(equalTo(author.etag())))
          .body("id", equalTo(author.id()))
          .body("slug", equalTo(author.slug()))
          .body("name", equalTo("Sophie Müller-Lüdenscheidt " + sfx))
          .body("bio", equalTo("Korrespondentin in Straßburg."))
          .body("$", not(hasKey("email")))
          .body("$", not(hasKey("website")))
          .body("$", not(hasKey("avatarUrl")));
      assertEquals(response.header("ETag"), Fixtures.etag(AUTHORS + "/" + author.id()));
    }

    @Test
    void replaceAuthorWithoutIfMatchIsPreconditionRequired() {
      Created author = Fixtures.author(sophie(Fixtures.suffix()));

      Response response =
          Api.rawAdmin()
              .contentType(ContentType.JSON)
              .body(Map.of("name", "Überschrieben"))
              .put(AUTHORS + "/" + author.id());

      assertProblem(response, 428, "/problems/precondition-required");
      Api.admin().get(AUTHORS + "/" + author.id()).then().header("ETag", equalTo(author.etag()));
    }

    @Test
    void replaceAuthorWithStaleEtagIsPreconditionFailedAndSendsCurrentEtag() {
      Created author = Fixtures.author(sophie(Fixtures.suffix()));
      String current = changeBio(author, "Neu in der Redaktion.");

      Response response =
          Api.admin()
              .header("If-Match", author.etag())
              .body(Map.of("name", "Überschrieben"))
              .put(AUTHORS + "/" + author.id());

      assertProblem(response, 412, "/problems/precondition-failed")
          .header("ETag", equalTo(current));
      Api.admin()
          .get(AUTHORS + "/" + author.id())
          .then()
          .body("bio", equalTo("Neu in der Redaktion."));
    }

    @Test
    void replaceAuthorWithInvalidEmailIsBadRequest() {
      Created author = Fixtures.author(sophie(Fixtures.suffix()));

      Response response =
          Api.rawAdmin()
              .contentType(ContentType.JSON)
              .header("If-Match", author.etag())
              .body(Map.of("name", "Sophie Müller", "email", "sophie@"))
              .put(AUTHORS + "/" + author.id());

      assertOnlyInvalidField(response, "email", equalTo("must be a well-formed email address"));
    }

    @Test
    void replaceUnknownAuthorIsNotFound() {
      Response response =
          Api.admin()
              .header("If-Match", "\"irgendwas\"")
              .body(Map.of("name", "Niemand"))
              .put(AUTHORS + "/" + UUID.randomUUID());

      assertProblem(response, 404, "/problems/not-found");
    }
  }

  /** Merge patches with a precondition: only the given fields change. */
  @Nested
  class Patch {

    @Test
    void patchAuthorChangesOnlyTheGivenFields() {
      String sfx = Fixtures.suffix();
      Created author = Fixtures.author(sophie(sfx));

      Response response =
          Api.mergePatch(Api.admin())
              .header("If-Match", author.etag())
              .body("{\"bio\":\"Leitet seit 2025 das Ressort „Ausland“.\"}")
              .patch(AUTHORS + "/" + author.id());

      response
          .then()
          .statusCode(200)
          .header("ETag", not(equalTo(author.etag())))
          .body("bio", equalTo("Leitet seit 2025 das Ressort „Ausland“."))
          .body("name", equalTo("Sophie Müller " + sfx))
          .body("slug", equalTo(author.slug()))
          .body("email", equalTo("sophie.mueller." + sfx + "@example.org"))
          .body("avatarUrl", equalTo("https://images.example.org/authors/sophie-mueller.jpg"))
          .body("website", equalTo("https://sophie-mueller.example.org"));
      assertEquals(response.header("ETag"), Fixtures.etag(AUTHORS + "/" + author.id()));
    }

    @Test
    void patchAuthorWithNullRemovesTheField() {
      String sfx = Fixtures.suffix();
      Created author = Fixtures.author(sophie(sfx));

      Api.mergePatch(Api.admin())
          .header("If-Match", author.etag())
          .body("{\"website\":null,\"email\":null}")
          .patch(AUTHORS + "/" + author.id())
          .then()
          .statusCode(200)
          .body("$", not(hasKey("website")))
          .body("$", not(hasKey("email")))
          .body("bio", startsWith("Sophie Müller berichtet"));
    }

    @Test
    void patchAuthorWithJavascriptAvatarUrlIsBadRequest() {
      Created author = Fixtures.author(sophie(Fixtures.suffix()));

      Response response =
          Api.mergePatch(Api.rawAdmin())
              .header("If-Match", author.etag())
              .body("{\"avatarUrl\":\"javascript:alert(1)\"}")
              .patch(AUTHORS + "/" + author.id());

      assertOnlyInvalidField(response, "avatarUrl", equalTo(URL_MESSAGE));
    }

    @Test
    void patchAuthorWithoutIfMatchIsPreconditionRequired() {
      Created author = Fixtures.author(sophie(Fixtures.suffix()));

      Response response =
          Api.mergePatch(Api.rawAdmin()).body("{\"bio\":\"x\"}").patch(AUTHORS + "/" + author.id());

      assertProblem(response, 428, "/problems/precondition-required");
    }

    @Test
    void patchAuthorWithStaleEtagIsPreconditionFailed() {
      Created author = Fixtures.author(sophie(Fixtures.suffix()));
      String current = changeBio(author, "Zwischenstand");

      Response response =
          Api.mergePatch(Api.admin())
              .header("If-Match", author.etag())
              .body("{\"bio\":\"Überschrieben\"}")
              .patch(AUTHORS + "/" + author.id());

      assertProblem(response, 412, "/problems/precondition-failed")
          .header("ETag", equalTo(current));
    }

    @Test
    void patchAuthorWithArrayBodyIsBadRequest() {
      Created author = Fixtures.author(sophie(Fixtures.suffix()));

      Response response =
          Api.mergePatch(Api.rawAdmin())
              .header("If-Match", author.etag())
              .body("[{\"op\":\"replace\",\"path\":\"/bio\",\"value\":\"JSON Patch\"}]")
              .patch(AUTHORS + "/" + author.id());

      assertProblem(response, 400, "/problems/malformed-json");
    }
  }

  /** DELETE with a precondition, refused while a byline names the author. */
  @Nested
  class Delete {

    @Test
    void deleteAuthorWithIfMatchAnswers204AndThenItIsGone() {
      Created author = Fixtures.author(sophie(Fixtures.suffix()));

      Response response =
          Api.admin()
              // The published article changed the author's articleCount, so its ETag: read it
              // again.
              .header("If-Match", Fixtures.etag(AUTHORS + "/" + author.id()))
              .delete(AUTHORS + "/" + author.id());

      response.then().statusCode(204);
      assertEquals("", response.asString());
      assertProblem(Api.anonymous().get(AUTHORS + "/" + author.id()), 404, "/problems/not-found");
      assertProblem(
          Api.anonymous().get(AUTHORS + "/slug/" + author.slug()), 404, "/problems/not-found");
    }

    @Test
    void deleteAuthorWithoutIfMatchIsPreconditionRequired() {
      Created author = Fixtures.author(sophie(Fixtures.suffix()));

      assertProblem(
          Api.rawAdmin().delete(AUTHORS + "/" + author.id()),
          428,
          "/problems/precondition-required");
      Api.anonymous().get(AUTHORS + "/" + author.id()).then().statusCode(200);
    }

    @Test
    void deleteAuthorWithStaleEtagIsPreconditionFailed() {
      Created author = Fixtures.author(sophie(Fixtures.suffix()));
      String current = changeBio(author, "Zwischenstand");

      Response response =
          Api.admin().header("If-Match", author.etag()).delete(AUTHORS + "/" + author.id());

      assertProblem(response, 412, "/problems/precondition-failed")
          .header("ETag", equalTo(current));
      Api.anonymous().get(AUTHORS + "/" + author.id()).then().statusCode(200);
    }

    @Test
    void deleteAuthorNamedInABylineIsConflict() {
      String sfx = Fixtures.suffix();
      Created category = Fixtures.category("Ausland " + sfx);
      Created author = Fixtures.author(sophie(sfx));
      Fixtures.newArticle("„Größte Übung seit Jahren“: Marine probt vor Pjöngjang " + sfx, category)
          .authors(author)
          .published()
          .create();

      Response response =
          Api.admin()
              // The published article changed the author's articleCount, so its ETag: read it
              // again.
              .header("If-Match", Fixtures.etag(AUTHORS + "/" + author.id()))
              .delete(AUTHORS + "/" + author.id());

      assertProblem(response, 409, "/problems/conflict")
          .body("detail", containsString(author.slug()));
      Api.anonymous().get(AUTHORS + "/" + author.id()).then().statusCode(200);
    }

    @Test
    void deleteUnknownAuthorIsNotFound() {
      Response response =
          Api.admin().header("If-Match", "\"irgendwas\"").delete(AUTHORS + "/" + UUID.randomUUID());

      assertProblem(response, 404, "/problems/not-found");
    }
  }

  /** Writes without a valid bearer token change nothing. */
  @Nested
  class Credentials {

    @Test
    void createAuthorWithoutTokenIsUnauthorized() {
      assertUnauthorized(
          Api.raw().contentType(ContentType.JSON).body(Map.of("name", "Anonym")).post(AUTHORS));
    }

    @Test
    void createAuthorWithWrongTokenIsUnauthorized() {
      assertUnauthorized(
          Api.raw()
              .header("Authorization", "Bearer falsches-token")
              .contentType(ContentType.JSON)
              .body(Map.of("name", "Gefälscht"))
              .post(AUTHORS));
    }

    @Test
    void createAuthorWithOtherAuthSchemeIsUnauthorized() {
      assertUnauthorized(
          Api.raw()
              .header("Authorization", "Basic YWRtaW46Z2VoZWlt")
              .contentType(ContentType.JSON)
              .body(Map.of("name", "Gefälscht"))
              .post(AUTHORS));
    }

    @Test
    void replacePatchAndDeleteWithoutTokenAreUnauthorized() {
      Created author = Fixtures.author(sophie(Fixtures.suffix()));
      String path = AUTHORS + "/" + author.id();

      assertUnauthorized(
          Api.raw()
              // The published article changed the author's articleCount, so its ETag: read it
              // again.
              .header("If-Match", Fixtures.etag(AUTHORS + "/" + author.id()))
              .contentType(ContentType.JSON)
              .body(Map.of("name", "Übernommen"))
              .put(path));
      assertUnauthorized(
          Api.mergePatch(Api.raw())
              .header("If-Match", author.etag())
              .body("{\"name\":\"Übernommen\"}")
              .patch(path));
      assertUnauthorized(Api.raw().header("If-Match", author.etag()).delete(path));
      assertUnauthorized(
          Api.raw()
              .header("Authorization", "Bearer falsches-token")
              .header("If-Match", author.etag())
              .delete(path));
      Api.admin().get(path).then().statusCode(200).header("ETag", equalTo(author.etag()));
    }
  }

  // --- helpers --------------------------------------------------------------------------------

  /** {@code unit} repeated and cut to exactly {@code length} characters. */
  private static String text(String unit, int length) {
    return unit.repeat(length / unit.length() + 1).substring(0, length);
  }

  private static Response postRaw(Map<String, ?> payload) {
    return Api.rawAdmin().contentType(ContentType.JSON).body(payload).post(AUTHORS);
  }

  /** Changes the bio behind the test's back and returns the new ETag. */
  private static String changeBio(Created author, String bio) {
    return Fixtures.patch(AUTHORS + "/" + author.id(), Map.of("bio", bio));
  }

  /** Every author in the list as anonymous readers see it: none of them with an email. */
  private static List<Map<String, Object>> publicList(Map<String, String> params) {
    List<Map<String, Object>> items = Pages.all(Api::anonymous, AUTHORS, params);
    items.forEach(item -> assertFalse(item.containsKey("email"), "listed publicly: " + item));
    return items;
  }
}
