package dev.feder.support;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.filter.log.ErrorLoggingFilter;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Entry points for HTTP calls in tests, each checked against the committed spec. */
public final class Api {

  /** The bootstrap admin token of the test profile. */
  public static final String ADMIN_TOKEN = "test-admin-token";

  private Api() {}

  /**
   * The current configuration (Quarkus sets it per test) with merge-patch bodies encoded in UTF-8;
   * RestAssured would use ISO-8859-1 for that media type.
   */
  private static RestAssuredConfig utf8MergePatch() {
    return RestAssured.config()
        .encoderConfig(
            EncoderConfig.encoderConfig()
                .defaultCharsetForContentType("UTF-8", "application/merge-patch+json"));
  }

  /** An anonymous reader, as a frontend calls Feder. */
  public static RequestSpecification anonymous() {
    return given()
        .config(utf8MergePatch())
        .filter(SpecValidation.full())
        .accept("application/json, application/problem+json");
  }

  /** An admin writing well-formed JSON. */
  public static RequestSpecification admin() {
    return anonymous()
        .header("Authorization", "Bearer " + ADMIN_TOKEN)
        .contentType(ContentType.JSON);
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
    return given()
        .config(utf8MergePatch())
        .filter(SpecValidation.responsesOnly())
        .filter(new ErrorLoggingFilter());
  }

  /** Like {@link #raw()}, with the admin token. */
  public static RequestSpecification rawAdmin() {
    return raw().header("Authorization", "Bearer " + ADMIN_TOKEN);
  }
}
