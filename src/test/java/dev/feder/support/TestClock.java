package dev.feder.support;

import dev.feder.persistence.ContentChanged;
import jakarta.enterprise.event.Event;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The application's clock in the tests, in place of the system clock that {@code SystemClock}
 * gives: the system's time, unless a test stops it to move it by hand, so that a scheduled article
 * goes live at a moment the test chooses instead of one it has to race.
 *
 * <p>A test that stops the clock resumes it in a {@code finally}. Resuming may turn the time back;
 * it counts as a change of content, so that nothing kept while the clock was ahead outlives it.
 */
@Singleton
public class TestClock extends Clock {

  private final Event<ContentChanged> changed;
  private volatile Instant stopped;

  public TestClock(Event<ContentChanged> changed) {
    this.changed = changed;
  }

  /** Stops the clock at the current moment (to the millisecond, as Feder keeps times). */
  public Instant stop() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    stopped = now;
    return now;
  }

  /** Moves the stopped clock to {@code instant}. */
  public void set(Instant instant) {
    if (stopped == null) {
      throw new IllegalStateException("stop() the clock before moving it");
    }
    stopped = instant;
  }

  /** Lets the clock run with the system's time again. */
  public void resume() {
    stopped = null;
    changed.fire(ContentChanged.everything());
  }

  @Override
  public Instant instant() {
    Instant now = stopped;
    return now != null ? now : Instant.now();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("Feder reads instants only");
  }
}
