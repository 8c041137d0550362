package dev.feder.asset;

import static dev.feder.asset.AssetFixtures.uniquePhoto;
import static dev.feder.asset.AssetFixtures.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An article's reads (one statement, no entities) answer byte for byte what its writes answer (the
 * entity just changed), with everything an article can embed: a lead image from the media library
 * with its own texts, an image in the body, a byline with an avatar, a category with its parent,
 * and pinned articles of every status, one of them in the trash.
 */
@QuarkusTest
class ArticleReadPathsTest {

  private static final String ARTICLES = "/api/v1/articles";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readsAnswerWhatWritesAnswerWithEverythingEmbedded() throws Exception {
    String run = Fixtures.suffix();
    String lead = uploaded(Map.of("alt", "Marineschiffe im Gelben Meer", "credit", "dpa"));
    String avatar = uploaded(Map.of());
    String inBody = uploaded(Map.of("alt", "Küste bei Nampo", "caption", "Die Küste"));
    Created welt = Fixtures.category("Welt " + run);
    Created nachrichten = Fixtures.category("Nachrichten " + run, welt);
    Created pictured =
        Fixtures.author(
            Map.of(
                "name",
                "Jörg Weiß " + run,
                "avatarUrl",
                "https://images.example.org/joerg.jpg",
                "avatar",
                Map.of("asset", Map.of("id", avatar))));
    Created plain = Fixtures.author("Sophie Müller " + run);
    Created published =
        Fixtures.newArticle("Spannungen im Gelben Meer " + run, nachrichten).published().create();
    Created draft = Fixtures.newArticle("Entwurf „Nordkorea“ " + run, nachrichten).create();
    Created scheduled =
        Fixtures.newArticle("Gipfel in Seoul " + run, nachrichten)
            .published(Instant.now().plus(2, ChronoUnit.DAYS))
            .create();
    Created trashed = Fixtures.newArticle("Überholt " + run, nachrichten).published().create();

    Map<String, Object> payload =
        Fixtures.newArticle("„Größte Übung seit Jahren“: Marine probt " + run, nachrichten)
            .published()
            .authors(pictured, plain)
            .tags("Nordkorea", "Marine", "Straße")
            .related(List.of(published.slug(), draft.slug(), scheduled.slug(), trashed.slug()))
            .with("subtitle", "Manöver vor Pjöngjang")
            .with("excerpt", "Zwölf Schiffe, „so viele wie nie“.")
            .with(
                "body",
                "<h2>Vor der Küste</h2><p>Am frühen Morgen liefen zwölf Schiffe aus.</p>"
                    + "<img data-asset-id=\""
                    + inBody
                    + "\" alt=\"\"><p>Siehe auch: <a href=\"https://zeitung.example/welt/"
                    + published.slug()
                    + "\">Spannungen</a></p>")
            .with("source", Map.of("name", "Quelle: Yonhap", "url", "https://en.yna.co.kr/"))
            .with(
                "featuredImage",
                Map.of("asset", Map.of("id", lead), "caption", "Eigene Unterschrift, ß"))
            .with("seo", Map.of("metaTitle", "Größte Übung | Feder"))
            .toMap();
    Created article = Fixtures.article(payload);
    Fixtures.delete(ARTICLES + "/" + trashed.id());

    // The write path: a change made through the entity answers with the entity's state.
    Response written =
        Api.mergePatch(Api.admin())
            .header("If-Match", Fixtures.etag(ARTICLES + "/" + article.id()))
            .body(Map.of("tags", List.of("Nordkorea", "Marine", "Straße", "Übung")))
            .patch(ARTICLES + "/" + article.id());
    written.then().statusCode(200);

    for (String path :
        List.of(ARTICLES + "/" + article.id(), ARTICLES + "/slug/" + article.slug())) {
      Response read = Api.admin().get(path);
      read.then().statusCode(200);
      assertEquals(written.asString(), read.asString(), path);
      assertEquals(written.header("ETag"), read.header("ETag"), path);
    }

    JsonNode editors = JSON.readTree(written.asString());
    assertEquals(3, editors.get("related").size(), "the live pinned articles of every status");
    assertEquals(1, editors.get("body").asText().split("srcset=").length - 1);
    ObjectNode expected = editors.deepCopy();
    ArrayNode publicOnly = JSON.createArrayNode().add(editors.get("related").get(0));
    expected.set("related", publicOnly);
    for (String path :
        List.of(ARTICLES + "/" + article.id(), ARTICLES + "/slug/" + article.slug())) {
      Response read = Api.anonymous().get(path);
      read.then().statusCode(200);
      assertEquals(expected, JSON.readTree(read.asString()), path);
    }
    assertEquals(published.id(), publicOnly.get(0).get("id").asText());
  }

  private static String uploaded(Map<String, String> texts) {
    return upload(
            uniquePhoto(), "bild.jpg", "image/jpeg", new HashMap<>(new LinkedHashMap<>(texts)))
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
