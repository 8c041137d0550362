package dev.feder.audit;

/** Realistic examples for the OpenAPI document. */
final class AuditExamples {

  static final String EVENT =
      """
      {
        "id": "2b7e4c1a-9f3d-4e8b-a6c5-0d1e2f3a4b5c",
        "at": "2026-11-26T09:02:41Z",
        "actor": "Redaktion Welt",
        "actorRole": "editor",
        "action": "patch",
        "entityType": "article",
        "entityId": "6f1c2a43-5e1b-4d8e-9a57-3b2c1d0e9f88",
        "label": "groesste-uebung-seit-jahren-marine-probt-vor-pjoengjang",
        "details": {"changed": ["status", "tags"], "status": "published"}
      }
      """;

  static final String PAGE =
      "{\"data\": ["
          + EVENT
          + """
          ],
          "meta": {"size": 20, "nextCursor": "WyIyMDI2LTExLTI2VDA5OjAyOjQxWiJd"},
          "links": {
            "self": "/api/v1/audit-events?cursor=WyIyMDI2LTExLTI2VDA5OjA0OjEwWiJd&size=20",
            "first": "/api/v1/audit-events?page=1&size=20",
            "next": "/api/v1/audit-events?cursor=WyIyMDI2LTExLTI2VDA5OjAyOjQxWiJd&size=20"
          }}
          """;

  private AuditExamples() {}
}
