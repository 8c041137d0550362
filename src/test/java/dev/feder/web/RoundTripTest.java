package dev.feder.web;

import static org.hamcrest.Matchers.equalTo;

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
  void fieldsIsRefusedWhereItIsNotOffered() {
    String id = created("/api/v1/authors", Map.of("name", "Ohne Felder " + run)).path("id");
    Api.raw()
        .queryParam("fields", "bogus")
        .get("/api/v1/authors/" + id)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("fields"));
  }

  private static void putBack(String path) {
    ExtractableResponse<Response> read = Api.admin().get(path).then().statusCode(200).extract();
    Api.admin()
        .header("If-Match", read.header("ETag"))
        .body(read.asString())
        .put(path)
        .then()
        .statusCode(200)
        .body("updatedAt", org.hamcrest.Matchers.notNullValue());
  }

  private static ExtractableResponse<Response> created(String path, Map<String, Object> body) {
    return Api.admin().body(body).post(path).then().statusCode(201).extract();
  }
}
