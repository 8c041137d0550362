package dev.feder.asset;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * One use of an asset by an article or an author, in one field. Written by the features that use
 * assets, through {@link AssetService#recordUses}.
 */
@Entity
@Table(name = "asset_use")
public class AssetUse extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "asset_id", nullable = false)
  public UUID assetId;

  @Column(name = "article_id")
  public UUID articleId;

  @Column(name = "author_id")
  public UUID authorId;

  @Column(nullable = false)
  public String field;
}
