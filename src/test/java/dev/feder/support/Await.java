package dev.feder.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting for what the application does a moment later, such as hearing a change by SQL. */
public final class Await {

  private Await() {}

  /**
   * Reads until {@code done} holds for what was read or {@code timeout} has passed, and returns the
   * last value read: the test asserts on it, so a timeout fails with what was seen.
   */
  public static <T> T until(Supplier<T> read, Predicate<? super T> done, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    T seen = read.get();
    while (!done.test(seen) && Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return seen;
      }
      seen = read.get();
    }
    return seen;
  }
}
