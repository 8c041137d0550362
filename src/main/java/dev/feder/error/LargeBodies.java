package dev.feder.error;

import io.vertx.core.http.HttpServerRequest;
import java.util.OptionalLong;

/**
 * Routes that accept larger bodies than the JSON API's {@code feder.http.max-body-size}, such as
 * file uploads. Features implement it as beans; {@link BodySizeLimit} asks each.
 */
public interface LargeBodies {

  /** The largest body this request may carry, if it goes to such a route. */
  OptionalLong limitFor(HttpServerRequest request);
}
