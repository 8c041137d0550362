package dev.feder.persistence;

/** Public content may have changed: categories, authors, articles or their links. */
public record ContentChanged() {}
