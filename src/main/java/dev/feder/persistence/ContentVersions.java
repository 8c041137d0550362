package dev.feder.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What may be kept in memory because it was read from the database (public responses, list totals),
 * and for how long: a thing read from the database stays valid until a change of one of the {@link
 * ContentTags tags} it was built from, by any instance or tool (see {@link ContentChanges}), or
 * until the next scheduled article goes live ({@link PublicationSchedule}).
 *
 * <p>The protocol for a cache, the same safety argument as a single content generation had, per
 * tag: note a {@link #begin() reading} before reading the database; {@link #keep} then registers
 * the result under its tags, and refuses when one of them changed after the reading was noted (the
 * change may have come too late for the read); a change later {@link Kept#end() ends} what is
 * registered under its tags. Every change is numbered as it is heard, and a change is heard only
 * after it was committed, so a read that began after its number was given saw it.
 *
 * <p>Changes that cannot be told apart (a reconnection of the listener, {@code *}) begin a new
 * epoch: nothing read in an earlier one is valid. While changes cannot be heard there is no current
 * epoch and nothing may be kept; what was kept before stays in memory for the response cache's
 * stale-if-error answers (see {@link #lastEpoch()}) until changes are heard again.
 */
@ApplicationScoped
public class ContentVersions {

  /** Something kept that a change of one of its tags ends. */
  public interface Kept {
    /** The content it was built from changed; called at most once per registration. */
    void end();
  }

  /** Everything read in one epoch is valid only in that epoch. */
  public static final class Epoch {}

  /**
   * Noted before reading the database.
   *
   * @param sequence the number of the last change heard by then
   * @param start when the reading began
   */
  public record Reading(Epoch epoch, long sequence, Instant start) {}

  /**
   * A tag's last change and what is kept under it. {@code dropped} once taken out of the map, so
   * that nothing registers under a state nobody finds any more.
   */
  private static final class TagState {
    long changedAt;
    Instant changedTime;
    boolean dropped;
    final Set<Kept> kept = Collections.newSetFromMap(new IdentityHashMap<>());

    TagState(long changedAt) {
      this.changedAt = changedAt;
    }
  }

  /**
   * How long the last change of a tag under which nothing is kept is remembered. A reading older
   * than this may find the tag forgotten and is then refused ({@link #floor}): no response takes
   * that long to build.
   */
  static final Duration REMEMBERED = Duration.ofMinutes(1);

  private final ContentChanges changes;
  private final PublicationSchedule schedule;
  private final Clock clock;
  private final AtomicLong sequence = new AtomicLong();
  private final Map<String, TagState> states = new ConcurrentHashMap<>();
  private final Object horizonLock = new Object();
  private volatile Epoch epoch = new Epoch();

  /** Every change of a tag no longer in {@link #states} had at most this number. */
  private volatile long floor;

  private volatile Instant lastSweep;
  private volatile Horizon horizon;

  /**
   * When the next scheduled article goes live, as of a reading, for readings after {@code from}.
   */
  private record Horizon(Reading reading, Instant from, Optional<Instant> next) {}

  public ContentVersions(ContentChanges changes, PublicationSchedule schedule, Clock clock) {
    this.changes = changes;
    this.schedule = schedule;
    this.clock = clock;
    this.lastSweep = clock.instant();
  }

  /** A reading to note before reading the database; null while changes cannot be heard. */
  public Reading begin() {
    Epoch current = epoch();
    return current == null ? null : new Reading(current, sequence.get(), clock.instant());
  }

  /** The current epoch; null while changes cannot be heard. */
  public Epoch epoch() {
    return changes.listening() ? epoch : null;
  }

  /**
   * The epoch of what was kept last: while changes cannot be heard, what was kept before the
   * instance went deaf, which may still be served as stale when the database cannot be reached.
   */
  public Epoch lastEpoch() {
    return epoch;
  }

  /** Since when changes cannot be heard; empty while they are. */
  public Optional<Instant> deafSince() {
    return changes.deafSince();
  }

  /**
   * Registers {@code kept}, read after {@code reading} was noted, under its tags, so that a change
   * of any of them {@link Kept#end() ends} it. Refuses (false) when one of the tags changed after
   * the reading was noted, when a new epoch began, or while changes cannot be heard: then it was
   * not registered at all.
   */
  public boolean keep(Reading reading, Collection<String> tags, Kept kept) {
    if (reading == null || epoch() != reading.epoch() || tags.isEmpty()) {
      return false;
    }
    List<String> registered = new ArrayList<>(tags.size());
    for (String tag : tags) {
      if (!register(tag, reading.sequence(), kept)) {
        release(registered, kept);
        return false;
      }
      registered.add(tag);
    }
    if (epoch() != reading.epoch()) {
      release(registered, kept);
      return false;
    }
    return true;
  }

  private boolean register(String tag, long since, Kept kept) {
    while (true) {
      TagState state = states.computeIfAbsent(tag, t -> new TagState(floor));
      synchronized (state) {
        if (state.dropped) {
          continue;
        }
        if (state.changedAt > since) {
          return false;
        }
        state.kept.add(kept);
        return true;
      }
    }
  }

  /** Takes {@code kept} off its tags: it is no longer kept (evicted, replaced or ended). */
  public void release(Collection<String> tags, Kept kept) {
    for (String tag : tags) {
      TagState state = states.get(tag);
      if (state == null) {
        continue;
      }
      synchronized (state) {
        state.kept.remove(kept);
        // A tag never changed since the floor is remembered by the floor as well.
        if (state.kept.isEmpty() && state.changedAt <= floor && !state.dropped) {
          state.dropped = true;
          states.remove(tag, state);
        }
      }
    }
  }

  /**
   * Whether nothing tagged {@code tag} changed since {@code reading} was noted, in the current
   * epoch: a result read then and depending only on that tag is still valid.
   */
  public boolean unchangedSince(Reading reading, String tag) {
    if (reading == null || epoch() != reading.epoch()) {
      return false;
    }
    TagState state = states.get(tag);
    long changedAt;
    if (state == null) {
      changedAt = floor;
    } else {
      synchronized (state) {
        changedAt = state.dropped ? floor : state.changedAt;
      }
    }
    return changedAt <= reading.sequence();
  }

  /**
   * Until when a result read after {@code reading} was noted may be kept: the moment the next
   * scheduled article goes live (the result does not show it), or never when none is scheduled. The
   * schedule is read from the database once per change of {@link ContentTags#ARTICLES}.
   */
  public Instant horizon(Reading reading) {
    Horizon known = horizon;
    if (covers(known, reading)) {
      return known.next().orElse(Instant.MAX);
    }
    synchronized (horizonLock) {
      known = horizon;
      if (covers(known, reading)) {
        return known.next().orElse(Instant.MAX);
      }
      Reading now = begin();
      // Anything scheduled after the reading began is not part of what was read.
      Optional<Instant> next = schedule.nextPublicationAfter(reading.start());
      if (now != null) {
        horizon = new Horizon(now, reading.start(), next);
      }
      return next.orElse(Instant.MAX);
    }
  }

  private boolean covers(Horizon known, Reading reading) {
    return known != null
        && !reading.start().isBefore(known.from())
        && known.next().map(next -> next.isAfter(reading.start())).orElse(true)
        && unchangedSince(known.reading(), ContentTags.ARTICLES);
  }

  /** Ends what is kept under the changed tags (and {@code <kind>:any} for each kind among them). */
  void onChange(@Observes ContentChanged change) {
    if (change.isEverything()) {
      // Nothing read before is valid: a new epoch, which those who keep things observe too.
      epoch = new Epoch();
      return;
    }
    long number = sequence.incrementAndGet();
    Instant now = clock.instant();
    for (String tag : ContentTags.withAnyOfKind(change.tags())) {
      for (Kept kept : changed(tag, number, now)) {
        kept.end();
      }
    }
    sweep(now);
  }

  private List<Kept> changed(String tag, long number, Instant now) {
    while (true) {
      TagState state = states.computeIfAbsent(tag, t -> new TagState(floor));
      synchronized (state) {
        if (state.dropped) {
          continue;
        }
        state.changedAt = number;
        state.changedTime = now;
        List<Kept> ended = List.copyOf(state.kept);
        state.kept.clear();
        return ended;
      }
    }
  }

  /**
   * Forgets the changes of tags under which nothing is kept, once they are older than {@link
   * #REMEMBERED}; the floor remembers the newest of them for the readings that might still ask.
   */
  private void sweep(Instant now) {
    if (now.isBefore(lastSweep.plus(REMEMBERED))) {
      return;
    }
    lastSweep = now;
    Instant before = now.minus(REMEMBERED);
    for (Map.Entry<String, TagState> entry : states.entrySet()) {
      TagState state = entry.getValue();
      synchronized (state) {
        if (state.kept.isEmpty()
            && !state.dropped
            && (state.changedTime == null || state.changedTime.isBefore(before))) {
          if (state.changedAt > floor) {
            floor = state.changedAt;
          }
          state.dropped = true;
          states.remove(entry.getKey(), state);
        }
      }
    }
  }

  /** How many tags are remembered, for tests of the bookkeeping. */
  int rememberedTags() {
    return states.size();
  }
}
