package dev.feder.article;

import static dev.feder.support.Fixtures.now;
import static dev.feder.support.Fixtures.suffix;
import static dev.feder.support.Problems.assertInvalidField;
import static dev.feder.support.Problems.assertProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.article.preview.PreviewTokens;
import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Draft previews: a preview link lets whoever holds its token read one article as it stands,
 * whatever its status, by id and by slug, privately and never through the shared cache; it grants
 * nothing else, expires, and can be revoked.
 */
@QuarkusTest
class ArticlePreviewTest {

  private static final String ARTICLES = "/api/v1/articles";

  private static final String PRIVATE = "private, no-store";
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String HEADER = "Feder-Preview";

  @Inject PreviewTokens tokens;

  private Created category;
  private Created author;

  @BeforeEach
  void newsroom() {
    category = Fixtures.category("Nachrichten " + suffix(), Fixtures.category("Welt " + suffix()));
    author = Fixtures.author("Vorschau Autorin" + " " + suffix());
  }

  private JsonPath article(String status, Duration publishedFromNow) {
    Map<String, Object> body =
        Fixtures.newArticle("Vorschau " + suffix(), category.slug()).withText().toMap();
    body.put("authors", List.of(author.bySlug()));
    if (status != null) {
      body.put("status", status);
    }
    if (publishedFromNow != null) {
      body.put("publishedAt", iso(now().plus(publishedFromNow)));
    }
    return Fixtures.article(body).json();
  }

  private JsonPath draft() {
    return article(null, null);
  }

  private static String links(String id) {
    return ARTICLES + "/" + id + "/preview-links";
  }

  private static JsonPath link(String id) {
    return Api.admin().body(Map.of()).post(links(id)).then().statusCode(201).extract().jsonPath();
  }

  private static String token(String id) {
    return link(id).getString("token");
  }

  private static Response readById(String id, String token) {
    return Api.anonymous().queryParam("preview", token).get(ARTICLES + "/" + id);
  }

  private static String issuerToken(String role, Created byline) {
    return Fixtures.tokenFor(role + " " + suffix(), role, byline == null ? null : byline.slug())
        .secret();
  }

  // --- Making links ---------------------------------------------------------------------------

  @Test
  void createAnswers201WithTokenLocationAndADayOfValidity() {
    String id = draft().getString("id");
    Instant before = Instant.now();

    Response made = Api.admin().body(Map.of()).post(links(id));

    made.then()
        .statusCode(201)
        .header("ETag", matchesPattern("^\"[A-Za-z0-9_-]{27}\"$"))
        .body("articleId", equalTo(id))
        .body("token", matchesPattern("^[A-Za-z0-9_-]{39}\\.[A-Za-z0-9_-]{43}$"));
    String token = made.path("token");
    Instant expires = Instant.parse(made.path("expiresAt"));
    assertFalse(expires.isBefore(before.plus(Duration.ofHours(24)).minusSeconds(1)));
    assertFalse(expires.isAfter(Instant.now().plus(Duration.ofHours(24))));
    assertEquals(ARTICLES + "/" + id + "?preview=" + token, made.path("url"));
    assertTrue(made.header("Location").endsWith(made.path("url")), made.header("Location"));
    // The test profile's website route: the default, with the article's id and the token.
    assertEquals(
        "http://localhost:3000/api/draft?id=" + id + "&token=" + token, made.path("previewUrl"));
  }

  @Test
  void createTakesAnExpiryUpToSevenDaysAheadOrAnEmptyBody() {
    String id = draft().getString("id");
    Instant in3Days = now().plus(Duration.ofDays(3));

    Api.admin()
        .body(Map.of("expiresAt", iso(in3Days)))
        .post(links(id))
        .then()
        .statusCode(201)
        .body("expiresAt", equalTo(iso(in3Days)));
    Api.rawAdmin()
        .contentType(ContentType.JSON)
        .accept(ContentType.JSON)
        .post(links(id))
        .then()
        .statusCode(201)
        .body("token", matchesPattern("^\\S{83}$"));
    assertProblem(
        Api.rawAdmin().contentType(ContentType.TEXT).body("morgen").post(links(id)),
        415,
        "/problems/unsupported-media-type");
  }

  @Test
  void createRefusesExpiriesInThePastOrBeyondSevenDays() {
    String id = draft().getString("id");
    assertInvalidField(
        Api.admin().body(Map.of("expiresAt", iso(now().minusSeconds(60)))).post(links(id)),
        "expiresAt",
        equalTo("must lie in the future"));
    assertInvalidField(
        Api.admin()
            .body(Map.of("expiresAt", iso(now().plus(Duration.ofDays(7)).plusSeconds(60))))
            .post(links(id)),
        "expiresAt",
        equalTo("must lie at most 7 days ahead"));
  }

