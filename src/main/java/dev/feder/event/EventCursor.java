package dev.feder.event;

import dev.feder.error.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A place in the event stream: every event up to and including ({@code xid}, {@code position}) has
 * been read. Events are read in that order, and only once they are final (see V19__events.sql), so
 * a reader that continues after its cursor never misses or repeats one.
 *
 * @param xid the id of the transaction that wrote the last event read (PostgreSQL's xid8)
 * @param position that event's position
 */
public record EventCursor(long xid, long position) implements Comparable<EventCursor> {

  /** Before every event. */
  public static final EventCursor START = new EventCursor(0, 0);

  private static final String PREFIX = "e1.";

  /** The opaque form sent to clients. */
  public String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + xid + "." + position).getBytes(StandardCharsets.US_ASCII));
  }

  /** A cursor this API issued, sent back as the parameter {@code name}; anything else is a 400. */
  public static EventCursor decode(String raw, String name) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.US_ASCII);
      if (text.startsWith(PREFIX)) {
        String[] parts = text.substring(PREFIX.length()).split("\\.", -1);
        if (parts.length == 2) {
          long xid = Long.parseLong(parts[0]);
          long position = Long.parseLong(parts[1]);
          if (xid >= 0 && position >= 0) {
            return new EventCursor(xid, position);
          }
        }
      }
    } catch (IllegalArgumentException e) {
      // reported below (NumberFormatException is one too)
    }
    throw ProblemException.badParameter(name, "is not a cursor this API issued");
  }

  @Override
  public int compareTo(EventCursor other) {
    int byXid = Long.compare(xid, other.xid);
    return byXid != 0 ? byXid : Long.compare(position, other.position);
  }
}
