package io.phantomdb.kernel.cli.sql;

import io.phantomdb.kernel.sql.Session;
import io.phantomdb.kernel.sql.SqlEngine;
import io.phantomdb.kernel.txn.gc.GcSettings;
import io.phantomdb.spi.storage.StorageEngine;
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
