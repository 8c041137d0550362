package dev.feder.article;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.feder.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Related articles: pinned first, then by shared tags and category; never itself or a draft. */
@QuarkusTest
class RelatedArticlesTest {

  private String run;
  private String news;
  private String sports;

  @BeforeEach
  void createCategories() {
    run = UUID.randomUUID().toString().substring(0, 8);
    String world = create("/api/v1/categories", Map.of("name", "Welt " + run));
    news =
        create(
            "/api/v1/categories",
            Map.of("name", "Nachrichten " + run, "parent", Map.of("slug", world)));
    sports = create("/api/v1/categories", Map.of("name", "Sport " + run));
  }

  @Test
  void sharedTagsRankAboveSameCategoryAndDraftsNeverAppear() {
    String tag = "Hafen-" + run;
    String base =
        article("Hafen von Nampo", news, List.of(tag, "Marine-" + run), "published", List.of());
    String twoTags =
        article("Marine im Hafen", sports, List.of(tag, "Marine-" + run), "published", List.of());
    String oneTag = article("Neue Kräne", sports, List.of(tag), "published", List.of());
    String sameCategory = article("Wahl in Übersee", news, List.of("Wahl"), "published", List.of());
    String draft =
        article("Hafen im Entwurf", news, List.of(tag, "Marine-" + run), "draft", List.of());
    article("Pokalspiel", sports, List.of("Fußball"), "published", List.of());

    Api.anonymous()
        .get("/api/v1/articles/" + id(base) + "/related")
        .then()
        .statusCode(200)
        .body("data.slug", contains(twoTags, oneTag, sameCategory))
        .body("data.slug", not(hasItem(base)))
        .body("data.slug", not(hasItem(draft)))
        .body("data", everyItem(not(org.hamcrest.Matchers.hasKey("body"))));
  }

  @Test
  void pinnedArticlesComeFirstAndUnpublishedPinsStayHidden() {
    String tag = "Gipfel-" + run;
    String computed = article("Gipfel in Genf", news, List.of(tag), "published", List.of());
    String pinned = article("Hintergrund zum Gipfel", sports, List.of(), "published", List.of());
    String pinnedDraft = article("Gipfel-Entwurf", sports, List.of(), "draft", List.of());
    String base =
        article("Gipfel beginnt", news, List.of(tag), "published", List.of(pinnedDraft, pinned));

    Api.anonymous()
        .queryParam("size", 2)
        .get("/api/v1/articles/" + id(base) + "/related")
        .then()
        .statusCode(200)
        .body("data.slug", contains(pinned, computed));
    Api.anonymous()
        .get("/api/v1/articles/slug/" + base)
        .then()
        .statusCode(200)
        .body("related.slug", contains(pinned));
    Api.admin()
        .get("/api/v1/articles/slug/" + base)
        .then()
        .statusCode(200)
        .body("related.slug", contains(pinnedDraft, pinned));
  }

  @Test
  void articleWithoutTagsIsRelatedByCategory() {
    String leer = create("/api/v1/categories", Map.of("name", "Ohne Schlagworte " + run));
    String sibling = article("Meldung aus der Rubrik", leer, List.of(), "published", List.of());
    String base = article("Meldung ohne Schlagworte", leer, List.of(), "published", List.of());

    Api.anonymous()
        .get("/api/v1/articles/" + id(base) + "/related")
        .then()
        .statusCode(200)
        .body("data.slug", contains(sibling));
  }

  @Test
  void relatedOfADraftIsNotFoundForAnonymousReaders() {
    String draft = article("Noch geheim", news, List.of(), "draft", List.of());
    Api.anonymous()
        .get("/api/v1/articles/" + id(draft) + "/related")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void lonelyArticleHasNoRelatedArticles() {
    String lonely =
        article(
            "Einsame Meldung",
            create("/api/v1/categories", Map.of("name", "Leer " + run)),
            List.of("Einzelstück-" + run),
            "published",
            List.of());
    Api.anonymous()
        .get("/api/v1/articles/" + id(lonely) + "/related")
        .then()
        .statusCode(200)
        .body("data", empty());
  }

  @Test
  void badPinsAndSizesAreRefused() {
    String base = article("Basis", news, List.of(), "published", List.of());
    Api.raw()
        .queryParam("size", 21)
        .get("/api/v1/articles/" + id(base) + "/related")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("size"));
    Map<String, Object> body = payload("Mit falschem Bezug", news, List.of(), "draft");
    body.put("related", List.of(Map.of("slug", "gibt-es-nicht-" + run)));
    Api.admin()
        .body(body)
        .post("/api/v1/articles")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("related[0]"));
    body.put("related", List.of(Map.of("slug", base), Map.of("slug", base)));
    Api.admin()
        .body(body)
        .post("/api/v1/articles")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("related[1]"));
  }

  private String article(
      String title, String category, List<String> tags, String status, List<String> related) {
    Map<String, Object> body = payload(title, category, tags, status);
    body.put("related", related.stream().map(slug -> Map.of("slug", slug)).toList());
    return create("/api/v1/articles", body);
  }

  private Map<String, Object> payload(
      String title, String category, List<String> tags, String status) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", title + " " + run);
    body.put("category", Map.of("slug", category));
    body.put("tags", tags);
    body.put("status", status);
    return body;
  }

  private static String id(String slug) {
    return Api.admin()
        .get("/api/v1/articles/slug/" + slug)
        .then()
        .statusCode(200)
        .extract()
        .path("id");
  }

  private static String create(String path, Map<String, Object> body) {
    return Api.admin().body(body).post(path).then().statusCode(201).extract().path("slug");
  }
}
