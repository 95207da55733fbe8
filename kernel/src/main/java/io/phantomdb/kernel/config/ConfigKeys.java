package io.phantomdb.kernel.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every configuration key the kernel knows. {@code distribution/src/conf/phantomdb.conf}
 * documents exactly these (a unit test checks it). Keys of the form {@code
 * storage.<engine>.<option>} are engine options, see {@link EngineOptionKey}.
 */
public final class ConfigKeys {

  /** The storage engine to use, by the name its plugin gives it. */
  public static final ConfigKey<String> STORAGE_ENGINE =
      new ConfigKey<>(
          "storage.engine",
          ValueTypes.NAME_VALUE,
          "lsm",
          "storage engine, by name: lsm (RocksDB) or btree (LMDB); `phantomdb plugins` lists those installed");

  /** The directory holding all data. */
  public static final ConfigKey<Path> DATA_DIR =
      new ConfigKey<>(
          "data.dir",
          ValueTypes.PATH,
          "./data",
          "directory for all data (the storage engine uses <data.dir>/storage); relative to the working directory");

  /** The directory scanned for plugin zips. */
  public static final ConfigKey<Path> PLUGINS_DIR =
      new ConfigKey<>(
          "plugins.dir",
          ValueTypes.PATH,
          ValueTypes.HOME_PLACEHOLDER + "/plugins",
          "directory scanned for plugin zips at start; <home> is the installation directory");

  /** Plugin ids not to load. */
  public static final ConfigKey<List<String>> PLUGINS_DISABLED =
      new ConfigKey<>(
          "plugins.disabled",
          ValueTypes.ID_LIST,
          "",
          "plugin ids not to load, comma-separated (for example storage-lsm); empty loads every plugin");

  /** The pause between background version garbage collection passes. */
  public static final ConfigKey<java.time.Duration> TXN_GC_INTERVAL =
      new ConfigKey<>(
          "txn.gc.interval",
          ValueTypes.DURATION,
          "10s",
          "pause between background passes of version garbage collection (old row versions no "
              + "transaction can see are deleted); 0 turns the background passes off (VACUUM still runs one)");

  /** How long versions are kept even when no reader needs them. */
  public static final ConfigKey<java.time.Duration> TXN_GC_RETENTION =
      new ConfigKey<>(
          "txn.gc.retention",
          ValueTypes.DURATION,
          "0",
          "how long old row versions are kept even when no running statement or transaction can see them "
              + "(0: collect them as soon as possible, as PostgreSQL does); units ms, s, min, h, d");

  /** The protocol servers {@code phantomdb start} runs. */
  public static final ConfigKey<List<String>> PROTOCOLS =
      new ConfigKey<>(
          "protocols",
          ValueTypes.NAME_LIST,
          "pgwire",
          "protocol servers `phantomdb start` runs, comma-separated names (pgwire: PostgreSQL's wire protocol)");

  /** The isolation level of new transactions: the server's default_transaction_isolation. */
  public static final ConfigKey<String> TXN_DEFAULT_ISOLATION =
      new ConfigKey<>(
          "txn.default-isolation",
          ValueTypes.ISOLATION_LEVEL,
          "read committed",
          "isolation level of new transactions (the default of the session setting default_transaction_isolation): "
              + "read committed, repeatable read or serializable");

  /** How long a statement waits for a row lock: the server's lock_timeout. */
  public static final ConfigKey<java.time.Duration> TXN_LOCK_TIMEOUT =
      new ConfigKey<>(
          "txn.lock-timeout",
          ValueTypes.DURATION_MS,
          "0",
          "longest wait for a row lock before the statement fails with 55P03 (the default of the session "
              + "setting lock_timeout); 0 waits as long as it takes");

  /** How long a lock wait lasts before it looks for a deadlock: the server's deadlock_timeout. */
  public static final ConfigKey<java.time.Duration> TXN_DEADLOCK_TIMEOUT =
      new ConfigKey<>(
          "txn.deadlock-timeout",
          ValueTypes.DURATION_MS,
          "1s",
          "time a lock wait lasts before it checks for a deadlock (the default of the session setting "
              + "deadlock_timeout); at least 1ms");

  /** How long a statement may run: the server's statement_timeout. */
  public static final ConfigKey<java.time.Duration> SESSION_STATEMENT_TIMEOUT =
      new ConfigKey<>(
          "session.statement-timeout",
          ValueTypes.DURATION_MS,
          "0",
          "longest a statement may run (including waits for row locks) before it fails with 57014 (the default "
              + "of the session setting statement_timeout); 0 lets it run");

  /** How long a client may stay idle outside a transaction: the server's idle_session_timeout. */
  public static final ConfigKey<java.time.Duration> SESSION_IDLE_TIMEOUT =
      new ConfigKey<>(
          "session.idle-timeout",
          ValueTypes.DURATION_MS,
          "0",
          "longest a network client may stay idle outside a transaction before the server closes its connection "
              + "with FATAL 57P05 (the default of the session setting idle_session_timeout); 0: forever");

  /** How long a client may stay idle in a transaction: idle_in_transaction_session_timeout. */
  public static final ConfigKey<java.time.Duration> SESSION_IDLE_IN_TRANSACTION_TIMEOUT =
      new ConfigKey<>(
          "session.idle-in-transaction-timeout",
          ValueTypes.DURATION_MS,
          "0",
          "longest a network client may stay idle inside a transaction block before the server closes its "
              + "connection with FATAL 25P03 (the default of the session setting "
              + "idle_in_transaction_session_timeout); 0: forever");

  /** All keys, in the order the shipped file documents them. */
  public static final List<ConfigKey<?>> ALL =
      List.of(STORAGE_ENGINE, DATA_DIR, PLUGINS_DIR, PLUGINS_DISABLED, TXN_DEFAULT_ISOLATION, TXN_LOCK_TIMEOUT,
          TXN_DEADLOCK_TIMEOUT, TXN_GC_INTERVAL, TXN_GC_RETENTION, SESSION_STATEMENT_TIMEOUT, SESSION_IDLE_TIMEOUT,
          SESSION_IDLE_IN_TRANSACTION_TIMEOUT, PROTOCOLS);

  private ConfigKeys() {}

  /**
   * Looks a key up by name.
   *
   * @param name a key name
   * @return the key, or empty if no key has that name
   */
  public static Optional<ConfigKey<?>> byName(String name) {
    return ALL.stream().<ConfigKey<?>>map(k -> k).filter(k -> k.name().equals(name)).findFirst();
  }

  /**
   * The names of all keys plus the engine option pattern, for error messages.
   *
   * @return such as {@code data.dir, plugins.dir, ..., storage.<engine>.<option>}
   */
  public static String describeKnownKeys() {
    StringBuilder sb = new StringBuilder();
    ALL.stream().map(ConfigKey::name).sorted().forEach(n -> sb.append(n).append(", "));
    return sb.append(EngineOptionKey.PATTERN).append(", ").append(ProtocolOptionKey.PATTERN).toString();
  }
}
