/**
 * The {@code btree} storage engine: the storage SPI over LMDB (through lmdbjava), a
 * copy-on-write B+tree in one memory-mapped file.
 *
 * <h2>Layout on disk</h2>
 * The data directory holds LMDB's {@code data.mdb} and {@code lock.mdb} and this engine's
 * {@code phantomdb.lock}. Each keyspace is one LMDB named database; LMDB records their names in
 * its main database, so keyspaces need no catalog of their own.
 *
 * <h2>Keys</h2>
 * LMDB forbids the empty key and limits keys to {@code mdb_env_get_maxkeysize()} bytes (511).
 * Every key is stored behind a one-byte {@code 0x00} prefix: the empty key becomes {@code 00},
 * order is unchanged (LMDB's default comparison is unsigned lexicographic, a proper prefix
 * first), and {@link io.phantomdb.spi.storage.StorageEngine#maxKeyLength()} is one byte less than
 * LMDB's limit.
 *
 * <h2>Threading</h2>
 * LMDB serializes writers; the environment is opened with {@code MDB_NOTLS} so read transactions
 * may move between threads. A read transaction is still used by one thread at a time: snapshots
 * and cursors serialize access to theirs with a lock. Every transaction runs inside a {@link
 * io.phantomdb.plugin.btree.TxnGate}, which lets the map grow (no transaction may be active then)
 * and lets {@code close()} wait until no thread is inside LMDB.
 *
 * <p>Entry point: {@link io.phantomdb.plugin.btree.BtreeStorageEngineFactory}.
 */
package io.phantomdb.plugin.btree;
