package dev.feder.asset;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.feder.persistence.ContentTags;
import dev.feder.persistence.ContentVersions;
import dev.feder.persistence.ContentVersions.Reading;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What delivering an asset's bytes needs to know about it, read once and remembered until the
 * content it depends on changes ({@link ContentVersions}): a change of the asset or of its uses
 * ({@code asset:<id>}), of which articles are public ({@code articles}), on any instance, or the
 * moment a scheduled article goes live. Files and renditions are thus served without asking the
 * database on every request, and never to anonymous readers a moment after an asset stopped being
 * public.
 */
@ApplicationScoped
class KnownAssets {

  /**
   * An asset as delivery sees it.
   *
   * @param width width as shown, null for PDFs
   * @param height height as shown, null for PDFs
   * @param shownBy the cache tags of the articles and authors that let anonymous readers fetch its
   *     file and renditions now ({@link AssetUsers#showing}); empty while none does
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
      Set<String> shownBy) {

    /** Whether anonymous readers may fetch its file and renditions now. */
    boolean shownPublicly() {
      return !shownBy.isEmpty();
    }

    boolean isImage() {
      return width != null;
    }

    String fileKey() {
      return AssetKeys.file(id, sha256);
    }
  }

  /**
   * What was read after {@code reading} was noted, valid until {@code until} (the next scheduled
   * article going live); {@code known} null for an id no asset has.
   */
  private record Entry(Reading reading, Instant until, Known known) {}

  private final ContentVersions versions;
  private final Instance<AssetUsers> users;
  private final Clock clock;
  private final Cache<UUID, Entry> entries = Caffeine.newBuilder().maximumSize(20_000).build();

  KnownAssets(ContentVersions versions, Instance<AssetUsers> users, Clock clock) {
    this.versions = versions;
    this.users = users;
    this.clock = clock;
  }

  /** The asset with this id, or null if there is none. */
  Known find(UUID id) {
    Entry entry = entries.getIfPresent(id);
    if (entry != null && current(entry.reading(), id) && clock.instant().isBefore(entry.until())) {
      return entry.known();
    }
    Reading reading = versions.begin();
    Known known = QuarkusTransaction.joiningExisting().call(() -> load(id));
    if (reading != null && current(reading, id)) {
      entries.put(id, new Entry(reading, versions.horizon(reading), known));
    }
    return known;
  }

  /** Whether nothing that what was read after {@code reading} depends on changed since. */
  private boolean current(Reading reading, UUID id) {
    return versions.unchangedSince(reading, ContentTags.asset(id))
        && versions.unchangedSince(reading, ContentTags.ARTICLES);
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
        showing(id));
  }

  /** The cache tags of the users that show the asset to anonymous readers now. */
  private Set<String> showing(UUID id) {
    Set<String> tags = new TreeSet<>();
    for (AssetUsers feature : users) {
      tags.addAll(feature.showing(id));
    }
    return Set.copyOf(tags);
  }
}
