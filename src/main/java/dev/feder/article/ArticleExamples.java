package dev.feder.article;

/** Realistic examples for the OpenAPI document. */
final class ArticleExamples {

  static final String INPUT =
      """
      {
        "title": "„Größte Übung seit Jahren“: Marine probt vor Pjöngjang",
        "subtitle": "Manöver im Gelben Meer",
        "excerpt": "Die Marine hat vor der Küste die größte Übung seit Jahren begonnen.",
        "body": "<h2>Was geschah</h2><p>Am frühen Morgen liefen zwölf Schiffe aus.</p><p>Lesen Sie \
      auch: <a href=\\"/artikel/spannungen-im-gelben-meer\\">Spannungen im Gelben \
      Meer</a></p><p>Quelle: The Telegraph</p>",
        "language": "de",
        "status": "published",
        "publishedAt": "2026-11-26T08:15:00Z",
        "category": {"slug": "nachrichten"},
        "authors": [{"slug": "sophie-mueller"}],
        "tags": ["Nordkorea", "Marine"],
        "source": {"name": "The Telegraph", "url": "https://www.telegraph.co.uk/"},
        "featuredImage": {
          "url": "https://images.example.org/2026/11/hafen.jpg",
          "alt": "Schiffe im Hafen",
          "caption": "Der Hafen am Morgen nach der Übung.",
          "credit": "Foto: Jörg Weißmann"
        },
        "seo": {
          "metaTitle": "Größte Übung seit Jahren",
          "metaDescription": "Die Marine probt vor der Küste den Ernstfall."
        }
      }
      """;

  static final String ARTICLE =
      """
      {
        "id": "6f1c2a43-5e1b-4d8e-9a57-3b2c1d0e9f88",
        "slug": "groesste-uebung-seit-jahren-marine-probt-vor-pjoengjang",
        "title": "„Größte Übung seit Jahren“: Marine probt vor Pjöngjang",
        "subtitle": "Manöver im Gelben Meer",
        "excerpt": "Die Marine hat vor der Küste die größte Übung seit Jahren begonnen.",
        "body": "<h2>Was geschah</h2><p>Am frühen Morgen liefen zwölf Schiffe aus.</p><p>Quelle: \
      The Telegraph</p>",
        "language": "de",
        "status": "published",
        "publishedAt": "2026-11-26T08:15:00Z",
        "category": {
          "id": "3d6f0a52-8c1e-4b7a-9f20-6e5d4c3b2a10",
          "slug": "nachrichten",
          "name": "Nachrichten",
          "parentSlug": "welt"
        },
        "authors": [
          {
            "id": "7a1e4c2b-9d3f-4e8a-b5c6-1f2e3d4c5b6a",
            "slug": "sophie-mueller",
            "name": "Sophie Müller"
          }
        ],
        "tags": ["Nordkorea", "Marine"],
        "related": [
          {
            "id": "9c4b1e2d-7a3f-4b6c-8d1e-2f3a4b5c6d7e",
            "slug": "spannungen-im-gelben-meer",
            "title": "Spannungen im Gelben Meer",
            "publishedAt": "2026-11-24T06:30:00Z"
          }
        ],
        "source": {"name": "The Telegraph", "url": "https://www.telegraph.co.uk/"},
        "wordCount": 12,
        "readingTimeMinutes": 1,
        "createdAt": "2026-11-26T07:50:12Z",
        "updatedAt": "2026-11-26T08:14:03Z"
      }
      """;

  static final String REVISION_DIFF =
      """
      {
        "from": 2,
        "to": 3,
        "changes": [
          {
            "field": "title",
            "kind": "value",
            "before": "Marine probt vor Pjöngjang",
            "after": "„Größte Übung seit Jahren“: Marine probt vor Pjöngjang"
          },
          {
            "field": "body",
            "kind": "text",
            "hunks": [
              {
                "fromStart": 1,
                "fromLines": 2,
                "toStart": 1,
                "toLines": 3,
                "lines": [
                  {"op": "context", "text": "<h2>Was geschah</h2>"},
                  {"op": "removed", "text": "<p>Am Morgen liefen Schiffe aus.</p>"},
                  {"op": "added", "text": "<p>Am frühen Morgen liefen zwölf Schiffe aus.</p>"},
                  {"op": "added", "text": "<p>Quelle: The Telegraph</p>"}
                ]
              }
            ]
          },
          {"field": "status", "kind": "value", "before": "draft", "after": "published"},
          {"field": "publishedAt", "kind": "value", "after": "2026-11-26T08:15:00Z"},
          {
            "field": "tags",
            "kind": "list",
            "added": ["Marine"],
            "removed": ["Manöver"],
            "reordered": false,
            "itemsBefore": ["Nordkorea", "Manöver"],
            "itemsAfter": ["Nordkorea", "Marine"]
          },
          {"field": "seo.metaTitle", "kind": "value", "before": "Übung vor Pjöngjang"}
        ]
      }
      """;

