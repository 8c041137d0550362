package dev.feder.auth;

/** Realistic examples for the OpenAPI document. */
final class TokenExamples {

  static final String INPUT =
      """
      {
        "name": "Sophie Müller (Redaktionssystem)",
        "role": "author",
        "author": {"slug": "sophie-mueller"},
        "expiresAt": "2027-06-30T00:00:00Z"
      }
      """;

  /** What every answer about a token holds. */
  private static final String TOKEN_FIELDS =
      """
        "id": "5d0c9f7e-3b2a-4c1d-8e6f-7a9b0c1d2e3f",
        "name": "Sophie Müller (Redaktionssystem)",
        "role": "author",
        "author": {
          "id": "7a1e4c2b-9d3f-4e8a-b5c6-1f2e3d4c5b6a",
          "slug": "sophie-mueller",
          "name": "Sophie Müller"
        },
        "createdAt": "2026-11-26T18:32:10Z",
        "expiresAt": "2027-06-30T00:00:00Z"
      """;

  /** A token as read later: never with its secret. */
  static final String TOKEN = "{" + TOKEN_FIELDS + "}";

  /** A token as issued: the only answer with the secret. */
  static final String CREATED =
      "{"
          + TOKEN_FIELDS
          + """
          , "token": "feder_q3Xv0l9JcWm2R8tYb4Kz1NfHs7Pd6Ea5Ug0Oi3Lw9Cx"}
          """;

  static final String PAGE =
      "{\"data\": ["
          + TOKEN
          + """
          ],
          "meta": {"page": 1, "size": 20, "totalItems": 3, "totalPages": 1},
          "links": {
            "self": "/api/v1/tokens?page=1&size=20",
            "first": "/api/v1/tokens?page=1&size=20",
            "last": "/api/v1/tokens?page=1&size=20"
          }}
          """;

  private TokenExamples() {}
}
