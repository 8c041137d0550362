package dev.feder.feed;

import java.time.Instant;
import java.util.List;

/**
 * A feed before it is written as RSS or Atom.
 *
 * @param id permanent identifier (Atom {@code id})
 * @param title the channel's title
 * @param link the website the feed belongs to
 * @param description what the feed holds
 * @param updated when an entry last changed; a fixed instant for an empty feed, so its ETag holds
 * @param entries the newest articles, newest first
 */
record Feed(
    String id,
    String title,
    String link,
    String description,
    Instant updated,
    List<FeedEntry> entries) {}
