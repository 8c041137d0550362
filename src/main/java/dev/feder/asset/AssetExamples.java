package dev.feder.asset;

/** Realistic examples for the OpenAPI document. */
final class AssetExamples {

  static final String ASSET =
      """
      {"id": "3f6c1e2a-8b4d-4c1e-9a7f-2d5e6b8c9a01",
       "filename": "brandenburger-tor-kundgebung.jpg",
       "mediaType": "image/jpeg",
       "bytes": 8421377,
       "sha256": "9f2c4e1b7a3d5f6e8c0b1a2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f",
       "width": 6000,
       "height": 4000,
       "title": "Kundgebung in Berlin",
       "alt": "Menschen mit Transparenten vor dem Brandenburger Tor",
       "caption": "Demonstranten vor dem Brandenburger Tor am Samstagmorgen.",
       "credit": "dpa / Max Muster",
       "copyright": "© dpa-Zentralbild",
       "source": "dpa-Zentralbild",
       "focalPoint": {"x": 0.42, "y": 0.35},
       "lqip": "data:image/webp;base64,UklGRkQAAABXRUJQVlA4IDgAAADQAQCdASoUAA0APzmEuVOvKKWisAgB4CcJZQAAW+q+9eAA/vEN5Ij8ZNPb6QyPmGKN6cAAAA==",
       "version": 1,
       "url": "https://cms.example.org/api/v1/assets/3f6c1e2a-8b4d-4c1e-9a7f-2d5e6b8c9a01/file?v=1",
       "srcset": "https://cms.example.org/api/v1/assets/3f6c1e2a-8b4d-4c1e-9a7f-2d5e6b8c9a01/image?w=320&fm=webp&v=1 320w, https://cms.example.org/api/v1/assets/3f6c1e2a-8b4d-4c1e-9a7f-2d5e6b8c9a01/image?w=640&fm=webp&v=1 640w",
       "createdAt": "2026-11-28T09:12:44Z",
       "updatedAt": "2026-11-28T09:15:02Z",
       "createdBy": "Bildredaktion"}
      """;

  static final String PAGE =
      "{\"data\": ["
          + ASSET
          + """
          ],
          "meta": {"page": 1, "size": 20, "totalItems": 1, "totalPages": 1},
          "links": {
            "self": "/api/v1/assets?mediaType=image%2F*&page=1&size=20",
            "first": "/api/v1/assets?mediaType=image%2F*&page=1&size=20",
            "last": "/api/v1/assets?mediaType=image%2F*&page=1&size=20"
          }}
          """;

  static final String UPLOAD =
      """
      {"file": "(the bytes of brandenburger-tor-kundgebung.jpg)",
       "alt": "Menschen mit Transparenten vor dem Brandenburger Tor",
       "focalPoint": {"x": 0.42, "y": 0.35}}
      """;

  static final String EMBEDDED =
      """
      {"asset": {"id": "3f6c1e2a-8b4d-4c1e-9a7f-2d5e6b8c9a01"},
       "url": "https://cms.example.org/api/v1/assets/3f6c1e2a-8b4d-4c1e-9a7f-2d5e6b8c9a01/file?v=1",
       "width": 6000,
       "height": 4000,
       "alt": "Menschen mit Transparenten vor dem Brandenburger Tor",
       "caption": "Demonstranten vor dem Brandenburger Tor am Samstagmorgen.",
       "credit": "dpa / Max Muster",
       "focalPoint": {"x": 0.42, "y": 0.35},
       "lqip": "data:image/webp;base64,UklGRkQAAABXRUJQVlA4IDgAAADQAQCdASoUAA0APzmEuVOvKKWisAgB4CcJZQAAW+q+9eAA/vEN5Ij8ZNPb6QyPmGKN6cAAAA==",
       "srcset": "https://cms.example.org/api/v1/assets/3f6c1e2a-8b4d-4c1e-9a7f-2d5e6b8c9a01/image?w=320&fm=webp&v=1 320w, https://cms.example.org/api/v1/assets/3f6c1e2a-8b4d-4c1e-9a7f-2d5e6b8c9a01/image?w=640&fm=webp&v=1 640w"}
      """;

  static final String INPUT =
      """
      {"filename": "brandenburger-tor-kundgebung.jpg",
       "title": "Kundgebung in Berlin",
       "alt": "Menschen mit Transparenten vor dem Brandenburger Tor",
       "caption": "Demonstranten vor dem Brandenburger Tor am Samstagmorgen.",
       "credit": "dpa / Max Muster",
       "copyright": "© dpa-Zentralbild",
       "source": "dpa-Zentralbild",
       "focalPoint": {"x": 0.42, "y": 0.35}}
      """;

  static final String PATCH =
      """
      {"alt": "Menschen mit Transparenten vor dem Brandenburger Tor",
       "focalPoint": {"x": 0.42, "y": 0.35}}
      """;

  static final String USAGE =
      """
      {"type": "article",
       "id": "6f1c2a43-5e1b-4d8e-9a57-3b2c1d0e9f88",
       "slug": "kundgebung-in-berlin",
       "label": "Tausende demonstrieren vor dem Brandenburger Tor",
       "status": "published",
       "field": "featuredImage"}
      """;

  static final String USAGE_LIST =
      """
      {"data": [{"type": "article",
                 "id": "6f1c2a43-5e1b-4d8e-9a57-3b2c1d0e9f88",
                 "slug": "kundgebung-in-berlin",
                 "label": "Tausende demonstrieren vor dem Brandenburger Tor",
                 "status": "published",
                 "field": "featuredImage"},
                {"type": "author",
                 "id": "7a1e4c2b-9d3f-4e8a-b5c6-1f2e3d4c5b6a",
                 "slug": "sophie-mueller",
                 "label": "Sophie Müller",
                 "field": "avatar"}]}
      """;

  static final String CONFLICT =
      """
      {"type": "/problems/conflict", "title": "Conflict", "status": 409,
       "detail": "Asset 3f6c1e2a-8b4d-4c1e-9a7f-2d5e6b8c9a01 is used by article 'kundgebung-in-berlin' (featuredImage); remove it there first",
       "instance": "/api/v1/assets/3f6c1e2a-8b4d-4c1e-9a7f-2d5e6b8c9a01"}
      """;

  private AssetExamples() {}
}
