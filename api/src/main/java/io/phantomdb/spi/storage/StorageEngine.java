package io.phantomdb.spi.storage;

import java.nio.file.Path;
import java.util.List;

/**
 * One open ordered key-value store: named {@link Keyspace keyspaces} of byte keys in unsigned
 * lexicographic order (see the package documentation), atomic {@link WriteBatch write batches},
 * consistent {@link ReadSnapshot snapshots} and {@link #checkpoint(Path) checkpoints}.
 *
 * <p>Obtained from {@link StorageEngineFactory#open(StorageContext)}. Reads through the engine
 * itself ({@link #get}, {@link #scan}) see the latest written state.
 *
 * <p><b>Semantics:</b>
 * <ol>
 *   <li>A write batch is atomic and isolated: a reader (get, cursor, snapshot) sees all of a batch
 *       or none of it, never part.
 *   <li>Writes are linearizable: once {@link #write} returns, every read that starts afterwards,
 *       from any thread, sees the batch.
 *   <li>Durability is per batch, as its {@link Durability} says. After a crash the store holds a
 *       prefix of the batches acknowledged before it, containing at least every batch acknowledged
 *       {@link Durability#SYNC SYNC} and everything written before it.
 *   <li>Keyspaces are durable as soon as {@link #createKeyspace} or {@link #dropKeyspace} returns.
 * </ol>
 *
 * <p><b>Threading:</b> thread-safe. Any number of threads may read, write, snapshot and scan at
 * once; concurrent writes are applied in some serial order. Keyspace creation and dropping may run
 * concurrently with reads and writes of other keyspaces.
 *
 * <p><b>Lifecycle:</b> the engine owns its directory until {@link #close()}. Every cursor and
 * snapshot must be closed before the engine. After close every method except {@code close}
 * throws {@link StorageClosedException}; close is idempotent.
 */
public interface StorageEngine extends KeyValueReader, AutoCloseable {

  /**
   * Creates a keyspace, or returns the existing one of that name. Idempotent.
   *
   * @param name a non-empty name of at most 200 characters from {@code [A-Za-z0-9_.-]}
   * @return its handle
   * @throws IllegalArgumentException if the name is not allowed
   * @throws StorageClosedException if the engine is closed
   * @throws StorageException if the keyspace cannot be created
   */
  Keyspace createKeyspace(String name);

  /**
   * Looks up an existing keyspace.
   *
   * @param name the keyspace name
   * @return its handle
   * @throws UnknownKeyspaceException if no keyspace has that name; the message lists the ones
   *     that exist
   * @throws StorageClosedException if the engine is closed
   */
  Keyspace keyspace(String name);

  /**
   * The names of all keyspaces.
   *
   * @return the names in ascending order; never null
   * @throws StorageClosedException if the engine is closed
   */
  List<String> keyspaces();

  /**
   * Drops a keyspace and all its keys. Existing handles to it become invalid; snapshots taken
   * before the drop may still read it or may throw {@link UnknownKeyspaceException}, as the engine
   * documents. Must not be called while cursors on the keyspace are open.
   *
   * @param name the keyspace name
   * @throws UnknownKeyspaceException if no keyspace has that name
   * @throws StorageClosedException if the engine is closed
   * @throws StorageException if the keyspace cannot be dropped
   */
  void dropKeyspace(String name);

  /**
   * Applies a batch atomically (see the class semantics). An empty batch is a no-op that, with
   * {@link Durability#SYNC}, still makes every earlier batch durable.
   *
   * @param batch the operations; keyspaces must belong to this engine
   * @param durability when the batch must be on stable storage
   * @throws UnknownKeyspaceException if the batch names a dropped keyspace; nothing is applied
   * @throws IllegalArgumentException if a key is longer than {@link #maxKeyLength()} or a value
   *     longer than {@link #maxValueLength()}, or the batch names another engine's keyspace;
   *     nothing is applied
   * @throws StorageFullException if the disk or the engine's configured space is exhausted;
   *     nothing is applied
   * @throws StorageClosedException if the engine is closed
   * @throws StorageException on any other failure; nothing is applied
   */
  void write(WriteBatch batch, Durability durability);

  /**
   * Takes a consistent view of every keyspace as of now (see {@link ReadSnapshot}).
   *
   * @return an open snapshot the caller must close
   * @throws StorageClosedException if the engine is closed
   * @throws StorageException if the engine cannot hold another snapshot (for example, out of
   *     reader slots); the message says which setting to raise
   */
  ReadSnapshot snapshot();

  /**
   * Writes a consistent copy of the whole store into {@code target}, which must not exist (its
   * parent must). {@link StorageEngineFactory#open(StorageContext)} on {@code target} opens a store
   * holding every batch acknowledged before this call started, plus a prefix (in write order) of
   * the batches written while it ran — never part of a batch. Writes may go on meanwhile. Used by
   * backups and by replication snapshots.
   *
   * @param target a directory to create, on any file system
   * @throws StorageException if {@code target} exists or cannot be written; a partial copy is
   *     removed
   * @throws StorageClosedException if the engine is closed
   */
  void checkpoint(Path target);

  /**
   * Estimates the bytes the keys and values of {@code range} occupy in {@code keyspace}. Cheap
   * (no full scan); may be off by a large factor, and may lag recent writes.
   *
   * @param keyspace a keyspace of this engine
   * @param range the keys to measure
   * @return a non-negative estimate
   * @throws UnknownKeyspaceException if the keyspace has been dropped
   * @throws StorageClosedException if the engine is closed
   */
  long approximateSize(Keyspace keyspace, KeyRange range);

  /**
   * A summary of resource use.
   *
   * @return current figures
   * @throws StorageClosedException if the engine is closed
   */
  StorageStats stats();

  /**
   * The longest key this engine stores. Longer keys are refused by {@link #write} with {@link
   * IllegalArgumentException}. The kernel keeps its keys within this limit and reports a clear
   * SQL error when a key value would exceed it.
   *
   * @return a length in bytes, at least 256
   */
  int maxKeyLength();

  /**
   * The longest value this engine stores; longer values are refused by {@link #write} with {@link
   * IllegalArgumentException}.
   *
   * @return a length in bytes, at least 16 MiB
   */
  int maxValueLength();

  /**
   * Flushes and releases everything. Idempotent. Open cursors and snapshots must be closed
   * first; an engine may close them itself or fail reads through them afterwards with {@link
   * StorageClosedException}.
   */
  @Override
  void close();
}
