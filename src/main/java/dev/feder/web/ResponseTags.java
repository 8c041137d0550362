package dev.feder.web;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@link CacheTags} of the answer to the current HTTP request, for what a resource or service
 * knows about its answer that the representation cannot tell (that it is a search, which article a
 * related list belongs to, what an XML feed shows). Outside an HTTP request, such as a read made by
 * the warm-up, the tags go nowhere.
 */
@ApplicationScoped
public class ResponseTags {

  private static final String KEY = CacheTags.class.getName();

  private final CurrentVertxRequest request;

  public ResponseTags(CurrentVertxRequest request) {
    this.request = request;
  }

  /** The tags of the current answer. */
  public CacheTags current() {
    if (!Arc.container().requestContext().isActive()) {
      return new CacheTags();
    }
    RoutingContext context = request.getCurrent();
    return context == null ? new CacheTags() : of(context);
  }

  static CacheTags of(RoutingContext context) {
    CacheTags tags = context.get(KEY);
    if (tags == null) {
      tags = new CacheTags();
      context.put(KEY, tags);
    }
    return tags;
  }
}
