package io.phantomdb.kernel.cli.sql;

import io.phantomdb.kernel.sql.Session;
import io.phantomdb.kernel.sql.SqlEngine;
import io.phantomdb.kernel.txn.gc.GcSettings;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.kernel.config.Config;
import io.phantomdb.kernel.config.ConfigKeys;
import java.util.Map;
import java.util.Objects;

/**
 * The SQL engine running in this process on an open storage engine, as {@code phantomdb sql} and
 * the sqllogictest runner use it. Closing does not close the storage engine; its owner does, after
 * this.
 */
public final class EmbeddedSql implements AutoCloseable {
  private final SqlEngine engine;
  private boolean closed;

  private EmbeddedSql(SqlEngine engine) {
    this.engine = engine;
  }

  /**
   * Starts the SQL engine on a storage engine: reads (or creates) its catalog there.
   *
   * @param storage the open storage engine; stays open and owned by the caller
   * @return the engine
   */
  public static EmbeddedSql open(StorageEngine storage) {
    return open(storage, GcSettings.DEFAULT);
  }

  /**
   * Starts the SQL engine with version garbage collection settings ({@code txn.gc.*}).
   *
   * @param storage the open storage engine; stays open and owned by the caller
   * @param gc the garbage collection settings
   * @return the engine
   */
  public static EmbeddedSql open(StorageEngine storage, GcSettings gc) {
    return new EmbeddedSql(SqlEngine.open(Objects.requireNonNull(storage, "storage"), gc));
  }

  /**
   * Starts the SQL engine with the configuration's {@code txn.*} keys: the defaults of session
   * settings (default_transaction_isolation, lock_timeout, deadlock_timeout) and the {@code session.*} keys (statement_timeout,
   * idle_session_timeout, idle_in_transaction_session_timeout) and version garbage
   * collection ({@code txn.gc.*}).
   *
   * @param storage the open storage engine; stays open and owned by the caller
   * @param config the configuration
   * @return the engine
   */
  public static EmbeddedSql open(StorageEngine storage, Config config) {
    Map<String, String> defaults = Map.of(
        "default_transaction_isolation", config.get(ConfigKeys.TXN_DEFAULT_ISOLATION),
        "lock_timeout", config.get(ConfigKeys.TXN_LOCK_TIMEOUT).toMillis() + "ms",
        "deadlock_timeout", config.get(ConfigKeys.TXN_DEADLOCK_TIMEOUT).toMillis() + "ms",
        "statement_timeout", config.get(ConfigKeys.SESSION_STATEMENT_TIMEOUT).toMillis() + "ms",
        "idle_session_timeout", config.get(ConfigKeys.SESSION_IDLE_TIMEOUT).toMillis() + "ms",
        "idle_in_transaction_session_timeout",
        config.get(ConfigKeys.SESSION_IDLE_IN_TRANSACTION_TIMEOUT).toMillis() + "ms");
    return new EmbeddedSql(SqlEngine.open(Objects.requireNonNull(storage, "storage"), GcSettings.from(config), defaults));
  }

  /**
   * Opens a session on the engine's default database.
   *
   * @return a new session; the caller closes it
   */
  public Session newSession() {
    return engine.newSession();
  }

  /**
   * The engine, for the protocol servers' sessions.
   *
   * @return the SQL engine
   */
  public SqlEngine engine() {
    return engine;
  }

  /** Stops the engine. Idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      engine.close();
    }
  }
}
