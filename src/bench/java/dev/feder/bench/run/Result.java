package dev.feder.bench.run;

/**
 * What one wrk run measured.
 *
 * @param compilerCores CPU of the JIT's compiler threads during the run, in cores; NaN when not
 *     sampled
 */
record Result(
    String scenario,
    double rps,
    double p50ms,
    double p90ms,
    double p99ms,
    double maxMs,
    long requests,
    long errors,
    long non2xx,
    double mbPerSecond,
    long maxRssKb,
    double compilerCores) {

  /** The same figures, for the scenario named. */
  Result named(String name) {
    return new Result(
        name,
        rps,
        p50ms,
        p90ms,
        p99ms,
        maxMs,
        requests,
        errors,
        non2xx,
        mbPerSecond,
        maxRssKb,
        compilerCores);
  }
}
