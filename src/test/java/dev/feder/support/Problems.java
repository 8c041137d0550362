package dev.feder.support;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.hamcrest.Matcher;

/** Assertions on RFC 9457 problem answers, the only shape Feder's errors take. */
public final class Problems {

  public static final String PROBLEM_JSON = "application/problem+json";

  /** What must never appear in an answer: stack traces, class and package names, SQL. */
  private static final List<String> INTERNALS =
      List.of(
          "Exception",
          "at dev.feder",
          "dev.feder",
          "at org.",
          "java.lang",
          "io.quarkus",
          "com.fasterxml",
          "jackson",
          "SQL");

  private Problems() {}

  /** A complete problem of this status and type; more checks can follow. */
  public static ValidatableResponse assertProblem(Response response, int status, String type) {
    return response
        .then()
        .statusCode(status)
        .header("Content-Type", startsWith(PROBLEM_JSON))
        .body("type", equalTo(type))
        .body("status", equalTo(status))
        .body("title", not(emptyOrNullString()))
        .body("detail", not(emptyOrNullString()));
  }

  /** A 400 validation problem whose error for {@code field} has a matching message. */
  public static ValidatableResponse assertInvalidField(
      Response response, String field, Matcher<? super String> message) {
    return assertProblem(response, 400, "/problems/validation")
        .body("errors.field", hasItem(field))
        .body("errors.find { it.field == '" + field + "' }.message", message);
  }

  /** Like {@link #assertInvalidField}, with {@code field} the only one named. */
  public static ValidatableResponse assertOnlyInvalidField(
      Response response, String field, Matcher<? super String> message) {
    return assertInvalidField(response, field, message).body("errors.size()", equalTo(1));
  }

  /** A 400 problem naming exactly one bad query or path parameter. */
  public static ValidatableResponse assertBadParameter(Response response, String parameter) {
    return assertProblem(response, 400, "/problems/bad-parameter")
        .body("errors.size()", equalTo(1))
        .body("errors[0].field", equalTo(parameter));
  }

  /** Like {@link #assertBadParameter(Response, String)}, with a matching message. */
  public static ValidatableResponse assertBadParameter(
      Response response, String parameter, Matcher<? super String> message) {
    return assertBadParameter(response, parameter).body("errors[0].message", message);
  }

  /** A 401 with a Bearer challenge. */
  public static ValidatableResponse assertUnauthorized(Response response) {
    return assertProblem(response, 401, "/problems/unauthorized")
        .header("WWW-Authenticate", startsWith("Bearer"));
  }

  /** No stack trace, class name or SQL in an answer. */
  public static void assertLeaksNothing(String body) {
    for (String internal : INTERNALS) {
      assertThat(body, not(containsString(internal)));
    }
  }
}
