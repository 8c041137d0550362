package dev.feder.bench.seed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rows of the generated articles, sent with binary COPY: per batch the article rows with their
 * search vectors, their bylines and their first revisions; at the end the pinned related articles.
 */
final class ArticleCopy {

  static final String ARTICLE_COLUMNS =
      "article (id, slug, title, subtitle, excerpt, body, body_text, language, status,"
          + " published_at, category_id, tags, source_name, source_url, image_url, image_alt,"
          + " image_caption, image_credit, meta_title, meta_description, canonical_url,"
          + " word_count, reading_time_minutes, version, created_at, updated_at, search_vector)";

  /**
   * The revision state as ArticleService writes it with Quarkus' object mapper: nulls left out,
   * dates as ISO-8601 text.
   */
  static final ObjectWriter REVISION_STATE =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
          .build()
          .writer();

  private final Generator g;

  /** Builds the search vectors; null where PostgreSQL computes them (--server-vectors). */
  private final Vectors vectors;

  private final Checks checks = new Checks();

  /** Bylines copied so far. */
  final AtomicLong bylines = new AtomicLong();

  /** Articles whose stored search vector is compared with PostgreSQL's after the load. */
  final List<UUID> samples = Collections.synchronizedList(new ArrayList<>());

  ArticleCopy(Generator g, Vectors vectors) {
    this.g = g;
    this.vectors = vectors;
  }

  /**
   * Articles {@code from} to {@code to} (exclusive), with their bylines and revisions, in the
   * connection's transaction. Every 997th article (and the first three) is checked against Feder's
   * own derivation of its fields and sampled for the check of the stored vectors.
   */
  void batch(Connection c, int from, int to) throws SQLException, IOException {
    List<Article> batch = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      batch.add(g.article(i));
    }
    if (vectors != null) {
      vectors.build(c, batch);
    }
    BinaryRows authorsRows = new BinaryRows(160 * (to - from));
    BinaryRows revisionRows = new BinaryRows(9_000 * (to - from));
    try (CopyOut w = new CopyOut(c, ARTICLE_COLUMNS)) {
      BinaryRows row = new BinaryRows(40_000);
      for (int i = from; i < to; i++) {
        Article a = batch.get(i - from);
        articleRow(a, row);
        w.write(row);
        for (int k = 0; k < a.byline.size(); k++) {
          authorsRows.tuple(3).uuid(a.id).uuid(a.byline.get(k).id()).int4(k);
        }
        bylines.addAndGet(a.byline.size());
        revisionRows.tuple(6).uuid(g.revisionId(i)).uuid(a.id).int4(1);
        revisionRows.jsonb(REVISION_STATE.writeValueAsBytes(a.input(g))).text("bootstrap-admin");
        revisionRows.timestamp(a.createdAt);
        if (i % 997 == 0 || i < 3) {
          checks.derivedFields(a);
          samples.add(a.id);
        }
      }
      w.finish();
    }
    try (CopyOut w = new CopyOut(c, "article_author (article_id, author_id, position)")) {
      w.write(authorsRows);
      w.finish();
    }
    try (CopyOut w =
        new CopyOut(
            c, "article_revision (id, article_id, revision, state, created_by, created_at)")) {
      w.write(revisionRows);
      w.finish();
    }
  }

  /** The article's row in the order of {@link #ARTICLE_COLUMNS}. */
  static void articleRow(Article a, BinaryRows b) {
    b.tuple(27).uuid(a.id).text(a.slug).text(a.title).text(a.subtitle).text(a.excerpt);
    b.text(a.body).text(a.bodyText).text("de").text(a.status).timestamp(a.publishedAt);
    b.uuid(a.category.id()).textArray(a.tags).text(a.sourceName).text(a.sourceUrl);
    b.text(a.imageUrl).text(a.imageAlt).text(a.imageCaption).text(a.imageCredit);
    b.text(a.metaTitle).text(a.metaDescription).text(a.canonicalUrl);
    b.int4(a.words).int4(a.readingTime).int8(0);
    b.timestamp(a.createdAt).timestamp(a.createdAt);
    if (a.searchVector == null) {
      b.nul();
    } else {
      a.searchVector.write(b);
    }
  }

  /** The pinned related articles of all articles; returns how many. */
  int related(Connection c) throws SQLException, IOException {
    int rows = 0;
    try (CopyOut w = new CopyOut(c, "article_related (article_id, related_id, position)")) {
      BinaryRows row = new BinaryRows(64);
      for (int i = 0; i < g.n; i++) {
        int[] related = g.related(i);
        for (int k = 0; k < related.length; k++) {
          row.tuple(3).uuid(g.articleId(i)).uuid(g.articleId(related[k])).int4(k);
          w.write(row);
          rows++;
        }
      }
      w.finish();
    }
    return rows;
  }
}
