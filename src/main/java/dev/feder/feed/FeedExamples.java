package dev.feder.feed;

/** Realistic examples for the OpenAPI document. */
final class FeedExamples {

  static final String RSS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" \
      xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel>
          <title>Feder</title>
          <link>https://www.example.org/</link>
          <description>The latest articles of Feder</description>
          <atom:link href="https://api.example.org/api/v1/feeds/articles.rss" rel="self" \
      type="application/rss+xml"/>
          <lastBuildDate>Thu, 26 Nov 2026 08:15:00 GMT</lastBuildDate>
          <generator>Feder</generator>
          <item>
            <title>„Größte Übung seit Jahren“: Marine probt vor Pjöngjang</title>
            <link>https://www.example.org/artikel/groesste-uebung-seit-jahren-marine-probt-vor-pjoengjang</link>
            <guid isPermaLink="false">6f1c2a43-5e1b-4d8e-9a57-3b2c1d0e9f88</guid>
            <pubDate>Thu, 26 Nov 2026 08:15:00 GMT</pubDate>
            <description>Die Marine hat vor der Küste die größte Übung seit Jahren \
      begonnen.</description>
            <dc:creator>Sophie Müller</dc:creator>
            <category>Nachrichten</category>
          </item>
        </channel>
      </rss>
      """;

  static final String ATOM =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom">
        <id>urn:uuid:3d6f0a52-8c1e-4b7a-9f20-6e5d4c3b2a10</id>
        <title>Feder – Nachrichten</title>
        <subtitle>Aktuelle Meldungen aus aller Welt</subtitle>
        <updated>2026-11-26T08:15:00Z</updated>
        <link rel="alternate" type="text/html" href="https://www.example.org/"/>
        <link rel="self" type="application/atom+xml" \
      href="https://api.example.org/api/v1/feeds/categories/nachrichten.atom"/>
        <generator>Feder</generator>
        <entry>
          <id>urn:uuid:6f1c2a43-5e1b-4d8e-9a57-3b2c1d0e9f88</id>
          <title>„Größte Übung seit Jahren“: Marine probt vor Pjöngjang</title>
          <link rel="alternate" type="text/html" \
      href="https://www.example.org/artikel/groesste-uebung-seit-jahren-marine-probt-vor-pjoengjang"/>
          <published>2026-11-26T08:15:00Z</published>
          <updated>2026-11-26T08:15:00Z</updated>
          <author>
            <name>Sophie Müller</name>
          </author>
          <category term="nachrichten" label="Nachrichten"/>
          <summary>Die Marine hat vor der Küste die größte Übung seit Jahren begonnen.</summary>
        </entry>
      </feed>
      """;

  static final String SITEMAP =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url>
          <loc>https://www.example.org/artikel/groesste-uebung-seit-jahren-marine-probt-vor-pjoengjang</loc>
          <lastmod>2026-11-26T08:15:00Z</lastmod>
        </url>
      </urlset>
      """;

  static final String CATEGORY_NOT_FOUND =
      """
      {
        "type": "/problems/not-found",
        "title": "Not found",
        "status": 404,
        "detail": "Category 'nachrichten' does not exist",
        "instance": "/api/v1/feeds/categories/nachrichten.rss"
      }
      """;

  private FeedExamples() {}
}
