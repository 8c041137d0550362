package dev.feder.feed;

import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import dev.feder.support.Fixtures.NewArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the feed and sitemap tests read: a category tree Welt › Übersee with a published article in
 * each, and a draft, a scheduled and an archived article that must never show. Made anew for every
 * test, with names of its own.
 */
final class FeedScenario {

  static final String RSS = "application/rss+xml";
  static final String ATOM = "application/atom+xml";
  static final String ATOM_NS = "http://www.w3.org/2005/Atom";
  static final String DC_NS = "http://purl.org/dc/elements/1.1/";
  static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

  /** The article URL pattern of the test profile. */
  static final String ARTICLE_URL = "https://zeitung.example/{category}/{slug}";

  final String run = Fixtures.suffix();
  final String overseasName = "Übersee " + run;
  final String authorName = "Jörg Weißmann " + run;
  final String title =
      "„Größte Übung seit Jahren“: Marine probt in Übersee – Straße gesperrt " + run;
  final String excerpt = "Die Marine übt <vor> der Küste & größer als „je zuvor“.";

  final Created world = category("Welt " + run, null);
  final Created overseas;
  final Created author = Fixtures.author(authorName);

  /** Published now in Übersee: the newest public article when the scenario is made. */
  final Created published;

  /** Published an hour ago in Welt, the parent category. */
  final Created publishedInParent;

  final Created draft;
  final Created scheduled;
  final Created archived;

  FeedScenario() {
    overseas = category(overseasName, world);
    draft = article("Entwurf " + run, overseas).create();
    scheduled =
        article("Geplant " + run, overseas)
            .published(Instant.parse("2099-01-01T06:00:00Z"))
            .create();
    archived = article("Archiviert " + run, overseas).status("archived").create();
    publishedInParent =
        article("Gipfel in Genf " + run, world)
            .published(Instant.now().minus(Duration.ofHours(1)))
            .create();
    published = article(title, overseas).published().create();
  }

  /** An article as the scenario writes them: the odd excerpt, a short body, the byline. */
  NewArticle article(String articleTitle, Created category) {
    return Fixtures.newArticle(articleTitle, category)
        .with("excerpt", excerpt)
        .with("body", "<p>Text</p>")
        .authors(author);
  }

  /** A category described as the feeds' channels show it. */
  private static Created category(String name, Created parent) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("description", "Meldungen aus " + name);
    if (parent != null) {
      body.put("parent", parent.bySlug());
    }
    return Fixtures.category(body);
  }

  /** The website URL the configured pattern gives an article. */
  static String link(Created article) {
    return ARTICLE_URL
        .replace("{category}", article.json().getString("category.slug"))
        .replace("{slug}", article.slug());
  }
}