  @Test
  void createRefusesMalformedBodies() {
    String id = draft().getString("id");
    assertProblem(
        Api.rawAdmin().contentType(ContentType.JSON).body("{\"expiresAt\":").post(links(id)),
        400,
        "/problems/malformed-json");
    assertInvalidField(
        Api.rawAdmin()
            .contentType(ContentType.JSON)
            .body("{\"expiresAt\": \"morgen\"}")
            .post(links(id)),
        "expiresAt",
        startsWith("must be an ISO-8601 instant"));
    assertInvalidField(
        Api.rawAdmin().contentType(ContentType.JSON).body("{\"validFor\": 3600}").post(links(id)),
        "validFor",
        startsWith("unknown field"));
  }

  @Test
  void createNeedsAnArticleThatIsLiveAndACallerWhoMayChangeIt() {
    assertProblem(
        Api.admin().body(Map.of()).post(links(UUID.randomUUID().toString())),
        404,
        "/problems/not-found");
    assertProblem(
        Api.rawAdmin().contentType(ContentType.JSON).body("{}").post(links("kein-uuid")),
        404,
        "/problems/not-found");
    String id = draft().getString("id");
    assertProblem(
        Api.raw().contentType(ContentType.JSON).body("{}").post(links(id)),
        401,
        "/problems/unauthorized");
    assertProblem(
        Api.withToken(issuerToken("viewer", null)).body(Map.of()).post(links(id)),
        403,
        "/problems/forbidden");
    Created stranger = Fixtures.author("Fremde Autorin" + " " + suffix());
    assertProblem(
        Api.withToken(issuerToken("author", stranger)).body(Map.of()).post(links(id)),
        403,
        "/problems/forbidden");
    Api.withToken(issuerToken("author", author))
        .body(Map.of())
        .post(links(id))
        .then()
        .statusCode(201);
    Api.withToken(issuerToken("editor", null))
        .body(Map.of())
        .post(links(id))
        .then()
        .statusCode(201);

    Api.admin()
        .header("If-Match", Fixtures.etag(ARTICLES + "/" + id))
        .delete(ARTICLES + "/" + id)
        .then()
        .statusCode(204);
    assertProblem(Api.admin().body(Map.of()).post(links(id)), 404, "/problems/not-found");
  }

  // --- Reading with a link --------------------------------------------------------------------

  @Test
  void tokenShowsTheDraftByIdAndBySlugPrivatelyAndUnindexed() {
    JsonPath draft = draft();
    String id = draft.getString("id");
    String token = token(id);

    readById(id, token)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("status", equalTo("draft"))
        .header("Cache-Control", PRIVATE)
        .header("X-Robots-Tag", "noindex");
    Api.anonymous()
        .header(HEADER, token)
        .get(ARTICLES + "/slug/" + draft.getString("slug"))
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .header("Cache-Control", PRIVATE)
        .header("X-Robots-Tag", "noindex");
    Api.anonymous()
        .queryParam("preview", token)
        .get(ARTICLES + "/slug/" + draft.getString("slug"))
        .then()
        .statusCode(200)
        .body("title", equalTo(draft.getString("title")));
    // Without the token the draft stays hidden.
    assertProblem(Api.anonymous().get(ARTICLES + "/" + id), 404, "/problems/not-found");
  }

  @Test
  void tokenShowsScheduledAndArchivedArticlesAndTheCurrentStateAfterAnEdit() {
    String scheduled = article("published", Duration.ofDays(2)).getString("id");
    readById(scheduled, token(scheduled))
        .then()
        .statusCode(200)
        .body("status", equalTo("scheduled"));
    String archived = article("archived", Duration.ofDays(-2)).getString("id");
    readById(archived, token(archived)).then().statusCode(200).body("status", equalTo("archived"));

    String id = draft().getString("id");
    String token = token(id);
    Api.admin()
        .contentType(Api.MERGE_PATCH)
        .header("If-Match", Fixtures.etag(ARTICLES + "/" + id))
        .body(Map.of("subtitle", "Neu gesetzt"))
        .patch(ARTICLES + "/" + id)
        .then()
        .statusCode(200);
    readById(id, token).then().statusCode(200).body("subtitle", equalTo("Neu gesetzt"));
  }

