package dev.feder.web;

/**
 * A representation that names the content it shows, so that Feder's response cache and CDNs drop it
 * when that content changes (see {@link dev.feder.persistence.ContentTags}). Response records
 * implement it and name themselves and what they embed; {@link HttpCaching} asks the entity of
 * every public answer.
 */
public interface CacheTagged {

  /** Adds the tags of the content this representation shows, embedded items included. */
  void addCacheTags(CacheTags tags);
}
