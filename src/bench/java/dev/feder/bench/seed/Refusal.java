package dev.feder.bench.seed;

/** The seeder will not do what it was asked: wrong options, or a database it must not touch. */
final class Refusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Refusal(String message) {
    super(message);
  }
}
