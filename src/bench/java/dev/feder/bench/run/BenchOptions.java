package dev.feder.bench.run;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** The benchmark's command line, as run.sh passes it on (see src/bench/README.md). */
final class BenchOptions {

  /** The articles of the seed, for the report; 0: count those in the database. */
  int articles = 10_000;

  int duration = 30;
  int warmup = 10;

  /** Seconds of load over every scenario right after startup, before anything is measured. */
  int jitWarmup = 60;

  int connections = 32;
  int threads = 2;
  int port = 8088;
  int nginxPort = 8089;
  int cursorDepth = 5_000;
  int slugCount = 1_000;
  boolean twoInstances;
  List<String> modes = List.of("on", "off");

  /** Feder's recommended JVM settings for a small instance (README, Deployment). */
  String javaOpts = "-Xmx256m -XX:+UseSerialGC";

  /** The scenarios to run, comma-separated; null for all. */
  String only;

  Path out = Path.of("target/bench");
  Path benchDir = Path.of("src/bench");
  Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
  String wrk = "wrk";
  String nginx = "nginx";
  String commit = "";
  String dbDescription = "";

  /** The bootstrap admin token of the instances started, new for every run. */
  final String adminToken = "bench-" + UUID.randomUUID();

  static BenchOptions parse(String[] args) {
    BenchOptions o = new BenchOptions();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--two-instances")) {
        o.twoInstances = true;
        continue;
      }
      if (i + 1 == args.length) {
        throw new IllegalArgumentException("unknown option " + a + ", or it needs a value");
      }
      String v = args[++i];
      switch (a) {
        case "--articles" -> o.articles = Integer.parseInt(v);
        case "--duration" -> o.duration = seconds(v);
        case "--warmup" -> o.warmup = seconds(v);
        case "--jit-warmup" -> o.jitWarmup = seconds(v);
        case "--connections" -> o.connections = Integer.parseInt(v);
        case "--threads" -> o.threads = Integer.parseInt(v);
        case "--port" -> o.port = Integer.parseInt(v);
        case "--nginx-port" -> o.nginxPort = Integer.parseInt(v);
        case "--cursor-depth" -> o.cursorDepth = Integer.parseInt(v);
        case "--slugs" -> o.slugCount = Integer.parseInt(v);
        case "--modes" -> o.modes = List.of(v.split(","));
        case "--scenarios" -> o.only = v;
        case "--java-opts" -> o.javaOpts = v;
        case "--out" -> o.out = Path.of(v);
        case "--bench-dir" -> o.benchDir = Path.of(v);
        case "--jar" -> o.jar = Path.of(v);
        case "--wrk" -> o.wrk = v;
        case "--nginx" -> o.nginx = v;
        case "--commit" -> o.commit = v;
        case "--db" -> o.dbDescription = v;
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    for (String m : o.modes) {
      if (!m.equals("on") && !m.equals("off")) {
        throw new IllegalArgumentException("--modes takes on, off or on,off");
      }
    }
    return o;
  }

  /** 30 and 30s both mean 30 seconds. */
  static int seconds(String s) {
    return Integer.parseInt(s.replaceAll("s$", ""));
  }
}
