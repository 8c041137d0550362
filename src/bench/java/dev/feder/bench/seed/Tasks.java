package dev.feder.bench.seed;

import static dev.feder.bench.seed.Log.log;
import static dev.feder.bench.seed.Log.since;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Statements that may run side by side (index builds, vacuums), each logged with its time. */
final class Tasks {

  /** A statement or a few, run on a connection of its own. */
  record Task(String name, Step step) {}

  interface Step {
    void run(Statement s) throws SQLException;
  }

  private Tasks() {}

  /**
   * Runs the tasks in their order over up to {@code jobs} connections at once, each with the
   * session settings of {@link Database#connect} (maintenance work memory per build).
   */
  static void run(Database db, int jobs, List<Task> tasks) throws Exception {
    ConcurrentLinkedQueue<Task> queue = new ConcurrentLinkedQueue<>(tasks);
    onWorkers(
        Math.min(jobs, Math.max(1, tasks.size())),
        () -> {
          try (Connection c = db.connect();
              Statement s = c.createStatement()) {
            for (Task task; (task = queue.poll()) != null; ) {
              long t = System.nanoTime();
              task.step().run(s);
              log("  %s (%s)", task.name(), since(t));
            }
          }
        });
  }

  /** The work of one worker thread. */
  interface Work {
    void run() throws Exception;
  }

  /** Runs {@code work} on {@code workers} threads at once and waits for all; rethrows a failure. */
  static void onWorkers(int workers, Work work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      done.add(
          pool.submit(
              () -> {
                work.run();
                return null;
              }));
    }
    pool.shutdown();
    for (Future<?> f : done) {
      f.get();
    }
  }
}
