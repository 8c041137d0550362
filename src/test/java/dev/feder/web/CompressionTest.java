package dev.feder.web;

import static org.hamcrest.Matchers.equalTo;

import dev.feder.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** JSON answers are gzip-compressed for clients that accept it. */
@QuarkusTest
class CompressionTest {

  @Test
  void jsonIsCompressedWhenTheClientAcceptsGzip() {
    Api.anonymous()
        .header("Accept-Encoding", "gzip")
        .get("/api/v1/categories")
        .then()
        .statusCode(200)
        .header("Content-Encoding", equalTo("gzip"));
  }
}
