package dev.feder.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell commands of the README's API tour, in order, each with the answer the README shows for
 * it.
 *
 * <p>The tour is every {@code ```shell} block between the {@code ## API tour} heading and the next
 * {@code ##} heading. An expectation is a comment that starts with {@code # →}, at the end of a
 * command's last line or on the lines right after it; lines that follow it and start with {@code #}
 * and two spaces continue it. Other comments are prose. An expectation may begin with a status code
 * ({@code 201}, or the status line of {@code curl -i}, {@code HTTP/1.1 201 Created}); the rest is
 * what the answer shows, in this order, with {@code …} for whatever is left out. Whitespace does
 * not count, so JSON may be spread over lines for reading.
 *
 * <p>Commands are split as bash would for the shell the tour uses: a line ending in a backslash or
 * inside an open quote continues the command.
 */
final class ReadmeTour {

  static final String ARROW = "# →";
  private static final String HEADING = "## API tour";
  private static final Pattern STATUS = Pattern.compile("^(\\d{3})(?=\\s|$)");
  private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/[0-9.]+ (\\d{3})\\b");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private ReadmeTour() {}

  /** One command of the tour and what the README shows it answers, if anything. */
  record Command(int line, String text, Optional<Expectation> expected) {

    /** The command's first line, to name it in a failure. */
    String firstLine() {
      return "README.md:" + line + ": " + text.lines().findFirst().orElse("").strip();
    }
  }

  /**
   * What the README shows a command answers.
   *
   * @param text the expectation as written, without {@code # →}
   * @param status the status code the last request of the command must answer, if given
   * @param fragments what the answer must show, in this order, without whitespace
   */
  record Expectation(String text, Optional<Integer> status, List<String> fragments) {

    static Expectation parse(String text) {
      String body = text.strip();
      Matcher code = STATUS.matcher(body);
      Matcher statusLine = STATUS_LINE.matcher(body);
      Optional<Integer> status = Optional.empty();
      if (code.find()) {
        status = Optional.of(Integer.parseInt(code.group(1)));
        body = body.substring(code.end());
      } else if (statusLine.find()) {
        status = Optional.of(Integer.parseInt(statusLine.group(1)));
      }
      List<String> fragments =
          Arrays.stream(body.split("…"))
              .map(ReadmeTour::withoutWhitespace)
              .filter(fragment -> !fragment.isEmpty())
              .toList();
      return new Expectation(text.strip(), status, fragments);
    }

    /** Empty when the output shows every fragment in order, else what it lacks. */
    Optional<String> mismatch(String output) {
      String shown = withoutWhitespace(output);
      int from = 0;
      for (String fragment : fragments) {
        int at = shown.indexOf(fragment, from);
        if (at < 0) {
          return Optional.of(
              "the answer does not show `"
                  + fragment
                  + "`"
                  + (from == 0 ? "" : " after `" + excerptBefore(shown, from) + "`"));
        }
        from = at + fragment.length();
      }
      return Optional.empty();
    }

    private static String excerptBefore(String text, int end) {
      return text.substring(Math.max(0, end - 60), end);
    }
  }

  /** The tour of this README file. */
  static List<Command> read(Path readme) {
    try {
      return parse(Files.readAllLines(readme, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tour of a README given as its lines. */
  static List<Command> parse(List<String> lines) {
    List<Command> commands = new ArrayList<>();
    int start = lines.indexOf(HEADING);
    if (start < 0) {
      throw new IllegalStateException("The README has no '" + HEADING + "' section");
    }
    List<String> block = null;
    int blockStart = 0;
    for (int i = start + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (block == null && line.startsWith("## ")) {
        break;
      }
      if (block == null && line.equals("```shell")) {
        block = new ArrayList<>();
        blockStart = i + 2;
      } else if (block != null && line.equals("```")) {
        commands.addAll(commandsOf(block, blockStart));
        block = null;
      } else if (block != null) {
        block.add(line);
      }
    }
    if (block != null) {
      throw new IllegalStateException("The shell block at README.md:" + blockStart + " never ends");
    }
    return commands;
  }

  /** The commands of one shell block whose first line is line {@code firstLine} of the README. */
  static List<Command> commandsOf(List<String> block, int firstLine) {
    List<Command> commands = new ArrayList<>();
    StringBuilder command = null;
    int commandLine = 0;
    Shell shell = new Shell();
    StringBuilder expectation = null;
    for (int i = 0; i < block.size(); i++) {
      String line = block.get(i);
      String stripped = line.strip();
      int number = firstLine + i;
      if (command == null) {
        if (expectation != null && line.startsWith("#  ")) {
          expectation.append(' ').append(line.substring(1).strip());
          continue;
        }
        expectation = attach(commands, expectation);
        if (stripped.startsWith(ARROW)) {
          if (commands.isEmpty() || commands.get(commands.size() - 1).expected().isPresent()) {
            throw new IllegalStateException(
                "README.md:" + number + ": an expectation that follows no command of its own");
          }
          expectation = new StringBuilder(stripped.substring(ARROW.length()));
          continue;
        }
        if (stripped.isEmpty() || stripped.startsWith("#")) {
          continue;
        }
        command = new StringBuilder();
        commandLine = number;
        shell = new Shell();
      }
      command.append(line).append('\n');
      String comment = shell.scan(line);
      if (!shell.inQuotes() && (comment != null || !line.endsWith("\\"))) {
        Optional<Expectation> expected =
            comment != null && comment.startsWith(ARROW)
                ? Optional.of(Expectation.parse(comment.substring(ARROW.length())))
                : Optional.empty();
        commands.add(new Command(commandLine, command.toString(), expected));
        command = null;
      }
    }
    attach(commands, expectation);
    if (command != null) {
      throw new IllegalStateException("README.md:" + commandLine + ": the command never ends");
    }
    return commands;
  }

  /** Gives the last command the expectation gathered after it, if any; returns null. */
  private static StringBuilder attach(List<Command> commands, StringBuilder expectation) {
    if (expectation != null) {
      Command last = commands.remove(commands.size() - 1);
      commands.add(
          new Command(
              last.line(), last.text(), Optional.of(Expectation.parse(expectation.toString()))));
    }
    return null;
  }

  static String withoutWhitespace(String text) {
    return WHITESPACE.matcher(text).replaceAll("");
  }

  /** Just enough of bash's quoting to know where a command and its comment end. */
  private static final class Shell {
    private char quote;

    boolean inQuotes() {
      return quote != 0;
    }

    /** Follows the quotes through one line; returns its comment, or null. */
    String scan(String line) {
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quote == '\'') {
          if (c == '\'') {
            quote = 0;
          }
        } else if (quote == '"') {
          if (c == '\\') {
            i++;
          } else if (c == '"') {
            quote = 0;
          }
        } else if (c == '\\') {
          i++;
        } else if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
          return line.substring(i);
        }
      }
      return null;
    }
  }
}
