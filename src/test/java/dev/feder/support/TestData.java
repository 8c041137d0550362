package dev.feder.support;

import static org.hamcrest.Matchers.notNullValue;

import io.restassured.response.Response;
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

  /**
   * A random word of lower-case letters, which full-text search finds as one word (a suffix with
   * digits is split into several tokens).
   */
  public static String word() {
    StringBuilder word = new StringBuilder("zq");
    suffix().chars().forEach(c -> word.append((char) ('a' + Character.digit(c, 16))));
    return word.toString();
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
