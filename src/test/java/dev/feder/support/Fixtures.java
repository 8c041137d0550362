package dev.feder.support;

import static org.hamcrest.Matchers.notNullValue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test data, created through the API as an admin. The tests share one database and run in any
 * order, so every name a test chooses carries {@link #suffix()}: no test sees another's data, and
 * slugs derived from names are predictable.
 */
public final class Fixtures {

  /** A short article body (8 words), as newsrooms write them. */
  public static final String BODY = "<p>Am frühen Morgen liefen zwölf Schiffe aus.</p>";

  /** A teaser for article lists and feeds. */
  public static final String EXCERPT =
      "Die Marine hat vor der Küste die größte Übung seit Jahren begonnen.";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
  private static final String LETTERS_AND_DIGITS = LETTERS + "0123456789";

  private Fixtures() {}

  /** Ten random lower-case letters and digits: unique, and valid inside a slug. */
  public static String suffix() {
    return random(LETTERS_AND_DIGITS, 10);
  }

  /**
   * A random word of lower-case letters that no other text contains, for full-text searches: only
   * letters, so that the search keeps it as one word.
   */
  public static String word() {
    return "zq" + random(LETTERS, 10);
  }

  private static String random(String alphabet, int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  /** Now, to the second: a publication time that an article reads back exactly as sent. */
  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  /**
   * A created category, author or article: where to find it, the ETag to write it with, and the
   * whole 201 answer.
   */
  public record Created(String id, String slug, String etag, JsonPath json) {

    /** A reference to it by slug, as request bodies name categories, authors and articles. */
    public Map<String, Object> bySlug() {
      return Map.of("slug", slug);
    }

    /** A reference to it by id. */
    public Map<String, Object> byId() {
      return Map.of("id", id);
    }
  }

  /** Creates a root category with this name. */
  public static Created category(String name) {
    return category(Map.of("name", name));
  }

  /** Creates a category with this name under {@code parent}. */
  public static Created category(String name, Created parent) {
    return category(Map.of("name", name, "parent", parent.bySlug()));
  }

  /** Creates a category from this payload. */
  public static Created category(Map<String, ?> payload) {
    return created(Api.admin().body(payload).post("/api/v1/categories"));
  }

  /** Creates an author with this name. */
  public static Created author(String name) {
    return author(Map.of("name", name));
  }

  /** Creates an author from this payload. */
  public static Created author(Map<String, ?> payload) {
    return created(Api.admin().body(payload).post("/api/v1/authors"));
  }

  /** An article to create: a draft with a title in a category, until more is said. */
  public static NewArticle newArticle(String title, Created category) {
    return newArticle(title, category.slug());
  }

  /** An article to create in the category with this slug. */
  public static NewArticle newArticle(String title, String categorySlug) {
    return new NewArticle(title, categorySlug);
  }

  /** Creates an article from this payload. */
  public static Created article(Map<String, ?> payload) {
    return created(Api.admin().body(payload).post("/api/v1/articles"));
  }

  /** Issues an API token of this role (not {@code author}) and returns its secret. */
  public static String token(String role) {
    return token(role + " " + suffix(), role, null).secret();
  }

  /** Issues an API token; {@code author} is the byline an author token writes for, else null. */
  public static Token token(String name, String role, Created author) {
    return tokenFor(name, role, author == null ? null : author.slug());
  }

  /** Issues an API token with this name and role, for the author with this slug (or none). */
  public static Token tokenFor(String name, String role, String authorSlug) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("name", name);
    payload.put("role", role);
    if (authorSlug != null) {
      payload.put("author", Map.of("slug", authorSlug));
    }
    JsonPath issued =
        Api.admin()
            .body(payload)
            .post("/api/v1/tokens")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    return new Token(issued.getString("id"), name, issued.getString("token"));
  }

  /** An issued API token: its id, its name (the actor in the audit log) and its secret. */
  public record Token(String id, String name, String secret) {}

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

  /**
   * Changes a category, author or article as an admin would, with a merge patch sent with its
   * current ETag, and returns the new ETag.
   */
  public static String patch(String path, Map<String, ?> changes) {
    return Api.mergePatch(Api.admin())
        .header("If-Match", etag(path))
        .body(changes)
        .patch(path)
        .then()
        .statusCode(200)
        .extract()
        .header("ETag");
  }

  /** Deletes a category, author, article or trashed article as an admin would, with its ETag. */
  public static void delete(String path) {
    Api.admin().header("If-Match", etag(path)).delete(path).then().statusCode(204);
  }

  /** What a POST that must create something answered. */
  public static Created created(Response response) {
    response.then().statusCode(201).header("ETag", notNullValue());
    JsonPath json = response.jsonPath();
    return new Created(json.getString("id"), json.getString("slug"), response.header("ETag"), json);
  }

  /** An article payload under construction; every setter replaces what was there. */
  public static final class NewArticle {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private NewArticle(String title, String categorySlug) {
      fields.put("title", title);
      fields.put("category", Map.of("slug", categorySlug));
    }

    /** {@code draft}, {@code scheduled}, {@code published} or {@code archived}. */
    public NewArticle status(String status) {
      return with("status", status);
    }

    /** Published, now. */
    public NewArticle published() {
      return status("published");
    }

    /** Published at this moment: in the past it is public, in the future it is scheduled. */
    public NewArticle published(Instant at) {
      return status("published").publishedAt(at);
    }

    public NewArticle publishedAt(Instant at) {
      return with("publishedAt", at.toString());
    }

    public NewArticle publishedAt(String at) {
      return with("publishedAt", at);
    }

    /** The byline, in this order. */
    public NewArticle authors(Created... authors) {
      return with("authors", Arrays.stream(authors).map(Created::bySlug).toList());
    }

    /** The byline by author slugs, in this order. */
    public NewArticle authorSlugs(String... slugs) {
      return with("authors", Arrays.stream(slugs).map(slug -> Map.of("slug", slug)).toList());
    }

    public NewArticle tags(String... tags) {
      return with("tags", List.of(tags));
    }

    /** Pinned related articles, by slug. */
    public NewArticle related(List<String> slugs) {
      return with("related", slugs.stream().map(slug -> Map.of("slug", slug)).toList());
    }

    /** {@link #EXCERPT} and {@link #BODY}. */
    public NewArticle withText() {
      return with("excerpt", EXCERPT).with("body", BODY);
    }

    public NewArticle with(String field, Object value) {
      fields.put(field, value);
      return this;
    }

    /** The payload, as a map of its own that the caller may change. */
    public Map<String, Object> toMap() {
      return new LinkedHashMap<>(fields);
    }

    /** Creates the article as an admin. */
    public Created create() {
      return article(fields);
    }
  }
}
