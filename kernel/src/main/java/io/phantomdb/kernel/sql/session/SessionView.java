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
 */
public record SessionView(String database, List<String> searchPath, SessionSettings settings)
    implements SessionContext {

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
