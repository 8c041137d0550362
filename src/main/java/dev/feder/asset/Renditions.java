package dev.feder.asset;

import dev.feder.asset.image.FileType;
import dev.feder.asset.image.InvalidFile;
import dev.feder.asset.image.Layout;
import dev.feder.asset.image.OutputFormat;
import dev.feder.asset.image.Renderer;
import dev.feder.config.FederConfig;
import dev.feder.error.ProblemException;
import dev.feder.error.ProblemType;
import dev.feder.storage.Blob;
import dev.feder.storage.BlobStorage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Renditions of images: each computed once, on a small pool of its own, and kept in the storage
 * under a key made of the asset's id and version and the rendition's effective size, fit, quality
 * and format (so two requests that would give the same bytes share them). Requests for a rendition
 * being computed wait for it rather than computing it again. When the pool and its queue are full,
 * a request is refused with 503 and {@code Retry-After}.
 */
@ApplicationScoped
class Renditions {

  private static final Logger LOG = Logger.getLogger(Renditions.class);

  /** How long a request waits for its rendition before it gets a 503. */
  private static final long WAIT_SECONDS = 60;

  private final FederConfig.Assets config;
  private final BlobStorage storage;
  private final AssetImages images;
  private final ThreadPoolExecutor pool;
  private final Map<String, CompletableFuture<Blob>> computing = new ConcurrentHashMap<>();
  private final Timer timer;

  Renditions(FederConfig config, BlobStorage storage, AssetImages images, MeterRegistry registry) {
    this.config = config.assets();
    this.storage = storage;
    this.images = images;
    int threads = this.config.renditionThreads();
    AtomicInteger count = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            1,
            TimeUnit.MINUTES,
            this.config.renditionQueue() > 0
                ? new ArrayBlockingQueue<>(this.config.renditionQueue())
                : new java.util.concurrent.SynchronousQueue<>(),
            runnable -> {
              Thread thread = new Thread(runnable, "feder-rendition-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            },
            new ThreadPoolExecutor.AbortPolicy());
    this.pool.allowCoreThreadTimeOut(true);
    this.timer =
        Timer.builder("feder.asset.renditions")
            .description("Time to compute and store a rendition")
            .register(registry);
  }

  void stop(@Observes ShutdownEvent event) {
    pool.shutdownNow();
  }

  /** What a request asks for, resolved against the asset: the spec and the storage key. */
  record Planned(Renderer.Spec spec, String key, OutputFormat format, int width, int height) {}

  /** Resolves a request: the effective size, format and quality, and where it is kept. */
  Planned plan(KnownAssets.Known asset, RenditionRequest request, String accept) {
    OutputFormat format = request.formatFor(accept, asset.mediaType());
    Integer width = request.width();
    Integer height = request.height();
    if (width == null && height == null) {
      width = Collections.max(config.widths());
    }
    int quality =
        format.lossy() ? Optional.ofNullable(request.quality()).orElse(config.quality()) : 0;
    Renderer.Spec spec =
        new Renderer.Spec(
            width, height, request.fit(), format, quality, asset.focalX(), asset.focalY());
    Layout layout = images.renderer().layout(source(asset, null), spec);
    String mode = layout.isPlainScale(asset.width(), asset.height()) ? "s" : request.fit().value();
    String name =
        layout.canvasWidth()
            + "x"
            + layout.canvasHeight()
            + "-"
            + mode
            + (format.lossy() ? "-q" + quality : "")
            + "."
            + format.extension();
    return new Planned(
        spec,
        AssetKeys.rendition(asset.id(), asset.version(), name),
        format,
        layout.canvasWidth(),
        layout.canvasHeight());
  }

  /** The kept rendition, computed first if it is not kept yet. */
  Blob obtain(KnownAssets.Known asset, Planned planned) {
    Optional<Blob> kept = storage.stat(planned.key());
    if (kept.isPresent()) {
      return kept.get();
    }
    CompletableFuture<Blob> future = computing.get(planned.key());
    if (future == null) {
      CompletableFuture<Blob> mine = new CompletableFuture<>();
      future = computing.putIfAbsent(planned.key(), mine);
      if (future == null) {
        future = mine;
        submit(asset, planned, mine);
      }
    }
    try {
      return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw busy();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RejectedExecutionException) {
        throw busy();
      }
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Computes on the pool; the rendition leaves {@link #computing} when it is done. */
  private void submit(KnownAssets.Known asset, Planned planned, CompletableFuture<Blob> future) {
    try {
      pool.execute(
          () -> {
            try {
              future.complete(compute(asset, planned));
            } catch (Throwable e) {
              future.completeExceptionally(e);
            } finally {
              computing.remove(planned.key(), future);
            }
          });
    } catch (RejectedExecutionException e) {
      computing.remove(planned.key(), future);
      future.completeExceptionally(e);
    }
  }

  private Blob compute(KnownAssets.Known asset, Planned planned) {
    long start = System.nanoTime();
    Path local = storage.localFile(asset.fileKey()).orElse(null);
    Path download = null;
    try {
      if (local == null || !Files.exists(local)) {
        download = download(asset);
        local = download;
      }
      Renderer.Rendition rendition = images.renderer().render(source(asset, local), planned.spec());
      storage.put(planned.key(), rendition.bytes(), planned.format().mediaType());
      timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      return new Blob(planned.key(), rendition.bytes().length, Instant.now());
    } catch (InvalidFile e) {
      // The file was checked when it was uploaded; failing now means the stored copy is damaged.
      LOG.errorf("Cannot render %s: %s", planned.key(), e.getMessage());
      throw new IllegalStateException("The stored file of asset " + asset.id() + " is damaged", e);
    } finally {
      if (download != null) {
        try {
          Files.deleteIfExists(download);
        } catch (IOException e) {
          LOG.debugf("Cannot delete %s: %s", download, e);
        }
      }
    }
  }

  /** The stored file copied to a local temporary file, for stores that are not local. */
  private Path download(KnownAssets.Known asset) {
    Blob file =
        storage
            .stat(asset.fileKey())
            .orElseThrow(() -> new IllegalStateException("No stored file for " + asset.id()));
    try (InputStream in = storage.open(asset.fileKey(), 0, file.size())) {
      Path temporary = Files.createTempFile("feder-rendition", ".source");
      Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
      return temporary;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Renderer.Source source(KnownAssets.Known asset, Path file) {
    boolean swap = asset.orientation() >= 5;
    return new Renderer.Source(
        file,
        type(asset.mediaType()),
        swap ? asset.height() : asset.width(),
        swap ? asset.width() : asset.height(),
        asset.orientation());
  }

  private static FileType type(String mediaType) {
    return FileType.byMediaType(mediaType)
        .orElseThrow(() -> new IllegalStateException("Not an image type: " + mediaType));
  }

  private static ProblemException busy() {
    return new ProblemException(
            ProblemType.UNAVAILABLE,
            "Too many renditions are being computed right now; try again in a few seconds")
        .withHeaders(Map.of("Retry-After", "5"));
  }
}
