package dev.feder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.feder.support.ContractDiff;
import dev.feder.support.OpenApiDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients of a released API keep working, or the version says they may not: the spec is compared
 * with the released contract, the newest {@code openapi/baseline/openapi-<version>.json} (kept as
 * released, never edited).
 *
 * <ul>
 *   <li>A breaking change needs a higher major version in {@code info.version} ({@link FederApi}).
 *   <li>Any change needs a version above the released one (the minor for additions).
 *   <li>{@code openapi/CHANGELOG.md} lists the changes since the release, as {@link ContractDiff}
 *       renders them, in the section of that version: copy {@code target/openapi/api-changes.md}
 *       over the generated block there.
 * </ul>
 *
 * <p>It reads the committed spec, which {@link OpenApiDocumentTest} holds to be what the code
 * generates.
 */
class ApiCompatibilityTest {

  private static final Path BASELINES = Path.of("openapi/baseline");
  private static final Path CHANGELOG = Path.of("openapi/CHANGELOG.md");
  private static final Path CHANGES = Path.of("target/openapi/api-changes.md");
  private static final Path REPORT = Path.of("target/openapi/api-diff.md");
  private static final Pattern BASELINE = Pattern.compile("openapi-(\\d+\\.\\d+\\.\\d+)\\.json");
  private static final Pattern BLOCK =
      Pattern.compile("(?s)<!-- api-changes[^>]*-->\\n(.*?)<!-- /api-changes -->");

  private static Path baseline;
  private static String released;
  private static String current;
  private static ContractDiff diff;

  @BeforeAll
  static void compare() throws IOException {
    try (Stream<Path> files = Files.list(BASELINES)) {
      baseline =
          files
              .filter(f -> BASELINE.matcher(f.getFileName().toString()).matches())
              .max(Comparator.comparing(ApiCompatibilityTest::baselineVersion, VERSIONS))
              .orElseThrow(() -> new AssertionError("No released contract in " + BASELINES));
    }
    diff =
        ContractDiff.between(
            Files.readString(baseline), Files.readString(OpenApiDocument.COMMITTED));
    released = baselineVersion(baseline);
    current = OpenApiDocument.committed().version();
    Files.createDirectories(CHANGES.getParent());
    Files.writeString(CHANGES, block());
    Files.writeString(REPORT, diff.report());
  }

  @Test
  void breakingChangesRaiseTheMajorVersion() {
    List<String> breaking = diff.breakingChanges();
    if (!breaking.isEmpty() && parse(current)[0] <= parse(released)[0]) {
      fail(
          "Breaking changes since the released "
              + released
              + " ("
              + baseline
              + "); keep the API compatible, or raise the major version in FederApi and say in"
              + " openapi/CHANGELOG.md how clients migrate (detail in "
              + REPORT
              + "):\n  "
              + String.join("\n  ", breaking));
    }
  }

  @Test
  void changesRaiseTheVersionAboveTheReleasedOne() {
    if (diff.unchanged()) {
      assertEquals(
          released, current, "Nothing changed since " + released + ", so the version stays");
    } else {
      assertTrue(
          VERSIONS.compare(current, released) > 0,
          "The API changed since "
              + released
              + " but info.version is "
              + current
              + ": raise it in FederApi (the minor version for additions)");
    }
  }

  @Test
  void changelogListsTheChangesSinceTheRelease() throws IOException {
    if (diff.unchanged()) {
      return;
    }
    String changelog = Files.readString(CHANGELOG);
    assertTrue(
        Pattern.compile("(?m)^## " + Pattern.quote(current) + "\\b").matcher(changelog).find(),
        CHANGELOG + " has no section '## " + current + "' for the version under way");
    Matcher block = BLOCK.matcher(changelog);
    String listed = block.find() ? block.group(0) : "(no generated block)";
    assertEquals(
        block(),
        listed + "\n",
        CHANGELOG
            + " does not list the API's changes since "
            + released
            + ": replace its generated block with "
            + CHANGES
            + ", and say in words what changed");
  }

  /** The generated block of the changelog, with the markers that delimit it. */
  private static String block() {
    return "<!-- api-changes: generated from the comparison with "
        + baseline.getFileName()
        + " by ApiCompatibilityTest; copy it from "
        + CHANGES
        + " -->\n"
        + diff.changes()
        + "<!-- /api-changes -->\n";
  }

  private static String baselineVersion(Path file) {
    Matcher name = BASELINE.matcher(file.getFileName().toString());
    if (!name.matches()) {
      throw new IllegalArgumentException(file.toString());
    }
    return name.group(1);
  }

  private static final Comparator<String> VERSIONS = (a, b) -> Arrays.compare(parse(a), parse(b));

  private static int[] parse(String version) {
    if (!version.matches("\\d+\\.\\d+\\.\\d+")) {
      throw new AssertionError("info.version must be MAJOR.MINOR.PATCH, not " + version);
    }
    return Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
  }
}
