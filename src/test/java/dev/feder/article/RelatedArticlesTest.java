package dev.feder.article;

import static dev.feder.support.Problems.assertBadParameter;
import static dev.feder.support.Problems.assertInvalidField;
import static dev.feder.support.Problems.assertProblem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import dev.feder.support.Fixtures.NewArticle;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
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
    run = Fixtures.suffix();
    Created world = Fixtures.category("Welt " + run);
    news = Fixtures.category("Nachrichten " + run, world).slug();
    sports = Fixtures.category("Sport " + run).slug();
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
        .body("data", everyItem(not(hasKey("body"))));
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
    String leer = Fixtures.category("Ohne Schlagworte " + run).slug();
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
    assertProblem(
        Api.anonymous().get("/api/v1/articles/" + id(draft) + "/related"),
        404,
        "/problems/not-found");
  }

  @Test
  void lonelyArticleHasNoRelatedArticles() {
    String lonely =
        article(
            "Einsame Meldung",
            Fixtures.category("Leer " + run).slug(),
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
    assertBadParameter(
        Api.raw().queryParam("size", 21).get("/api/v1/articles/" + id(base) + "/related"), "size");
    NewArticle body = payload("Mit falschem Bezug", news, List.of(), "draft");
    assertInvalidField(
        Api.admin()
            .body(body.related(List.of("gibt-es-nicht-" + run)).toMap())
            .post("/api/v1/articles"),
        "related[0]",
        notNullValue());
    assertInvalidField(
        Api.admin().body(body.related(List.of(base, base)).toMap()).post("/api/v1/articles"),
        "related[1]",
        notNullValue());
  }

  private String article(
      String title, String category, List<String> tags, String status, List<String> related) {
    return payload(title, category, tags, status).related(related).create().slug();
  }

  private NewArticle payload(String title, String category, List<String> tags, String status) {
    return Fixtures.newArticle(title + " " + run, category)
        .tags(tags.toArray(String[]::new))
        .status(status);
  }

  private static String id(String slug) {
    return Api.admin()
        .get("/api/v1/articles/slug/" + slug)
        .then()
        .statusCode(200)
        .extract()
        .path("id");
  }
}
