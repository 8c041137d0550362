package dev.feder.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The clock that decides what is public now and when kept answers expire: the system's, in UTC. A
 * default bean, so that the tests can put a clock of their own in its place and move time on
 * instead of waiting for a scheduled article to go live.
 */
@Singleton
public class SystemClock {

  @Produces
  @Singleton
  @DefaultBean
  Clock clock() {
    return Clock.systemUTC();
  }
}
