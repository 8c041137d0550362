package dev.feder.bench.seed;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * A binary COPY FROM STDIN. The server then reads each value as it is instead of splitting text
 * lines and parsing every field: with text COPY a fifth of PostgreSQL's CPU in a load went to
 * CopyReadLine, CopyReadAttributesText and tsvector's text input (perf, 100,000 articles).
 */
final class CopyOut implements AutoCloseable {
  /** The signature, the flags (no OIDs) and the length of the header extension (none). */
  static final byte[] HEADER = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
  };

  static final byte[] TRAILER = {(byte) 0xff, (byte) 0xff};

  final PGCopyOutputStream out;
  boolean finished;

  CopyOut(Connection c, String target) throws SQLException, IOException {
    out =
        new PGCopyOutputStream(
            c.unwrap(PGConnection.class),
            "copy " + target + " from stdin (format binary)",
            1 << 20);
    out.write(HEADER);
  }

  /** Sends the rows written so far and empties the buffer for the next ones. */
  void write(BinaryRows rows) throws IOException {
    out.write(rows.bytes, 0, rows.length);
    rows.length = 0;
  }

  /** Ends the COPY: the rows sent are stored (with the transaction, where there is one). */
  void finish() throws IOException {
    out.write(TRAILER);
    finished = true;
    out.close();
  }

  /** Without finish (an exception on the way), cancels the COPY: none of its rows are stored. */
  @Override
  public void close() throws IOException {
    if (!finished) {
      try {
        out.cancelCopy();
      } catch (SQLException e) {
        throw new IOException(e);
      }
    }
  }
}
