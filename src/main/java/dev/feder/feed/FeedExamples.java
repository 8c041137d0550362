package dev.feder.feed;

/** Realistic examples for the OpenAPI document. */
final class FeedExamples {

  static final String CACHE_CONTROL =
      "public with max-age for every caller: the document is the same whatever credentials are"
          + " sent";

  static final String RSS =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\""
          + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
          + "  <channel>\n"
          + "    <title>Feder</title>\n"
          + "    <link>https://www.example.org/</link>\n"
          + "    <description>The latest articles of Feder</description>\n"
          + "    <atom:link href=\"https://api.example.org/api/v1/feeds/articles.rss\" rel=\"self\""
          + " type=\"application/rss+xml\"/>\n"
          + "    <lastBuildDate>Thu, 26 Nov 2026 08:15:00 GMT</lastBuildDate>\n"
          + "    <generator>Feder</generator>\n"
          + "    <item>\n"
          + "      <title>„Größte Übung seit Jahren“: Marine probt vor Pjöngjang</title>\n"
          + "      <link>https://www.example.org/artikel/"
          + "groesste-uebung-seit-jahren-marine-probt-vor-pjoengjang</link>\n"
          + "      <guid isPermaLink=\"false\">6f1c2a43-5e1b-4d8e-9a57-3b2c1d0e9f88</guid>\n"
          + "      <pubDate>Thu, 26 Nov 2026 08:15:00 GMT</pubDate>\n"
          + "      <description>Die Marine hat vor der Küste die größte Übung seit Jahren"
          + " begonnen.</description>\n"
          + "      <dc:creator>Sophie Müller</dc:creator>\n"
          + "      <category>Nachrichten</category>\n"
          + "    </item>\n"
          + "  </channel>\n"
          + "</rss>\n";

  static final String ATOM =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
          + "  <id>urn:uuid:3d6f0a52-8c1e-4b7a-9f20-6e5d4c3b2a10</id>\n"
          + "  <title>Feder – Nachrichten</title>\n"
          + "  <subtitle>Aktuelle Meldungen aus aller Welt</subtitle>\n"
          + "  <updated>2026-11-26T08:15:00Z</updated>\n"
          + "  <link rel=\"alternate\" type=\"text/html\" href=\"https://www.example.org/\"/>\n"
          + "  <link rel=\"self\" type=\"application/atom+xml\""
          + " href=\"https://api.example.org/api/v1/feeds/categories/nachrichten.atom\"/>\n"
          + "  <generator>Feder</generator>\n"
          + "  <entry>\n"
          + "    <id>urn:uuid:6f1c2a43-5e1b-4d8e-9a57-3b2c1d0e9f88</id>\n"
          + "    <title>„Größte Übung seit Jahren“: Marine probt vor Pjöngjang</title>\n"
          + "    <link rel=\"alternate\" type=\"text/html\" href=\"https://www.example.org/artikel/"
          + "groesste-uebung-seit-jahren-marine-probt-vor-pjoengjang\"/>\n"
          + "    <published>2026-11-26T08:15:00Z</published>\n"
          + "    <updated>2026-11-26T08:15:00Z</updated>\n"
          + "    <author>\n"
          + "      <name>Sophie Müller</name>\n"
          + "    </author>\n"
          + "    <category term=\"nachrichten\" label=\"Nachrichten\"/>\n"
          + "    <summary>Die Marine hat vor der Küste die größte Übung seit Jahren"
          + " begonnen.</summary>\n"
          + "  </entry>\n"
          + "</feed>\n";

  static final String SITEMAP =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
          + "  <url>\n"
          + "    <loc>https://www.example.org/artikel/"
          + "groesste-uebung-seit-jahren-marine-probt-vor-pjoengjang</loc>\n"
          + "    <lastmod>2026-11-26T08:15:00Z</lastmod>\n"
          + "  </url>\n"
          + "</urlset>\n";

  static final String CATEGORY_NOT_FOUND =
      "{\"type\":\"/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
          + "\"detail\":\"Category 'nachrichten' does not exist\","
          + "\"instance\":\"/api/v1/feeds/categories/nachrichten.rss\"}";

  static final String NOT_ACCEPTABLE =
      "{\"type\":\"/problems/not-acceptable\",\"title\":\"Not acceptable\",\"status\":406,"
          + "\"detail\":\"This resource cannot answer in a media type that the Accept header"
          + " allows\",\"instance\":\"/api/v1/feeds/articles.rss\"}";

  private FeedExamples() {}
}
