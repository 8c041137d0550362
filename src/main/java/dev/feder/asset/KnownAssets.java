package dev.feder.asset;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.feder.persistence.ContentGenerations;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What delivering an asset's bytes needs to know about it, read once per {@link ContentGenerations
 * generation of the content} and remembered for as long as that generation lasts: every change of
 * an asset, of its uses or of the articles and authors that use it (on any instance), and the
 * moment a scheduled article goes live, begins a new one. Files and renditions are thus served
 * without asking the database on every request, and never to anonymous readers a moment after an
 * asset stopped being public.
 */
@ApplicationScoped
class KnownAssets {

  /**
   * An asset as delivery sees it.
   *
   * @param width width as shown, null for PDFs
   * @param height height as shown, null for PDFs
   * @param shownPublicly whether anonymous readers may fetch its file and renditions now
   */
  record Known(
      UUID id,
      String sha256,
      String filename,
      String mediaType,
      int version,
      Integer width,
      Integer height,
      int orientation,
      double focalX,
      double focalY,
      boolean shownPublicly) {

    boolean isImage() {
      return width != null;
    }

    String fileKey() {
      return AssetKeys.file(id, sha256);
    }
  }

  /** What was read in a generation; {@code known} null for an id no asset has. */
  private record Entry(ContentGenerations.Generation generation, Known known) {}

  private final ContentGenerations generations;
  private final Instance<AssetUsers> users;
  private final Cache<UUID, Entry> entries = Caffeine.newBuilder().maximumSize(20_000).build();

  KnownAssets(ContentGenerations generations, Instance<AssetUsers> users) {
    this.generations = generations;
    this.users = users;
  }

  /** The asset with this id, or null if there is none. */
  Known find(UUID id) {
    ContentGenerations.Generation generation = generations.current();
    if (generation != null) {
      Entry entry = entries.getIfPresent(id);
      if (entry != null && entry.generation() == generation) {
        return entry.known();
      }
    }
    Known known = QuarkusTransaction.joiningExisting().call(() -> load(id));
    if (generation != null && generations.keep(generation)) {
      entries.put(id, new Entry(generation, known));
    }
    return known;
  }

  /** Whether anonymous readers may see the asset now, asked of every feature that uses assets. */
  boolean shownPublicly(UUID id) {
    for (AssetUsers feature : users) {
      if (!feature.shownPublicly(List.of(id)).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Which of these assets anonymous readers may see now. */
  Set<UUID> shownPublicly(List<UUID> ids) {
    Set<UUID> shown = new java.util.HashSet<>();
    for (AssetUsers feature : users) {
      shown.addAll(feature.shownPublicly(ids));
    }
    return shown;
  }

  private Known load(UUID id) {
    Asset asset = Asset.findById(id);
    if (asset == null) {
      return null;
    }
    return new Known(
        asset.id,
        asset.sha256,
        asset.filename,
        asset.mediaType,
        asset.fileVersion,
        asset.width,
        asset.height,
        asset.orientation,
        asset.focalX,
        asset.focalY,
        shownPublicly(id));
  }
}
