package dev.feder.asset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.feder.audit.AuditAction;
import dev.feder.audit.AuditDetails;
import dev.feder.audit.AuditEntityType;
import dev.feder.audit.AuditLog;
import dev.feder.auth.Caller;
import dev.feder.config.FederConfig;
import dev.feder.error.ProblemException;
import dev.feder.error.ProblemType;
import dev.feder.event.EntityState;
import dev.feder.event.EventLog;
import dev.feder.event.EventType;
import dev.feder.paging.Page;
import dev.feder.paging.PageRequest;
import dev.feder.storage.Blob;
import dev.feder.storage.BlobStorage;
import dev.feder.storage.StorageException;
import dev.feder.web.EntityTags;
import dev.feder.web.MergePatch;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Rules for assets: uploads (inspected, deduplicated by content, stored before their row is
 * written, and removed again if the row is not), metadata changes with preconditions and ownership,
 * the delete guard, and what anonymous readers may fetch.
 */
@ApplicationScoped
public class AssetService {

  private static final Logger LOG = Logger.getLogger(AssetService.class);

  /** An upload's outcome: the asset, and whether it is new or had the same bytes already. */
  public record Uploaded(AssetResponse asset, boolean created) {}

  /** A stored object ready to be sent. */
  record Served(BinaryAnswer answer, String key) {}

  private final EntityTags tags;
  private final MergePatch mergePatch;
  private final Caller caller;
  private final AuditLog auditLog;
  private final EventLog events;
  private final BlobStorage storage;
  private final UploadInspector inspector;
  private final Renditions renditions;
  private final KnownAssets known;
  private final AssetUrls urls;
  private final Instance<AssetUsers> users;
  private final FederConfig config;
  private final TransactionSynchronizationRegistry transactions;

  public AssetService(
      EntityTags tags,
      MergePatch mergePatch,
      Caller caller,
      AuditLog auditLog,
      EventLog events,
      BlobStorage storage,
      UploadInspector inspector,
      Renditions renditions,
      KnownAssets known,
      AssetUrls urls,
      Instance<AssetUsers> users,
      FederConfig config,
      TransactionSynchronizationRegistry transactions) {
    this.tags = tags;
    this.mergePatch = mergePatch;
    this.caller = caller;
    this.auditLog = auditLog;
    this.events = events;
    this.storage = storage;
    this.inspector = inspector;
    this.renditions = renditions;
    this.known = known;
    this.urls = urls;
    this.users = users;
    this.config = config;
    this.transactions = transactions;
  }

  // ---------------------------------------------------------------------------------- reading

  @Transactional
  public Page<AssetResponse> list(PageRequest request, AssetFilter filter) {
    AssetQuery query = new AssetQuery();
    filter.applyTo(query);
    return query.fetch(request, this::view);
  }

  /** One asset; anonymous callers see only assets that public content shows. */
  @Transactional
  public AssetResponse get(UUID id) {
    Asset asset = find(id);
    KnownAssets.Known shown = known.find(id);
    if (caller.isAnonymous() && (shown == null || !shown.shownPublicly())) {
      throw notFound(id);
    }
    return view(asset);
  }

  @Transactional
  public AssetUsageList usage(UUID id) {
    find(id);
    return new AssetUsageList(describe(AssetUse.<AssetUse>list("assetId", id)));
  }

  // ---------------------------------------------------------------------------------- uploads

  /**
   * Keeps an uploaded file: inspected first, then the same bytes uploaded before answer with the
   * asset they made; otherwise the clean copy is stored, then the row written, and the stored
   * object removed again if the row cannot be.
   */
  public Uploaded upload(UploadForm form) {
    try (UploadInspector.Inspected inspected =
        inspector.inspect(form.file(), form.filename(), form.declaredType())) {
      String sha256 = inspected.file().sha256();
      Optional<AssetResponse> existing = existing(sha256);
      if (existing.isPresent()) {
        return new Uploaded(existing.get(), false);
      }
      UUID id = UUID.randomUUID();
      String key = AssetKeys.file(id, sha256);
      storage.put(key, inspected.copy(), inspected.type().mediaType());
      try {
        return new Uploaded(
            QuarkusTransaction.requiringNew().call(() -> create(id, form, inspected)), true);
      } catch (RuntimeException e) {
        deleteQuietly(key);
        // Someone uploaded the same bytes at the same moment: theirs is the asset.
        Optional<AssetResponse> raced = existing(sha256);
        if (raced.isPresent()) {
          return new Uploaded(raced.get(), false);
        }
        throw e;
      }
    } finally {
      form.close();
    }
  }

