package dev.feder.docs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.feder.config.FederConfig;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The README's configuration table states the defaults that the code gives: {@code FEDER_*} rows
 * those of {@link FederConfig}, {@code QUARKUS_*} rows those of {@code application.properties}, and
 * each row the values that dev mode and the tests use instead ({@code %dev.}, {@code %test.}).
 *
 * <p>A default cell reads {@code `value`} or {@code none}, then optionally {@code ; `value` in
 * dev}, {@code `value` in dev and test}, several of them separated by commas.
 */
class ReadmeConfigurationTest {

  private static final Pattern ROW =
      Pattern.compile("^\\| (`[A-Z0-9_]+`(?:, `[A-Z0-9_]+`)*) \\| (.+?) \\| .+ \\|$");
  private static final Pattern NAME = Pattern.compile("`([A-Z0-9_]+)`");
  private static final Pattern PROFILE_VALUE =
      Pattern.compile("`([^`]*)` in ([a-z]+(?: and [a-z]+)*)(?:, |$)");

  /** One variable of the README table, with the defaults it states. */
  record Row(String variable, Optional<String> value, Map<String, String> byProfile) {}

  /** A setting as the code and {@code application.properties} give it. */
  record Setting(String key, Optional<String> value, Map<String, String> byProfile) {}

  @Test
  void everyFederSettingHasARowWithTheDefaultOfFederConfig() throws IOException {
    Map<String, Row> rows = readmeRows();
    Properties properties = Properties.read();
    Map<String, Setting> settings = new TreeMap<>();
    federSettings(FederConfig.class, "feder.", properties, settings);

    List<Executable> checks = new ArrayList<>();
    for (Setting setting : settings.values()) {
      String variable = environmentName(setting.key());
      checks.add(() -> compare(variable, setting, rows.get(variable)));
      checks.add(
          () ->
              assertTrue(
                  properties.value(setting.key()).isEmpty(),
                  setting.key()
                      + " is set in application.properties for every profile: state its default"
                      + " once, with @WithDefault in FederConfig"));
    }
    for (String variable : rows.keySet()) {
      if (variable.startsWith("FEDER_")) {
        checks.add(
            () ->
                assertTrue(
                    settings.values().stream()
                        .anyMatch(setting -> environmentName(setting.key()).equals(variable)),
                    "README.md lists " + variable + ", which FederConfig does not have"));
      }
    }
    assertTrue(settings.size() >= 15, "FederConfig has settings: " + settings.keySet());
    assertAll("README.md configuration table against FederConfig", checks);
  }

  @Test
  void everyQuarkusRowHasTheValueOfApplicationProperties() throws IOException {
    Map<String, Row> rows = readmeRows();
    Properties properties = Properties.read();

    List<Executable> checks = new ArrayList<>();
    for (Row row : rows.values()) {
      if (row.variable().startsWith("QUARKUS_")) {
        Setting setting = properties.settingFor(row.variable());
        checks.add(() -> compare(row.variable(), setting, row));
      }
    }
    assertTrue(checks.size() >= 6, "README.md lists Quarkus settings: " + rows.keySet());
    assertAll("README.md configuration table against application.properties", checks);
  }

  private static void compare(String variable, Setting setting, Row row) {
    assertTrue(row != null, "README.md has no row for " + variable + " (" + setting.key() + ")");
    assertEquals(
        setting.value().map(value -> "`" + value + "`").orElse("none"),
        row.value().map(value -> "`" + value + "`").orElse("none"),
        variable + ": the default in README.md");
    assertEquals(
        setting.byProfile(),
        row.byProfile(),
        variable + ": the values in dev and test in README.md");
  }

