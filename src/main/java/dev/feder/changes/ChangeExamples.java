package dev.feder.changes;

/** Realistic examples for the OpenAPI document. */
final class ChangeExamples {

  static final String UPSERT =
      """
      {
        "eventId": "0193a5c2-7d41-7e8a-9b3c-4f5e6a7b8c9d",
        "eventType": "category.updated",
        "occurredAt": "2026-11-26T09:02:41.512Z",
        "entityType": "category",
        "entityId": "3d0c1b2a-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        "slug": "welt",
        "operation": "upsert",
        "category": {
          "id": "3d0c1b2a-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
          "slug": "welt",
          "name": "Welt",
          "description": "Nachrichten aus aller Welt",
          "position": 1,
          "articleCount": 128,
          "createdAt": "2026-01-12T08:00:00Z",
          "updatedAt": "2026-11-26T09:02:41.498Z"
        }
      }
      """;

  static final String PAGE =
      """
      {
        "data": [
          {
            "eventId": "0193a5c2-7d41-7e8a-9b3c-4f5e6a7b8c9d",
            "eventType": "category.updated",
            "occurredAt": "2026-11-26T09:02:41.512Z",
            "entityType": "category",
            "entityId": "3d0c1b2a-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
            "slug": "welt",
            "operation": "upsert",
            "category": {
              "id": "3d0c1b2a-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
              "slug": "welt",
              "name": "Welt",
              "position": 1,
              "articleCount": 128,
              "createdAt": "2026-01-12T08:00:00Z",
              "updatedAt": "2026-11-26T09:02:41.498Z"
            }
          },
          {
            "eventId": "0193a5c3-1a2b-7c3d-8e4f-5a6b7c8d9e0f",
            "eventType": "article.trashed",
            "occurredAt": "2026-11-26T09:03:05.104Z",
            "entityType": "article",
            "entityId": "6f1c2a43-5e1b-4d8e-9a57-3b2c1d0e9f88",
            "slug": "groesste-uebung-seit-jahren-marine-probt-vor-der-kueste",
            "operation": "delete"
          }
        ],
        "meta": {"size": 20, "nextCursor": "ZTEuNzQxLjEyNA", "hasMore": false}
      }
      """;

  private ChangeExamples() {}
}
