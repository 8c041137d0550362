package dev.feder.feed;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One article in a feed.
 *
 * @param id the article's id
 * @param link the article's page on the website
 * @param summary the excerpt, if any
 * @param updated the later of the last edit and the publication (an article scheduled ahead goes
 *     live after its last edit)
 * @param authors the byline's names, in order
 */
record FeedEntry(
    UUID id,
    String title,
    String link,
    String summary,
    Instant published,
    Instant updated,
    List<String> authors,
    String categorySlug,
    String categoryName) {}
