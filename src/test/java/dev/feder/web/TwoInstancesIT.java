package dev.feder.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.support.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Feder instances on one database, each with its own response cache, as a deployment runs them:
 * two JVMs of the packaged application (Failsafe, after packaging) on a PostgreSQL server of their
 * own. A change made through one instance, or straight in the database, reaches every kept answer
 * of the other that shows it, once the change notification has reached it; the instance that made a
 * write never serves the old state after answering it.
 *
 * <p>Separate processes rather than a second listener in the test's JVM: only then is the other
 * instance's cache really another one, filled and ended by nothing but what it hears from the
 * database. How long the other instance may still serve the old state is measured and printed (the
 * time from the write's answer to its first new answer there), and bounded generously: it is the
 * notification's way through the database, not a figure to tune.
 */
class TwoInstancesIT {

  private static final String TOKEN = "two-instances-" + UUID.randomUUID();

  /** Short, so that the bound of a lagging related list can be waited for. */
  private static final int MAX_AGE_SECONDS = 3;

  private static EmbeddedPostgres database;
  private static Instance a;
  private static Instance b;

  private String run;
  private String section;
  private String authorSlug;

  @BeforeAll
  static void start() throws Exception {
    database = EmbeddedPostgres.builder().start();
    a = Instance.start("a");
    b = Instance.start("b");
  }

  @AfterAll
  static void stop() throws Exception {
    for (Instance instance : new Instance[] {a, b}) {
      if (instance != null) {
        instance.close();
      }
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void aWriteThroughOneInstanceReachesTheOthersKeptAnswersWithinMoments() {
    fixture();
    JsonPath article = article("Zwei Instanzen " + run, List.of(), "published");
    String bySlug = "/api/v1/articles/slug/" + article.getString("slug");
    String list = "/api/v1/articles?category=" + section;
    List<Long> windows = new ArrayList<>();
    int staleFirstReads = 0;
    for (int k = 0; k < 20; k++) {
      for (Instance instance : List.of(a, b)) {
        instance.read(bySlug);
        instance.read(list);
      }
      String excerpt = "Fassung " + k + " " + run;
      patch(a, "/api/v1/articles/" + article.getString("id"), Map.of("excerpt", excerpt));
      long answered = System.nanoTime();
      // The other shows it as soon as the notification reached it.
      boolean first = true;
      while (!excerpt.equals(b.read(bySlug).path("excerpt"))) {
        if (first) {
          staleFirstReads++;
          first = false;
        }
        assertTrue(
            System.nanoTime() - answered < TimeUnit.SECONDS.toNanos(5),
            "B still serves the old excerpt 5 s after the write, round " + k);
      }
      windows.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - answered));
      // The writing instance shows its write, everywhere it appears.
      assertEquals(excerpt, a.read(bySlug).path("excerpt"), "A by slug, round " + k);
      assertTrue(a.read(list).jsonPath().getList("data.excerpt").contains(excerpt));
      await(
          () -> b.read(list).jsonPath().getList("data.excerpt").contains(excerpt),
          "B's list shows the new excerpt");
    }
    Collections.sort(windows);
    System.out.printf(
        "two instances: B read the old excerpt first in %d of 20 rounds; write answered → B's"
            + " first new answer: median %.1f ms, max %.1f ms%n",
        staleFirstReads, windows.get(10) / 1000.0, windows.get(19) / 1000.0);
  }

  @Test
  void unpublishingThroughTheOtherInstanceTakesTheArticleOutOfEveryKeptAnswer() {
    fixture();
    String word = Fixtures.word();
    JsonPath target = article("Wird zurückgezogen " + word, List.of(), "published");
    JsonPath pinning =
        article("Verweist darauf " + run, List.of(target.getString("slug")), "published");
    String id = target.getString("id");
    String bySlug = "/api/v1/articles/slug/" + target.getString("slug");
    String byId = "/api/v1/articles/" + id;
    String list = "/api/v1/articles?category=" + section;
    String search = "/api/v1/articles?q=" + word;
    String category = "/api/v1/categories/slug/" + section;
    String pinningPath = "/api/v1/articles/slug/" + pinning.getString("slug");
    long count = a.read(category).jsonPath().getLong("articleCount");
    for (int k = 0; k < 2; k++) {
      a.read(bySlug).then().statusCode(200);
      a.read(byId).then().statusCode(200);
      assertTrue(a.read(list).jsonPath().getList("data.id").contains(id));
      assertTrue(a.read(search).jsonPath().getList("data.id").contains(id));
      assertTrue(a.read(pinningPath).jsonPath().getList("related.id").contains(id));
      assertTrue(a.text("/api/v1/feeds/articles.rss").contains(target.getString("slug")));
      assertTrue(a.text("/sitemap.xml").contains(target.getString("slug")));
    }

    patch(b, byId, Map.of("status", "draft"));

    await(() -> a.read(bySlug).statusCode() == 404, "A: the article by slug is gone");
    await(() -> a.read(byId).statusCode() == 404, "A: the article by id is gone");
    await(() -> !a.read(list).jsonPath().getList("data.id").contains(id), "A: not listed");
    await(() -> !a.read(search).jsonPath().getList("data.id").contains(id), "A: not found");
    await(
        () -> !a.read(pinningPath).jsonPath().getList("related.id").contains(id),
        "A: the pinning article no longer shows it");
    await(
        () -> a.read(category).jsonPath().getLong("articleCount") == count - 1,
        "A: the category counts one article less");
    await(
        () -> !a.text("/api/v1/feeds/articles.rss").contains(target.getString("slug")),
        "A: the feed no longer holds it");
    await(() -> !a.text("/sitemap.xml").contains(target.getString("slug")), "A: nor the sitemap");
    // B made the write: it shows it at once.
    assertEquals(404, b.read(bySlug).statusCode());
  }

  @Test
  void renamingAnAuthorThroughOneInstanceReachesTheArticlesTheOtherKept() {
    fixture();
    JsonPath article = article("Mit Namenszeile " + run, List.of(), "published");
    String bySlug = "/api/v1/articles/slug/" + article.getString("slug");
    String list = "/api/v1/articles?author=" + authorSlug;
    b.read(bySlug);
    b.read(list);
    String authorId = article.getString("authors[0].id");
    String name = "Umbenannt " + run;

    patch(a, "/api/v1/authors/" + authorId, Map.of("name", name));

    await(() -> name.equals(b.read(bySlug).path("authors[0].name")), "B: the byline is renamed");
    await(
        () -> b.read(list).jsonPath().getList("data.authors[0].name").contains(name),
        "B: the list shows the new name");
  }

  @Test
  void aChangeMadeStraightInTheDatabaseReachesBothInstances() throws Exception {
    fixture();
    JsonPath article = article("Per SQL " + run, List.of(), "published");
    JsonPath draft = article("Bleibt Entwurf " + run, List.of(), "draft");
    String bySlug = "/api/v1/articles/slug/" + article.getString("slug");
    String list = "/api/v1/articles?category=" + section;
    for (Instance instance : List.of(a, b)) {
      instance.read(bySlug);
      instance.read(list);
      instance.read(bySlug);
      instance.read(list);
    }
    String excerpt = "Per SQL geändert " + run;
    try (Connection c = database.getPostgresDatabase().getConnection();
        PreparedStatement update =
            c.prepareStatement("update article set excerpt = ? where id = ?")) {
      update.setString(1, excerpt);
      update.setObject(2, UUID.fromString(article.getString("id")));
      assertEquals(1, update.executeUpdate());
    }
    for (Instance instance : List.of(a, b)) {
      await(
          () -> excerpt.equals(instance.read(bySlug).path("excerpt")),
          instance.name + ": the article shows the new excerpt");
      await(
          () -> instance.read(list).jsonPath().getList("data.excerpt").contains(excerpt),
          instance.name + ": the list shows it");
      // Drafts never leak, on either instance.
      assertEquals(
          404, instance.read("/api/v1/articles/slug/" + draft.getString("slug")).statusCode());
      assertFalse(
          instance.read(list).jsonPath().getList("data.id").contains(draft.getString("id")));
    }
  }

  @Test
  void aNewlyPublishedArticleJoinsTheKeptComputedRelatedListsWithinMaxAge() {
    fixture();
    String tag = "Hafen-" + run;
    JsonPath kept = article("Hafen heute " + run, List.of(), "published", List.of(tag));
    String related = "/api/v1/articles/" + kept.getString("id") + "/related";
    // Kept answers that may lag behind new content tell their age.
    await(() -> b.read(related).header("Age") != null, "B keeps the related list, with its Age");

    JsonPath joining = article("Hafen morgen " + run, List.of(), "published", List.of(tag));
    long published = System.nanoTime();
    String id = joining.getString("id");
    long bound = TimeUnit.SECONDS.toNanos(MAX_AGE_SECONDS + 3);
    while (!b.read(related).jsonPath().getList("data.id").contains(id)) {
      assertTrue(
          System.nanoTime() - published < bound,
          "the related list lags behind the new article longer than max-age");
    }
    // Unpublished, it is gone at once: never a related article that is not public.
    patch(a, "/api/v1/articles/" + id, Map.of("status", "draft"));
    await(
        () -> !b.read(related).jsonPath().getList("data.id").contains(id),
        "B no longer relates the unpublished article");
  }

  // --- fixture and helpers

  private void fixture() {
    run = UUID.randomUUID().toString().substring(0, 8);
    section = create(a, "/api/v1/categories", Map.of("name", "Ressort " + run)).getString("slug");
    authorSlug = create(a, "/api/v1/authors", Map.of("name", "Autorin " + run)).getString("slug");
  }

  private JsonPath article(String title, List<String> pinned, String status) {
    return article(title, pinned, status, List.of());
  }

  private JsonPath article(String title, List<String> pinned, String status, List<String> tags) {
    Map<String, Object> body = new HashMap<>();
    body.put("tags", tags);
    body.put("title", title);
    body.put("excerpt", "Kurz: " + title);
    body.put("body", "<p>" + title + "</p>");
    body.put("category", Map.of("slug", section));
    body.put("authors", List.of(Map.of("slug", authorSlug)));
    body.put("status", status);
    body.put("related", pinned.stream().map(slug -> Map.of("slug", slug)).toList());
    return create(a, "/api/v1/articles", body);
  }

  private static JsonPath create(Instance instance, String path, Map<String, ?> body) {
    Response response =
        instance.admin().contentType(ContentType.JSON).body(body).post(path).andReturn();
    response.then().statusCode(201);
    return response.jsonPath();
  }

  private static void patch(Instance instance, String path, Map<String, ?> changes) {
    String etag = instance.admin().get(path).then().statusCode(200).extract().header("ETag");
    instance
        .admin()
        .contentType("application/merge-patch+json")
        .header("If-Match", etag)
        .body(changes)
        .patch(path)
        .then()
        .statusCode(200);
  }

  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 5 s: " + what);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** A Feder instance: the packaged application in a JVM of its own. */
  private static final class Instance implements AutoCloseable {
    final String name;
    final int port;
    final Process process;
    final Path log;

    private Instance(String name, int port, Process process, Path log) {
      this.name = name;
      this.port = port;
      this.process = process;
      this.log = log;
    }

    static Instance start(String name) throws Exception {
      int port = freePort();
      // Health is on the management port in prod, one per instance.
      int management = freePort();
      Path log = Path.of("target", "two-instances-" + name + ".log");
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx256m",
                  "-XX:+UseSerialGC",
                  "-jar",
                  Path.of("target", "quarkus-app", "quarkus-run.jar").toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      Map<String, String> env = builder.environment();
      env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
      env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
      env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(management));
      env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
      env.put("QUARKUS_DATASOURCE_JDBC_URL", database.getJdbcUrl("postgres", "postgres"));
      env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
      env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
      env.put("FEDER_AUTH_BOOTSTRAP_TOKEN", TOKEN);
      env.put("FEDER_DEMO_ENABLED", "false");
      env.put("FEDER_WARM_UP_ENABLED", "false");
      env.put("FEDER_HTTP_MAX_AGE", MAX_AGE_SECONDS + "s");
      // Both instances share one folder for uploads, as instances behind one load balancer would.
      env.put("FEDER_STORAGE_DIRECTORY", "target/two-instances-storage");
      Instance instance = new Instance(name, port, builder.start(), log);
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (true) {
        if (!instance.process.isAlive()) {
          throw new IllegalStateException("instance " + name + " exited: " + tail(log));
        }
        try {
          if (given()
                  .baseUri("http://127.0.0.1")
                  .port(management)
                  .get("/q/health/ready")
                  .statusCode()
              == 200) {
            return instance;
          }
        } catch (Exception e) {
          // not listening yet (RestAssured throws the ConnectException unchecked)
        }
        if (System.nanoTime() > deadline) {
          instance.close();
          throw new IllegalStateException("instance " + name + " not ready: " + tail(log));
        }
        Thread.sleep(100);
      }
    }

    private static int freePort() throws IOException {
      try (ServerSocket socket = new ServerSocket(0)) {
        return socket.getLocalPort();
      }
    }

    RequestSpecification plain() {
      return given().baseUri("http://127.0.0.1").port(port).urlEncodingEnabled(false);
    }

    RequestSpecification admin() {
      return plain().accept(ContentType.JSON).header("Authorization", "Bearer " + TOKEN);
    }

    /** An anonymous GET as a frontend or feed reader sends it. */
    Response read(String path) {
      String accept =
          path.endsWith(".rss")
              ? "application/rss+xml"
              : path.endsWith(".xml") ? "application/xml" : "application/json";
      return plain().accept(accept).get(path).andReturn();
    }

    String text(String path) {
      Response response = read(path);
      response.then().statusCode(200);
      return response.asString();
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }

    private static String tail(Path log) {
      try {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
      } catch (IOException e) {
        return "(no log)";
      }
    }
  }
}
