package dev.feder.web;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a client GETs it can PUT back unchanged, derived fields and all. */
@QuarkusTest
class RoundTripTest {

  private final String run = Fixtures.suffix();

  @Test
  void categoryReadCanBeWrittenBack() {
    Created parent = Fixtures.category("Welt " + run);
    Created child = Fixtures.category("Nachrichten " + run, parent);
    putBack("/api/v1/categories/" + child.id());
  }

  @Test
  void authorReadCanBeWrittenBack() {
    Created author =
        Fixtures.author(Map.of("name", "Jörg Weißmann " + run, "email", "j@example.org"));
    putBack("/api/v1/authors/" + author.id());
  }

  @Test
  void fieldsIsRefusedWhereItIsNotOffered() {
    String id = Fixtures.author("Ohne Felder " + run).id();
    Api.raw()
        .queryParam("fields", "bogus")
        .get("/api/v1/authors/" + id)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("fields"));
  }

  /** PUTs what a GET gave and expects nothing to change: not the answer, not a later read. */
  private static void putBack(String path) {
    ExtractableResponse<Response> read = Api.admin().get(path).then().statusCode(200).extract();
    ExtractableResponse<Response> put =
        Api.admin()
            .header("If-Match", read.header("ETag"))
            .body(read.asString())
            .put(path)
            .then()
            .statusCode(200)
            .extract();
    ExtractableResponse<Response> again = Api.admin().get(path).then().statusCode(200).extract();

    Map<String, Object> before = read.jsonPath().getMap("");
    assertEquals(before, put.jsonPath().getMap(""), "the PUT's answer");
    assertEquals(before, again.jsonPath().getMap(""), "a read after the PUT");
    assertEquals(read.header("ETag"), put.header("ETag"));
  }
}
