package dev.feder.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Feder's own settings, all under {@code feder.*} (environment: {@code FEDER_*}). */
@ConfigMapping(prefix = "feder")
public interface FederConfig {

  /** Database bootstrapping. */
  Database database();

  /** Authentication of writers. */
  Auth auth();

  /** Sample content for a first look. */
  Demo demo();

  /** HTTP caching of public reads. */
  Http http();

  /** The public website that shows the articles, for links in feeds and the sitemap. */
  Frontend frontend();

  /** The trash that deleted articles go to. */
  Trash trash();

  /** Full-text search of articles. */
  Search search();

  /** Work done once in the background after startup. */
  WarmUp warmUp();

  /** The event outbox that the changes feed and the webhooks read. */
  Events events();

  /** Delivery of events to webhook endpoints. */
  Webhooks webhooks();

  /** Draft previews: signed links that let their holder read one article as it stands. */
  Preview preview();

  /** Replays of creating POSTs sent again with the same {@code Idempotency-Key}. */
  Idempotency idempotency();

  /** Where uploaded files and their renditions are kept. */
  Storage storage();

  /** The media library: uploads, their limits and the renditions of images. */
  Assets assets();

  /** Database bootstrapping. */
  interface Database {
    /** Start an embedded PostgreSQL when no datasource URL is set (default in dev and test). */
    @WithDefault("false")
    boolean embedded();

    /** Where the embedded server keeps its data; empty means a fresh temporary folder. */
    Optional<String> embeddedDataDir();

    /**
     * {@code Retry-After} of the {@code 503} answers while the database cannot be reached, in whole
     * seconds.
     */
    @WithDefault("5s")
    Duration retryAfter();
  }

  /** Authentication of writers. */
  interface Auth {
    /** Admin bearer token from configuration; writes are refused while it is unset. */
    Optional<String> bootstrapToken();
  }

  /** Sample content for a first look. */
  interface Demo {
    /** Load the demo articles, authors and categories once into an empty database. */
    @WithDefault("false")
    boolean enabled();
  }

  /** HTTP caching of public reads. */
  interface Http {
    /** {@code max-age} of anonymous GET responses. */
    @WithDefault("60s")
    Duration maxAge();

    /** {@code stale-while-revalidate} of anonymous GET responses. */
    @WithDefault("300s")
    Duration staleWhileRevalidate();

    /**
     * Largest request body of the JSON API; larger ones are a 413. Uploads have their own limit
     * ({@code feder.assets.max-file-size}); {@code quarkus.http.limits.max-body-size} bounds both.
     */
    @WithDefault("2M")
    MemorySize maxBodySize();

    /** Feder's own cache of public responses. */
    Cache cache();

    /** Feder's own cache of public responses. */
    interface Cache {
      /**
       * Keep anonymous GET responses in memory until what they show changes (on any instance) or a
       * scheduled article goes live.
       */
      @WithDefault("true")
      boolean enabled();

      /** Upper bound for the bodies kept, in bytes ({@code 64M}, {@code 512K}). */
      @WithDefault("64M")
      MemorySize maxSize();

      /**
       * The largest file or image rendition kept ({@code 256K}): larger ones are streamed from the
       * storage each time, so that one big image cannot push many pages out.
       */
      @WithDefault("256K")
      MemorySize maxBinarySize();

      /**
       * How long kept answers stand in, with their {@code Age}, for answers that fail because the
       * database cannot be reached ({@code 503}), counted from when they stopped being current.
       */
      @WithDefault("5m")
      Duration staleIfError();
    }

    /**
     * The address clients reach Feder at, such as {@code https://cms.example.org}: {@code Location}
     * headers and the feeds' self links are absolute URLs under it. Unset, they are paths; never
     * taken from the request's {@code Host}.
     */
    Optional<URI> publicBaseUrl();
  }

  /** The public website that shows the articles, for links in feeds and the sitemap. */
  interface Frontend {
    /** URL of an article page; {@code {slug}} and {@code {category}} are replaced by the slugs. */
    @WithDefault("http://localhost:3000/artikel/{slug}")
    @Pattern(regexp = ".*\\{slug}.*", message = "must contain the \\{slug\\} placeholder")
    String articleUrl();

