package dev.feder.web;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.feder.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a client GETs it can PUT back unchanged, derived fields and all. */
@QuarkusTest
class RoundTripTest {

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void categoryReadCanBeWrittenBack() {
    String parent = created("/api/v1/categories", Map.of("name", "Welt " + run)).path("slug");
    String id =
        created(
                "/api/v1/categories",
                Map.of("name", "Nachrichten " + run, "parent", Map.of("slug", parent)))
            .path("id");
    putBack("/api/v1/categories/" + id);
  }

  @Test
  void authorReadCanBeWrittenBack() {
    String id =
        created("/api/v1/authors", Map.of("name", "Jörg Weißmann " + run, "email", "j@example.org"))
            .path("id");
    putBack("/api/v1/authors/" + id);
  }

  @Test
  void fieldsIsIgnoredWhereItIsNotOffered() {
    String id = created("/api/v1/authors", Map.of("name", "Ohne Felder " + run)).path("id");
    Api.raw()
        .queryParam("fields", "bogus")
        .get("/api/v1/authors/" + id)
        .then()
        .statusCode(200)
        .body("id", equalTo(id));
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

  private static ExtractableResponse<Response> created(String path, Map<String, Object> body) {
    return Api.admin().body(body).post(path).then().statusCode(201).extract();
  }
}
