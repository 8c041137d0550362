package dev.feder.support;

import static org.hamcrest.Matchers.notNullValue;

import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Small builders for test data; every name carries a random suffix so tests never collide. */
public final class TestData {

  private TestData() {}

  /** A created resource as a test needs it: where to find it and the ETag to write it with. */
  public record Created(String id, String slug, String etag) {}

  /** A short random suffix of lower-case letters and digits, valid inside a slug. */
  public static String suffix() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /** Creates a category from the given payload (as admin) and expects 201. */
  public static Created category(Map<String, ?> payload) {
    return created(Api.admin().body(payload).post("/api/v1/categories"));
  }

  /** Creates a root category with this name. */
  public static Created category(String name) {
    return category(Map.of("name", name));
  }

  /** Creates a category with this name under the category with {@code parentSlug}. */
  public static Created childCategory(String name, String parentSlug) {
    return category(Map.of("name", name, "parent", Map.of("slug", parentSlug)));
  }

  /** Creates an author from the given payload (as admin) and expects 201. */
  public static Created author(Map<String, ?> payload) {
    return created(Api.admin().body(payload).post("/api/v1/authors"));
  }

  /** Creates an author with this name. */
  public static Created author(String name) {
    return author(Map.of("name", name));
  }

  /** Creates a published article in a category with a one-author byline. */
  public static Created publishedArticle(String title, String categorySlug, String authorSlug) {
    return created(
        Api.admin()
            .body(
                Map.of(
                    "title",
                    title,
                    "category",
                    Map.of("slug", categorySlug),
                    "authors",
                    List.of(Map.of("slug", authorSlug)),
                    "status",
                    "published"))
            .post("/api/v1/articles"));
  }

  /** Issues an API token (as admin) with this role, for an author by slug or null; its secret. */
  public static String token(String name, String role, String authorSlug) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("role", role);
    if (authorSlug != null) {
      body.put("author", Map.of("slug", authorSlug));
    }
    return Api.admin()
        .body(body)
        .post("/api/v1/tokens")
        .then()
        .statusCode(201)
        .extract()
        .path("token");
  }

  /** The current ETag of a resource, as an admin reads it. */
  public static String etag(String path) {
    return Api.admin()
        .get(path)
        .then()
        .statusCode(200)
        .header("ETag", notNullValue())
        .extract()
        .header("ETag");
  }

  private static Created created(Response response) {
    response.then().statusCode(201).header("ETag", notNullValue());
    return new Created(response.path("id"), response.path("slug"), response.header("ETag"));
  }
}
