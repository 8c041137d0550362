package dev.feder.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.feder.text.LineDiff.Hunk;
import dev.feder.text.LineDiff.Line;
import dev.feder.text.LineDiff.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Line diffs in hunks numbered like a unified diff. */
class LineDiffTest {

  private static final List<String> BEFORE = List.of("a", "b", "c", "d", "e", "f", "g", "h");

  @Test
  void equalTextsHaveNoHunks() {
    assertEquals(List.of(), LineDiff.hunks(BEFORE, BEFORE, 1));
    assertEquals(List.of(), LineDiff.hunks(List.of(), List.of(), 1));
  }

  @Test
  void changedLineComesWithOneLineOfContextOnEachSide() {
    List<String> after = List.of("a", "b", "c", "D", "e", "f", "g", "h");
    assertEquals(
        List.of(
            new Hunk(
                3,
                3,
                3,
                3,
                List.of(
                    new Line(Op.CONTEXT, "c"),
                    new Line(Op.REMOVED, "d"),
                    new Line(Op.ADDED, "D"),
                    new Line(Op.CONTEXT, "e")))),
        LineDiff.hunks(BEFORE, after, 1));
  }

  @Test
  void distantChangesAreSeparateHunksAndNearOnesMerge() {
    List<String> after = List.of("A", "b", "c", "d", "e", "f", "g", "H");
    List<Hunk> hunks = LineDiff.hunks(BEFORE, after, 1);
    assertEquals(2, hunks.size());
    assertEquals(new Hunk(1, 2, 1, 2, hunks.get(0).lines()), hunks.get(0));
    assertEquals(new Hunk(7, 2, 7, 2, hunks.get(1).lines()), hunks.get(1));

    List<String> near = List.of("a", "B", "c", "D", "e", "f", "g", "h");
    List<Hunk> merged = LineDiff.hunks(BEFORE, near, 1);
    assertEquals(1, merged.size());
    assertEquals(new Hunk(1, 5, 1, 5, merged.get(0).lines()), merged.get(0));
  }

  @Test
  void insertionIntoAnEmptyTextStartsAtLineZeroOnTheOldSide() {
    assertEquals(
        List.of(new Hunk(0, 0, 1, 2, List.of(new Line(Op.ADDED, "x"), new Line(Op.ADDED, "y")))),
        LineDiff.hunks(List.of(), List.of("x", "y"), 1));
  }

  @Test
  void insertedLineInTheMiddleShiftsTheNewSide() {
    List<String> after = List.of("a", "b", "c", "d", "neu", "e", "f", "g", "h");
    assertEquals(
        List.of(
            new Hunk(
                4,
                2,
                4,
                3,
                List.of(
                    new Line(Op.CONTEXT, "d"),
                    new Line(Op.ADDED, "neu"),
                    new Line(Op.CONTEXT, "e")))),
        LineDiff.hunks(BEFORE, after, 1));
  }

  @Test
  void removedLastLinesKeepTheNumbering() {
    List<String> after = List.of("a", "b", "c", "d", "e", "f");
    assertEquals(
        List.of(
            new Hunk(
                6,
                3,
                6,
                1,
                List.of(
                    new Line(Op.CONTEXT, "f"),
                    new Line(Op.REMOVED, "g"),
                    new Line(Op.REMOVED, "h")))),
        LineDiff.hunks(BEFORE, after, 1));
  }
}