    /**
     * URL of a category page; {@code {slug}} is replaced by the category's slug. Events name its
     * path among those a change affects.
     */
    @WithDefault("http://localhost:3000/kategorie/{slug}")
    @Pattern(regexp = ".*\\{slug}.*", message = "must contain the \\{slug\\} placeholder")
    String categoryUrl();

    /** URL of the home page, the link of the feeds. */
    @WithDefault("http://localhost:3000/")
    String siteUrl();

    /**
     * The website's draft-mode route that a preview link opens; {@code {token}} is replaced by the
     * preview token, {@code {slug}} and {@code {id}} by the article's slug and id.
     */
    @WithDefault("http://localhost:3000/api/draft?id={id}&token={token}")
    @Pattern(regexp = ".*\\{token}.*", message = "must contain the \\{token\\} placeholder")
    String previewUrl();

    /** Name of the site, the title of the feeds. */
    @WithDefault("Feder")
    String siteTitle();

    /** How many of the newest articles a feed holds. */
    @WithDefault("20")
    @Min(1)
    @Max(1000)
    int feedSize();
  }

  /** The trash that deleted articles go to. */
  interface Trash {
    /** How long a deleted article stays restorable; after it, it is purged for good. */
    @WithDefault("30d")
    Duration retention();

    /**
     * How often articles whose retention has ended are purged ({@code off} to never purge
     * automatically); read by the scheduler as {@code {feder.trash.purge-interval}}.
     */
    @WithDefault("1h")
    String purgeInterval();
  }

  /** Full-text search of articles. */
  interface Search {
    /**
     * How many matches a search considers: the newest ones, ranked by relevance among them. Bounds
     * the work of a search for a word that thousands of articles contain: each match considered
     * costs about 0.15 ms of database time (measured at 1,000,000 articles).
     */
    @WithDefault("200")
    @Min(1)
    @Max(100000)
    int maxResults();
  }

  /** Work done once in the background after startup. */
  interface WarmUp {
    /**
     * Make the public article reads once right after startup (see {@code ReadWarmup}), so that the
     * first readers find their queries parsed.
     */
    @WithDefault("true")
    boolean enabled();
  }

  /** The event outbox that the changes feed and the webhooks read. */
  interface Events {
    /**
     * How long events are kept; a changes-feed cursor older than that is answered with 410 (the
     * client resyncs from the lists). Webhook deliveries are kept as long.
     */
    @WithDefault("30d")
    Duration retention();
  }

  /** Delivery of events to webhook endpoints. */
  interface Webhooks {
    /**
     * Deliver to addresses in private, loopback and link-local ranges (refused by default, so that
     * a webhook cannot reach into the network Feder runs in).
     */
    @WithDefault("false")
    boolean allowPrivateNetworks();

    /**
     * The waits before each retry of a failed delivery, comma-separated; after the last one the
     * delivery is marked failed. Each wait varies by up to a fifth either way (jitter).
     */
    @WithDefault("5s,30s,2m,15m,1h,6h")
    List<Duration> retryDelays();

    /** How long an endpoint may fail every attempt before Feder disables it. */
    @WithDefault("3d")
    Duration disableAfter();

    /** Deliveries sent at the same time by one instance. */
    @WithDefault("8")
    @Min(1)
    @Max(64)
    int concurrency();

    /** How long a delivery may take, to connect and to answer, before it counts as failed. */
    @WithDefault("10s")
    Duration timeout();
  }

  /** Draft previews: signed links that let their holder read one article as it stands. */
  interface Preview {
    /**
     * The key that signs preview tokens, at least 32 characters, the same on every instance. Unset:
     * a random key generated once and kept in the database, which every instance then shares.
     */
    Optional<String> secret();
  }

  /** Replays of creating POSTs sent again with the same {@code Idempotency-Key}. */
  interface Idempotency {
    /** How long the answer to a request with an {@code Idempotency-Key} is kept for replays. */
    @WithDefault("24h")
    Duration retention();
  }