  static final String REFERENCE_GONE =
      """
      {
        "type": "/problems/conflict",
        "title": "Conflict",
        "status": 409,
        "detail": "Revision 2 names something deleted since (category: no category with id \
      '0b6f4c1e-2d3a-4f5b-8c9d-1e2f3a4b5c6d'); read its state, replace the reference and send it \
      as a PUT",
        "instance": "/api/v1/articles/6f1c2a43-5e1b-4d8e-9a57-3b2c1d0e9f88/revisions/2/restore",
        "errors": [
          {
            "field": "category",
            "message": "no category with id '0b6f4c1e-2d3a-4f5b-8c9d-1e2f3a4b5c6d'"
          }
        ]
      }
      """;

  /** An article in the trash: {@link #ARTICLE} with when, by whom and until when. */
  static final String TRASHED =
      "{\"article\": "
          + ARTICLE
          + """
          , "deletedAt": "2026-11-27T10:02:19Z", "deletedBy": "Redaktion Welt",
           "purgeAt": "2026-12-27T10:02:19Z"}
          """;

  static final String PATCH =
      """
      {"status": "published", "tags": ["Nordkorea", "Marine", "Manöver"]}
      """;

  static final String REVISION_ITEM =
      """
      {"revision": 3, "createdAt": "2026-11-26T09:02:41Z", "createdBy": "Redaktion Jörg"}
      """;

  static final String REVISION =
      """
      {
        "revision": 1,
        "createdAt": "2026-11-26T08:10:05Z",
        "createdBy": "Redaktion Jörg",
        "state": {
          "title": "Marine probt vor Pjöngjang",
          "slug": "marine-probt-vor-pjoengjang",
          "body": "<p>Am frühen Morgen liefen zwölf Schiffe aus.</p>",
          "bodyFormat": "html",
          "language": "de",
          "status": "draft",
          "category": {"id": "0b6f4c1e-2d3a-4f5b-8c9d-1e2f3a4b5c6d", "slug": "nachrichten"},
          "authors": [{"id": "5a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d", "slug": "sophie-mueller"}],
          "tags": ["Nordkorea"],
          "related": []
        }
      }
      """;

  /** An article in a list: no body, no related articles. */
  static final String LIST_ITEM =
      """
      {
        "id": "6f1c2a43-5e1b-4d8e-9a57-3b2c1d0e9f88",
        "slug": "groesste-uebung-seit-jahren-marine-probt-vor-pjoengjang",
        "title": "„Größte Übung seit Jahren“: Marine probt vor Pjöngjang",
        "subtitle": "Manöver im Gelben Meer",
        "excerpt": "Die Marine hat vor der Küste die größte Übung seit Jahren begonnen.",
        "language": "de",
        "status": "published",
        "publishedAt": "2026-11-26T08:15:00Z",
        "category": {
          "id": "3d6f0a52-8c1e-4b7a-9f20-6e5d4c3b2a10",
          "slug": "nachrichten",
          "name": "Nachrichten",
          "parentSlug": "welt"
        },
        "authors": [
          {
            "id": "7a1e4c2b-9d3f-4e8a-b5c6-1f2e3d4c5b6a",
            "slug": "sophie-mueller",
            "name": "Sophie Müller"
          }
        ],
        "tags": ["Nordkorea", "Marine"],
        "wordCount": 12,
        "readingTimeMinutes": 1,
        "createdAt": "2026-11-26T07:50:12Z",
        "updatedAt": "2026-11-26T08:14:03Z"
      }
      """;

  static final String PAGE =
      "{\"data\": ["
          + LIST_ITEM
          + """
          ],
          "meta": {"page": 2, "size": 20, "totalItems": 1234, "totalPages": 62},
          "links": {
            "self": "/api/v1/articles?page=2&size=20",
            "first": "/api/v1/articles?page=1&size=20",
            "prev": "/api/v1/articles?page=1&size=20",
            "next": "/api/v1/articles?page=3&size=20",
            "last": "/api/v1/articles?page=62&size=20"
          }}
          """;

  static final String RELATED = "{\"data\": [" + LIST_ITEM + "]}";

  static final String REVISIONS =
      """
      {"data": [
        {"revision": 3, "createdAt": "2026-11-26T09:02:41Z", "createdBy": "Redaktion Jörg"},
        {"revision": 2, "createdAt": "2026-11-26T08:14:03Z", "createdBy": "Sophie Müller"},
        {"revision": 1, "createdAt": "2026-11-26T07:50:12Z", "createdBy": "Sophie Müller"}
      ]}
      """;

  static final String TRASH_PAGE =
      "{\"data\": [{\"article\": "
          + LIST_ITEM
          + """
          , "deletedAt": "2026-11-27T10:02:19Z", "deletedBy": "Redaktion Welt",
           "purgeAt": "2026-12-27T10:02:19Z"}],
          "meta": {"page": 1, "size": 20, "totalItems": 1, "totalPages": 1},
          "links": {
            "self": "/api/v1/trash?page=1&size=20",
            "first": "/api/v1/trash?page=1&size=20",
            "last": "/api/v1/trash?page=1&size=20"
          }}
          """;

  private ArticleExamples() {}
}
