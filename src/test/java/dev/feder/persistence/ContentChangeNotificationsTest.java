package dev.feder.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.feder.support.ThrowAwayDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The triggers of {@code R__content_change_notifications.sql} name exactly what a statement
 * changed, whoever runs it: statements here are plain SQL on a connection of their own, as a
 * maintenance script or another instance would send them, on a database of the test's own (a bulk
 * statement and a TRUNCATE would disturb the shared one), and a second connection listens as an
 * instance does.
 */
@QuarkusTest
class ContentChangeNotificationsTest {

  private static final UUID PARENT = UUID.fromString("00000000-0000-0000-0000-00000000c001");
  private static final UUID CHILD = UUID.fromString("00000000-0000-0000-0000-00000000c002");
  private static final UUID AUTHOR = UUID.fromString("00000000-0000-0000-0000-00000000a001");
  private static final UUID OTHER_AUTHOR = UUID.fromString("00000000-0000-0000-0000-00000000a002");
  private static final UUID PUBLISHED = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
  private static final UUID PINNING = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
  private static final UUID DRAFT = UUID.fromString("00000000-0000-0000-0000-0000000000a3");

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String url;

  @ConfigProperty(name = "quarkus.datasource.username")
  String user;

  @ConfigProperty(name = "quarkus.datasource.password")
  Optional<String> password;

  @Inject EntityManager entityManager;

  private ThrowAwayDatabase db;
  private Connection listener;
  private Connection sql;

  @BeforeEach
  void database() throws SQLException {
    db = ThrowAwayDatabase.create(url, user, password.orElse(null), "feder_notifications");
    Flyway.configure()
        .dataSource(db.url(), db.user(), db.password())
        .locations("filesystem:" + Path.of("src/main/resources/db/migration"))
        .load()
        .migrate();
    sql = db.connect();
    execute(
        "insert into category (id, slug, name, created_at, updated_at) values"
            + " ('"
            + PARENT
            + "', 'welt', 'Welt', now(), now())",
        "insert into category (id, slug, name, parent_id, created_at, updated_at) values"
            + " ('"
            + CHILD
            + "', 'europa', 'Europa', '"
            + PARENT
            + "', now(), now())",
        "insert into author (id, slug, name, created_at, updated_at) values"
            + " ('"
            + AUTHOR
            + "', 'lena', 'Lena', now(), now()),"
            + " ('"
            + OTHER_AUTHOR
            + "', 'karl', 'Karl', now(), now())",
        article(PUBLISHED, "published", "'published'", "now()"),
        article(PINNING, "pinning", "'published'", "now()"),
        article(DRAFT, "draft", "'draft'", "null"),
        "insert into article_author (article_id, author_id, position) values"
            + " ('"
            + PUBLISHED
            + "', '"
            + AUTHOR
            + "', 0)",
        "insert into article_related (article_id, related_id, position) values"
            + " ('"
            + PINNING
            + "', '"
            + PUBLISHED
            + "', 0), ('"
            + PINNING
            + "', '"
            + DRAFT
            + "', 1)");
    listener = db.connect();
    try (Statement s = listener.createStatement()) {
      s.execute("listen feder_content_changed");
    }
  }

  @AfterEach
  void drop() throws SQLException {
    listener.close();
    sql.close();
    db.close();
  }

  @Test
  void anExcerptOfAPublicArticleNamesItAndTheSearch() throws SQLException {
    assertEquals(
        List.of(Set.of("article:" + PUBLISHED, "search")),
        heardAfter("update article set excerpt = 'Neu' where id = '" + PUBLISHED + "'"));
  }

  @Test
  void aDraftsTextNamesOnlyTheDraftButItsTitleAlsoTheSearch() throws SQLException {
    assertEquals(
        List.of(Set.of("article:" + DRAFT)),
        heardAfter("update article set excerpt = 'Neu', body = 'x' where id = '" + DRAFT + "'"));
    // Titles feed the typo vocabulary, whatever the article's status.
    assertEquals(
        List.of(Set.of("article:" + DRAFT, "search")),
        heardAfter("update article set title = 'Neuer Titel' where id = '" + DRAFT + "'"));
  }

