package dev.feder.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feder.asset.Asset;
import dev.feder.asset.BodyImages;
import dev.feder.asset.EmbeddedImage;
import dev.feder.author.AuthorSummary;
import dev.feder.author.KnownAuthors;
import dev.feder.category.CategorySummary;
import dev.feder.category.KnownCategories;
import dev.feder.persistence.Sql;
import dev.feder.text.Slugs;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Reads articles as their readers get them, in one statement: the rows with their lead image and
 * the ids of their category and byline (which {@link KnownCategories} and {@link KnownAuthors}
 * remember), and for a single article its body with the images it shows and its pinned related
 * articles, which PostgreSQL gathers as JSON. One round trip on an auto-commit connection ({@link
 * Sql#read}) instead of a transaction of seven or more, and no entities to load: the uncached read
 * path of signed-in readers, previews and the first read after a change.
 *
 * <p>What is read is mapped to answers by {@link ArticleRead}, as the entities of writes are.
 */
@ApplicationScoped
class ArticleReads {

  /** The columns of an asset that an {@link EmbeddedImage} shows, as a JSON array. */
  private static final String IMAGE_JSON =
      "json_build_array(%1$s.id, %1$s.file_version, %1$s.width, %1$s.height, %1$s.alt,"
          + " %1$s.caption, %1$s.credit, %1$s.focal_x, %1$s.focal_y, %1$s.lqip)";

  /** The article, its category's id, lead image and byline's ids: what a list item shows. */
  private static final String ITEM =
      "select a.id, a.slug, a.title, a.subtitle, a.excerpt, a.language, a.status, a.published_at,"
          + " a.tags, a.source_name, a.source_url, a.image_url, a.image_alt, a.image_caption,"
          + " a.image_credit, a.meta_title, a.meta_description, a.canonical_url, a.word_count,"
          + " a.reading_time_minutes, a.created_at, a.updated_at,"
          + " a.category_id,"
          + " case when i.id is not null then "
          + IMAGE_JSON.formatted("i")
          + " end,"
          + " (select array_agg(aa.author_id order by aa.position) from article_author aa"
          + " where aa.article_id = a.id)";

  /** The body with the assets it shows. */
  private static final String BODY =
      ", a.body,"
          + " case when strpos(a.body, '"
          + BodyImages.ATTRIBUTE
          + "') > 0 then (select json_agg("
          + IMAGE_JSON.formatted("x")
          + ") from asset x where x.width is not null and x.id in (select m[1]::uuid from"
          + " regexp_matches(a.body, '"
          + BodyImages.ATTRIBUTE
          + "=\"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\"', 'g') m)) end";

  /** The live pinned articles in order. */
  private static final String RELATED =
      ", (select json_agg(json_build_array(r.id, r.slug, r.title, r.published_at, r.status)"
          + " order by ar.position) from article_related ar join article r on r.id = ar.related_id"
          + " where ar.article_id = a.id and r.deleted_at is null)";

  /** The lead image of the article {@code a}. */
  private static final String JOINS = " left join asset i on i.id = a.image_asset_id";

  private static final String FROM = " from article a" + JOINS;

  private static final String BY_SLUG =
      ITEM + BODY + RELATED + FROM + " where a.slug = ? and a.deleted_at is null";

  private static final String BY_ID =
      ITEM + BODY + RELATED + FROM + " where a.id = ? and a.deleted_at is null";

  /** The ids of a list in order: {@code %s} is a query of them. */
  private static final String PAGE =
      " from unnest(array(%s)) with ordinality as page(id, n) join article a on a.id = page.id"
          + JOINS
          + " where a.deleted_at is null order by page.n";

  /** A list of ids given as one array parameter. */
  private static final String GIVEN = "select unnest(cast(? as uuid[]))";

  private final Sql sql;
  private final KnownAuthors knownAuthors;
  private final KnownCategories knownCategories;
  private final ObjectMapper json;

  ArticleReads(
      Sql sql, KnownAuthors knownAuthors, KnownCategories knownCategories, ObjectMapper json) {
    this.sql = sql;
    this.knownAuthors = knownAuthors;
    this.knownCategories = knownCategories;
    this.json = json;
  }

  /** The live article with this id, with its body and pinned articles. */
  Optional<ArticleRead> byId(UUID id) {
    return complete(sql.read(BY_ID, this::detail, id)).stream().findFirst();
  }

  /**
   * The live article with this slug, with its body and pinned articles; a malformed slug finds
   * nothing without asking the database.
   */
  Optional<ArticleRead> bySlug(String slug) {
    return Slugs.isValid(slug)
        ? complete(sql.read(BY_SLUG, this::detail, slug)).stream().findFirst()
        : Optional.empty();
  }

  /**
   * The live articles with these ids as lists show them, in the order of the ids (one in the trash
   * by now is left out); with their bodies if {@code withBodies}.
   */
  List<ArticleRead> items(List<UUID> ids, boolean withBodies) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return items(
        new Sql.Statement(GIVEN, Collections.singletonList(ids.toArray(UUID[]::new))), withBodies);
  }

  /**
   * The live articles whose ids {@code ids} selects, in its order, as lists show them; with their
   * bodies if {@code withBodies}. The ids and the rows are read in one statement.
   */
  List<ArticleRead> items(Sql.Statement ids, boolean withBodies) {
    String page = ITEM + (withBodies ? BODY : "") + PAGE.formatted(ids.sql());
    return complete(
        sql.read(new Sql.Statement(page, ids.parameters()), row -> read(row, withBodies, false)));
  }

  /**
   * An article as its row holds it: it names its category and byline by id, and becomes an {@link
   * ArticleRead} once they are looked up, after the statement's connection is back in the pool
   * (looking them up may read the categories or authors again, on another connection).
   */
  private record Stored(
      UUID category,
      List<UUID> authors,
      BiFunction<CategorySummary, List<AuthorSummary>, ArticleRead> article) {}

  private Stored detail(ResultSet row) throws SQLException {
    return read(row, true, true);
  }

  /** The articles with their categories and bylines, looked up for all of them at once. */
  private List<ArticleRead> complete(List<Stored> stored) {
    Set<UUID> categoryIds = new HashSet<>();
    Set<UUID> authorIds = new HashSet<>();
    for (Stored article : stored) {
      categoryIds.add(article.category());
      authorIds.addAll(article.authors());
    }
    Map<UUID, CategorySummary> categories = knownCategories.summaries(categoryIds);
    Map<UUID, AuthorSummary> authors = knownAuthors.summaries(authorIds);
    List<ArticleRead> complete = new ArrayList<>(stored.size());
    for (Stored article : stored) {
      List<AuthorSummary> byline = new ArrayList<>(article.authors().size());
      for (UUID author : article.authors()) {
        AuthorSummary summary = authors.get(author);
        if (summary != null) {
          byline.add(summary);
        }
      }
      complete.add(
          article.article().apply(categories.get(article.category()), List.copyOf(byline)));
    }
    return complete;
  }

  /**
   * Reads the columns of {@link #ITEM}, then those of {@link #BODY} if {@code withBody} and of
   * {@link #RELATED} if {@code withRelated}.
   */
  private Stored read(ResultSet row, boolean withBody, boolean withRelated) throws SQLException {
    UUID id = row.getObject(1, UUID.class);
    String slug = row.getString(2);
    String title = row.getString(3);
    String subtitle = row.getString(4);
    String excerpt = row.getString(5);
    String language = row.getString(6);
    String status = row.getString(7);
    Instant publishedAt = Sql.instant(row, 8);
    List<String> tags = tags(row.getArray(9));
    String imageUrl = row.getString(12);
    String imageAlt = row.getString(13);
    String imageCaption = row.getString(14);
    String imageCredit = row.getString(15);
    int wordCount = row.getInt(19);
    int readingTimeMinutes = row.getInt(20);
    Instant createdAt = Sql.instant(row, 21);
    Instant updatedAt = Sql.instant(row, 22);
    UUID category = row.getObject(23, UUID.class);
    String leadImage = row.getString(24);
    EmbeddedImage featuredImage =
        ArticleParts.featuredImage(
            leadImage == null ? null : asset(tree(leadImage)),
            imageUrl,
            imageAlt,
            imageCaption,
            imageCredit);
    Array authorIds = row.getArray(25);
    List<UUID> authors = authorIds == null ? List.of() : List.of((UUID[]) authorIds.getArray());
    String body = withBody ? body(row.getString(26), row.getString(27)) : null;
    List<ArticleRead.Pinned> related = withRelated ? related(row.getString(28)) : null;
    ArticleSource source = ArticleParts.source(row.getString(10), row.getString(11));
    Seo seo = ArticleParts.seo(row.getString(16), row.getString(17), row.getString(18));
    return new Stored(
        category,
        authors,
        (summary, byline) ->
            new ArticleRead(
                id,
                slug,
                title,
                subtitle,
                excerpt,
                body,
                language,
                status,
                publishedAt,
                summary,
                byline,
                tags,
                related,
                source,
                featuredImage,
                seo,
                wordCount,
                readingTimeMinutes,
                createdAt,
                updatedAt));
  }

  /** A stored body as responses send it, with the images ({@link #BODY}) it shows. */
  private String body(String stored, String images) {
    Map<UUID, Asset> shown = new HashMap<>();
    for (JsonNode image : parse(images)) {
      Asset asset = asset(image);
      shown.put(asset.id, asset);
    }
    return BodyImages.render(stored, shown);
  }

  /** The live pinned articles in order, as {@link #RELATED} gathers them. */
  private List<ArticleRead.Pinned> related(String gathered) {
    List<ArticleRead.Pinned> related = new ArrayList<>();
    for (JsonNode pinned : parse(gathered)) {
      related.add(
          new ArticleRead.Pinned(
              new RelatedArticle(
                  UUID.fromString(pinned.get(0).asText()),
                  pinned.get(1).asText(),
                  pinned.get(2).asText(),
                  instant(pinned.get(3))),
              pinned.get(4).asText()));
    }
    return List.copyOf(related);
  }

  /** A JSON array PostgreSQL built; SQL null (an empty aggregate) is an empty one. */
  private Iterable<JsonNode> parse(String text) {
    return text == null ? List.of() : tree(text);
  }

  private JsonNode tree(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The asset an {@link #IMAGE_JSON} array describes, as far as embedding it needs. */
  private static Asset asset(JsonNode image) {
    return Asset.embeddable(
        UUID.fromString(image.get(0).asText()),
        image.get(1).asInt(),
        image.get(2).isNull() ? null : image.get(2).asInt(),
        image.get(3).isNull() ? null : image.get(3).asInt(),
        text(image.get(4)),
        text(image.get(5)),
        text(image.get(6)),
        image.get(7).asDouble(),
        image.get(8).asDouble(),
        text(image.get(9)));
  }

  private static String text(JsonNode node) {
    return node.isNull() ? null : node.asText();
  }

  private static Instant instant(JsonNode node) {
    return node.isNull() ? null : OffsetDateTime.parse(node.asText()).toInstant();
  }

  private static List<String> tags(Array array) throws SQLException {
    return Collections.unmodifiableList(Arrays.asList((String[]) array.getArray()));
  }
}
