package dev.feder.support;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.LogConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.filter.log.LogDetail;
import io.restassured.http.ContentType;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.RequestSpecification;
import org.apache.http.params.CoreProtocolPNames;

/**
 * Entry points for HTTP calls in tests. Calls through the API are checked against the committed
 * spec; every call logs its request and response when one of its checks fails, and only then.
 */
public final class Api {

  /** The bootstrap admin token of the test profile. */
  public static final String ADMIN_TOKEN = "test-admin-token";

  /** The media type of merge-patch bodies. */
  public static final String MERGE_PATCH = "application/merge-patch+json";

  /** What a client sends when it wants JSON and understands problem details. */
  public static final String ACCEPT_WITH_PROBLEMS = "application/json, application/problem+json";

  private Api() {}

  /**
   * The current configuration (Quarkus sets it per test) with merge-patch bodies encoded in UTF-8
   * (RestAssured would use ISO-8859-1 for that media type) and logging when a check fails.
   */
  private static RestAssuredConfig config() {
    return RestAssured.config()
        .encoderConfig(
            EncoderConfig.encoderConfig().defaultCharsetForContentType("UTF-8", MERGE_PATCH))
        .logConfig(
            LogConfig.logConfig()
                .enableLoggingOfRequestAndResponseIfValidationFails(LogDetail.ALL));
  }

  /**
   * A request outside the spec (preflights, HEAD, health and metrics, paths that do not exist),
   * logged only when a check fails.
   */
  public static RequestSpecification plain() {
    return RestAssured.given().config(config()).log().ifValidationFails(LogDetail.ALL);
  }

  /** An anonymous reader, as a frontend calls Feder. */
  public static RequestSpecification anonymous() {
    return plain().filter(SpecValidation.full()).accept(ACCEPT_WITH_PROBLEMS);
  }

  /** An admin writing well-formed JSON. */
  public static RequestSpecification admin() {
    return withToken(ADMIN_TOKEN);
  }

  /** A client writing well-formed JSON with this bearer token, such as an issued API token. */
  public static RequestSpecification withToken(String token) {
    return anonymous().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
  }

  /**
   * A client that breaks the contract on purpose (bad JSON, wrong types, missing headers): only the
   * response is checked against the spec.
   */
  public static RequestSpecification raw() {
    return plain().filter(SpecValidation.responsesOnly());
  }

  /** Like {@link #raw()}, with the admin token. */
  public static RequestSpecification rawAdmin() {
    return raw().header("Authorization", "Bearer " + ADMIN_TOKEN);
  }

  /** Sends the body of {@code request} as {@code application/merge-patch+json} in UTF-8. */
  public static RequestSpecification mergePatch(RequestSpecification request) {
    return request.contentType(MERGE_PATCH);
  }

  /**
   * Sends {@code Expect: 100-continue}, as careful clients send large bodies: the server can refuse
   * the request before the body is sent.
   */
  public static RequestSpecification expectingContinue(RequestSpecification request) {
    RestAssuredConfig current = ((FilterableRequestSpecification) request).getConfig();
    return request.config(
        current.httpClient(
            current.getHttpClientConfig().setParam(CoreProtocolPNames.USE_EXPECT_CONTINUE, true)));
  }
}