  @Test
  void unpublishingNamesTheListsAndTheArticlesPinningIt() throws SQLException {
    assertEquals(
        List.of(Set.of("article:" + PUBLISHED, "articles", "article:" + PINNING)),
        heardAfter("update article set status = 'draft' where id = '" + PUBLISHED + "'"));
    assertEquals(
        List.of(Set.of("article:" + DRAFT, "articles", "search", "article:" + PINNING)),
        heardAfter(
            "update article set status = 'published', published_at = now(),"
                + " body_text = 'Jetzt öffentlich' where id = '"
                + DRAFT
                + "'"));
  }

  @Test
  void movingAnArticleToTheTrashOrAnotherCategoryNamesTheLists() throws SQLException {
    assertEquals(
        List.of(Set.of("article:" + PUBLISHED, "articles", "article:" + PINNING)),
        heardAfter(
            "update article set deleted_at = now(), deleted_by = 'x' where id = '"
                + PUBLISHED
                + "'"));
    assertEquals(
        List.of(Set.of("article:" + DRAFT, "articles", "article:" + PINNING)),
        heardAfter("update article set category_id = '" + PARENT + "' where id = '" + DRAFT + "'"));
    assertEquals(
        List.of(Set.of("article:" + PINNING, "articles")),
        heardAfter("update article set tags = '{Marine}' where id = '" + PINNING + "'"));
  }

  @Test
  void anUpdateThatChangesNothingPublicNamesOnlyTheArticle() throws SQLException {
    assertEquals(
        List.of(Set.of("article:" + PUBLISHED)),
        heardAfter("update article set updated_at = now() where id = '" + PUBLISHED + "'"));
  }

  @Test
  void aStatementThatTouchesNoRowNotifiesNothing() throws SQLException {
    assertEquals(List.of(), heardAfter("update article set excerpt = 'x' where false"));
    assertEquals(List.of(), heardAfter("delete from category where slug = 'gibt-es-nicht'"));
  }

  @Test
  void insertsAndDeletesOfArticlesNameTheListsAndTheSearch() throws SQLException {
    UUID id = UUID.randomUUID();
    assertEquals(
        List.of(Set.of("article:" + id, "articles", "search")),
        heardAfter(article(id, "neu", "'draft'", "null")));
    assertEquals(
        List.of(Set.of("article:" + id, "articles", "search")),
        heardAfter("delete from article where id = '" + id + "'"));
  }

  @Test
  void bylinesNameTheirArticlesAndTheListsPinsOnlyThePinningArticle() throws SQLException {
    assertEquals(
        List.of(Set.of("article:" + PUBLISHED, "articles")),
        heardAfter(
            "insert into article_author (article_id, author_id, position) values ('"
                + PUBLISHED
                + "', '"
                + OTHER_AUTHOR
                + "', 1)"));
    assertEquals(
        List.of(Set.of("article:" + PINNING)),
        heardAfter("delete from article_related where related_id = '" + DRAFT + "'"));
  }

  @Test
  void aNewCategorySlugNamesTheListsAndTheChildrenShowingIt() throws SQLException {
    assertEquals(
        List.of(Set.of("category:" + PARENT, "categories")),
        heardAfter("update category set name = 'Die Welt' where id = '" + PARENT + "'"));
    assertEquals(
        List.of(Set.of("category:" + PARENT, "categories", "articles", "category:" + CHILD)),
        heardAfter("update category set slug = 'die-welt' where id = '" + PARENT + "'"));
    assertEquals(
        List.of(Set.of("category:" + CHILD, "categories", "articles")),
        heardAfter("update category set parent_id = null where id = '" + CHILD + "'"));
  }

