package dev.feder.feed;

import java.time.Instant;

/** One page in the sitemap: its URL and when it last changed. */
record SitemapUrl(String loc, Instant lastModified) {}
