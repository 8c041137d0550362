package dev.feder.article;

import dev.feder.asset.AssetUsage;
import dev.feder.asset.AssetUse;
import dev.feder.asset.AssetUsers;
import dev.feder.persistence.ContentTags;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Tells the media library which assets articles use and which of them the public sees: those of
 * articles that are published and visible now (not scheduled, not in the trash).
 */
@ApplicationScoped
class ArticleAssetUsers implements AssetUsers {

  /** The uses of assets by articles that are published and visible now. */
  private static final String SHOWN =
      " from AssetUse u, Article a where a.id = u.articleId and a.status = :published"
          + " and a.publishedAt <= :now and a.deletedAt is null";

  @Override
  public Set<UUID> shownPublicly(Collection<UUID> assetIds) {
    if (assetIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        Article.getEntityManager()
            .createQuery(
                "select distinct u.assetId" + SHOWN + " and u.assetId in :assets", UUID.class)
            .setParameter("assets", assetIds)
            .setParameter("published", Article.PUBLISHED)
            .setParameter("now", Instant.now())
            .getResultList());
  }

  @Override
  public Set<String> showing(UUID assetId) {
    Set<String> tags = new TreeSet<>();
    Article.getEntityManager()
        .createQuery("select distinct a.id" + SHOWN + " and u.assetId = :asset", UUID.class)
        .setParameter("asset", assetId)
        .setParameter("published", Article.PUBLISHED)
        .setParameter("now", Instant.now())
        .getResultList()
        .forEach(id -> tags.add(ContentTags.article(id)));
    return tags;
  }

  @Override
  public List<AssetUsage> describe(List<AssetUse> uses) {
    Set<UUID> ids = new HashSet<>();
    uses.stream().filter(u -> u.articleId != null).forEach(u -> ids.add(u.articleId));
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<UUID, Article> articles = new HashMap<>();
    Article.<Article>list("id in ?1", ids).forEach(a -> articles.put(a.id, a));
    Instant now = Instant.now();
    List<AssetUsage> described = new ArrayList<>();
    for (AssetUse use : uses) {
      Article article = use.articleId == null ? null : articles.get(use.articleId);
      if (article != null) {
        described.add(
            new AssetUsage(
                "article",
                article.id,
                article.slug,
                article.title,
                article.inTrash() ? "trash" : article.statusAt(now).value(),
                use.field));
      }
    }
    return described;
  }
}
