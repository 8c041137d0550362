package dev.feder.paging;

import static dev.feder.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;

import dev.feder.support.Api;
import dev.feder.support.TestData;
import dev.feder.support.TestData.Created;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Numbers in requests are ASCII digits and nothing else, so a page has one URL; a cursor names a
 * position that exists: its id is never null.
 */
@QuarkusTest
class PagingParametersTest {

  private static final String BAD_PARAMETER = "/problems/bad-parameter";

  @Test
  void pageAndSizeInOtherDigitsAreRefused() {
    // Arabic-Indic 1, full-width 1, Devanagari 2: Integer.parseInt reads them all.
    for (String digit : List.of("\u0661", "\uFF11", "\u0968")) {
      assertProblem(Api.raw().queryParam("page", digit).get("/api/v1/articles"), 400, BAD_PARAMETER)
          .body("errors[0].field", equalTo("page"));
      assertProblem(
              Api.raw().queryParam("size", digit).get("/api/v1/categories"), 400, BAD_PARAMETER)
          .body("errors[0].field", equalTo("size"));
    }
  }

  @Test
  void signsAndOtherNotationsAreRefused() {
    for (String size : List.of("+5", "-0", "5.0", "1e1", " 5", "05 ")) {
      assertProblem(Api.raw().queryParam("size", size).get("/api/v1/authors"), 400, BAD_PARAMETER);
    }
    // The spec's validator reads parameters as JSON numbers, which have no leading zeros.
    Api.raw().queryParam("size", "05").get("/api/v1/authors").then().statusCode(200);
  }

  @Test
  void aHugePageNumberIsRefused() {
    assertProblem(
        Api.raw().queryParam("page", "99999999999999999999").get("/api/v1/articles"),
        400,
        BAD_PARAMETER);
  }

  @Test
  void aCursorWithoutIdIsRefused() {
    for (String cursor :
        List.of(
            "[\"-publishedAt\",null,null]",
            "[\"-publishedAt\",\"2026-11-26T08:15:00Z\",null]",
            "[null,\"2026-11-26T08:15:00Z\",\"6f1c2a43-5e1b-4d8e-9a57-3b2c1d0e9f88\"]")) {
      assertProblem(
              Api.raw().queryParam("cursor", encode(cursor)).get("/api/v1/articles"),
              400,
              BAD_PARAMETER)
          .body("errors[0].field", equalTo("cursor"));
    }
  }

  @Test
  void aCursorWithoutPublicationDateContinuesAmongDrafts() {
    // Drafts have no publication date and come last in -publishedAt: a cursor may name one.
    String cursor = encode("[\"-publishedAt\",null,\"6f1c2a43-5e1b-4d8e-9a57-3b2c1d0e9f88\"]");

    Api.admin().queryParam("cursor", cursor).get("/api/v1/articles").then().statusCode(200);
  }

  @Test
  void revisionNumbersInOtherDigitsAreRefused() {
    Created category = TestData.category("Ziffern " + TestData.suffix());
    Created author = TestData.author("Zahl " + TestData.suffix());
    Created article =
        TestData.publishedArticle("Ziffern " + TestData.suffix(), category.slug(), author.slug());

    assertProblem(
        Api.rawAdmin().get("/api/v1/articles/{id}/revisions/\u0661", article.id()),
        400,
        BAD_PARAMETER);
    assertProblem(
        Api.rawAdmin()
            .queryParam("from", "\u0660")
            .get("/api/v1/articles/{id}/revisions/1/diff", article.id()),
        400,
        BAD_PARAMETER);
    Api.admin().get("/api/v1/articles/{id}/revisions/1", article.id()).then().statusCode(200);
  }

  @Test
  void idsInOtherDigitsOrShortFormsNameNothing() {
    Created category = TestData.category("Kennung " + TestData.suffix());
    // The same id with one of its digits written as an Arabic-Indic digit.
    String id = category.id();
    int digit = 0;
    while (!Character.isDigit(id.charAt(digit))) {
      digit++;
    }
    String arabic =
        id.substring(0, digit) + (char) (0x0660 + id.charAt(digit) - '0') + id.substring(digit + 1);
    String shortForm = "1-1-1-1-1";

    Api.raw().get("/api/v1/categories/" + arabic).then().statusCode(404);
    Api.raw().get("/api/v1/categories/" + shortForm).then().statusCode(404);
    Api.anonymous().get("/api/v1/categories/" + category.id().toUpperCase()).then().statusCode(200);
    assertProblem(
        Api.rawAdmin().queryParam("entityId", arabic).get("/api/v1/audit-events"),
        400,
        BAD_PARAMETER);
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
