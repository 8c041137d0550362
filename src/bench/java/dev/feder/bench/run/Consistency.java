package dev.feder.bench.run;

import static dev.feder.bench.run.Http.CLIENT;
import static dev.feder.bench.run.Http.JSON;
import static dev.feder.bench.run.Http.fetch;
import static dev.feder.bench.run.Http.get;
import static dev.feder.bench.run.Http.say;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Two instances on one database (--two-instances): a change through one is read at once on the
 * other, in both cache modes. Each check is recorded as PASS or FAIL in the mode's run.
 */
final class Consistency {

  private Consistency() {}

  static void check(BenchOptions o, Mode.Run run) throws Exception {
    int portA = o.port;
    int portB = o.port + 2;
    String m = run.mode.key();
    try (FederProcess a = FederProcess.start(o, portA, run.mode, "consistency-" + m + "-a");
        FederProcess b = FederProcess.start(o, portB, run.mode, "consistency-" + m + "-b")) {
      String baseA = "http://127.0.0.1:" + portA;
      String baseB = "http://127.0.0.1:" + portB;
      boolean ok = true;
      JsonNode newest = get(baseA + "/api/v1/articles?size=1").path("data").get(0);
      String id = newest.path("id").asText();
      String slug = newest.path("slug").asText();
      JsonNode original = getAuth(o, baseA + "/api/v1/articles/" + id).json;

      // Both instances have read the article (and the list) before the change.
      for (int k = 0; k < 3; k++) {
        get(baseA + "/api/v1/articles/slug/" + slug);
        get(baseB + "/api/v1/articles/slug/" + slug);
        get(baseB + "/api/v1/articles");
      }
      String marker = "Konsistenzprüfung " + UUID.randomUUID().toString().substring(0, 8);
      patch(o, baseA, id, Map.of("subtitle", marker));
      String seen = get(baseB + "/api/v1/articles/slug/" + slug).path("subtitle").asText(null);
      ok &=
          record(
              run,
              marker.equals(seen),
              "a change made through A is read at once on B (by slug)",
              "B read subtitle " + seen);
      boolean inList = false;
      for (JsonNode item : get(baseB + "/api/v1/articles").path("data")) {
        inList |=
            id.equals(item.path("id").asText())
                && marker.equals(item.path("subtitle").asText(null));
      }
      ok &=
          record(
              run, inList, "B's list shows the change at once", "B's list still had the old item");

      // Unpublish through A: B must hide it at once, from the slug and from the list.
      patch(o, baseA, id, Map.of("status", "draft"));
      int status = fetch(baseB + "/api/v1/articles/slug/" + slug).statusCode();
      ok &=
          record(
              run,
              status == 404,
              "an article turned draft through A is 404 on B",
              "B answered " + status);
      boolean listed = false;
      for (JsonNode item : get(baseB + "/api/v1/articles?size=100").path("data")) {
        listed |= id.equals(item.path("id").asText());
      }
      ok &= record(run, !listed, "it is gone from B's public list at once", "B still lists it");

      // A seeded draft never shows on B.
      JsonNode drafts =
          getAuth(o, baseA + "/api/v1/articles?status=draft&size=5").json.path("data");
      boolean draftVisible = false;
      for (JsonNode d : drafts) {
        draftVisible |=
            fetch(baseB + "/api/v1/articles/slug/" + d.path("slug").asText()).statusCode() != 404;
        for (JsonNode item : get(baseB + "/api/v1/articles?size=100").path("data")) {
          draftVisible |= d.path("id").asText().equals(item.path("id").asText());
        }
      }
      ok &=
          record(
              run,
              drafts.size() > 0 && !draftVisible,
              "drafts never appear on B (slug, list)",
              "a draft was visible on B");

      // Put the article back as it was.
      Map<String, Object> restore = new LinkedHashMap<>();
      restore.put(
          "subtitle",
          original.path("subtitle").isMissingNode() || original.path("subtitle").isNull()
              ? null
              : original.path("subtitle").asText());
      restore.put("status", "published");
      restore.put("publishedAt", original.path("publishedAt").asText());
      patch(o, baseA, id, restore);
      ok &=
          record(
              run,
              fetch(baseB + "/api/v1/articles/slug/" + slug).statusCode() == 200,
              "restored and public again on B",
              "B does not serve it again");
      run.consistent = ok;
    }
  }

  static boolean record(Mode.Run run, boolean pass, String what, String failure) {
    String line = (pass ? "PASS " : "FAIL ") + what + (pass ? "" : " (" + failure + ")");
    run.consistency.add(line);
    say("  %s", line);
    return pass;
  }

  record Answer(JsonNode json, String etag) {}

  static Answer getAuth(BenchOptions o, String url) throws Exception {
    HttpResponse<byte[]> r =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + o.adminToken)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + r.statusCode());
    }
    return new Answer(JSON.readTree(r.body()), r.headers().firstValue("ETag").orElse(null));
  }

  /** A JSON merge patch of the article, with the If-Match of its current ETag. */
  static void patch(BenchOptions o, String base, String id, Map<String, ?> changes)
      throws Exception {
    String body = JSON.writeValueAsString(changes);
    String etag = getAuth(o, base + "/api/v1/articles/" + id).etag();
    HttpResponse<String> r =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/articles/" + id))
                .header("Authorization", "Bearer " + o.adminToken)
                .header("If-Match", etag)
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(
          "PATCH " + body + " answered " + r.statusCode() + ": " + r.body());
    }
  }
}
