package dev.feder.author;

/** Realistic examples for the OpenAPI document. */
final class AuthorExamples {

  static final String INPUT =
      """
      {
        "name": "Sophie Müller",
        "bio": "Sophie Müller berichtet seit 2012 über Außenpolitik, zuletzt als Korrespondentin \
      in Brüssel.",
        "email": "sophie.mueller@example.org",
        "avatarUrl": "https://images.example.org/authors/sophie-mueller.jpg",
        "website": "https://sophie-mueller.example.org"
      }
      """;

  static final String AUTHOR =
      """
      {
        "id": "7a1e4c2b-9d3f-4e8a-b5c6-1f2e3d4c5b6a",
        "slug": "sophie-mueller",
        "name": "Sophie Müller",
        "bio": "Sophie Müller berichtet seit 2012 über Außenpolitik, zuletzt als Korrespondentin \
      in Brüssel.",
        "avatarUrl": "https://images.example.org/authors/sophie-mueller.jpg",
        "website": "https://sophie-mueller.example.org",
        "articleCount": 42,
        "createdAt": "2026-11-26T18:32:10Z",
        "updatedAt": "2026-11-26T18:32:10Z"
      }
      """;

  static final String PATCH =
      """
      {"bio": "Sophie Müller berichtet seit 2012 über Außenpolitik.", "website": null}
      """;

  static final String PAGE =
      "{\"data\": ["
          + AUTHOR
          + """
          ],
          "meta": {"page": 1, "size": 20, "totalItems": 24, "totalPages": 2},
          "links": {
            "self": "/api/v1/authors?page=1&size=20",
            "first": "/api/v1/authors?page=1&size=20",
            "next": "/api/v1/authors?page=2&size=20",
            "last": "/api/v1/authors?page=2&size=20"
          }}
          """;

  private AuthorExamples() {}
}
