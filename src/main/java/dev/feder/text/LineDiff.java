package dev.feder.text;

import com.fasterxml.jackson.annotation.JsonValue;
import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A line diff in hunks, as in a unified diff: the changed lines (Myers' algorithm, from
 * java-diff-utils) with a few unchanged lines of context around them, and nearby changes merged
 * into one hunk.
 */
public final class LineDiff {

  private LineDiff() {}

  /** What a line of a hunk is. */
  @Schema(name = "DiffLineOp")
  public enum Op {
    CONTEXT("context"),
    REMOVED("removed"),
    ADDED("added");

    private final String value;

    Op(String value) {
      this.value = value;
    }

    @JsonValue
    public String value() {
      return value;
    }
  }

  /** One line of a hunk. */
  @Schema(name = "DiffLine")
  public record Line(
      @Schema(
              required = true,
              description =
                  "context: unchanged, shown for orientation; removed: only in the older text;"
                      + " added: only in the newer text")
          Op op,
      @Schema(required = true, examples = "<p>Am frühen Morgen liefen zwölf Schiffe aus.</p>")
          String text) {}

  /**
   * A run of changes with their context. Line numbers count from 1 as in a unified diff header
   * {@code @@ -fromStart,fromLines +toStart,toLines @@}: where a side has no lines, its start is
   * the line before the change (0 at the very beginning).
   */
  @Schema(
      name = "DiffHunk",
      description =
          "A run of changed lines with unchanged context lines around them, numbered like a"
              + " unified diff header @@ -fromStart,fromLines +toStart,toLines @@")
  public record Hunk(
      @Schema(required = true, minimum = "0") int fromStart,
      @Schema(required = true, minimum = "0", description = "Context and removed lines")
          int fromLines,
      @Schema(required = true, minimum = "0") int toStart,
      @Schema(required = true, minimum = "0", description = "Context and added lines") int toLines,
      @Schema(required = true, description = "In order: context, removed and added lines")
          List<Line> lines) {}

  /** The hunks that turn {@code before} into {@code after}; none when they are equal. */
  public static List<Hunk> hunks(List<String> before, List<String> after, int context) {
    List<AbstractDelta<String>> deltas = DiffUtils.diff(before, after).getDeltas();
    List<Hunk> hunks = new ArrayList<>();
    int first = 0;
    while (first < deltas.size()) {
      int last = first;
      while (last + 1 < deltas.size()
          && deltas.get(last + 1).getSource().getPosition() - sourceEnd(deltas.get(last))
              <= 2 * context) {
        last++;
      }
      hunks.add(hunk(before, deltas.subList(first, last + 1), context));
      first = last + 1;
    }
    return hunks;
  }

  private static Hunk hunk(List<String> before, List<AbstractDelta<String>> deltas, int context) {
    AbstractDelta<String> head = deltas.get(0);
    AbstractDelta<String> tail = deltas.get(deltas.size() - 1);
    int from = Math.max(0, head.getSource().getPosition() - context);
    int fromEnd = Math.min(before.size(), sourceEnd(tail) + context);
    int to = from + head.getTarget().getPosition() - head.getSource().getPosition();
    int toEnd = fromEnd + targetEnd(tail) - sourceEnd(tail);
    List<Line> lines = new ArrayList<>();
    int at = from;
    for (AbstractDelta<String> delta : deltas) {
      for (; at < delta.getSource().getPosition(); at++) {
        lines.add(new Line(Op.CONTEXT, before.get(at)));
      }
      delta.getSource().getLines().forEach(line -> lines.add(new Line(Op.REMOVED, line)));
      delta.getTarget().getLines().forEach(line -> lines.add(new Line(Op.ADDED, line)));
      at = sourceEnd(delta);
    }
    for (; at < fromEnd; at++) {
      lines.add(new Line(Op.CONTEXT, before.get(at)));
    }
    int fromLines = fromEnd - from;
    int toLines = toEnd - to;
    return new Hunk(
        fromLines == 0 ? from : from + 1, fromLines, toLines == 0 ? to : to + 1, toLines, lines);
  }

  private static int sourceEnd(AbstractDelta<String> delta) {
    return delta.getSource().getPosition() + delta.getSource().size();
  }

  private static int targetEnd(AbstractDelta<String> delta) {
    return delta.getTarget().getPosition() + delta.getTarget().size();
  }
}
