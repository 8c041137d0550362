package dev.feder.docs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.feder.docs.ReadmeTour.Command;
import dev.feder.docs.ReadmeTour.Expectation;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Runs the README's API tour as a newcomer would, pasting its commands into bash from top to
 * bottom, against a fresh Feder configured as dev mode is (demo content, the dev token), and checks
 * every answer the README shows (see {@link ReadmeTour} for how the README writes them down).
 *
 * <p>A command fails when it exits with an error, when any request it makes answers a 4xx or 5xx
 * that the README does not show, or when its answer lacks what the README shows. The only change to
 * the commands is the server's address: {@code http://localhost:8080} becomes this test's.
 */
@QuarkusTest
@TestProfile(ReadmeTourTest.DevMode.class)
class ReadmeTourTest {

  private static final String README_ORIGIN = "http://localhost:8080";
  private static final Pattern COMMAND_MARK = Pattern.compile("\n@@command (\\d+)\n");
  private static final Pattern STATUS_MARK = Pattern.compile("@@status (\\d{3})");
  private static final Pattern EXIT_MARK = Pattern.compile("\n@@exit (\\d+)\n");

  @TestHTTPResource("/")
  URL root;

  @Test
  void everyCommandOfTheTourAnswersWhatTheReadmeShows() throws Exception {
    List<Command> tour = ReadmeTour.read(Path.of("README.md"));
    long shown = tour.stream().filter(command -> command.expected().isPresent()).count();
    assertTrue(
        tour.size() >= 40 && shown >= 30,
        "The tour should have dozens of commands and answers; found "
            + tour.size()
            + " commands and "
            + shown
            + " answers: is the README's '## API tour' section still there?");

    String origin = root.toString().replaceAll("/$", "");
    Run run = run(tour, origin);

    List<Executable> checks = new ArrayList<>();
    for (int i = 0; i < tour.size(); i++) {
      Command command = tour.get(i);
      Result result = run.result(i);
      checks.add(() -> check(command, result, origin));
    }
    assertAll("README.md API tour (the script and its output: target/readme-tour)", checks);
  }

  private static void check(Command command, Result result, String origin) {
    String where = command.firstLine();
    if (result == null) {
      fail(where + "\n  never ran (the tour stopped before it)");
    }
    if (result.exit() != 0) {
      fail(where + "\n  exited with " + result.exit() + result.describe());
    }
    Expectation expected =
        command
            .expected()
            .map(e -> Expectation.parse(e.text().replace(README_ORIGIN, origin)))
            .orElse(null);
    List<Integer> statuses = result.statuses();
    for (int i = 0; i < statuses.size(); i++) {
      int status = statuses.get(i);
      boolean last = i == statuses.size() - 1;
      if (last && expected != null && expected.status().isPresent()) {
        if (status != expected.status().get()) {
          fail(
              where
                  + "\n  answered "
                  + status
                  + ", the README shows "
                  + expected.text()
                  + result.describe());
        }
      } else if (status < 200 || status >= 400) {
        fail(where + "\n  a request answered " + status + result.describe());
      }
    }
    if (expected != null) {
      expected
          .mismatch(result.output())
          .ifPresent(
              mismatch ->
                  fail(
                      where
                          + "\n  "
                          + mismatch
                          + "\n  the README shows: "
                          + expected.text()
                          + result.describe()));
    }
  }