  /** The rows of the table under {@code ## Configuration}, by variable. */
  private static Map<String, Row> readmeRows() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
    int start = lines.indexOf("## Configuration");
    assertTrue(start >= 0, "README.md has no '## Configuration' section");
    Map<String, Row> rows = new TreeMap<>();
    for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
      Matcher row = ROW.matcher(lines.get(i));
      if (!row.find()) {
        continue;
      }
      String cell = row.group(2).strip();
      int semicolon = cell.indexOf("; ");
      String first = semicolon < 0 ? cell : cell.substring(0, semicolon);
      Optional<String> value =
          first.equals("none")
              ? Optional.empty()
              : Optional.of(unquote(first, "README.md:" + (i + 1)));
      Map<String, String> byProfile = new TreeMap<>();
      if (semicolon >= 0) {
        String rest = cell.substring(semicolon + 2);
        Matcher profiles = PROFILE_VALUE.matcher(rest);
        int end = 0;
        while (profiles.find() && profiles.start() == end) {
          for (String profile : profiles.group(2).split(" and ")) {
            byProfile.put(profile, profiles.group(1));
          }
          end = profiles.end();
        }
        assertEquals(
            rest.length(),
            end,
            "README.md:" + (i + 1) + ": write the values of other profiles as `value` in dev");
      }
      Matcher names = NAME.matcher(row.group(1));
      while (names.find()) {
        rows.put(names.group(1), new Row(names.group(1), value, byProfile));
      }
    }
    return rows;
  }

  private static String unquote(String cell, String where) {
    assertTrue(
        cell.length() >= 2 && cell.startsWith("`") && cell.endsWith("`"),
        where + ": a default is `value` or none, not " + cell);
    return cell.substring(1, cell.length() - 1);
  }

  /** The leaves of a {@code @ConfigMapping} interface, with their defaults, by key. */
  private static void federSettings(
      Class<?> group, String prefix, Properties properties, Map<String, Setting> settings) {
    for (Method method : group.getDeclaredMethods()) {
      if (method.getParameterCount() > 0 || method.isDefault() || method.isSynthetic()) {
        continue;
      }
      WithName name = method.getAnnotation(WithName.class);
      String key = prefix + (name != null ? name.value() : kebab(method.getName()));
      Class<?> type = method.getReturnType();
      if (type.isInterface() && type.getName().startsWith(FederConfig.class.getName())) {
        federSettings(type, key + ".", properties, settings);
      } else {
        WithDefault value = method.getAnnotation(WithDefault.class);
        settings.put(
            key,
            new Setting(
                key,
                Optional.ofNullable(value).map(WithDefault::value),
                properties.byProfile(key)));
      }
    }
  }

  private static String kebab(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /** The environment variable of a configuration key, as SmallRye Config maps it. */
  static String environmentName(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  /** {@code src/main/resources/application.properties}, by profile. */
  private record Properties(Map<String, String> all, Map<String, Map<String, String>> profiles) {

    static Properties read() throws IOException {
      Map<String, String> all = new TreeMap<>();
      Map<String, Map<String, String>> profiles = new TreeMap<>();
      for (String line :
          Files.readAllLines(
              Path.of("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
        String stripped = line.strip();
        int equals = stripped.indexOf('=');
        if (stripped.isEmpty() || stripped.startsWith("#") || equals < 0) {
          continue;
        }
        String key = stripped.substring(0, equals).strip();
        String value = stripped.substring(equals + 1).strip();
        if (key.startsWith("%")) {
          int dot = key.indexOf('.');
          profiles
              .computeIfAbsent(key.substring(1, dot), profile -> new TreeMap<>())
              .put(key.substring(dot + 1), value);
        } else {
          all.put(key, value);
        }
      }
      return new Properties(all, profiles);
    }

    Optional<String> value(String key) {
      return Optional.ofNullable(all.get(key));
    }

    Map<String, String> byProfile(String key) {
      Map<String, String> values = new TreeMap<>();
      profiles.forEach(
          (profile, properties) -> {
            if (properties.containsKey(key)) {
              values.put(profile, properties.get(key));
            }
          });
      return values;
    }

    /** The property that this environment variable sets, as far as the file knows it. */
    Setting settingFor(String variable) {
      String key =
          all.keySet().stream()
              .filter(candidate -> environmentName(candidate).equals(variable))
              .findFirst()
              .orElse(variable.toLowerCase(Locale.ROOT).replace('_', '.'));
      return new Setting(key, value(key), byProfile(key));
    }
  }
}
