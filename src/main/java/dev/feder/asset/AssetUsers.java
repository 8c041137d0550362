package dev.feder.asset;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the features that use assets (articles, authors) tell the media library about their uses,
 * without the library knowing them: implemented by those features, found through CDI. The uses
 * themselves are rows of {@code asset_use}, which those features write with {@link
 * AssetService#recordUses}.
 */
public interface AssetUsers {

  /**
   * Which of these assets this feature shows to anonymous readers right now: those used by a
   * published, visible article (for articles), or by any author (authors are public).
   */
  Set<UUID> shownPublicly(Collection<UUID> assetIds);

  /**
   * The cache tags of this feature's items that show the asset to anonymous readers right now
   * ({@code article:<id>} of each published, visible article using it; {@code author:<id>} of each
   * author): a kept answer that only these make public ends when one of them changes.
   */
  Set<String> showing(UUID assetId);

  /** The users of this feature among {@code uses}, described for the usage list. */
  List<AssetUsage> describe(List<AssetUse> uses);
}
