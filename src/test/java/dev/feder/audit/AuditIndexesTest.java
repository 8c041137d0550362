package dev.feder.audit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Api;
import dev.feder.support.SentStatements;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/**
 * Every read of the audit log, unfiltered or by one filter, is served by an index, in the log's
 * order where many rows match, so a page stops after its rows ({@code V7__audit_log.sql}).
 *
 * <p>Each test asks the API for a page of the log and explains the statement Hibernate sent for it
 * ({@link SentStatements}), so a change of {@link AuditQuery} or of an index shows here. The plan
 * is the generic one, which holds for any filter value (a prepared statement settles on it after a
 * few runs), made for a busy log: 50,000 events inserted in the test's transaction, which is rolled
 * back.
 */
@QuarkusTest
class AuditIndexesTest {

  @Inject EntityManager entityManager;

  @Test
  @TestTransaction
  void theWholeLogReadsTheTimeIndex() {
    assertReadsInOrder(plan(events -> events), "audit_event_at_idx");
  }

  @Test
  @TestTransaction
  void oneEntityReadsTheEntityIndex() {
    // Few events per thing: sorting the few rows the index finds costs nothing.
    String entity = "00000000-0000-4000-8000-000000000007";
    String plan = plan(events -> events.queryParam("entityId", entity), UUID.fromString(entity));
    assertTrue(plan.contains("audit_event_entity_idx"), plan);
  }

  @Test
  @TestTransaction
  void oneActorReadsTheActorIndex() {
    assertReadsInOrder(
        plan(events -> events.queryParam("actor", "Redaktion 7"), "Redaktion 7"),
        "audit_event_actor_idx");
  }

  @Test
  @TestTransaction
  void oneActionReadsTheActionIndex() {
    assertReadsInOrder(
        plan(events -> events.queryParam("action", "purge"), "purge"), "audit_event_action_idx");
  }

  @Test
  @TestTransaction
  void oneEntityTypeReadsTheEntityTypeIndex() {
    assertReadsInOrder(
        plan(events -> events.queryParam("entityType", "token"), "token"),
        "audit_event_entity_type_idx");
  }

  @Test
  @TestTransaction
  void aTimeRangeReadsTheTimeIndex() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant since = now.minus(2, ChronoUnit.DAYS);
    Instant until = now.minus(1, ChronoUnit.DAYS);
    assertReadsInOrder(
        plan(
            events ->
                events.queryParam("since", since.toString()).queryParam("until", until.toString()),
            since,
            until),
        "audit_event_at_idx");
  }

  /** The plan reads the index and needs no sort: a page stops after its rows. */
  private static void assertReadsInOrder(String plan, String index) {
    assertTrue(plan.contains(index), plan);
    assertFalse(plan.contains("Sort"), plan);
  }

  /**
   * The plan, over a busy log, of the page statement that an admin's request for the log with these
   * filters made Hibernate send, with the filters' values and the first page of 20.
   */
  private String plan(UnaryOperator<RequestSpecification> filters, Object... values) {
    String page =
        SentStatements.during(
            () -> filters.apply(Api.admin()).get("/api/v1/audit-events").then().statusCode(200),
            sql -> sql.contains(" from audit_event ") && sql.contains(" order by "));
    entityManager
        .unwrap(Session.class)
        .doWork(
            connection -> {
              try (var statement = connection.createStatement()) {
                statement.execute(
                    "insert into audit_event (id, at, actor, actor_role, action, entity_type,"
                        + " entity_id, label)"
                        + " select gen_random_uuid(), now() - make_interval(mins => i),"
                        + " 'Redaktion ' || (i % 50), 'editor',"
                        + " (array['create', 'update', 'patch', 'trash', 'purge'])[1 + i % 5],"
                        + " (array['article', 'article', 'article', 'category', 'author',"
                        + " 'token'])[1 + i % 6],"
                        + " ('00000000-0000-4000-8000-' || lpad((i % 5000)::text, 12, '0'))::uuid,"
                        + " 'meldung-' || i"
                        + " from generate_series(1, 50000) i");
                statement.execute("analyze audit_event");
              }
            });
    Object[] all = Arrays.copyOf(values, values.length + 2);
    all[values.length] = 0;
    all[values.length + 1] = 20;
    return SentStatements.plan(entityManager, page, all);
  }
}