  @Test
  void tokenGrantsNothingBeyondItsArticle() {
    String id = draft().getString("id");
    String token = token(id);
    JsonPath otherDraft = draft();
    JsonPath published = article("published", Duration.ofDays(-1));

    assertProblem(readById(otherDraft.getString("id"), token), 404, "/problems/not-found");
    assertProblem(
        Api.anonymous()
            .header(HEADER, token)
            .get(ARTICLES + "/slug/" + otherDraft.getString("slug")),
        404,
        "/problems/not-found");
    // A published article reads as it would without the token, but still privately.
    readById(published.getString("id"), token)
        .then()
        .statusCode(200)
        .header("Cache-Control", PRIVATE);
    // Lists and related lists show what anonymous readers see.
    List<String> listed =
        Api.anonymous()
            .header(HEADER, token)
            .queryParam("size", 100)
            .queryParam("category", category.slug())
            .get(ARTICLES)
            .then()
            .statusCode(200)
            .extract()
            .path("data.id");
    assertFalse(listed.contains(id), "a preview token opened the list to its draft");
    assertTrue(listed.contains(published.getString("id")));
    assertProblem(
        Api.anonymous().header(HEADER, token).get(ARTICLES + "/" + id + "/related"),
        404,
        "/problems/not-found");
  }

  @Test
  void relatedArticlesInAPreviewFollowPublicRules() {
    String hidden = draft().getString("id");
    String shown = article("published", Duration.ofDays(-1)).getString("id");
    Map<String, Object> body =
        Fixtures.newArticle("Mit Bezügen " + suffix(), category.slug()).withText().toMap();
    body.put("related", List.of(Map.of("id", hidden), Map.of("id", shown)));
    String id = Fixtures.article(body).json().getString("id");

    List<String> related =
        readById(id, token(id)).then().statusCode(200).extract().path("related.id");
    assertEquals(List.of(shown), related);
  }

  @Test
  void articleInTheTrashIsNotFoundEvenWithAToken() {
    JsonPath draft = draft();
    String id = draft.getString("id");
    String token = token(id);
    Api.admin()
        .header("If-Match", Fixtures.etag(ARTICLES + "/" + id))
        .delete(ARTICLES + "/" + id)
        .then()
        .statusCode(204);

    assertProblem(readById(id, token), 404, "/problems/not-found");
    assertProblem(
        Api.anonymous().header(HEADER, token).get(ARTICLES + "/slug/" + draft.getString("slug")),
        404,
        "/problems/not-found");
  }

  @Test
  void previewReadsNeverComeFromOrGoIntoTheSharedCache() {
    JsonPath published = article("published", Duration.ofDays(-1));
    String id = published.getString("id");
    String path = ARTICLES + "/" + id;
    // Kept for anonymous readers, and by CDNs apart from reads with the preview header...
    Api.anonymous()
        .get(path)
        .then()
        .statusCode(200)
        .header("Cache-Control", startsWith("public"))
        .header("Vary", containsString(HEADER));
    Api.anonymous().get(path).then().statusCode(200).header("Cache-Control", startsWith("public"));
    String token = token(id);
    // ...but a preview read is built for its reader, however the parameter is spelt.
    readById(id, token).then().header("Cache-Control", PRIVATE).header("X-Robots-Tag", "noindex");
    Api.raw()
        .urlEncodingEnabled(false)
        .get(path + "?%70review=" + token)
        .then()
        .statusCode(200)
        .header("Cache-Control", PRIVATE)
        .header("X-Robots-Tag", "noindex");
    Api.anonymous()
        .header(HEADER, token)
        .get(path)
        .then()
        .header("Cache-Control", PRIVATE)
        .header("X-Robots-Tag", "noindex");

    // And a draft read with a token twice leaves nothing that anonymous readers could get.
    JsonPath draft = draft();
    String draftToken = token(draft.getString("id"));
    String preview = ARTICLES + "/" + draft.getString("id") + "?preview=" + draftToken;
    for (int i = 0; i < 2; i++) {
      Api.anonymous().urlEncodingEnabled(false).get(preview).then().statusCode(200);
    }
    assertProblem(
        Api.anonymous().get(ARTICLES + "/" + draft.getString("id")), 404, "/problems/not-found");
  }

  // --- Refused tokens -------------------------------------------------------------------------

  @Test
  void expiredTokenIsForbiddenAndSaysSo() {
    String id = draft().getString("id");
    Instant past = Instant.now().minus(Duration.ofHours(3));
    String expired =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    tokens
                        .issue(UUID.fromString(id), past.plus(Duration.ofHours(1)), past)
                        .token());

