package dev.feder.category;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CategorySmokeTest {
  @Test
  void createAndRead() {
    dev.feder.support.Api.admin()
        .body("{\"name\":\"Größte Übung\"}")
        .post("/api/v1/categories")
        .then()
        .log()
        .all()
        .statusCode(201)
        .body("slug", equalTo("groesste-uebung"));
    dev.feder.support.Api.anonymous()
        .get("/api/v1/categories?tree=true")
        .then()
        .log()
        .all()
        .statusCode(200);
    dev.feder.support.Api.raw()
        .contentType("application/json")
        .body("{\"name\":1}")
        .post("/api/v1/categories")
        .then()
        .log()
        .all();
    given()
        .auth()
        .oauth2("test-admin-token")
        .contentType("application/json")
        .body("{\"name\":1, \"x\":2}")
        .post("/api/v1/categories")
        .then()
        .log()
        .all();
    given()
        .auth()
        .oauth2("test-admin-token")
        .contentType("application/json")
        .body("{\"name\":\"a\", \"x\":2}")
        .post("/api/v1/categories")
        .then()
        .log()
        .all();
    given()
        .auth()
        .oauth2("test-admin-token")
        .contentType("application/json")
        .body("{\"name\":\"a\u0000\"}")
        .post("/api/v1/categories")
        .then()
        .log()
        .all();
    given()
        .auth()
        .oauth2("test-admin-token")
        .contentType("application/json")
        .body("{\"name\":")
        .post("/api/v1/categories")
        .then()
        .log()
        .all();
    given()
        .auth()
        .oauth2("wrong")
        .contentType("application/json")
        .body("{\"name\":\"x\"}")
        .post("/api/v1/categories")
        .then()
        .log()
        .all();
    given().get("/api/v1/categories/not-a-uuid").then().log().all();
  }
}