  /**
   * Keeps a file of the server's own (the demo content's images) as an upload without metadata
   * parts would: the same checks, the file's own metadata, the same bytes found again.
   */
  public AssetResponse upload(Path file, String filename) {
    return upload(
            new UploadForm(
                file,
                false,
                filename,
                null,
                new AssetInput(null, null, null, null, null, null, null, null)))
        .asset();
  }

  private Optional<AssetResponse> existing(String sha256) {
    return QuarkusTransaction.requiringNew().call(() -> Asset.findBySha256(sha256).map(this::view));
  }

  private AssetResponse create(UUID id, UploadForm form, UploadInspector.Inspected inspected) {
    Asset asset = new Asset();
    asset.id = id;
    asset.filename = form.filename();
    asset.mediaType = inspected.type().mediaType();
    asset.bytes = inspected.file().bytes();
    asset.sha256 = inspected.file().sha256();
    asset.width = inspected.width();
    asset.height = inspected.height();
    asset.orientation = (short) inspected.metadata().orientation();
    asset.lqip = inspected.lqip();
    asset.ownerAuthorId = caller.authorId().orElse(null);
    asset.createdBy = caller.name();
    AssetInput given = form.metadata();
    // The client's own values win; the file's metadata fills what it left empty.
    apply(
        asset,
        new AssetInput(
            null,
            given.title() != null ? given.title() : cut(inspected.metadata().title(), 300),
            given.alt(),
            given.caption() != null ? given.caption() : cut(inspected.metadata().caption(), 1000),
            given.credit() != null ? given.credit() : cut(inspected.metadata().credit(), 200),
            given.copyright() != null
                ? given.copyright()
                : cut(inspected.metadata().copyright(), 300),
            given.source() != null ? given.source() : cut(inspected.metadata().source(), 300),
            given.focalPoint()));
    asset.persist();
    Asset.flush();
    audit(AuditAction.CREATE, asset, AuditDetails.NONE);
    events.record(EventType.ASSET_CREATED, asset.id, null, state(asset), List.of());
    return view(asset);
  }

  // ----------------------------------------------------------------------------------- writes

  @Transactional
  public AssetResponse replace(UUID id, AssetInput input, String ifMatch) {
    Asset asset = lockForWrite(id, ifMatch);
    AssetInput before = toInput(asset);
    EntityState stateBefore = state(asset);
    apply(asset, input);
    return changed(asset, before, stateBefore, AuditAction.UPDATE);
  }

  @Transactional
  public AssetResponse patch(UUID id, JsonNode patch, String ifMatch) {
    Asset asset = lockForWrite(id, ifMatch);
    AssetInput before = toInput(asset);
    EntityState stateBefore = state(asset);
    apply(asset, mergePatch.apply(before, patch, AssetInput.class));
    return changed(asset, before, stateBefore, AuditAction.PATCH);
  }

  /**
   * Audits a replace or patch, and records {@code asset.updated} when a field changed (as for the
   * other kinds, a write that changes nothing announces nothing).
   */
  private AssetResponse changed(
      Asset asset, AssetInput before, EntityState stateBefore, AuditAction action) {
    int version = asset.fileVersion;
    if (!Objects.equals(before.focalPoint(), toInput(asset).focalPoint())) {
      // Crops change: new URLs, and the renditions of the old version are of no more use.
      asset.fileVersion++;
    }
    Asset.flush();
    List<String> changed = auditLog.changedFields(before, toInput(asset));
    audit(action, asset, AuditDetails.changed(changed));
    if (!changed.isEmpty()) {
      events.record(EventType.ASSET_UPDATED, asset.id, stateBefore, state(asset), changed);
    }
    if (asset.fileVersion != version) {
      UUID id = asset.id;
      afterCommit(() -> deleteAllQuietly(AssetKeys.version(id, version)));
    }
    return view(asset);
  }

