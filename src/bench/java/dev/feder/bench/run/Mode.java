package dev.feder.bench.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A configuration of Feder that the benchmark measures: cache on or off. */
record Mode(String name, Map<String, String> env) {

  static Mode of(String onOrOff) {
    boolean on = onOrOff.equals("on");
    return new Mode(
        on ? "cache on" : "cache off", Map.of("FEDER_HTTP_CACHE_ENABLED", String.valueOf(on)));
  }

  /** "on" or "off", as --modes names it. */
  String key() {
    return env.get("FEDER_HTTP_CACHE_ENABLED").equals("true") ? "on" : "off";
  }

  /** What was measured in one mode. */
  static final class Run {
    final Mode mode;
    long startupMs;
    String quarkusStartedIn;
    long idleRssKb;
    long maxRssKb;
    final List<Result> results = new ArrayList<>();

    /** The same scenarios at one connection: the latency of a request that does not queue. */
    final List<Result> alone = new ArrayList<>();

    final List<String> consistency = new ArrayList<>();
    Boolean consistent;

    Run(Mode mode) {
      this.mode = mode;
    }
  }
}