  @Test
  void authorsNameThemselvesTheirListAndOnANewSlugTheArticleLists() throws SQLException {
    assertEquals(
        List.of(Set.of("author:" + AUTHOR, "authors")),
        heardAfter("update author set name = 'Lena Öztürk' where id = '" + AUTHOR + "'"));
    assertEquals(
        List.of(Set.of("author:" + AUTHOR, "authors", "articles")),
        heardAfter("update author set slug = 'lena-oeztuerk' where id = '" + AUTHOR + "'"));
    UUID id = UUID.randomUUID();
    assertEquals(
        List.of(Set.of("author:" + id, "authors")),
        heardAfter(
            "insert into author (id, slug, name, created_at, updated_at) values ('"
                + id
                + "', 'neu', 'Neu', now(), now())"));
  }

  @Test
  void bulkStatementsAndTruncateNameEverything() throws SQLException {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 101; i++) {
      rows.append(i == 0 ? "" : ", ")
          .append("('")
          .append(UUID.randomUUID())
          .append("', 'viele-")
          .append(i)
          .append("', 'Viele ")
          .append(i)
          .append("', 'draft', '")
          .append(PARENT)
          .append("', now(), now())");
    }
    assertEquals(
        List.of(Set.of("*")),
        heardAfter(
            "insert into article (id, slug, title, status, category_id, created_at, updated_at)"
                + " values "
                + rows));
    assertEquals(List.of(Set.of("*")), heardAfter("truncate article_related"));
  }

  @Test
  void aTransactionTellsItsServiceTheTagsOfWhatItChanged() {
    // On the application's own database, through its EntityManager, as a service would ask; rolled
    // back, so nothing stays.
    UUID id = UUID.randomUUID();
    Set<String> tags;
    QuarkusTransaction.begin();
    try {
      assertEquals(Set.of(), ContentTags.changedInTransaction(entityManager));
      entityManager
          .createNativeQuery(
              "insert into category (id, slug, name, created_at, updated_at)"
                  + " values (?1, ?2, 'Zurückgerollt', now(), now())")
          .setParameter(1, id)
          .setParameter(2, "zurueckgerollt-" + id)
          .executeUpdate();
      tags = ContentTags.changedInTransaction(entityManager);
    } finally {
      QuarkusTransaction.rollback();
    }
    assertEquals(Set.of("category:" + id, "categories", "category:any"), tags);
  }

  private static String article(UUID id, String slug, String status, String publishedAt) {
    return "insert into article (id, slug, title, status, published_at, category_id, created_at,"
        + " updated_at) values ('"
        + id
        + "', '"
        + slug
        + "', 'Titel "
        + slug
        + "', "
        + status
        + ", "
        + publishedAt
        + ", '"
        + CHILD
        + "', now(), now())";
  }

  private void execute(String... statements) throws SQLException {
    try (Statement s = sql.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  /**
   * What the listener hears after {@code statement} committed: one set of tags per notification.
   */
  private List<Set<String>> heardAfter(String statement) throws SQLException {
    drain();
    execute(statement);
    // A notification this statement did not cause would follow it; one is sent to close the
    // stream, so that the wait ends as soon as everything is in.
    execute("select pg_notify('feder_content_changed', 'heard:test')");
    List<Set<String>> heard = new ArrayList<>();
    PGConnection postgres = listener.unwrap(PGConnection.class);
    while (true) {
      PGNotification[] notifications = postgres.getNotifications(10_000);
      if (notifications == null || notifications.length == 0) {
        throw new AssertionError("the closing notification never came; heard " + heard);
      }
      for (PGNotification notification : notifications) {
        if (notification.getParameter().equals("heard:test")) {
          return heard;
        }
        heard.add(new TreeSet<>(List.of(notification.getParameter().split(" "))));
      }
    }
  }

  private void drain() throws SQLException {
    PGConnection postgres = listener.unwrap(PGConnection.class);
    execute("select pg_notify('feder_content_changed', 'heard:drain')");
    while (true) {
      PGNotification[] notifications = postgres.getNotifications(10_000);
      if (notifications == null || notifications.length == 0) {
        throw new AssertionError("the draining notification never came");
      }
      for (PGNotification notification : notifications) {
        if (notification.getParameter().equals("heard:drain")) {
          return;
        }
      }
    }
  }
}