  /** Deletes an asset that nothing uses, and then its stored objects. */
  public void delete(UUID id, String ifMatch) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Asset asset = lockForWrite(id, ifMatch);
              List<AssetUse> uses = AssetUse.list("assetId", id);
              if (!uses.isEmpty()) {
                throw inUse(asset, describe(uses));
              }
              try {
                asset.delete();
                Asset.flush();
              } catch (PersistenceException e) {
                throw ProblemException.conflict(
                    "Asset " + id + " came into use meanwhile; look at its usage and try again");
              }
              audit(AuditAction.DELETE, asset, AuditDetails.NONE);
              events.record(EventType.ASSET_DELETED, id, state(asset), null, List.of());
            });
    deleteAllQuietly(AssetKeys.asset(id));
  }

  private static ProblemException inUse(Asset asset, List<AssetUsage> usages) {
    String users =
        usages.stream()
            .map(
                u ->
                    u.type()
                        + " '"
                        + u.slug()
                        + "' ("
                        + u.field()
                        + ("trash".equals(u.status()) ? ", in the trash" : "")
                        + ")")
            .collect(Collectors.joining(", "));
    return ProblemException.conflict(
        "Asset "
            + asset.id
            + " is used by "
            + users
            + "; remove it there first (an article in the trash must be purged or restored and"
            + " changed)");
  }

  // ----------------------------------------------------------------------- features' side

  /**
   * Records which assets an article or author uses in one field, replacing what was recorded for
   * that field; call it inside the write's transaction. An unknown asset is an invalid field.
   *
   * @param articleId the article, or null
   * @param authorId the author, or null (exactly one of the two)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordUses(UUID articleId, UUID authorId, String field, Collection<UUID> assetIds) {
    String owner = articleId != null ? "articleId" : "authorId";
    UUID ownerId = articleId != null ? articleId : authorId;
    List<AssetUse> current = AssetUse.list(owner + " = ?1 and field = ?2", ownerId, field);
    LinkedHashSet<UUID> wanted = new LinkedHashSet<>(assetIds);
    for (AssetUse use : current) {
      if (!wanted.remove(use.assetId)) {
        use.delete();
      }
    }
    for (UUID assetId : wanted) {
      AssetUse use = new AssetUse();
      use.id = UUID.randomUUID();
      use.assetId = assetId;
      use.articleId = articleId;
      use.authorId = authorId;
      use.field = field;
      use.persist();
    }
  }

  /** The assets with these ids that exist, by id, in one query. */
  public Map<UUID, Asset> findAll(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return Asset.<Asset>list("id in ?1", ids).stream()
        .collect(Collectors.toMap(a -> a.id, Function.identity()));
  }

  // ---------------------------------------------------------------------------------- delivery

  /** The file, without its private metadata. */
  Served file(UUID id, Integer version, BinaryAnswer.Conditions conditions) {
    KnownAssets.Known asset = deliverable(id);
    Blob blob =
        storage
            .stat(asset.fileKey())
            .orElseThrow(() -> new StorageException("No stored file for asset " + id));
    String disposition =
        (asset.isImage() ? "inline" : "attachment") + "; " + filenameParameters(asset.filename());
    return new Served(
        BinaryAnswer.of(
            blob, asset.mediaType(), cacheControl(asset, version), null, disposition, conditions),
        asset.fileKey());
  }

  /** A rendition, computed first if it is not kept yet. */
  Served image(
      UUID id, RenditionRequest request, String accept, BinaryAnswer.Conditions conditions) {
    KnownAssets.Known asset = deliverable(id);
    if (!asset.isImage()) {
      throw new ProblemException(
          ProblemType.NOT_FOUND,
          "Asset " + id + " is a PDF; it has no image renditions, only its file");
    }
    Renditions.Planned planned = renditions.plan(asset, request, accept);
    Blob blob = renditions.obtain(asset, planned);
    return new Served(
        BinaryAnswer.of(
            blob,
            planned.format().mediaType(),
            cacheControl(asset, request.version()),
            request.automatic() ? "Accept" : null,
            null,
            conditions),
        planned.key());
  }

  private KnownAssets.Known deliverable(UUID id) {
    KnownAssets.Known asset = known.find(id);
    if (asset == null || (caller.isAnonymous() && !asset.shownPublicly())) {
      // No Cache-Control: an embargoed picture must not be remembered as missing once it is out.
      throw notFound(id).withHeaders(Map.of("Cache-Control", "no-store"));
    }
    return asset;
  }

  /**
   * A year and immutable for URLs of the current version (they change with the file and focal
   * point), the usual short time for the others; private for signed-in callers, who may see what is
   * not public.
   */
  private String cacheControl(KnownAssets.Known asset, Integer version) {
    String scope = caller.isAnonymous() ? "public" : "private";
    if (version != null && version == asset.version()) {
      return scope + ", max-age=31536000, immutable";
    }
    return scope + ", max-age=" + config.http().maxAge().toSeconds();
  }

  /** {@code filename="…"} in ASCII and {@code filename*} in UTF-8 (RFC 6266). */
  static String filenameParameters(String filename) {
    StringBuilder ascii = new StringBuilder();
    for (char c : filename.toCharArray()) {
      ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? c : '_');
    }
    return "filename=\""
        + ascii
        + "\"; filename*=UTF-8''"
        + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
  }

  // ----------------------------------------------------------------------------------- helpers

  private List<AssetUsage> describe(List<AssetUse> uses) {
    List<AssetUsage> described = new ArrayList<>();
    for (AssetUsers feature : users) {
      described.addAll(feature.describe(uses));
    }
    described.sort(
        (a, b) ->
            a.type().equals(b.type())
                ? a.slug().compareTo(b.slug())
                : a.type().equals("article") ? -1 : 1);
    return described;
  }

  AssetResponse view(Asset asset) {
    boolean image = asset.isImage();
    return new AssetResponse(
        asset.id,
        asset.filename,
        asset.mediaType,
        asset.bytes,
        asset.sha256,
        asset.width,
        asset.height,
        asset.title,
        asset.alt,
        asset.caption,
        asset.credit,
        asset.copyright,
        asset.source,
        image ? new FocalPoint(asset.focalX, asset.focalY) : null,
        asset.lqip,
        asset.fileVersion,
        urls.file(asset.id, asset.fileVersion),
        image ? urls.srcset(asset.id, asset.fileVersion, asset.width) : null,
        asset.createdAt,
        asset.updatedAt,
        caller.seesUnpublished() ? asset.createdBy : null);
  }

  /** The asset as its events see it. */
  private static EntityState state(Asset asset) {
    return EntityState.asset(asset.filename);
  }

  private static AssetInput toInput(Asset asset) {
    return new AssetInput(
        asset.filename,
        asset.title,
        asset.alt,
        asset.caption,
        asset.credit,
        asset.copyright,
        asset.source,
        asset.isImage() ? new FocalPoint(asset.focalX, asset.focalY) : null);
  }

  private static void apply(Asset asset, AssetInput input) {
    if (input.filename() != null) {
      asset.filename = input.filename();
    }
    asset.title = input.title();
    asset.alt = input.alt();
    asset.caption = input.caption();
    asset.credit = input.credit();
    asset.copyright = input.copyright();
    asset.source = input.source();
    if (input.focalPoint() != null && !asset.isImage()) {
      throw ProblemException.invalidField("focalPoint", "only images have a focal point");
    }
    FocalPoint focus = input.focalPoint() == null ? FocalPoint.CENTRE : input.focalPoint();
    asset.focalX = focus.x();
    asset.focalY = focus.y();
  }

  private Asset find(UUID id) {
    return Asset.<Asset>findByIdOptional(id).orElseThrow(() -> notFound(id));
  }

  private static ProblemException notFound(UUID id) {
    return ProblemException.notFound("Asset " + id);
  }

  private Asset lockForWrite(UUID id, String ifMatch) {
    Asset asset =
        Asset.<Asset>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
            .orElseThrow(() -> notFound(id));
    if (caller.writesOnlyOwnArticles()
        && (asset.ownerAuthorId == null
            || !caller.authorId().equals(Optional.of(asset.ownerAuthorId)))) {
      throw new ProblemException(
          ProblemType.FORBIDDEN, "Authors may change only the assets they uploaded themselves");
    }
    tags.checkIfMatch(ifMatch, view(asset));
    return asset;
  }

  private void audit(AuditAction action, Asset asset, AuditDetails details) {
    auditLog.record(action, AuditEntityType.ASSET, asset.id, asset.filename, details);
  }

  private static String cut(String value, int max) {
    if (value == null || value.length() <= max) {
      return value;
    }
    return value.substring(0, max - 1) + "…";
  }

  private void deleteQuietly(String key) {
    quietly(key, () -> storage.delete(key));
  }

  private void deleteAllQuietly(String prefix) {
    quietly(prefix + "…", () -> storage.deleteAll(prefix));
  }

  /** Removes stored objects; if the store fails now, the sweep removes them later. */
  private static void quietly(String what, Runnable removal) {
    try {
      removal.run();
    } catch (StorageException e) {
      LOG.warnf("Could not remove %s (the sweep will): %s", what, e.getMessage());
    }
  }

  private void afterCommit(Runnable action) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              action.run();
            }
          }
        });
  }
}
