package io.phantomdb.spi.storage;

/**
 * A handle to a named keyspace of one {@link StorageEngine}: an independent ordered key space,
 * like a RocksDB column family or an LMDB named database.
 *
 * <p>Handles are obtained from {@link StorageEngine#createKeyspace(String)} or {@link
 * StorageEngine#keyspace(String)} and are valid only with the engine that issued them, until that
 * keyspace is dropped or the engine is closed. Passing a handle to another engine throws {@link
 * IllegalArgumentException}; using the handle of a dropped keyspace throws {@link
 * UnknownKeyspaceException}.
 *
 * <p>Handles are immutable and thread-safe. Implementations are supplied by the engine.
 */
public interface Keyspace {

  /**
   * The keyspace's name as given at creation.
   *
   * @return the name; never null
   */
  String name();
}
