package dev.feder.article;

import static dev.feder.support.Problems.assertInvalidField;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.NewArticle;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bodies written in Markdown are stored and served as sanitized HTML. */
@QuarkusTest
class ArticleBodyFormatTest {

  private String category;

  @BeforeEach
  void createCategory() {
    category = Fixtures.category("Format " + Fixtures.suffix()).slug();
  }

  @Test
  void markdownBodyIsServedAsHtml() {
    String markdown =
        "## Was geschah\n\nDie Fähre „Nordlicht“ läuft **wieder** aus.\n\n"
            + "- Hafen\n- Schleuse\n\n> Ein Zitat\n\n"
            + "Lesen Sie auch: [Spannungen im Gelben Meer](/artikel/spannungen-im-gelben-meer)\n";
    Api.admin()
        .body(article(markdown, "markdown"))
        .post("/api/v1/articles")
        .then()
        .statusCode(201)
        .body("body", containsString("<h2>Was geschah</h2>"))
        .body(
            "body",
            containsString("<p>Die Fähre „Nordlicht“ läuft <strong>wieder</strong> aus.</p>"))
        .body("body", containsString("<li>Hafen</li>"))
        .body("body", containsString("<blockquote>"))
        .body("body", containsString("<a href=\"/artikel/spannungen-im-gelben-meer\">"))
        .body("wordCount", equalTo(19));
  }

  @Test
  void scriptsInMarkdownNeverComeBackOut() {
    String markdown =
        "Text <script>alert(1)</script> und <img src=x onerror=alert(2)>"
            + " und [Klick](javascript:alert(3))\n";
    Api.admin()
        .body(article(markdown, "markdown"))
        .post("/api/v1/articles")
        .then()
        .statusCode(201)
        .body("body", not(containsString("script")))
        .body("body", not(containsString("onerror")))
        .body("body", not(containsString("javascript:")));
  }

  @Test
  void htmlIsTheDefaultFormat() {
    Api.admin()
        .body(article("## Keine Überschrift", null))
        .post("/api/v1/articles")
        .then()
        .statusCode(201)
        .body("body", equalTo("## Keine Überschrift"));
  }

  @Test
  void unknownFormatIsRefused() {
    assertInvalidField(
        Api.rawAdmin()
            .contentType(ContentType.JSON)
            .body(article("Text", "rtf"))
            .post("/api/v1/articles"),
        "bodyFormat",
        containsString("markdown"));
  }

  private Map<String, Object> article(String body, String format) {
    NewArticle article = Fixtures.newArticle("Formatprobe", category).with("body", body);
    if (format != null) {
      article.with("bodyFormat", format);
    }
    return article.toMap();
  }
}
