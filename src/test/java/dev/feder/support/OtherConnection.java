package dev.feder.support;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Changes made straight in the database, on a connection of their own outside any request, as a
 * maintenance script or another instance would: the triggers tell the application, a moment later.
 */
public final class OtherConnection {

  private OtherConnection() {}

  /** Runs one statement with these values bound by position; how many rows it changed. */
  public static int update(AgroalDataSource dataSource, String statement, Object... values)
      throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(statement)) {
      for (int i = 0; i < values.length; i++) {
        update.setObject(i + 1, values[i]);
      }
      return update.executeUpdate();
    }
  }
}
