package dev.feder.support;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Shared request and assertion helpers of the resource tests. */
public final class Problems {

  private Problems() {}

  /** A complete problem+json answer of the given status and type. */
  public static ValidatableResponse assertProblem(Response response, int status, String type) {
    return response
        .then()
        .statusCode(status)
        .header("Content-Type", startsWith("application/problem+json"))
        .body("type", equalTo(type))
        .body("status", equalTo(status))
        .body("title", notNullValue())
        .body("detail", notNullValue());
  }

  /** Sends the body as {@code application/merge-patch+json} in UTF-8. */
  public static RequestSpecification mergePatch(RequestSpecification spec) {
    return Api.mergePatch(spec);
  }
}
