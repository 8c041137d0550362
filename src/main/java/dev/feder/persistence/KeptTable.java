package dev.feder.persistence;

import dev.feder.persistence.ContentVersions.Reading;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A small table read whole and remembered until a change of one of its tags is heard ({@link
 * ContentVersions}), made by any instance or tool: what answers embed over and over (authors in
 * bylines, categories in articles), so that reads name the rows by id instead of joining them.
 * While changes cannot be heard, the table is read on every use, as nothing is kept then.
 *
 * <p>Read it after the statement that named the rows has given its connection back: reading the
 * table again takes a connection of its own.
 *
 * @param <K> the key of a row
 * @param <V> a row, immutable
 */
public final class KeptTable<K, V> {

  /** The rows as read after {@code reading} was noted, until a change of a tag ends them. */
  private static final class Snapshot<K, V> implements ContentVersions.Kept {
    final Reading reading;
    final Map<K, V> rows;
    volatile boolean ended;

    Snapshot(Reading reading, Map<K, V> rows) {
      this.reading = reading;
      this.rows = rows;
    }

    @Override
    public void end() {
      ended = true;
    }
  }

  private final ContentVersions versions;
  private final List<String> tags;
  private final Supplier<Map<K, V>> read;
  private volatile Snapshot<K, V> snapshot;

  /**
   * @param tags what a change of ends the remembered rows, typically {@code <kind>:any}
   * @param read reads every row
   */
  public KeptTable(ContentVersions versions, List<String> tags, Supplier<Map<K, V>> read) {
    this.versions = versions;
    this.tags = List.copyOf(tags);
    this.read = read;
  }

  /**
   * The rows, holding at least {@code keys}: read again when one of the tags changed since they
   * were read, or when they lack one of the keys (a row added a moment ago whose change was not
   * heard yet). A key the table does not have even then is simply not among them.
   */
  public Map<K, V> rowsWith(Collection<K> keys) {
    Snapshot<K, V> known = current(null);
    // Twice at most: another caller's rows, taken the first time, may have been read before.
    for (int i = 0; i < 2 && !known.rows.keySet().containsAll(keys); i++) {
      known = current(known);
    }
    return known.rows;
  }

  /**
   * The rows as remembered, or as read again when a change ended them, a new epoch began, or what
   * is remembered is {@code outdated}. One caller at a time reads them again while changes can be
   * heard; while they cannot, each reads for itself and nothing is kept.
   */
  private Snapshot<K, V> current(Snapshot<K, V> outdated) {
    Snapshot<K, V> known = snapshot;
    if (valid(known, outdated)) {
      return known;
    }
    if (versions.begin() == null) {
      return new Snapshot<>(null, Map.copyOf(read.get()));
    }
    synchronized (this) {
      known = snapshot;
      if (valid(known, outdated)) {
        return known;
      }
      Reading reading = versions.begin();
      Snapshot<K, V> fresh = new Snapshot<>(reading, Map.copyOf(read.get()));
      if (known != null) {
        versions.release(tags, known);
      }
      snapshot = versions.keep(reading, tags, fresh) ? fresh : null;
      return fresh;
    }
  }

  private boolean valid(Snapshot<K, V> known, Snapshot<K, V> outdated) {
    return known != null
        && known != outdated
        && !known.ended
        && versions.epoch() == known.reading.epoch();
  }
}
