package dev.feder.bench.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The benchmark's scenarios as it prepares them from a running instance, for tests elsewhere. */
public final class ScenariosOnInstance {

  private ScenariosOnInstance() {}

  /**
   * The scenarios' names with their URLs, read from the instance at {@code base} (every URL must
   * answer 200): {@code slugs} articles by slug, the cursor page after {@code cursorDepth}.
   */
  public static Map<String, List<String>> prepare(String base, int slugs, int cursorDepth)
      throws Exception {
    BenchOptions o = BenchOptions.parse(new String[0]);
    o.slugCount = slugs;
    o.cursorDepth = cursorDepth;
    Map<String, List<String>> paths = new LinkedHashMap<>();
    for (Scenario s : Scenarios.prepare(base, o)) {
      paths.put(s.name(), s.paths());
    }
    return paths;
  }
}