    assertProblem(readById(id, expired), 403, "/problems/forbidden")
        .body("detail", startsWith("The preview link expired at "));
  }

  @Test
  void revokingEndsEveryLinkMadeSoFarAndNewLinksWorkAgain() {
    String id = draft().getString("id");
    String first = token(id);
    String second = token(id);

    Api.admin().delete(links(id)).then().statusCode(204);

    for (String revoked : List.of(first, second)) {
      assertProblem(readById(id, revoked), 403, "/problems/forbidden")
          .body("detail", startsWith("The preview link was revoked at "));
    }
    String fresh = token(id);
    assertNotEquals(first, fresh);
    readById(id, fresh).then().statusCode(200);
    // Revoking twice goes on to the next generation; a link made in between dies too.
    Api.admin().delete(links(id)).then().statusCode(204);
    assertProblem(readById(id, fresh), 403, "/problems/forbidden");
  }

  @Test
  void revokingNeedsAnArticleThatIsLiveAndACallerWhoMayChangeIt() {
    assertProblem(
        Api.admin().delete(links(UUID.randomUUID().toString())), 404, "/problems/not-found");
    String id = draft().getString("id");
    assertProblem(Api.raw().delete(links(id)), 401, "/problems/unauthorized");
    assertProblem(
        Api.withToken(issuerToken("viewer", null)).delete(links(id)), 403, "/problems/forbidden");
    Created stranger = Fixtures.author("Fremder Autor" + " " + suffix());
    assertProblem(
        Api.withToken(issuerToken("author", stranger)).delete(links(id)),
        403,
        "/problems/forbidden");
    Api.withToken(issuerToken("author", author)).delete(links(id)).then().statusCode(204);
  }

  @Test
  void alteredOrForeignTokensAreForbiddenAndGarbageIsABadParameter() {
    String id = draft().getString("id");
    String token = token(id);
    String payload = token.substring(0, token.indexOf('.'));
    String signature = token.substring(token.indexOf('.') + 1);
    String otherSignature = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);

    assertProblem(readById(id, payload + "." + otherSignature), 403, "/problems/forbidden")
        .body("detail", containsString("not signed by this Feder, or altered"));
    // A payload naming another article under this signature: refused, not a key to it.
    String otherId = draft().getString("id");
    String otherPayload = token(otherId).substring(0, payload.length());
    assertProblem(readById(otherId, otherPayload + "." + signature), 403, "/problems/forbidden");

    for (String garbage : List.of("kein-token", "a.b.c", payload, "." + signature, "ä.ö")) {
      assertProblem(readById(id, garbage), 400, "/problems/bad-parameter")
          .body("errors[0].field", equalTo("preview"));
    }
    assertProblem(
        Api.anonymous().queryParam("preview", token).header(HEADER, token).get(ARTICLES + "/" + id),
        400,
        "/problems/bad-parameter");
  }

  // --- Audit ----------------------------------------------------------------------------------

  @Test
  void makingAndRevokingLinksIsAudited() {
    String id = draft().getString("id");
    String expiresAt = link(id).getString("expiresAt");
    Api.admin().delete(links(id)).then().statusCode(204);

    JsonPath log =
        Api.admin()
            .queryParam("entityId", id)
            .get("/api/v1/audit-events")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals("revoke-preview-links", log.getString("data[0].action"));
    assertEquals("article", log.getString("data[0].entityType"));
    assertEquals("draft", log.getString("data[0].details.status"));
    assertEquals("create-preview-link", log.getString("data[1].action"));
    assertEquals(expiresAt, log.getString("data[1].details.expiresAt"));
    // The token itself never enters the log.
    assertFalse(log.prettify().contains("preview="));
    Api.admin()
        .queryParam("action", "create-preview-link")
        .queryParam("entityId", id)
        .get("/api/v1/audit-events")
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(1))
        .body("data[0].details.changed", nullValue());
  }

  @Test
  void aRefusedLinkRequestLeavesNothingInTheLog() {
    String id = draft().getString("id");
    Api.admin()
        .body(Map.of("expiresAt", iso(now().minusSeconds(1))))
        .post(links(id))
        .then()
        .statusCode(400);
    Api.admin()
        .queryParam("entityId", id)
        .queryParam("action", "create-preview-link")
        .get("/api/v1/audit-events")
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(0));
  }

  @Test
  void tokensAreNotValidForOtherEndpointsThanReads() {
    String id = draft().getString("id");
    String token = token(id);
    Response patch =
        Api.raw()
            .header(HEADER, token)
            .contentType(Api.MERGE_PATCH)
            .body("{\"title\": \"Gekapert\"}")
            .patch(ARTICLES + "/" + id);
    assertProblem(patch, 401, "/problems/unauthorized");
    patch.then().header("Content-Type", startsWith(PROBLEM_JSON));
  }

  /** An instant as an ISO-8601 string, to the second. */
  private static String iso(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
