package dev.feder.web;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * UUIDs in paths and parameters in their one textual form, 8-4-4-4-12 ASCII hex digits. {@link
 * UUID#fromString} also reads short groups ({@code 1-1-1-1-1}) and other scripts' digits, which
 * would make one resource answer under many URLs. A malformed id in a path is a 404, as for any
 * path that names nothing.
 */
@Provider
public class Uuids implements ParamConverterProvider {

  private static final Pattern FORM =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private static final ParamConverter<UUID> CONVERTER =
      new ParamConverter<>() {
        @Override
        public UUID fromString(String value) {
          UUID uuid = parse(value);
          if (uuid == null) {
            throw new IllegalArgumentException("not a UUID");
          }
          return uuid;
        }

        @Override
        public String toString(UUID value) {
          return value.toString();
        }
      };

  /** The UUID written in its canonical form (either case), or null for anything else. */
  public static UUID parse(String value) {
    return value != null && FORM.matcher(value).matches() ? UUID.fromString(value) : null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    return rawType == UUID.class ? (ParamConverter<T>) CONVERTER : null;
  }
}
