package dev.feder.bench.run;

import java.util.List;

/**
 * One kind of request that the benchmark measures.
 *
 * @param what the request in words, for the report
 * @param paths the URLs (path and query) that wrk requests in turn
 */
record Scenario(String name, String what, List<String> paths) {}
