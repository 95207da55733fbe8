package io.phantomdb.kernel.cli.sql;

import io.phantomdb.kernel.error.OperatorException;
import io.phantomdb.kernel.sql.Session;
import io.phantomdb.spi.storage.StorageEngine;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Objects;

/**
 * The SQL engine running in this process on an open storage engine, as {@code phantomdb sql} and
 * the sqllogictest runner use it. It is the only class outside {@code io.phantomdb.kernel.sql}
 * that names {@code io.phantomdb.kernel.sql.SqlEngine}.
 *
 * <p><b>Until {@code SqlEngine} is merged</b> (it is written on another branch) this class reaches
 * it by name, {@code SqlEngine.open(StorageEngine)}, {@code newSession()} and {@code close()}, so
 * that the shell and the runner compile and start working the moment the engine is on the class
 * path; without it {@link #open} fails with one line. Once merged, the three reflective calls
 * become direct ones:
 *
 * <pre>{@code
 * private final SqlEngine engine;
 * public static EmbeddedSql open(StorageEngine storage) { return new EmbeddedSql(SqlEngine.open(storage)); }
 * public Session newSession() { return engine.newSession(); }
 * public void close() { engine.close(); }
 * }</pre>
 *
 * <p>Closing does not close the storage engine; its owner does, after this.
 */
public final class EmbeddedSql implements AutoCloseable {
  static final String ENGINE_CLASS = "io.phantomdb.kernel.sql.SqlEngine";

  private final Object engine;
  private final Method newSession;
  private final Method close;
  private boolean closed;

  private EmbeddedSql(Object engine, Method newSession, Method close) {
    this.engine = engine;
    this.newSession = newSession;
    this.close = close;
  }

  /**
   * Whether this build has the SQL engine.
   *
   * @return true if {@code io.phantomdb.kernel.sql.SqlEngine} is on the class path
   */
  public static boolean available() {
    return engineClass() != null;
  }

  /**
   * Starts the SQL engine on a storage engine: reads (or creates) its catalog there.
   *
   * @param storage the open storage engine; stays open and owned by the caller
   * @return the engine
   * @throws OperatorException if this build has no SQL engine
   * @throws RuntimeException whatever the SQL engine throws when it cannot start
   */
  public static EmbeddedSql open(StorageEngine storage) {
    Objects.requireNonNull(storage, "storage");
    Class<?> type = engineClass();
    if (type == null) {
      throw new OperatorException("this build of PhantomDB has no SQL engine yet ("
          + ENGINE_CLASS + " is missing)");
    }
    try {
      Object engine = invoke(type.getMethod("open", StorageEngine.class), null, storage);
      return new EmbeddedSql(engine, type.getMethod("newSession"), type.getMethod("close"));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(ENGINE_CLASS + " lacks a method this class calls", e);
    }
  }

  private static Object invoke(Method method, Object target, Object... args) {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Class<?> engineClass() {
    try {
      return Class.forName(ENGINE_CLASS, true, EmbeddedSql.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  /**
   * Opens a session on the engine's default database.
   *
   * @return a new session; the caller closes it
   */
  public Session newSession() {
    return (Session) invoke(newSession, engine);
  }

  /** Stops the engine. Idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      invoke(close, engine);
    }
  }
}
