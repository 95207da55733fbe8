package io.phantomdb.kernel.sql.session;

import io.phantomdb.kernel.sql.expr.SessionContext;
import java.time.ZoneId;
import java.util.List;

/**
 * A session as one statement's expressions see it.
 *
 * @param database the session's database
 * @param searchPath the schemas of its search path that exist ({@link SearchPath#effective})
 * @param settings its settings
 * @param backendPid what pg_backend_pid() returns
 * @param catalog the catalog the statement runs against, or null
 * @param databaseId the database's id in it
 */
public record SessionView(String database, List<String> searchPath, SessionSettings settings, int backendPid,
    io.phantomdb.kernel.sql.catalog.CatalogSnapshot catalog, int databaseId)
    implements SessionContext {

  /**
   * A view with backend id 0.
   *
   * @param database the database
   * @param searchPath the existing schemas of the path
   * @param settings the settings
   */
  public SessionView(String database, List<String> searchPath, SessionSettings settings) {
    this(database, searchPath, settings, 0, null, 0);
  }

  @Override
  public List<String[]> allSettings() {
    return settings.all();
  }

  @Override
  public String user() {
    return settings.get("session_authorization");
  }

  @Override
  public String setting(String name) {
    return settings.get(name);
  }

  @Override
  public ZoneId timeZone() {
    return settings.timeZone();
  }
}
