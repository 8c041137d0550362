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
}
