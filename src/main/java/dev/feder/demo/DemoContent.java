package dev.feder.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feder.article.ArticleInput;
import dev.feder.article.ArticleService;
import dev.feder.author.AuthorInput;
import dev.feder.author.AuthorService;
import dev.feder.category.CategoryInput;
import dev.feder.category.CategoryService;
import dev.feder.config.FederConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Loads sample categories, authors and articles (German and English) into an empty database, so a
 * newcomer sees content at once. On in dev mode; elsewhere with {@code FEDER_DEMO_ENABLED=true}. It
 * goes through the same services as the API, so the samples obey every rule a client must.
 */
@ApplicationScoped
public class DemoContent {

  private static final Logger LOG = Logger.getLogger(DemoContent.class);
  private static final String RESOURCE = "/demo/content.json";

  /** The shape of {@code demo/content.json}. */
  record Content(
      List<CategoryInput> categories, List<AuthorInput> authors, List<ArticleInput> articles) {}

  private final FederConfig config;
  private final ObjectMapper mapper;
  private final EntityManager entityManager;
  private final CategoryService categories;
  private final AuthorService authors;
  private final ArticleService articles;

  public DemoContent(
      FederConfig config,
      ObjectMapper mapper,
      EntityManager entityManager,
      CategoryService categories,
      AuthorService authors,
      ArticleService articles) {
    this.config = config;
    this.mapper = mapper;
    this.entityManager = entityManager;
    this.categories = categories;
    this.authors = authors;
    this.articles = articles;
  }

  @ActivateRequestContext
  void onStart(@Observes StartupEvent event) {
    if (config.demo().enabled()) {
      load();
    }
  }

  /** Loads the samples unless the database already holds content. */
  void load() {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              if (!isEmpty()) {
                LOG.debug("Database holds content; demo content not loaded");
                return;
              }
              Content content = read();
              content.categories().forEach(categories::create);
              content.authors().forEach(authors::create);
              content.articles().forEach(articles::create);
              LOG.infof(
                  "Loaded demo content: %d categories, %d authors, %d articles",
                  content.categories().size(), content.authors().size(), content.articles().size());
            });
  }

  private boolean isEmpty() {
    Object any =
        entityManager
            .createNativeQuery(
                "select exists(select 1 from category) or exists(select 1 from author)"
                    + " or exists(select 1 from article)")
            .getSingleResult();
    return !Boolean.TRUE.equals(any);
  }

  private Content read() {
    try (InputStream in = DemoContent.class.getResourceAsStream(RESOURCE)) {
      return mapper.readValue(in, Content.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }
}
