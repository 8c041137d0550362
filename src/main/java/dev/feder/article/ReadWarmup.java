package dev.feder.article;

import dev.feder.config.FederConfig;
import dev.feder.paging.Page;
import dev.feder.paging.PageRequest;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Makes the public article reads once, in the background, right after startup, as an anonymous
 * reader: the newest page, the page after its cursor, a category page, an article by slug, a search
 * and the related articles.
 *
 * <p>Hibernate parses a query shape with ANTLR the first time it is used, and while the parser's
 * caches are cold that takes long and a lot of memory. Readers arriving together at a cold instance
 * each parsed the same query at once: 32 of them on a cursor page grew a 256 MB heap to its maximum
 * (the process to 520 MB), and ran a 192 MB heap out of memory. After this warm-up they find their
 * queries parsed, and the first of them do not wait for the parser.
 *
 * <p>Until it is done (about 2.5 s on two idle cores) the readiness check ({@code /q/health/ready})
 * reports the instance not ready, so that a load balancer sends it readers only when it is warm.
 * Requests are served meanwhile all the same.
 */
@Readiness
@ApplicationScoped
public class ReadWarmup implements HealthCheck {

  private static final Logger LOG = Logger.getLogger(ReadWarmup.class);

  private final FederConfig config;
  private final ArticleService articles;

  /**
   * {@code pending} until the warm-up has run, then {@code done}, {@code failed} or {@code off}.
   */
  private volatile String state = "pending";

  private volatile boolean stopping;

  public ReadWarmup(FederConfig config, ArticleService articles) {
    this.config = config;
    this.articles = articles;
  }

  /** After the other startup work (migrations, demo content), off the startup path. */
  void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) StartupEvent event) {
    if (!config.warmUp().enabled()) {
      state = "off";
      return;
    }
    Thread thread = new Thread(this::warmUp, "feder-read-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  /** A warm-up still running when the application stops (or reloads in dev mode) ends quietly. */
  void onStop(@Observes ShutdownEvent event) {
    stopping = true;
  }

  /** Runs the reads and records how that went; whatever happens, readiness stops waiting. */
  void warmUp() {
    long start = System.nanoTime();
    String outcome = "failed";
    try {
      List<String> reads = run();
      outcome = "done";
      LOG.debugf("Read warm-up: %s in %d ms", reads, (System.nanoTime() - start) / 1_000_000);
    } catch (RuntimeException e) {
      if (!stopping) {
        LOG.warn("Read warm-up stopped", e);
      }
    } finally {
      // Only a head start: readers parse whatever was not warmed, so the instance is ready anyway,
      // even after an Error (which goes on to the thread's uncaught-exception handler).
      state = outcome;
    }
  }

  @Override
  public HealthCheckResponse call() {
    String now = state;
    return HealthCheckResponse.named("read warm-up")
        .status(!"pending".equals(now))
        .withData("state", now)
        .build();
  }

  /**
   * Makes the reads in a request context of their own (or the caller's, if it has one) and names
   * those made, with the category and article they started from (the newest public one); the reads
   * that need an article are left out while there is none, and the rest once the application stops.
   */
  List<String> run() {
    ManagedContext requestContext = Arc.container().requestContext();
    boolean own = !requestContext.isActive();
    if (own) {
      requestContext.activate();
    }
    try {
      return reads();
    } finally {
      if (own) {
        requestContext.terminate();
      }
    }
  }

  private List<String> reads() {
    List<String> done = new ArrayList<>();
    // A page of one has the query shape of any page, and a cursor as soon as there are two.
    Page<ArticleListItem> newest = list(PageRequest.of(null, "1"), new ArticleFilter());
    done.add("list");
    if (newest.nextCursor() != null && !stopping) {
      list(PageRequest.of(null, null, newest.nextCursor()), new ArticleFilter());
      done.add("cursor");
    }
    if (newest.items().isEmpty() || stopping) {
      return done;
    }
    ArticleListItem first = newest.items().get(0);
    ArticleFilter inCategory = new ArticleFilter();
    inCategory.category = first.category().slug();
    list(PageRequest.of(null, null), inCategory);
    done.add("category " + inCategory.category);
    articles.getBySlug(first.slug(), null);
    done.add("article " + first.slug());
    ArticleFilter search = new ArticleFilter();
    search.q = first.title();
    list(PageRequest.of(null, null), search);
    done.add("search");
    articles.related(first.id(), 5);
    done.add("related");
    return done;
  }

  private Page<ArticleListItem> list(PageRequest request, ArticleFilter filter) {
    return articles.list(request, null, null, filter, false);
  }
}