  /** Where uploaded files and their renditions are kept. */
  interface Storage {
    /**
     * Local folder for the files, used when no S3 bucket is set; required in prod (dev: {@code
     * .feder/storage}). Instances that share a database must share this folder.
     */
    Optional<String> directory();

    /** An S3-compatible object store, used instead of the folder when a bucket is set. */
    S3 s3();

    /** An S3-compatible object store (AWS S3, MinIO, Ceph, Cloudflare R2, …). */
    interface S3 {
      /** The bucket; setting it switches storage to S3. */
      Optional<String> bucket();

      /** Endpoint of a store other than AWS, such as {@code http://minio:9000}. */
      Optional<java.net.URI> endpoint();

      /** Region of the bucket (stores other than AWS mostly ignore it). */
      @WithDefault("us-east-1")
      String region();

      /** Path-style requests ({@code endpoint/bucket/key}), which MinIO and Ceph need. */
      @WithDefault("false")
      boolean pathStyle();

      /** Prefix of every key, so that Feder can share a bucket with other data. */
      Optional<String> prefix();
    }
  }

  /** The media library: uploads, their limits and the renditions of images. */
  interface Assets {
    /** Largest file an upload may carry; a larger one is refused with 413. */
    @WithDefault("25M")
    MemorySize maxFileSize();

    /**
     * Most pixels (width × height) an uploaded image may declare; a larger one is refused with 413
     * before any decoding (decompression bombs).
     */
    @WithDefault("60000000")
    @Min(1)
    long maxPixels();

    /** Uploads received and processed at once; more are refused with 503 and Retry-After. */
    @WithDefault("4")
    @Min(1)
    int maxUploads();

    /** Renditions computed at once, each on a thread of its own (a CPU core each). */
    @WithDefault("2")
    @Min(1)
    int renditionThreads();

    /** Renditions that may wait for a thread; beyond them requests get 503 and Retry-After. */
    @WithDefault("32")
    @Min(0)
    int renditionQueue();

    /**
     * Most pixels one rendition decodes (about 3 bytes each, plus a quarter of that): large images
     * are decoded subsampled to stay below it.
     */
    @WithDefault("12000000")
    @Min(1000000)
    long renditionPixelBudget();

    /** The widths ({@code w}) a rendition may be asked for; others are a 400. */
    @WithDefault("64,160,320,480,640,800,960,1280,1600,1920,2560")
    java.util.List<Integer> widths();

    /** The heights ({@code h}) a rendition may be asked for; others are a 400. */
    @WithDefault("64,90,120,160,180,240,270,320,360,480,540,640,720,800,960,1080,1280,1440")
    java.util.List<Integer> heights();

    /** The qualities ({@code q}) a lossy rendition may be asked for; others are a 400. */
    @WithDefault("50,60,70,75,80,85,90")
    java.util.List<Integer> qualities();

    /** Quality of lossy renditions when {@code q} is not given (one of the qualities). */
    @WithDefault("80")
    int quality();

    /** Widths of the WebP renditions in the {@code srcset} of embedded images (of the widths). */
    @WithDefault("320,640,960,1280,1920")
    java.util.List<Integer> srcsetWidths();

    /**
     * Put before the asset URLs in responses, such as {@code https://cdn.example.org}; unset, they
     * are paths ({@code /api/v1/assets/…}) like the API's other links.
     */
    Optional<String> baseUrl();

    /**
     * A folder with libwebp's {@code cwebp} and {@code dwebp} of the system's own, instead of those
     * shipped for Linux and macOS on x86-64 and ARM.
     */
    Optional<java.nio.file.Path> libwebpDirectory();

    /**
     * How often stored files that no asset owns (left by a crash mid-upload) are removed ({@code
     * off}: never); read by the scheduler as {@code {feder.assets.sweep-interval}}.
     */
    @WithDefault("6h")
    String sweepInterval();

    /** How old a file without an asset must be before the sweep removes it (uploads in flight). */
    @WithDefault("1h")
    Duration sweepGrace();
  }
}
