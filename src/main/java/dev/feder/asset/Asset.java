package dev.feder.asset;

import dev.feder.persistence.TrackedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Optional;
import java.util.UUID;

/**
 * An uploaded file: an image (JPEG, PNG, WebP, GIF) or a PDF. The stored object is the upload
 * without its private metadata ({@link #fileKey()}); {@link #bytes} and {@link #sha256} describe
 * the upload itself.
 */
@Entity
@Table(name = "asset")
public class Asset extends TrackedEntity {

  @Column(nullable = false)
  public String filename;

  @Column(name = "media_type", nullable = false)
  public String mediaType;

  /** Length of the file as uploaded. */
  @Column(nullable = false)
  public long bytes;

  /** SHA-256 of the file as uploaded, lower-case hex. */
  @Column(nullable = false, updatable = false)
  public String sha256;

  /** Width as shown (after the EXIF orientation); null for PDFs. */
  public Integer width;

  /** Height as shown; null for PDFs. */
  public Integer height;

  /** The EXIF orientation of the stored pixels, applied to every rendition. */
  @Column(nullable = false)
  public short orientation = 1;

  public String title;

  public String alt;

  public String caption;

  public String credit;

  public String copyright;

  public String source;

  @Column(name = "focal_x", nullable = false)
  public double focalX = 0.5;

  @Column(name = "focal_y", nullable = false)
  public double focalY = 0.5;

  /** A tiny preview as a data URI; null for PDFs. */
  public String lqip;

  /** Numbers the states of the file and focal point; URLs carry it. */
  @Column(name = "file_version", nullable = false)
  public int fileVersion = 1;

  /** The author whose token uploaded the asset, who may then change it; null for others. */
  @Column(name = "owner_author_id")
  public UUID ownerAuthorId;

  /** The name of the token that uploaded it. */
  @Column(name = "created_by", nullable = false, updatable = false)
  public String createdBy;

  /** Filename, title, caption and credit in lower case, computed by the database for {@code q}. */
  @Column(name = "search_text", insertable = false, updatable = false)
  String searchText;

  public boolean isImage() {
    return width != null;
  }

  /**
   * An asset as far as embedding it needs ({@link EmbeddedImage#of}, {@link BodyImages#render}),
   * made from columns read without Hibernate; never persisted.
   */
  public static Asset embeddable(
      UUID id,
      int fileVersion,
      Integer width,
      Integer height,
      String alt,
      String caption,
      String credit,
      double focalX,
      double focalY,
      String lqip) {
    Asset asset = new Asset();
    asset.id = id;
    asset.fileVersion = fileVersion;
    asset.width = width;
    asset.height = height;
    asset.alt = alt;
    asset.caption = caption;
    asset.credit = credit;
    asset.focalX = focalX;
    asset.focalY = focalY;
    asset.lqip = lqip;
    return asset;
  }

  /** The key of the stored file. */
  public String fileKey() {
    return AssetKeys.file(id, sha256);
  }

  static Optional<Asset> findBySha256(String sha256) {
    return find("sha256", sha256).firstResultOptional();
  }
}
