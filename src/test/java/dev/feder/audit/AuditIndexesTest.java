package dev.feder.audit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every read of the audit log, unfiltered or by one filter, is served by an index, in the log's
 * order where many rows match, so a page stops after its rows ({@code V7__audit_log.sql}). The SQL
 * is what {@link AuditQuery} asks for, by hand; the plans are made for a busy log (rows inserted in
 * a transaction that is rolled back).
 */
@QuarkusTest
class AuditIndexesTest {

  private static final String ORDER = " order by e.at desc nulls last, e.id limit 21";

  @Inject DataSource dataSource;

  @Test
  void theWholeLogReadsTheTimeIndex() throws SQLException {
    assertReadsInOrder("select e.id from audit_event e" + ORDER, "audit_event_at_idx");
  }

  @Test
  void oneEntityReadsTheEntityIndex() throws SQLException {
    assertUses(
        "select e.id from audit_event e where e.entity_id = '00000000-0000-4000-8000-000000000007'"
            + ORDER,
        "audit_event_entity_idx");
  }

  @Test
  void oneActorReadsTheActorIndex() throws SQLException {
    assertReadsInOrder(
        "select e.id from audit_event e where e.actor = 'Redaktion 7'" + ORDER,
        "audit_event_actor_idx");
  }

  @Test
  void oneActionReadsTheActionIndex() throws SQLException {
    assertReadsInOrder(
        "select e.id from audit_event e where e.action = 'purge'" + ORDER,
        "audit_event_action_idx");
  }

  @Test
  void oneEntityTypeReadsTheEntityTypeIndex() throws SQLException {
    assertReadsInOrder(
        "select e.id from audit_event e where e.entity_type = 'token'" + ORDER,
        "audit_event_entity_type_idx");
  }

  @Test
  void aTimeRangeReadsTheTimeIndex() throws SQLException {
    assertReadsInOrder(
        "select e.id from audit_event e where e.at >= now() - interval '2 days'"
            + " and e.at < now() - interval '1 day'"
            + ORDER,
        "audit_event_at_idx");
  }

  private void assertReadsInOrder(String sql, String index) throws SQLException {
    String plan = plan(sql);
    assertTrue(plan.contains(index), plan);
    assertFalse(plan.contains("Sort"), plan);
  }

  /** The plan reads the index; sorting the few rows it finds costs nothing. */
  private void assertUses(String sql, String index) throws SQLException {
    String plan = plan(sql);
    assertTrue(plan.contains(index), plan);
  }

  private String plan(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      try {
        statement.execute(
            "insert into audit_event (id, at, actor, actor_role, action, entity_type, entity_id,"
                + " label)"
                + " select gen_random_uuid(), now() - make_interval(mins => i),"
                + " 'Redaktion ' || (i % 50), 'editor',"
                + " (array['create', 'update', 'patch', 'trash', 'purge'])[1 + i % 5],"
                + " (array['article', 'article', 'article', 'category', 'author', 'token'])"
                + "[1 + i % 6],"
                + " ('00000000-0000-4000-8000-' || lpad((i % 5000)::text, 12, '0'))::uuid,"
                + " 'meldung-' || i"
                + " from generate_series(1, 50000) i");
        statement.execute("analyze audit_event");
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = statement.executeQuery("explain " + sql)) {
          while (rows.next()) {
            plan.append(rows.getString(1)).append('\n');
          }
        }
        return plan.toString();
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }
  }
}
