package dev.feder.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.docs.ReadmeTour.Command;
import dev.feder.docs.ReadmeTour.Expectation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How {@link ReadmeTour} reads commands and expectations out of the README. */
class ReadmeTourFormatTest {

  @Test
  void commandsEndWhereBashEndsThem() {
    List<Command> tour =
        ReadmeTour.parse(
            List.of(
                "## API tour",
                "```shell",
                "A=1",
                "curl -s -X POST $API \\",
                "  -d '{",
                "  \"title\": \"Eins # keine Bemerkung\"",
                "}'",
                "# a remark, not an answer",
                "",
                "B=$(echo \"x\" | cut -d'\"' -f1)   # prose",
                "```"));

    assertEquals(List.of(3, 4, 10), tour.stream().map(Command::line).toList());
    assertTrue(tour.get(1).text().endsWith("}'\n"), tour.get(1).text());
    assertTrue(tour.stream().allMatch(command -> command.expected().isEmpty()));
  }

  @Test
  void anExpectationBelongsToTheCommandBeforeItAndGoesOnOverIndentedCommentLines() {
    List<Command> tour =
        ReadmeTour.parse(
            List.of(
                "## API tour",
                "```shell",
                "curl -s $API/a   # → 204",
                "curl -s $API/b",
                "# → 201 {\"id\": \"…\",",
                "#    \"slug\": \"b\"}",
                "# prose ends it",
                "curl -s $API/c",
                "```"));

    assertEquals(Optional.of(204), tour.get(0).expected().orElseThrow().status());
    Expectation second = tour.get(1).expected().orElseThrow();
    assertEquals(Optional.of(201), second.status());
    assertEquals(List.of("{\"id\":\"", "\",\"slug\":\"b\"}"), second.fragments());
    assertEquals(Optional.empty(), tour.get(2).expected());
  }

  @Test
  void onlyTheShellBlocksOfTheTourSectionCount() {
    List<Command> tour =
        ReadmeTour.parse(
            List.of(
                "## Quick start",
                "```shell",
                "./mvnw quarkus:dev",
                "```",
                "## API tour",
                "```shell",
                "curl -s $API/articles",
                "```",
                "```json",
                "{\"not\": \"a command\"}",
                "```",
                "### A subsection of the tour",
                "```shell",
                "curl -s $API/authors",
                "```",
                "## The OpenAPI document",
                "```shell",
                "npx openapi-typescript openapi/openapi.yaml",
                "```"));

    assertEquals(
        List.of("curl -s $API/articles", "curl -s $API/authors"),
        tour.stream().map(command -> command.text().strip()).toList());
  }

  @Test
  void aStatusComesFirstAsACodeOrAsCurlsStatusLine() {
    assertEquals(Optional.of(412), Expectation.parse(" 412 {\"type\": \"/problems/x\"}").status());
    Expectation statusLine = Expectation.parse(" HTTP/1.1 304 Not Modified");
    assertEquals(Optional.of(304), statusLine.status());
    assertEquals(List.of("HTTP/1.1304NotModified"), statusLine.fragments());
    Expectation notAStatus = Expectation.parse(" 204: gone");
    assertEquals(Optional.empty(), notAStatus.status());
    assertEquals(List.of("204:gone"), notAStatus.fragments());
  }

  @Test
  void theAnswerMustShowEveryFragmentInOrderWhateverItsWhitespace() {
    Expectation expected =
        Expectation.parse(" {\"id\": \"…\", \"slug\": \"b\", …, \"tags\": [\"x\"]}");

    assertEquals(
        Optional.empty(),
        expected.mismatch("{\"id\":\"1\",\"slug\":\"b\",\"title\":\"T\",\"tags\":[\"x\"]}"));
    assertEquals(
        Optional.empty(),
        expected.mismatch("{\"id\": \"2\",\n  \"slug\": \"b\", \"n\": 1, \"tags\": [\"x\"]}"));
    String outOfOrder =
        expected.mismatch("{\"id\":\"1\",\"tags\":[\"x\"],\"slug\":\"b\"}").orElseThrow();
    assertTrue(outOfOrder.contains("\"slug\":\"b\""), outOfOrder);
    assertTrue(expected.mismatch("{\"id\":\"1\",\"slug\":\"c\",\"tags\":[\"x\"]}").isPresent());
    assertTrue(expected.mismatch("").isPresent());
  }

  @Test
  void anExpectationWithoutACommandOfItsOwnIsAnError() {
    IllegalStateException alone =
        assertThrows(
            IllegalStateException.class,
            () -> ReadmeTour.parse(List.of("## API tour", "```shell", "# → 200", "```")));
    assertTrue(alone.getMessage().contains("README.md:3"), alone.getMessage());
    IllegalStateException second =
        assertThrows(
            IllegalStateException.class,
            () ->
                ReadmeTour.parse(
                    List.of("## API tour", "```shell", "curl -s a   # → 200", "# → 201", "```")));
    assertTrue(second.getMessage().contains("README.md:4"), second.getMessage());
  }

  @Test
  void anUnfinishedCommandIsAnError() {
    IllegalStateException open =
        assertThrows(
            IllegalStateException.class,
            () -> ReadmeTour.parse(List.of("## API tour", "```shell", "curl -d '{", "```")));
    assertTrue(open.getMessage().contains("never ends"), open.getMessage());
  }
}
