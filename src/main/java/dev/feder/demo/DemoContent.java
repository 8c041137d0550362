package dev.feder.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feder.article.ArticleInput;
import dev.feder.article.ArticleService;
import dev.feder.asset.AssetService;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Loads sample categories, authors and articles (German and English) with their images into an
 * empty database, so a newcomer sees content at once. On in dev mode; elsewhere with {@code
 * FEDER_DEMO_ENABLED=true}. It goes through the same services as the API, so the samples obey every
 * rule a client must.
 */
@ApplicationScoped
public class DemoContent {

  private static final Logger LOG = Logger.getLogger(DemoContent.class);
  private static final String RESOURCE = "/demo/content.json";
  private static final String IMAGES = "/demo/images/";

  /**
   * Where the samples name an image of {@code demo/images} ({@code "asset:deich.jpg"}, as an asset
   * id or in a body's {@code data-asset-id}): uploaded first, the name becomes its id.
   */
  private static final Pattern IMAGE = Pattern.compile("asset:([a-z0-9-]+\\.jpg)");

  /** The shape of {@code demo/content.json}. */
  record Content(
      List<CategoryInput> categories, List<AuthorInput> authors, List<ArticleInput> articles) {}

  private final FederConfig config;
  private final ObjectMapper mapper;
  private final EntityManager entityManager;
  private final CategoryService categories;
  private final AuthorService authors;
  private final ArticleService articles;
  private final AssetService assets;

  public DemoContent(
      FederConfig config,
      ObjectMapper mapper,
      EntityManager entityManager,
      CategoryService categories,
      AuthorService authors,
      ArticleService articles,
      AssetService assets) {
    this.config = config;
    this.mapper = mapper;
    this.entityManager = entityManager;
    this.categories = categories;
    this.authors = authors;
    this.articles = articles;
    this.assets = assets;
  }

  @ActivateRequestContext
  void onStart(@Observes StartupEvent event) {
    if (config.demo().enabled()) {
      load();
    }
  }

  /** Loads the samples unless the database already holds content. */
  void load() {
    if (!QuarkusTransaction.requiringNew().call(this::isEmpty)) {
      LOG.debug("Database holds content; demo content not loaded");
      return;
    }
    // Uploads keep their files and rows in transactions of their own, before the content.
    Content content = read(withImages(text(RESOURCE)));
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
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

  /** The samples with each image they name uploaded (like a client would) and named by its id. */
  private String withImages(String json) {
    Map<String, String> ids = new HashMap<>();
    Matcher image = IMAGE.matcher(json);
    StringBuilder out = new StringBuilder();
    while (image.find()) {
      String id = ids.computeIfAbsent(image.group(1), this::upload);
      image.appendReplacement(out, id);
    }
    image.appendTail(out);
    return out.toString();
  }

  private String upload(String name) {
    try (InputStream in = DemoContent.class.getResourceAsStream(IMAGES + name)) {
      if (in == null) {
        throw new IllegalStateException("No demo image " + IMAGES + name);
      }
      Path file = Files.createTempFile("feder-demo-", ".jpg");
      try {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        return assets.upload(file, name).id().toString();
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot upload " + IMAGES + name, e);
    }
  }

  private static String text(String resource) {
    try (InputStream in = DemoContent.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }

  private Content read(String json) {
    try {
      return mapper.readValue(json, Content.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }
}
