package dev.feder.web;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed spec under {@code openapi/} must be exactly what the code generates (Quarkus writes
 * it to {@code target/openapi/} while the tests start). After an API change, copy it over: {@code
 * cp target/openapi/openapi.* openapi/}.
 */
@QuarkusTest
class OpenApiDocumentTest {

  @Test
  void committedYamlMatchesTheCode() throws IOException {
    assertSame("openapi.yaml");
  }

  @Test
  void committedJsonMatchesTheCode() throws IOException {
    assertSame("openapi.json");
  }

  @Test
  void specIsServedWithSwaggerUi() {
    Api.plain()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(containsString("operationId: createArticle"));
    Api.plain().get("/q/swagger-ui/").then().statusCode(200);
  }

  private static void assertSame(String file) throws IOException {
    Path generated = Path.of("target/openapi", file);
    assertTrue(Files.exists(generated), "Quarkus did not write " + generated);
    assertEquals(
        Files.readString(generated),
        Files.readString(Path.of("openapi", file)),
        "openapi/"
            + file
            + " is out of date: run 'cp target/openapi/openapi.* openapi/' and commit");
  }
}
