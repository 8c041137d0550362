package dev.feder.storage;

import java.time.Instant;

/**
 * An object in the {@link BlobStorage}.
 *
 * @param key its key
 * @param size its length in bytes
 * @param lastModified when it was written
 */
public record Blob(String key, long size, Instant lastModified) {}
