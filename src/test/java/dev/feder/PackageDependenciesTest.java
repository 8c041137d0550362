package dev.feder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one-way rule of the README's Architecture section, checked on the imports of the main code: a
 * package uses only packages of a lower layer (a sub-package belongs to its top-level package's
 * layer), and no two packages use each other, directly or through others.
 */
class PackageDependenciesTest {

  private static final Path MAIN = Path.of("src/main/java/dev/feder");

  /**
   * The layers, lowest first, as the README's table lists them from the bottom (its shared rows
   * group neighbouring layers and name their order). A package may import a package of a lower
   * layer only; packages in one layer never use each other.
   */
  private static final List<Set<String>> LAYERS =
      List.of(
          Set.of("config", "persistence"),
          Set.of("error"),
          Set.of("text", "storage"),
          Set.of("paging"),
          Set.of("web"),
          Set.of("audit", "event", "idempotency"),
          Set.of("auth", "crud"),
          Set.of("asset"),
          Set.of("author", "category"),
          Set.of("article"),
          Set.of("feed", "demo", "changes", "webhook"));

  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?dev\\.feder\\.([a-z.]+)\\.[A-Z]", Pattern.MULTILINE);

  @Test
  void everyPackageHasALayer() {
    Set<String> unplaced = new TreeSet<>(imports().keySet().stream().map(p -> top(p)).toList());
    LAYERS.forEach(unplaced::removeAll);
    assertEquals(
        Set.of(),
        unplaced,
        "Give these packages a layer here and a row in the README's Architecture table");
  }

  @Test
  void packagesUseOnlyLowerLayers() {
    List<String> upward = new ArrayList<>();
    imports()
        .forEach(
            (from, targets) -> {
              for (String to : targets) {
                boolean sameTop = top(from).equals(top(to));
                if (!sameTop && layer(to) >= layer(from)) {
                  upward.add(from + " -> " + to);
                }
              }
            });
    assertEquals(List.of(), upward, "Imports against the one-way rule");
  }

  @Test
  void noPackagesUseEachOther() {
    Map<String, Set<String>> graph = imports();
    List<String> cycles = new ArrayList<>();
    for (String start : graph.keySet()) {
      if (reaches(graph, start, start, new TreeSet<>())) {
        cycles.add(start);
      }
    }
    assertEquals(List.of(), cycles, "Packages that reach themselves through their imports");
  }

  private static boolean reaches(
      Map<String, Set<String>> graph, String from, String target, Set<String> seen) {
    for (String next : graph.getOrDefault(from, Set.of())) {
      if (next.equals(target)) {
        return true;
      }
      if (seen.add(next) && reaches(graph, next, target, seen)) {
        return true;
      }
    }
    return false;
  }

  /** Package (relative to dev.feder, dotted) to the other Feder packages it imports. */
  private static Map<String, Set<String>> imports() {
    Map<String, Set<String>> graph = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      files
          .filter(f -> f.toString().endsWith(".java"))
          .forEach(
              file -> {
                String from = MAIN.relativize(file.getParent()).toString().replace('/', '.');
                Set<String> targets = graph.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher m = IMPORT.matcher(read(file));
                while (m.find()) {
                  if (!m.group(1).equals(from)) {
                    targets.add(m.group(1));
                  }
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return graph;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String top(String pkg) {
    int dot = pkg.indexOf('.');
    return dot < 0 ? pkg : pkg.substring(0, dot);
  }

  private static int layer(String pkg) {
    String top = top(pkg);
    for (int i = 0; i < LAYERS.size(); i++) {
      if (LAYERS.get(i).contains(top)) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }
}
