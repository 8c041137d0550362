package dev.feder.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.ThrowAwayDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * The functions and triggers of the schema live in repeatable migrations ({@code R__*.sql}), one
 * file per purpose, which Flyway runs after the versioned ones whenever they change. Running them
 * on a database that the versioned migrations alone brought up to date (as every database was
 * before they existed) must change nothing, and a fresh database must end up with the same
 * definitions.
 */
@QuarkusTest
class RepeatableMigrationsTest {

  private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
  private static final Pattern FUNCTION =
      Pattern.compile("CREATE OR REPLACE FUNCTION public\\.(\\w+)\\(");
  private static final Pattern TRIGGER = Pattern.compile("CREATE TRIGGER (\\w+) ");

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String url;

  @ConfigProperty(name = "quarkus.datasource.username")
  String user;

  @ConfigProperty(name = "quarkus.datasource.password")
  Optional<String> password;

  @Inject DataSource dataSource;

  @Test
  void repeatableMigrationsChangeNothingOnADatabaseOfTheVersionedOnes() throws Exception {
    try (ThrowAwayDatabase db =
        ThrowAwayDatabase.create(url, user, password.orElse(null), "feder_migrations")) {
      // The versioned migrations alone: a file named R__… matches no prefix and is left out.
      MigrateResult versioned = flyway(db).repeatableSqlMigrationPrefix("NONE").load().migrate();
      assertEquals(versionedFiles(), versioned.migrationsExecuted);
      assertTrue(versioned.migrations.stream().noneMatch(m -> m.version.isEmpty()));
      Map<String, String> before = definitions(db);

      MigrateResult repeatable = flyway(db).load().migrate();
      List<String> applied = repeatable.migrations.stream().map(m -> fileName(m.filepath)).toList();
      assertEquals(repeatableFiles(), applied.stream().sorted().toList());
      assertEquals(before, definitions(db));
    }
  }

  @Test
  void aFreshDatabaseHasTheDefinitionsOfAnUpdatedOne() throws Exception {
    try (ThrowAwayDatabase db =
        ThrowAwayDatabase.create(url, user, password.orElse(null), "feder_migrations")) {
      flyway(db).repeatableSqlMigrationPrefix("NONE").load().migrate();
      flyway(db).load().migrate();
      Map<String, String> updated = definitions(db);
      try (Connection c = dataSource.getConnection()) {
        assertEquals(updated, definitions(c));
      }
    }
  }

  @Test
  void everyFunctionAndTriggerLivesInOneRepeatableMigration() throws Exception {
    Map<String, List<String>> functions = new TreeMap<>();
    Map<String, List<String>> triggers = new TreeMap<>();
    for (String file : repeatableFiles()) {
      String sql = Files.readString(MIGRATIONS.resolve(file));
      collect(FUNCTION.matcher(sql), file, functions);
      collect(TRIGGER.matcher(sql), file, triggers);
    }
    functions.forEach(
        (name, files) -> assertEquals(1, files.size(), name + " is defined in " + files));
    triggers.forEach(
        (name, files) -> assertEquals(1, files.size(), name + " is defined in " + files));

    List<String> inDatabase = new ArrayList<>();
    List<String> triggersInDatabase = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet r =
          s.executeQuery(
              "select distinct p.proname from pg_proc p join pg_namespace n on n.oid ="
                  + " p.pronamespace where n.nspname = 'public' and p.proname like 'feder\\_%'"
                  + " order by 1")) {
        while (r.next()) {
          inDatabase.add(r.getString(1));
        }
      }
      try (ResultSet r =
          s.executeQuery("select tgname from pg_trigger where not tgisinternal order by 1")) {
        while (r.next()) {
          triggersInDatabase.add(r.getString(1));
        }
      }
    }
    assertFalse(inDatabase.isEmpty());
    assertEquals(
        inDatabase,
        List.copyOf(functions.keySet()),
        "every function belongs in a repeatable migration (R__*.sql), each in one file");
    assertEquals(
        triggersInDatabase,
        List.copyOf(triggers.keySet()),
        "every trigger belongs in a repeatable migration (R__*.sql), each in one file");
  }

  private static FluentConfiguration flyway(ThrowAwayDatabase db) {
    return Flyway.configure()
        .dataSource(db.url(), db.user(), db.password())
        .locations("filesystem:" + MIGRATIONS);
  }

  private static List<String> repeatableFiles() throws IOException {
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(f -> f.startsWith("R__") && f.endsWith(".sql"))
          .sorted()
          .toList();
    }
  }

  private static long versionedFiles() throws IOException {
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
    }
  }

  private String fileName(String path) {
    return Path.of(path).getFileName().toString();
  }

  private static void collect(Matcher m, String file, Map<String, List<String>> into) {
    while (m.find()) {
      into.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(file);
    }
  }

  private static Map<String, String> definitions(ThrowAwayDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      return definitions(c);
    }
  }

  /** pg_get_functiondef of every function of Feder's, pg_get_triggerdef of every trigger. */
  private static Map<String, String> definitions(Connection c) throws SQLException {
    Map<String, String> all = new TreeMap<>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "select 'function ' || p.oid::regprocedure, pg_get_functiondef(p.oid)"
                    + " from pg_proc p join pg_namespace n on n.oid = p.pronamespace"
                    + " where n.nspname = 'public' and p.proname like 'feder\\_%'"
                    + " union all"
                    + " select 'trigger ' || t.tgname || ' on ' || t.tgrelid::regclass,"
                    + " pg_get_triggerdef(t.oid) from pg_trigger t where not t.tgisinternal")) {
      while (r.next()) {
        all.put(r.getString(1), r.getString(2));
      }
    }
    return all;
  }
}
