package dev.feder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A typed client accepts the spec as is: openapi-typescript 7 (default options) generates types
 * from {@code openapi/openapi.yaml}, and the calls of a frontend and an editor tool in {@code
 * src/test/typescript/client.ts}, sent with openapi-fetch, must type-check with TypeScript's strict
 * checks. A create that sends only some optional fields compiles; one without its category must
 * not. The TypeScript example in the README's section on the OpenAPI document is checked too.
 *
 * <p>Runs when Node.js and npm are on the PATH, and is skipped (saying so) when they are not. The
 * packages are installed once, from the committed lock file, into {@code target/typed-client}.
 */
class TypedClientTest {

  private static final Path SOURCES = Path.of("src/test/typescript");
  private static final Path WORK = Path.of("target/typed-client");
  private static final List<String> FILES =
      List.of("package.json", "package-lock.json", "tsconfig.json", "client.ts");
  private static final boolean WINDOWS =
      System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");

  @Test
  void aTypeScriptClientTypeChecksTheCallsOfAFrontendAndAnEditorTool()
      throws IOException, InterruptedException {
    assumeTrue(
        onPath("node") && onPath("npm"),
        "Node.js and npm are not on the PATH: the typed client check (src/test/typescript) is"
            + " skipped");
    Files.createDirectories(WORK);
    for (String file : FILES) {
      Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.writeString(WORK.resolve("readme.ts"), readmeExample());
    Path installed = WORK.resolve("node_modules/.installed-from-lock");
    String lock = Files.readString(SOURCES.resolve("package-lock.json"));
    if (!Files.exists(installed) || !Files.readString(installed).equals(lock)) {
      run(5, npm(), "ci", "--no-audit", "--no-fund");
      Files.writeString(installed, lock);
    }
    run(
        2,
        "node",
        "node_modules/openapi-typescript/bin/cli.js",
        Path.of("openapi/openapi.yaml").toAbsolutePath().toString(),
        "--output",
        "feder-api.d.ts");
    run(2, "node", "node_modules/typescript/bin/tsc", "--project", ".");
  }

  /** The TypeScript example of the README, as a module with the token it assumes declared. */
  private static String readmeExample() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String section = readme.substring(readme.indexOf("## The OpenAPI document"));
    Matcher example = Pattern.compile("(?s)```ts\n(.*?)```").matcher(section);
    assertTrue(example.find(), "README.md has no TypeScript example in 'The OpenAPI document'");
    return "declare const token: string;\n" + example.group(1) + "export {};\n";
  }

  private static void run(int minutes, String... command) throws IOException, InterruptedException {
    Path log = Files.createTempFile("typed-client", ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(WORK.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      boolean done = process.waitFor(minutes, TimeUnit.MINUTES);
      if (!done) {
        process.destroyForcibly();
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertEquals(
          0,
          done ? process.exitValue() : -1,
          String.join(" ", command) + (done ? " failed" : " timed out") + ":\n" + output);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static String npm() {
    return WINDOWS ? "npm.cmd" : "npm";
  }

  private static boolean onPath(String program) {
    List<String> names = new ArrayList<>(List.of(program));
    if (WINDOWS) {
      names.addAll(List.of(program + ".exe", program + ".cmd"));
    }
    String path = System.getenv("PATH");
    return path != null
        && Arrays.stream(path.split(File.pathSeparator))
            .filter(dir -> !dir.isBlank())
            .anyMatch(dir -> names.stream().anyMatch(n -> Files.isExecutable(Path.of(dir, n))));
  }
}
