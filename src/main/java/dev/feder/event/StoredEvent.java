package dev.feder.event;

/**
 * An event as read back from the outbox, with its place in the stream and what it did to the public
 * view.
 */
public record StoredEvent(EventCursor cursor, PublicChange publicChange, Event event) {}
