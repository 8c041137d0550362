package dev.feder.article;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.feder.support.Api;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hamcrest.Matcher;

/**
 * Test data for the article tests: categories, authors and article payloads with a random suffix,
 * so tests never collide with each other or with other test classes sharing the database.
 */
final class ArticleFixtures {

  static final String ARTICLES = "/api/v1/articles";
  static final String PROBLEM_JSON = "application/problem+json";
  static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
  static final String JSON_UTF8 = "application/json; charset=UTF-8";

  /** What a client sends when it wants JSON and understands problem details (204/4xx answers). */
  static final String ACCEPT_WITH_PROBLEMS = "application/json, application/problem+json";

  static final String LONG_BIO =
      "Sophie Müller berichtet seit 2011 über Außen- und Sicherheitspolitik, zunächst als"
          + " Korrespondentin in Seoul, später in Tokio und Peking. Sie studierte Koreanistik und"
          + " Politikwissenschaft in Bochum und Seoul und volontierte bei einer großen"
          + " Regionalzeitung im Ruhrgebiet. Für ihre Reportagen über die entmilitarisierte Zone"
          + " erhielt sie 2019 den Preis für Auslandsberichterstattung. Sie spricht Koreanisch,"
          + " Japanisch und Mandarin, schreibt über Rüstungskontrolle, Flüchtlingsrouten und die"
          + " Wirtschaft Ostasiens und moderiert den wöchentlichen Podcast „Blick nach Osten“."
          + " Wenn sie nicht unterwegs ist, lebt sie mit ihrer Familie in Berlin-Kreuzberg, fährt"
          + " bei jedem Wetter Fahrrad und sammelt alte Landkarten der koreanischen Halbinsel.";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  private ArticleFixtures() {}

  /** A short lower-case suffix that keeps names and slugs unique across the shared database. */
  static String suffix() {
    StringBuilder s = new StringBuilder(8);
    for (int i = 0; i < 8; i++) {
      s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }

  /** A category or author as created, for references and assertions. */
  record Ref(String id, String slug, String name) {
    Map<String, Object> bySlug() {
      return Map.of("slug", slug);
    }

    Map<String, Object> byId() {
      return Map.of("id", id);
    }
  }

  /** The section tree Welt › Nachrichten, with unique slugs. */
  record Sections(Ref welt, Ref nachrichten) {}

  static Sections sections() {
    String sfx = suffix();
    Ref welt = createCategory("Welt", "welt-" + sfx, null);
    Ref nachrichten = createCategory("Nachrichten", "nachrichten-" + sfx, welt.slug());
    return new Sections(welt, nachrichten);
  }

  static Ref createCategory(String name, String slug, String parentSlug) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("slug", slug);
    body.put("description", "Aktuelle Meldungen aus aller Welt");
    if (parentSlug != null) {
      body.put("parent", Map.of("slug", parentSlug));
    }
    JsonPath created =
        Api.admin()
            .body(body)
            .post("/api/v1/categories")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    return new Ref(created.getString("id"), created.getString("slug"), created.getString("name"));
  }

  static Ref createAuthor(String name, String slugBase, String bio) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    String slug = slugBase + "-" + suffix();
    body.put("slug", slug);
    body.put("bio", bio);
    body.put("email", slug + "@example.org");
    body.put("avatarUrl", "https://images.example.org/authors/" + slug + ".jpg");
    JsonPath created =
        Api.admin().body(body).post("/api/v1/authors").then().statusCode(201).extract().jsonPath();
    return new Ref(created.getString("id"), created.getString("slug"), created.getString("name"));
  }

  /** A minimal valid article payload (a draft unless a status is added). */
  static Map<String, Object> article(String title, Ref category) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", title);
    body.put("excerpt", "Die Marine hat vor der Küste die größte Übung seit Jahren begonnen.");
    body.put("body", "<p>Am frühen Morgen liefen zwölf Schiffe aus.</p>");
    body.put("category", category.bySlug());
    return body;
  }

  /** A published article payload with {@code publishedAt} in the past. */
  static Map<String, Object> published(String title, Ref category, Instant publishedAt) {
    Map<String, Object> body = article(title, category);
    body.put("status", "published");
    body.put("publishedAt", iso(publishedAt));
    return body;
  }

  /** Creates an article as admin and returns what the POST answered. */
  static JsonPath create(Map<String, Object> body) {
    return Api.admin().body(body).post(ARTICLES).then().statusCode(201).extract().jsonPath();
  }

  /** The current ETag of an article, as the admin reads it. */
  static String etag(String id) {
    return Api.admin().get(ARTICLES + "/" + id).then().statusCode(200).extract().header("ETag");
  }

  /** An instant as the API writes it: seconds precision, UTC with a Z. */
  static String iso(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  /** A raw admin client sending JSON, for requests that break the contract on purpose. */
  static RequestSpecification rawJson() {
    return Api.rawAdmin().contentType(JSON_UTF8).accept(ContentType.JSON);
  }

  /** Asserts an RFC 9457 problem of the given status and type. */
  static Response assertProblem(Response response, int status, String type) {
    response
        .then()
        .statusCode(status)
        .header("Content-Type", startsWith(PROBLEM_JSON))
        .body("type", equalTo(type))
        .body("status", equalTo(status));
    return response;
  }

  /** Asserts a 400 validation problem naming {@code field} with a matching message. */
  static Response assertInvalidField(
      Response response, String type, String field, Matcher<? super String> message) {
    assertProblem(response, 400, type);
    response
        .then()
        .body("errors.field", hasItem(field))
        .body("errors.find { it.field == '" + field + "' }.message", message);
    return response;
  }

  static Response assertInvalidField(Response response, String field, Matcher<String> message) {
    return assertInvalidField(response, "/problems/validation", field, message);
  }

  /**
   * The ids of a list in order, page by page (size 100), until all {@code wanted} ids were seen or
   * the list ends. Lets a test check its own items without assuming anything about the rest of the
   * shared database.
   */
  static List<String> walk(
      Supplier<RequestSpecification> client, Map<String, ?> params, Collection<String> wanted) {
    List<String> seen = new ArrayList<>();
    for (int page = 1; ; page++) {
      JsonPath json =
          client
              .get()
              .queryParams(params)
              .queryParam("size", 100)
              .queryParam("page", page)
              .get(ARTICLES)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      seen.addAll(json.getList("data.id", String.class));
      if (wanted != null && seen.containsAll(wanted)) {
        return seen;
      }
      if (page >= json.getInt("meta.totalPages")) {
        return seen;
      }
    }
  }
}
