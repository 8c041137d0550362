package dev.feder.bench.seed;

/**
 * An article's search vector as {@link Vectors} built it: entries of (rank << 32 | position << 2 |
 * part) in the order of the rank, then the position, one per lexeme and position; the part is 0 for
 * the title, 1 for subtitle with excerpt, 2 for the body.
 */
record SearchVector(long[] entries, int count, Vectors.Order order) {

  /** tsvector's binary form (tsvectorsend): lexemes in order, positions ascending. */
  void write(BinaryRows b) {
    int at = b.begin();
    int lexemes = 0;
    for (int k = 0; k < count; k++) {
      lexemes += k == 0 || rank(k) != rank(k - 1) ? 1 : 0;
    }
    b.raw4(lexemes);
    for (int k = 0; k < count; ) {
      int end = k + 1;
      while (end < count && rank(end) == rank(k)) {
        end++;
      }
      byte[] lexeme = order.utf8()[rank(k)];
      b.raw(lexeme, 0, lexeme.length).raw1(0).int2(end - k);
      for (; k < end; k++) {
        int low = (int) entries[k];
        // weight A (3) for the title, B for subtitle and excerpt, C for the body
        b.int2((3 - (low & 3)) << 14 | low >>> 2);
      }
    }
    b.patch4(at, b.length - at - 4);
  }

  /** tsvector's text form, for comparing with PostgreSQL's. */
  String text() {
    StringBuilder t = new StringBuilder(count * 12);
    for (int k = 0; k < count; k++) {
      if (k == 0 || rank(k) != rank(k - 1)) {
        t.append(k == 0 ? "" : " ").append(order.quoted()[rank(k)]);
      } else {
        t.append(',');
      }
      int low = (int) entries[k];
      t.append(low >>> 2).append((char) ('A' + (low & 3)));
    }
    return t.toString();
  }

  int rank(int k) {
    return (int) (entries[k] >>> 32);
  }
}
