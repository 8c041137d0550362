package dev.feder.web;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The query parameters a resource method reads: its own {@code @QueryParam}s, those of its
 * {@code @BeanParam}s, and {@link SparseFields#PARAMETER}. An answer to a request with any other
 * parameter is sent but not kept, so that requests with made-up parameters (cache busters,
 * tracking) neither fill the response cache nor push popular answers out of it.
 */
final class KnownParameters {

  private static final Map<Method, Set<String>> READ = new ConcurrentHashMap<>();

  private KnownParameters() {}

  /** Whether {@code method} reads every one of {@code asked}. */
  static boolean readsAll(Method method, Collection<String> asked) {
    return asked.isEmpty() || of(method).containsAll(asked);
  }

  static Set<String> of(Method method) {
    return READ.computeIfAbsent(method, KnownParameters::read);
  }

  private static Set<String> read(Method method) {
    Set<String> names = new HashSet<>();
    names.add(SparseFields.PARAMETER);
    for (Parameter parameter : method.getParameters()) {
      QueryParam query = parameter.getAnnotation(QueryParam.class);
      if (query != null) {
        names.add(query.value());
      }
      if (parameter.isAnnotationPresent(BeanParam.class)) {
        for (Class<?> type = parameter.getType(); type != null; type = type.getSuperclass()) {
          for (Field field : type.getDeclaredFields()) {
            QueryParam inBean = field.getAnnotation(QueryParam.class);
            if (inBean != null) {
              names.add(inBean.value());
            }
          }
        }
      }
    }
    return Set.copyOf(names);
  }
}
