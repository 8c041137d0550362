package dev.feder.asset;

import dev.feder.config.FederConfig;
import dev.feder.storage.Blob;
import dev.feder.storage.BlobStorage;
import dev.feder.storage.StorageException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Removes stored objects that no asset owns any more, every {@code feder.assets.sweep-interval}:
 * files of assets whose row was never written (an instance died between storing an upload and
 * writing its row) or is gone (the objects of a deleted asset that could not be removed then),
 * files an asset no longer has, and renditions of versions other than the current one. Only objects
 * older than {@code feder.assets.sweep-grace} go, so uploads in flight are safe; several instances
 * may sweep at once.
 */
@ApplicationScoped
class AssetSweep {

  private static final Logger LOG = Logger.getLogger(AssetSweep.class);
  private static final int BATCH = 500;

  private final BlobStorage storage;
  private final FederConfig.Assets config;

  AssetSweep(BlobStorage storage, FederConfig config) {
    this.storage = storage;
    this.config = config.assets();
  }

  @Scheduled(
      identity = "asset-sweep",
      every = "{feder.assets.sweep-interval}",
      delayed = "1m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    try {
      int removed = sweep(Instant.now().minus(config.sweepGrace()));
      if (removed > 0) {
        LOG.infof("Removed %d stored objects that no asset owns", removed);
      }
    } catch (StorageException e) {
      LOG.warnf("Sweeping the storage failed, next time then: %s", e.getMessage());
    }
  }

  /** Removes the objects written before {@code cutoff} that no asset owns; returns how many. */
  int sweep(Instant cutoff) {
    Map<UUID, List<Blob>> byAsset = new HashMap<>();
    List<Blob> strays = new ArrayList<>();
    storage.forEach(
        AssetKeys.ROOT,
        blob -> {
          if (!blob.lastModified().isBefore(cutoff)) {
            return;
          }
          UUID id = assetOf(blob.key());
          if (id == null) {
            strays.add(blob);
          } else {
            byAsset.computeIfAbsent(id, k -> new ArrayList<>()).add(blob);
          }
        });
    int removed = 0;
    for (Blob stray : strays) {
      storage.delete(stray.key());
      removed++;
    }
    List<UUID> ids = new ArrayList<>(byAsset.keySet());
    for (int from = 0; from < ids.size(); from += BATCH) {
      List<UUID> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
      Map<UUID, Asset> owners = owners(batch);
      for (UUID id : batch) {
        Asset owner = owners.get(id);
        for (Blob blob : byAsset.get(id)) {
          if (owner == null || !owns(owner, blob.key())) {
            storage.delete(blob.key());
            removed++;
          }
        }
      }
    }
    return removed;
  }

  private static Map<UUID, Asset> owners(List<UUID> ids) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Map<UUID, Asset> found = new HashMap<>();
              Asset.<Asset>list("id in ?1", ids).forEach(a -> found.put(a.id, a));
              return found;
            });
  }

  /** Whether the object is the asset's file or a rendition of its current version. */
  private static boolean owns(Asset asset, String key) {
    return key.equals(asset.fileKey())
        || key.startsWith(AssetKeys.version(asset.id, asset.fileVersion));
  }

  /** The asset whose prefix a key has, or null for a key that is no asset's. */
  private static UUID assetOf(String key) {
    String rest = key.substring(AssetKeys.ROOT.length());
    int slash = rest.indexOf('/');
    if (slash < 0) {
      return null;
    }
    try {
      return UUID.fromString(rest.substring(0, slash));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
