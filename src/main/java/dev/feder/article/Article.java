package dev.feder.article;

import dev.feder.asset.Asset;
import dev.feder.author.Author;
import dev.feder.category.Category;
import dev.feder.persistence.TrackedEntity;
import dev.feder.text.Slugs;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A news article. The stored {@code status} is {@code draft}, {@code published} or {@code
 * archived}; a published article whose time has not come reads as {@code scheduled}.
 */
@Entity
@Table(name = "article")
public class Article extends TrackedEntity {

  static final String DRAFT = "draft";
  static final String PUBLISHED = "published";
  static final String ARCHIVED = "archived";

  @Column(nullable = false, unique = true)
  public String slug;

  @Column(nullable = false)
  public String title;

  public String subtitle;

  public String excerpt;

  /**
   * Loaded only when read: list pages, which leave bodies out, never fetch them (see {@link
   * #bodies}).
   */
  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  public String body;

  /** The body's visible text, derived from {@link #body}; search indexes it and quotes from it. */
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "body_text", nullable = false)
  public String bodyText = "";

  @Column(nullable = false)
  public String language;

  @Column(nullable = false)
  public String status;

  @Column(name = "published_at")
  public Instant publishedAt;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "category_id")
  public Category category;

  @ManyToMany
  @JoinTable(
      name = "article_author",
      joinColumns = @JoinColumn(name = "article_id"),
      inverseJoinColumns = @JoinColumn(name = "author_id"))
  @OrderColumn(name = "position")
  public List<Author> authors = new ArrayList<>();

  @ManyToMany
  @JoinTable(
      name = "article_related",
      joinColumns = @JoinColumn(name = "article_id"),
      inverseJoinColumns = @JoinColumn(name = "related_id"))
  @OrderColumn(name = "position")
  public List<Article> related = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "text[]", nullable = false)
  public List<String> tags = new ArrayList<>();

  @Column(name = "source_name")
  public String sourceName;

  @Column(name = "source_url")
  public String sourceUrl;

  @Column(name = "image_url")
  public String imageUrl;

  /** The lead image from the media library; then the other image columns hold only overrides. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "image_asset_id")
  public Asset imageAsset;

  @Column(name = "image_alt")
  public String imageAlt;

  @Column(name = "image_caption")
  public String imageCaption;

  @Column(name = "image_credit")
  public String imageCredit;

  @Column(name = "meta_title")
  public String metaTitle;

  @Column(name = "meta_description")
  public String metaDescription;

  @Column(name = "canonical_url")
  public String canonicalUrl;

  @Column(name = "word_count", nullable = false)
  public int wordCount;

  @Column(name = "reading_time_minutes", nullable = false)
  public int readingTimeMinutes;

  /** When the article was moved to the trash; null while it is live. */
  @Column(name = "deleted_at")
  public Instant deletedAt;

  /** The token name that moved the article to the trash; null while it is live. */
  @Column(name = "deleted_by")
  public String deletedBy;

  /** Whether the article is in the trash: invisible everywhere but in the trash. */
  public boolean inTrash() {
    return deletedAt != null;
  }

  /** The status as readers see it at {@code now}. */
  public ArticleStatus statusAt(Instant now) {
    return statusAt(status, publishedAt, now);
  }

  /** The status as readers see it at {@code now} of an article stored with these. */
  static ArticleStatus statusAt(String status, Instant publishedAt, Instant now) {
    return switch (status) {
      case DRAFT -> ArticleStatus.DRAFT;
      case ARCHIVED -> ArticleStatus.ARCHIVED;
      default -> publishedAt.isAfter(now) ? ArticleStatus.SCHEDULED : ArticleStatus.PUBLISHED;
    };
  }

  /** Whether anonymous readers may see the article at {@code now}. */
  public boolean isPublicAt(Instant now) {
    return statusAt(now) == ArticleStatus.PUBLISHED;
  }

  /** The live article with this id; one in the trash is not found. */
  public static Optional<Article> findLive(UUID id) {
    return find("id = ?1 and deletedAt is null", id).firstResultOptional();
  }

  /**
   * The live article with this slug; a malformed slug finds nothing without asking the database,
   * and one in the trash is not found.
   */
  public static Optional<Article> findBySlug(String slug) {
    return Slugs.isValid(slug)
        ? find("slug = ?1 and deletedAt is null", slug).firstResultOptional()
        : Optional.empty();
  }

  /** Whether an article in the trash holds this slug (it stays reserved for a restore). */
  public static boolean slugInTrash(String slug) {
    return count("slug = ?1 and deletedAt is not null", slug) > 0;
  }

  public static boolean slugTaken(String slug) {
    return count("slug", slug) > 0;
  }

  /** The articles with these ids, in the order of the ids (search hits, related articles). */
  static List<Article> inOrder(List<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<UUID, Article> byId = new HashMap<>();
    Article.<Article>list("id in ?1", ids).forEach(a -> byId.put(a.id, a));
    return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
  }

  /** When the first article scheduled after {@code instant} goes live, if one is. */
  static Optional<Instant> firstPublicationAfter(Instant instant) {
    return Optional.ofNullable(
        getEntityManager()
            .createQuery(
                "select min(a.publishedAt) from Article a where a.status = '"
                    + PUBLISHED
                    + "' and a.publishedAt > :instant and a.deletedAt is null",
                Instant.class)
            .setParameter("instant", instant)
            .getSingleResult());
  }
}
