package io.phantomdb.kernel.sql.expr;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What expressions read from the session that runs them: the database, the schemas of the
 * search path, the user, the settings and the time zone ({@code current_database()}, {@code
 * current_schema()}, {@code current_setting()}, timestamptz conversions).
 */
public interface SessionContext {
  /** A session in database {@code postgres} with search path {@code public}, in UTC. */
  SessionContext DEFAULT = of(ZoneOffset.UTC);

  /** @return the session's database */
  String database();

  /** @return the schemas of the search path that exist, in order */
  List<String> searchPath();

  /** @return the session user ({@code current_user}, {@code session_user}) */
  String user();

  /**
   * @param name a configuration parameter
   * @return its value, as SHOW gives it
   * @throws io.phantomdb.kernel.sql.SqlException 42704 if there is no such parameter
   */
  String setting(String name);

  /** @return the session time zone */
  ZoneId timeZone();

  /**
   * @return the catalog the statement runs against (system catalogs and catalog functions read
   *     it), or null where there is none (constant folding)
   */
  default io.phantomdb.kernel.sql.catalog.CatalogSnapshot catalog() {
    return null;
  }

  /** @return the id of the session's database in {@link #catalog()}, 0 where there is none */
  default int databaseId() {
    return 0;
  }

  /** @return what pg_backend_pid() returns: the session's id */
  default int backendPid() {
    return 0;
  }

  /**
   * @return name, value and description of every known parameter (SHOW ALL, pg_settings); empty
   *     where there is no session
   */
  default List<String[]> allSettings() {
    return List.of();
  }

  /**
   * @param zone a time zone
   * @return the default session (database {@code postgres}, search path {@code public}, user
   *     {@code postgres}, no settings) in that zone
   */
  static SessionContext of(ZoneId zone) {
    return new SessionContext() {
      @Override
      public String database() {
        return "postgres";
      }

      @Override
      public List<String> searchPath() {
        return List.of("public");
      }

      @Override
      public String user() {
        return "postgres";
      }

      @Override
      public String setting(String name) {
        throw new io.phantomdb.kernel.sql.SqlException(io.phantomdb.kernel.sql.SqlState.UNDEFINED_OBJECT,
            "unrecognized configuration parameter \"" + name + "\"");
      }

      @Override
      public ZoneId timeZone() {
        return zone;
      }
    };
  }
}