  /** Runs the tour's commands in one bash, marking where each begins and ends. */
  private static Run run(List<Command> tour, String origin) throws Exception {
    StringBuilder script = new StringBuilder();
    script.append("set -o pipefail\n");
    // Every request's status goes to stderr, where the commands' own output never goes.
    script.append("curl() { command curl -w '%{stderr}\\n@@status %{http_code}\\n' \"$@\"; }\n");
    for (int i = 0; i < tour.size(); i++) {
      String mark = "printf '\\n@@command " + i + "\\n'";
      script.append(mark).append("; ").append(mark).append(" >&2\n");
      script.append(tour.get(i).text().replace(README_ORIGIN, origin));
      script.append("printf '\\n@@exit %d\\n' $? >&2\n");
    }
    Path dir = Files.createDirectories(Path.of("target", "readme-tour"));
    Path file = dir.resolve("tour.sh");
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Files.writeString(file, script, StandardCharsets.UTF_8);
    Process bash =
        new ProcessBuilder("bash", file.toString())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!bash.waitFor(3, TimeUnit.MINUTES)) {
      bash.destroyForcibly();
      fail("The tour did not finish within 3 minutes; its output is in " + dir);
    }
    return new Run(
        split(Files.readString(out, StandardCharsets.UTF_8)),
        split(Files.readString(err, StandardCharsets.UTF_8)));
  }

  /** The parts of one stream after each command mark, by the command's index. */
  private static Map<Integer, String> split(String stream) {
    Map<Integer, String> parts = new HashMap<>();
    Matcher mark = COMMAND_MARK.matcher(stream);
    Integer index = null;
    int from = 0;
    while (mark.find()) {
      if (index != null) {
        parts.put(index, stream.substring(from, mark.start()));
      }
      index = Integer.parseInt(mark.group(1));
      from = mark.end();
    }
    if (index != null) {
      parts.put(index, stream.substring(from));
    }
    return parts;
  }

  /** Both streams of the tour's bash, split by command. */
  private record Run(Map<Integer, String> out, Map<Integer, String> err) {

    /** What command {@code i} printed and how it ended, or null if it never ran. */
    Result result(int i) {
      String errors = err.get(i);
      if (errors == null) {
        return null;
      }
      Matcher exit = EXIT_MARK.matcher(errors);
      if (!exit.find()) {
        return null;
      }
      List<Integer> statuses = new ArrayList<>();
      Matcher status = STATUS_MARK.matcher(errors);
      while (status.find()) {
        statuses.add(Integer.parseInt(status.group(1)));
      }
      String messages =
          STATUS_MARK.matcher(errors.substring(0, exit.start())).replaceAll("").strip();
      return new Result(
          out.getOrDefault(i, ""), statuses, Integer.parseInt(exit.group(1)), messages);
    }
  }

  /** What one command printed, the status of each request it made, and its exit status. */
  private record Result(String output, List<Integer> statuses, int exit, String errors) {

    String describe() {
      String shown = output.strip();
      if (shown.length() > 2000) {
        shown = shown.substring(0, 2000) + " …";
      }
      return "\n  statuses: "
          + statuses
          + "\n  output: "
          + shown
          + (errors.isEmpty() ? "" : "\n  stderr: " + errors);
    }
  }

  /**
   * Feder as {@code ./mvnw quarkus:dev} runs it for a newcomer (demo content, the dev token), on a
   * PostgreSQL server of its own, so that the tour finds an empty database whatever the other tests
   * left in theirs. The profile is not {@code test}, so that none of the tests' settings apply.
   */
  public static final class DevMode implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
      return "readme-tour";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "feder.demo.enabled", "true",
          "feder.auth.bootstrap-token", "dev-admin-token",
          // As in dev mode: the tour's webhook points at a website on localhost.
          "feder.webhooks.allow-private-networks", "true",
          // Uploaded files of the tour's own, as dev mode keeps them under .feder/storage.
          "feder.storage.directory", "target/readme-tour/storage",
          // The tour needs no warm-up, and the machine is busy enough running the tests.
          "feder.warm-up.enabled", "false");
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(OwnDatabase.class));
    }
  }

  /** A fresh embedded PostgreSQL server for the tour alone, stopped after it. */
  public static final class OwnDatabase implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start PostgreSQL for the README tour", e);
      }
      return Map.of(
          "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
          "quarkus.datasource.username", "postgres",
          "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
      if (postgres != null) {
        try {
          postgres.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }
}
