package dev.feder.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.feder.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Health checks and metrics for operators. They live under {@code /q/}, outside the API spec, so
 * they are called with plain {@code Api.plain()}.
 */
@QuarkusTest
class OperationsEndpointsTest {

  @Test
  void readinessIsUpWithTheDatabase() {
    Api.plain()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body(
            "checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
  }

  @Test
  void readinessWaitsForTheReadWarmUpUnlessItIsOff() {
    // The tests switch the warm-up off (it would blur their statement counts): ready at once.
    Api.plain()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("checks.find { it.name == 'read warm-up' }.status", equalTo("UP"))
        .body("checks.find { it.name == 'read warm-up' }.data.state", equalTo("off"));
  }

  @Test
  void livenessIsUp() {
    Api.plain().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void metricsCountApiRequests() {
    Api.anonymous().get("/api/v1/categories").then().statusCode(200);

    Api.plain()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("http_server_requests"))
        .body(containsString("uri=\"/api/v1/categories\""));
  }
}
