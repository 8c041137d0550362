package dev.feder.author;

import dev.feder.asset.Asset;
import dev.feder.persistence.TrackedEntity;
import dev.feder.text.Slugs;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Optional;

/** A person who writes for the newsroom. The email is private. */
@Entity
@Table(name = "author")
public class Author extends TrackedEntity {

  @Column(nullable = false, unique = true)
  public String slug;

  @Column(nullable = false)
  public String name;

  public String bio;

  public String email;

  @Column(name = "avatar_url")
  public String avatarUrl;

  /** A picture from the media library, next to or instead of {@link #avatarUrl}. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "avatar_asset_id")
  public Asset avatarAsset;

  public String website;

  /** The item with this slug; a malformed slug finds nothing without asking the database. */
  public static Optional<Author> findBySlug(String slug) {
    return Slugs.isValid(slug) ? find("slug", slug).firstResultOptional() : Optional.empty();
  }

  public static boolean slugTaken(String slug) {
    return count("slug", slug) > 0;
  }
}
