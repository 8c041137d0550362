package dev.feder.event;

/** Realistic examples for the OpenAPI document. */
public final class EventExamples {

  /** An article published by an edit. */
  public static final String EVENT =
      """
      {
        "id": "0193a5c2-7d41-7e8a-9b3c-4f5e6a7b8c9d",
        "type": "article.published",
        "occurredAt": "2026-11-26T09:02:41.512Z",
        "entityType": "article",
        "entityId": "6f1c2a43-5e1b-4d8e-9a57-3b2c1d0e9f88",
        "slug": "groesste-uebung-seit-jahren-marine-probt-vor-der-kueste",
        "status": "published",
        "previousStatus": "draft",
        "changed": ["status"],
        "paths": [
          "/artikel/groesste-uebung-seit-jahren-marine-probt-vor-der-kueste",
          "/kategorie/nachrichten-aus-uebersee",
          "/kategorie/welt"
        ],
        "feeds": [
          "/api/v1/feeds/articles.rss",
          "/api/v1/feeds/articles.atom",
          "/api/v1/feeds/categories/nachrichten-aus-uebersee.rss",
          "/api/v1/feeds/categories/nachrichten-aus-uebersee.atom",
          "/api/v1/feeds/categories/welt.rss",
          "/api/v1/feeds/categories/welt.atom",
          "/sitemap.xml"
        ],
        "tags": [
          "article:6f1c2a43-5e1b-4d8e-9a57-3b2c1d0e9f88",
          "articles",
          "category:3d0c1b2a-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
          "category:8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d",
          "author:5b4c3d2e-1f0a-4b9c-8d7e-6f5a4b3c2d1e",
          "article:any",
          "author:any",
          "category:any"
        ]
      }
      """;

  private EventExamples() {}
}
