package dev.feder.webhook;

/** Realistic examples for the OpenAPI document. */
final class WebhookExamples {

  static final String INPUT =
      """
      {
        "url": "https://www.zeitung.example/api/revalidate",
        "description": "Next.js: revalidate pages and tags",
        "eventTypes": ["article.*", "category.updated"]
      }
      """;

  static final String PATCH =
      """
      {"enabled": false}
      """;

  static final String WEBHOOK =
      """
      {
        "id": "9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
        "url": "https://www.zeitung.example/api/revalidate",
        "description": "Next.js: revalidate pages and tags",
        "enabled": true,
        "eventTypes": ["article.*", "category.updated"],
        "createdAt": "2026-11-20T10:00:00Z",
        "updatedAt": "2026-11-20T10:00:00Z"
      }
      """;

  static final String PAGE =
      "{\"data\": ["
          + WEBHOOK
          + """
          ],
          "meta": {"page": 1, "size": 20, "totalItems": 1, "totalPages": 1},
          "links": {
            "self": "/api/v1/webhooks?page=1&size=20",
            "first": "/api/v1/webhooks?page=1&size=20",
            "last": "/api/v1/webhooks?page=1&size=20"
          }}
          """;

  static final String CREATED =
      """
      {
        "id": "9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
        "url": "https://www.zeitung.example/api/revalidate",
        "description": "Next.js: revalidate pages and tags",
        "enabled": true,
        "eventTypes": ["article.*", "category.updated"],
        "createdAt": "2026-11-20T10:00:00Z",
        "updatedAt": "2026-11-20T10:00:00Z",
        "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwJ3fXbE2c1qY="
      }
      """;

  static final String ROTATED =
      """
      {
        "secret": "whsec_q3Xv0l9JcWm2R8tYb4Kz1NfHs7Pd6Ea5Ug0Oi3Lw9Cx=",
        "previousSecretExpiresAt": "2026-11-27T10:00:00Z"
      }
      """;

  static final String DELIVERY =
      """
      {
        "id": "4a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d",
        "messageId": "msg_0193a5c2-7d41-7e8a-9b3c-4f5e6a7b8c9d",
        "eventId": "0193a5c2-7d41-7e8a-9b3c-4f5e6a7b8c9d",
        "eventType": "article.published",
        "status": "pending",
        "attempts": 2,
        "nextAttemptAt": "2026-11-26T09:03:17Z",
        "lastAttemptAt": "2026-11-26T09:02:47Z",
        "responseStatus": 500,
        "latencyMs": 84,
        "responseBody": "{\\"error\\": \\"database unavailable\\"}",
        "createdAt": "2026-11-26T09:02:41.600Z"
      }
      """;

  static final String DELIVERY_PAGE =
      "{\"data\": ["
          + DELIVERY
          + """
          ],
          "meta": {"page": 1, "size": 20, "totalItems": 1, "totalPages": 1},
          "links": {
            "self": "/api/v1/webhooks/9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d/deliveries?page=1&size=20",
            "first": "/api/v1/webhooks/9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d/deliveries?page=1&size=20",
            "last": "/api/v1/webhooks/9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d/deliveries?page=1&size=20"
          }}
          """;

  /** The data of a category event, for the webhooks section. */
  static final String CATEGORY_EVENT =
      """
      {
        "id": "0193a5d0-2b3c-7d4e-8f5a-6b7c8d9e0f1a",
        "type": "category.updated",
        "occurredAt": "2026-11-26T10:15:00.250Z",
        "entityType": "category",
        "entityId": "3d0c1b2a-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        "slug": "welt",
        "changed": ["description", "name"],
        "paths": ["/kategorie/welt"],
        "feeds": ["/api/v1/feeds/categories/welt.rss", "/api/v1/feeds/categories/welt.atom"],
        "tags": ["category:3d0c1b2a-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "categories", "category:any"]
      }
      """;

  /** The data of an author event, for the webhooks section. */
  static final String AUTHOR_EVENT =
      """
      {
        "id": "0193a5d1-4c5d-7e6f-8a7b-9c0d1e2f3a4b",
        "type": "author.updated",
        "occurredAt": "2026-11-26T10:20:00.000Z",
        "entityType": "author",
        "entityId": "5b4c3d2e-1f0a-4b9c-8d7e-6f5a4b3c2d1e",
        "slug": "lena-oeztuerk",
        "changed": ["bio"],
        "paths": [],
        "feeds": [],
        "tags": ["author:5b4c3d2e-1f0a-4b9c-8d7e-6f5a4b3c2d1e", "author:any", "authors"]
      }
      """;

  /**
   * The data of an asset event, for the webhooks section: the slug is the filename, and the tags
   * name the article that embeds the image.
   */
  static final String ASSET_EVENT =
      """
      {
        "id": "0193a5d2-6e7f-7a8b-9c0d-1e2f3a4b5c6d",
        "type": "asset.updated",
        "occurredAt": "2026-11-26T10:25:00.000Z",
        "entityType": "asset",
        "entityId": "7e6d5c4b-3a2f-4e1d-8c0b-9a8f7e6d5c4b",
        "slug": "hafen-kiel-marine.jpg",
        "changed": ["alt", "caption"],
        "paths": [],
        "feeds": [],
        "tags": [
          "asset:7e6d5c4b-3a2f-4e1d-8c0b-9a8f7e6d5c4b",
          "article:6f1c2a43-5e1b-4d8e-9a57-3b2c1d0e9f88",
          "article:any",
          "asset:any"
        ]
      }
      """;

  /** A test ping. */
  static final String PING =
      """
      {
        "type": "webhook.ping",
        "timestamp": "2026-11-26T10:30:00.000Z",
        "data": {
          "webhookId": "9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
          "message": "A test delivery from Feder: verify its signature and answer 2xx"
        }
      }
      """;

  private WebhookExamples() {}
}
