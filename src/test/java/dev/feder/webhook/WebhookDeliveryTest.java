package dev.feder.webhook;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import dev.feder.category.CategoryInput;
import dev.feder.category.CategoryService;
import dev.feder.support.Api;
import dev.feder.support.Fixtures;
import dev.feder.support.Fixtures.Created;
import dev.feder.support.Problems;
import dev.feder.support.WebhookReceiver;
import dev.feder.support.WebhookReceiver.Answer;
import dev.feder.support.WebhookReceiver.Received;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deliveries to a receiver on loopback (the test profile allows private networks): signed per
 * Standard Webhooks, retried after failures and timeouts (the test profile's delays are short), in
 * order per entity, given up, disabled, resent and never sent for a write that rolled back.
 */
@QuarkusTest
class WebhookDeliveryTest {

  private static final String WEBHOOKS = "/api/v1/webhooks";
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Inject AgroalDataSource dataSource;
  @Inject CategoryService categories;
  @Inject Deliveries deliveries;

  private WebhookReceiver receiver;
  private final List<String> registered = new ArrayList<>();

  @BeforeEach
  void startReceiver() {
    receiver = WebhookReceiver.start();
  }

  @AfterEach
  void removeEndpoints() {
    for (String id : registered) {
      String path = WEBHOOKS + "/" + id;
      Api.admin().header("If-Match", Fixtures.etag(path)).delete(path).then().statusCode(204);
    }
    receiver.close();
  }

  /** Registers an endpoint on the receiver's {@code path}; returns id and secret. */
  private String[] register(String path, String... eventTypes) {
    JsonPath created =
        Api.admin()
            .body(Map.of("url", receiver.url(path), "eventTypes", List.of(eventTypes)))
            .post(WEBHOOKS)
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    registered.add(created.getString("id"));
    return new String[] {created.getString("id"), created.getString("secret")};
  }

  /** Waits for {@code count} requests on {@code path} about the entity, in order of arrival. */
  private List<Received> about(String path, String entityId, int count) {
    List<Received> got =
        receiver.await(
            r -> r.path().equals(path) && entityId.equals(json(r).getString("data.entityId")),
            count,
            WAIT);
    assertTrue(got.size() >= count, "expected " + count + " deliveries, got " + got);
    return got;
  }

  private static JsonPath json(Received received) {
    return JsonPath.from(received.body());
  }

  @Test
  void deliveriesVerifyWithTheStandardWebhooksLibraryAndIndependently() throws Exception {
    String[] hook = register("/signed", "category.*");
    Created category = Fixtures.category("Signiert " + Fixtures.suffix());

    Received delivery = about("/signed", category.id(), 1).get(0);
    JsonPath body = json(delivery);
    assertEquals("category.created", body.getString("type"));
    assertEquals("category.created", body.getString("data.type"));
    assertEquals(category.slug(), body.getString("data.slug"));
    assertEquals("msg_" + body.getString("data.id"), delivery.header("webhook-id"));
    assertEquals("application/json", delivery.header("content-type"));
    long timestamp = Long.parseLong(delivery.header("webhook-timestamp"));
    assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 60);

    // As an integrator's receiver checks it, with the reference library ...
    assertDoesNotThrow(() -> new Webhook(hook[1]).verify(delivery.body(), delivery.headers()));
    // ... and by hand, from the specification's definition.
    assertEquals(
        expectedSignature(hook[1], delivery.header("webhook-id"), timestamp, delivery.body()),
        delivery.header("webhook-signature"));

    // A tampered body, or another secret, does not verify.
    assertThrowsVerification(hook[1], delivery.body().replace("created", "deleted"), delivery);
    assertThrowsVerification(WebhookSignature.newSecret(), delivery.body(), delivery);
  }

  @Test
  void theSignerMatchesTheSpecificationsTestVector() {
    // From the Standard Webhooks reference libraries' tests.
    String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    String id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    long timestamp = 1614265330;
    String body = "{\"test\": 2432232314}";
    String expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    assertEquals(expected, WebhookSignature.sign(secret, id, timestamp, body));
    assertEquals(expected, expectedSignature(secret, id, timestamp, body));
    String other = WebhookSignature.newSecret();
    assertEquals(
        expected + " " + expectedSignature(other, id, timestamp, body),
        WebhookSignature.header(List.of(secret, other), id, timestamp, body),
        "during a rotation, one signature per secret, space-separated");
  }

  @Test
  void failuresAndTimeoutsAreRetriedUntilASuccess() {
    String[] hook = register("/flaky", "category.*");
    receiver.answer(Answer.status(500), Answer.slow(Duration.ofSeconds(3)), Answer.status(503));
    Created category = Fixtures.category("Wackelig " + Fixtures.suffix());

    List<Received> attempts = about("/flaky", category.id(), 4);
    assertEquals(List.of(500, 204, 503, 204), answered(attempts.subList(0, 4)));
    assertEquals(
        1,
        attempts.stream().map(r -> r.header("webhook-id")).distinct().count(),
        "every attempt is the same message");
    assertTrue(
        Duration.between(attempts.get(1).at(), attempts.get(2).at()).toMillis() >= 2000,
        "the slow answer counted as a failure once the 2-second timeout of the test profile ran"
            + " out");

    Map<String, Object> delivery = delivery(hook[0], category.id(), "succeeded");
    assertEquals(4, delivery.get("attempts"));
    assertEquals(204, delivery.get("responseStatus"));
    assertNotNull(delivery.get("latencyMs"));
    assertNotNull(delivery.get("completedAt"));
  }

  @Test
  void redirectsAreNotFollowedButCountAsFailures() {
    String[] hook = register("/moved", "category.created");
    receiver.answer("/moved", Answer.redirect(receiver.url("/elsewhere")));
    Created category = Fixtures.category("Umgeleitet " + Fixtures.suffix());

    List<Received> attempts = about("/moved", category.id(), 2);
    assertEquals(List.of(307, 204), answered(attempts.subList(0, 2)));
    assertEquals(List.of(), receiver.received("/elsewhere"));
    assertEquals(2, delivery(hook[0], category.id(), "succeeded").get("attempts"));
  }

  @Test
  void aDeliveryFailingEveryAttemptIsGivenUpWithTheAnswerKeptShort() {
    String[] hook = register("/broken", "category.*");
    Answer failing = Answer.failing(500, "x".repeat(5000));
    receiver.answer(failing, failing, failing, failing, failing, failing, failing);
    Created category = Fixtures.category("Kaputt " + Fixtures.suffix());

    about("/broken", category.id(), 7);
    Map<String, Object> delivery = delivery(hook[0], category.id(), "failed");
    assertEquals(7, delivery.get("attempts"), "the first attempt and six retries");
    assertEquals(500, delivery.get("responseStatus"));
    assertEquals(2000, ((String) delivery.get("responseBody")).length());
    Api.admin()
        .get(WEBHOOKS + "/" + hook[0])
        .then()
        .body("enabled", equalTo(true))
        .body("failingSince", notNullValue());
  }

  @Test
  void eventsOfOneEntityArriveInOrderEvenWhenTheFirstIsRetried() {
    register("/ordered", "category.*");
    receiver.answer(Answer.status(500), Answer.status(500));
    Created category = Fixtures.category("Reihenfolge " + Fixtures.suffix());
    String path = "/api/v1/categories/" + category.id();
    List<String> slugs = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      String slug = category.slug() + "-" + i;
      slugs.add(slug);
      Api.mergePatch(Api.admin())
          .header("If-Match", Fixtures.etag(path))
          .body(Map.of("slug", slug))
          .patch(path)
          .then()
          .statusCode(200);
    }

    List<Received> got = about("/ordered", category.id(), 7);
    List<String> delivered =
        got.stream()
            .filter(r -> r.answered() < 300)
            .map(r -> json(r).getString("type") + " " + json(r).getString("data.slug"))
            .toList();
    List<String> expected = new ArrayList<>(List.of("category.created " + category.slug()));
    slugs.forEach(slug -> expected.add("category.updated " + slug));
    assertEquals(expected, delivered);
    assertEquals(
        List.of(500, 500, 204),
        answered(got.subList(0, 3)),
        "the later events waited for the first to succeed");
  }

  @Test
  void anEndpointFailingForThreeDaysIsDisabledAndSaysWhy() throws SQLException {
    String[] failing = register("/failing", "author.*");
    String[] healthy = register("/healthy", "author.*");
    update(
        "update webhook_endpoint set failing_since = now() - interval '3 days 1 minute'"
            + " where id = ?",
        failing[0]);
    receiver.answer("/failing", Answer.status(502));
    Created author = Fixtures.author("Fehler Frei " + Fixtures.suffix());
    about("/failing", author.id(), 1);

    JsonPath endpoint = awaitEndpoint(failing[0], e -> !e.getBoolean("enabled"));
    assertTrue(endpoint.getString("disabledReason").contains("HTTP 502"), endpoint.prettify());
    assertNotNull(endpoint.get("disabledAt"));

    // Events after that go to the healthy endpoint only.
    Created later = Fixtures.author("Später " + Fixtures.suffix());
    about("/healthy", later.id(), 1);
    assertEquals(
        List.of(),
        receiver.received("/failing").stream()
            .filter(r -> later.id().equals(json(r).getString("data.entityId")))
            .toList());

    // Enabling it again clears the reason.
    String path = WEBHOOKS + "/" + failing[0];
    Api.mergePatch(Api.admin())
        .header("If-Match", Fixtures.etag(path))
        .body("{\"enabled\": true}")
        .patch(path)
        .then()
        .statusCode(200)
        .body("enabled", equalTo(true))
        .body("disabledReason", nullValue())
        .body("failingSince", nullValue());
  }

  @Test
  void anEndpointAnswering410GoneIsDisabled() {
    String[] hook = register("/gone", "author.created");
    receiver.answer(Answer.status(410));
    Created author = Fixtures.author("Weg " + Fixtures.suffix());
    about("/gone", author.id(), 1);
    JsonPath endpoint = awaitEndpoint(hook[0], e -> !e.getBoolean("enabled"));
    assertTrue(endpoint.getString("disabledReason").contains("410"));
    delivery(hook[0], author.id(), "failed");
  }

  @Test
  void aDeliveryCanBeSentAgainAsTheSameMessage() {
    String[] hook = register("/again", "category.*");
    Created category = Fixtures.category("Nochmal " + Fixtures.suffix());
    Received first = about("/again", category.id(), 1).get(0);
    String deliveryId = (String) delivery(hook[0], category.id(), "succeeded").get("id");

    Api.admin()
        .post(WEBHOOKS + "/" + hook[0] + "/deliveries/" + deliveryId + "/redeliver")
        .then()
        .statusCode(202)
        .body("status", equalTo("pending"))
        .body("attempts", equalTo(0))
        .body("messageId", equalTo(first.header("webhook-id")));
    Received again = about("/again", category.id(), 2).get(1);
    assertEquals(first.header("webhook-id"), again.header("webhook-id"));
    assertEquals(first.body(), again.body());
    assertDoesNotThrow(() -> new Webhook(hook[1]).verify(again.body(), again.headers()));

    // A disabled endpoint gets no redelivery until it is enabled again.
    String path = WEBHOOKS + "/" + hook[0];
    Api.mergePatch(Api.admin())
        .header("If-Match", Fixtures.etag(path))
        .body("{\"enabled\": false}")
        .patch(path)
        .then()
        .statusCode(200);
    Problems.assertProblem(
            Api.rawAdmin().post(path + "/deliveries/" + deliveryId + "/redeliver"),
            409,
            "/problems/conflict")
        .body("detail", containsString("enable"));
  }

  @Test
  void aTestPingIsSignedAndListed() {
    String[] hook = register("/ping", "article.published");
    String deliveryId =
        Api.admin()
            .post(WEBHOOKS + "/" + hook[0] + "/test")
            .then()
            .statusCode(202)
            .body("eventType", equalTo("webhook.ping"))
            .extract()
            .path("id");
    Received ping =
        receiver.await(r -> r.path().equals("/ping"), 1, WAIT).stream().findFirst().orElseThrow();
    assertEquals("webhook.ping", json(ping).getString("type"));
    assertEquals(hook[0], json(ping).getString("data.webhookId"));
    assertDoesNotThrow(() -> new Webhook(hook[1]).verify(ping.body(), ping.headers()));
    Map<String, Object> delivery =
        awaitDelivery(
            hook[0], d -> deliveryId.equals(d.get("id")) && "succeeded".equals(d.get("status")));
    assertEquals(null, delivery.get("eventId"), "a ping is no event");
    assertEquals(1, delivery.get("attempts"));
  }

  @Test
  void afterARotationDeliveriesVerifyWithTheOldAndTheNewSecret() {
    String[] hook = register("/rotated", "category.created");
    String rotated =
        Api.admin()
            .post(WEBHOOKS + "/" + hook[0] + "/rotate-secret")
            .then()
            .statusCode(200)
            .extract()
            .path("secret");
    Created category = Fixtures.category("Gedreht " + Fixtures.suffix());
    Received delivery = about("/rotated", category.id(), 1).get(0);
    assertEquals(2, delivery.header("webhook-signature").split(" ").length);
    assertDoesNotThrow(() -> new Webhook(hook[1]).verify(delivery.body(), delivery.headers()));
    assertDoesNotThrow(() -> new Webhook(rotated).verify(delivery.body(), delivery.headers()));
  }

  @Test
  void aWriteThatRolledBackIsNeverDelivered() {
    register("/rollback", "category.*");
    String name = "Zurückgerollt " + Fixtures.suffix();
    UUID[] rolledBack = new UUID[1];
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                rolledBack[0] =
                    categories.create(new CategoryInput(name, null, null, null, null)).id();
                throw new IllegalStateException("the rest of the write fails");
              });
    } catch (IllegalStateException expected) {
      // rolled back, with the event the create recorded
    }
    assertNotNull(rolledBack[0], "the create ran and recorded its event before the failure");
    Created after = Fixtures.category("Danach " + Fixtures.suffix());

    about("/rollback", after.id(), 1);
    assertEquals(
        List.of(),
        receiver.received("/rollback").stream()
            .filter(r -> rolledBack[0].toString().equals(json(r).getString("data.entityId")))
            .toList());
    Problems.assertProblem(
        Api.rawAdmin().get("/api/v1/categories/" + rolledBack[0]), 404, "/problems/not-found");
  }

  @Test
  void endpointsGetOnlyTheTypesTheyAskedFor() {
    register("/authors-only", "author.updated");
    register("/everything", "*");
    Created category = Fixtures.category("Nicht für Autoren " + Fixtures.suffix());
    Created author = Fixtures.author("Nur Aktualisiert " + Fixtures.suffix());
    String path = "/api/v1/authors/" + author.id();
    Api.mergePatch(Api.admin())
        .header("If-Match", Fixtures.etag(path))
        .body("{\"bio\": \"Neu\"}")
        .patch(path)
        .then()
        .statusCode(200);

    List<Received> updated = about("/authors-only", author.id(), 1);
    assertEquals("author.updated", json(updated.get(0)).getString("type"));
    assertEquals(List.of("bio"), json(updated.get(0)).getList("data.changed"));
    about("/everything", author.id(), 2);
    about("/everything", category.id(), 1);
    assertEquals(
        List.of("author.updated"),
        receiver.received("/authors-only").stream().map(r -> json(r).getString("type")).toList());
  }

  @Test
  void severalInstancesDispatchAndSendEachEventOncePerEndpoint() throws Exception {
    String[] hook = register("/instances", "category.created");
    // Three more "instances" run the worker's steps beside this one's worker, claiming and
    // completing deliveries without sending them; the real worker sends the rest.
    Set<String> claimedElsewhere = ConcurrentHashMap.newKeySet();
    List<String> claimedTwice = new CopyOnWriteArrayList<>();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService instances = Executors.newFixedThreadPool(3);
    try {
      for (int i = 0; i < 3; i++) {
        instances.submit(
            () -> {
              while (running.get()) {
                deliveries.dispatch(7);
                for (Deliveries.Claimed claimed : deliveries.claim(2)) {
                  if (!claimedElsewhere.add(claimed.messageId())) {
                    claimedTwice.add(claimed.messageId());
                  }
                  deliveries.complete(claimed, new Deliveries.Outcome(204, "", 1, null));
                }
              }
              return null;
            });
      }
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        ids.add(Fixtures.category("Instanz " + i + " " + Fixtures.suffix()).id());
      }
      Instant deadline = Instant.now().plus(WAIT);
      List<Map<String, Object>> all;
      do {
        all =
            Api.admin()
                .queryParam("size", 100)
                .get(WEBHOOKS + "/" + hook[0] + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("data");
        pause();
      } while ((all.size() < 30 || !all.stream().allMatch(d -> "succeeded".equals(d.get("status"))))
          && Instant.now().isBefore(deadline));
      running.set(false);

      assertEquals(30, all.size(), "one delivery per event and endpoint: " + all);
      assertEquals(30, all.stream().map(d -> d.get("messageId")).distinct().count());
      assertEquals(List.of(), claimedTwice);
      List<String> sent =
          receiver.received("/instances").stream().map(r -> r.header("webhook-id")).toList();
      assertEquals(sent.size(), Set.copyOf(sent).size(), "nothing sent twice: " + sent);
      for (String messageId : sent) {
        assertFalse(
            claimedElsewhere.contains(messageId), messageId + " was claimed by two instances");
      }
      assertEquals(30, sent.size() + claimedElsewhere.size());
    } finally {
      running.set(false);
      instances.shutdown();
      instances.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private static List<Integer> answered(List<Received> received) {
    return received.stream().map(Received::answered).toList();
  }

  /** The endpoint's delivery of the entity's first event, once it has this status. */
  private Map<String, Object> delivery(String webhookId, String entityId, String status) {
    String eventId =
        receiver.received().stream()
            .map(WebhookDeliveryTest::json)
            .filter(body -> entityId.equals(body.getString("data.entityId")))
            .map(body -> body.getString("data.id"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no delivery of " + entityId + " was received"));
    return awaitDelivery(
        webhookId, d -> eventId.equals(d.get("eventId")) && status.equals(d.get("status")));
  }

  /** The first of the endpoint's deliveries that matches, waiting for it. */
  private Map<String, Object> awaitDelivery(
      String webhookId, Predicate<Map<String, Object>> match) {
    Instant deadline = Instant.now().plus(WAIT);
    List<Map<String, Object>> deliveries;
    do {
      deliveries =
          Api.admin()
              .queryParam("size", 100)
              .get(WEBHOOKS + "/" + webhookId + "/deliveries")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getList("data");
      Map<String, Object> found = deliveries.stream().filter(match).findFirst().orElse(null);
      if (found != null) {
        return found;
      }
      pause();
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("No such delivery among " + deliveries);
  }

  private JsonPath awaitEndpoint(String id, Predicate<JsonPath> done) {
    Instant deadline = Instant.now().plus(WAIT);
    JsonPath endpoint;
    do {
      endpoint = Api.admin().get(WEBHOOKS + "/" + id).then().statusCode(200).extract().jsonPath();
      if (done.test(endpoint)) {
        return endpoint;
      }
      pause();
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("The webhook did not change as expected: " + endpoint.prettify());
  }

  private void update(String statement, String id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(statement)) {
      update.setObject(1, UUID.fromString(id));
      assertEquals(1, update.executeUpdate());
    }
  }

  /**
   * The signature header for one secret, computed from the specification's definition with the JDK
   * alone (not with Feder's signer): HMAC-SHA256 keyed with the base64-decoded secret after whsec_,
   * over id.timestamp.body, as v1,base64.
   */
  private static String expectedSignature(String secret, String id, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
      byte[] digest =
          mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(digest);
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private static void assertThrowsVerification(String secret, String body, Received delivery) {
    assertThrows(
        WebhookVerificationException.class,
        () -> new Webhook(secret).verify(body, delivery.headers()));
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
