package dev.feder.error;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The methods the resources serve at a path, for the {@code Allow} header of a 405 (RFC 9110,
 * section 15.5.6), read once from the resource classes.
 */
@ApplicationScoped
public class AllowedMethods {

  /** Methods in the order the header lists them. */
  private enum Verb {
    GET,
    HEAD,
    POST,
    PUT,
    PATCH,
    DELETE,
    OPTIONS
  }

  private record Route(Pattern path, Verb verb) {}

  private static final Pattern PARAMETER = Pattern.compile("\\{[^}]*\\}");

  private final List<Route> routes = new ArrayList<>();

  public AllowedMethods(BeanManager beans) {
    for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
      Class<?> type = bean.getBeanClass();
      Path root = type.getAnnotation(Path.class);
      if (root == null) {
        continue;
      }
      for (Method method : type.getMethods()) {
        Verb verb = verb(method);
        if (verb != null) {
          Path sub = method.getAnnotation(Path.class);
          routes.add(new Route(pattern(join(root.value(), sub == null ? "" : sub.value())), verb));
        }
      }
    }
  }

  /** The {@code Allow} value for a path, or null when no resource serves it. */
  public String forPath(String path) {
    String trimmed =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    Set<Verb> verbs = EnumSet.noneOf(Verb.class);
    for (Route route : routes) {
      if (route.path().matcher(trimmed).matches()) {
        verbs.add(route.verb());
      }
    }
    if (verbs.isEmpty()) {
      return null;
    }
    if (verbs.contains(Verb.GET)) {
      verbs.add(Verb.HEAD);
    }
    verbs.add(Verb.OPTIONS);
    return verbs.stream().map(Verb::name).collect(Collectors.joining(", "));
  }

  private static Verb verb(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod designator = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (designator != null) {
        try {
          return Verb.valueOf(designator.value().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    }
    return null;
  }

  private static String join(String root, String sub) {
    String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static Pattern pattern(String template) {
    StringBuilder regex = new StringBuilder();
    Matcher parameter = PARAMETER.matcher(template);
    int last = 0;
    while (parameter.find()) {
      regex.append(Pattern.quote(template.substring(last, parameter.start()))).append("[^/]+");
      last = parameter.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    return Pattern.compile(regex.toString());
  }
}
