package dev.feder.author;

import dev.feder.asset.AssetUsage;
import dev.feder.asset.AssetUse;
import dev.feder.asset.AssetUsers;
import dev.feder.persistence.ContentTags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Tells the media library which assets authors use: all public, as authors are. */
@ApplicationScoped
class AuthorAssetUsers implements AssetUsers {

  @Override
  public Set<UUID> shownPublicly(Collection<UUID> assetIds) {
    if (assetIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        Author.getEntityManager()
            .createQuery(
                "select distinct u.assetId from AssetUse u"
                    + " where u.authorId is not null and u.assetId in :assets",
                UUID.class)
            .setParameter("assets", assetIds)
            .getResultList());
  }

  @Override
  public Set<String> showing(UUID assetId) {
    Set<String> tags = new TreeSet<>();
    Author.getEntityManager()
        .createQuery(
            "select distinct u.authorId from AssetUse u"
                + " where u.authorId is not null and u.assetId = :asset",
            UUID.class)
        .setParameter("asset", assetId)
        .getResultList()
        .forEach(id -> tags.add(ContentTags.author(id)));
    return tags;
  }

  @Override
  public List<AssetUsage> describe(List<AssetUse> uses) {
    Set<UUID> ids = new HashSet<>();
    uses.stream().filter(u -> u.authorId != null).forEach(u -> ids.add(u.authorId));
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<UUID, Author> authors = new HashMap<>();
    Author.<Author>list("id in ?1", ids).forEach(a -> authors.put(a.id, a));
    List<AssetUsage> described = new ArrayList<>();
    for (AssetUse use : uses) {
      Author author = use.authorId == null ? null : authors.get(use.authorId);
      if (author != null) {
        described.add(
            new AssetUsage("author", author.id, author.slug, author.name, null, use.field));
      }
    }
    return described;
  }
}
