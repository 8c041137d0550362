package dev.feder.category;

/** Realistic examples for the OpenAPI document. */
final class CategoryExamples {

  static final String INPUT =
      """
      {
        "name": "Nachrichten",
        "description": "Aktuelle Meldungen aus aller Welt",
        "parent": {"slug": "welt"},
        "position": 0
      }
      """;

  static final String CATEGORY =
      """
      {
        "id": "3d6f0a52-8c1e-4b7a-9f20-6e5d4c3b2a10",
        "slug": "nachrichten",
        "name": "Nachrichten",
        "description": "Aktuelle Meldungen aus aller Welt",
        "parent": {"id": "0b9c5a2e-2f0e-4c55-9d84-2f3a1d7c6e11", "slug": "welt", "name": "Welt"},
        "position": 0,
        "articleCount": 42,
        "createdAt": "2026-11-26T18:32:10Z",
        "updatedAt": "2026-11-26T18:32:10Z"
      }
      """;

  static final String PATCH =
      """
      {"description": "Meldungen und Hintergründe aus aller Welt"}
      """;

  static final String PAGE =
      "{\"data\": ["
          + CATEGORY
          + """
          ],
          "meta": {"page": 1, "size": 20, "totalItems": 12, "totalPages": 1},
          "links": {
            "self": "/api/v1/categories?page=1&size=20",
            "first": "/api/v1/categories?page=1&size=20",
            "last": "/api/v1/categories?page=1&size=20"
          }}
          """;

  private CategoryExamples() {}
}
