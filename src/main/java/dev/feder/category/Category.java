package dev.feder.category;

import dev.feder.persistence.TrackedEntity;
import dev.feder.text.Slugs;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;

/** A section of the site, such as Welt › Nachrichten; categories form a tree. */
@Entity
@Table(name = "category")
public class Category extends TrackedEntity {

  @Column(nullable = false, unique = true)
  public String slug;

  @Column(nullable = false)
  public String name;

  public String description;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "parent_id")
  public Category parent;

  public int position;

  /** Deeper trees are not walked (a guard, not a product limit). */
  private static final int MAX_DEPTH = 1000;

  /** The item with this slug; a malformed slug finds nothing without asking the database. */
  public static Optional<Category> findBySlug(String slug) {
    return Slugs.isValid(slug) ? find("slug", slug).firstResultOptional() : Optional.empty();
  }

  public static boolean slugTaken(String slug) {
    return count("slug", slug) > 0;
  }

  public static List<Category> children(Category parent) {
    return list("parent", Sort.by("position").and("name"), parent);
  }

  /** Whether {@code candidate} is this category or one of its descendants. */
  public boolean isAncestorOf(Category candidate) {
    int depth = 0;
    for (Category c = candidate; c != null && depth++ < MAX_DEPTH; c = c.parent) {
      if (c.id.equals(id)) {
        return true;
      }
    }
    return false;
  }
}
