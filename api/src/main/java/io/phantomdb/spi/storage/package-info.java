/**
 * The storage SPI: an ordered key-value store with named keyspaces, atomic write batches,
 * consistent snapshots and checkpoints. MVCC, rows, tables and timestamps live above it in the
 * kernel; an engine knows nothing of them.
 *
 * <h2>Entry points</h2>
 * <ol>
 *   <li>{@link io.phantomdb.spi.storage.StorageEngineFactory} — stateless, found by
 *       {@code name()} through {@code META-INF/services}; opens an engine on a directory.
 *   <li>{@link io.phantomdb.spi.storage.StorageEngine} — one open store; keyspaces, reads,
 *       {@link io.phantomdb.spi.storage.WriteBatch writes}, {@link
 *       io.phantomdb.spi.storage.ReadSnapshot snapshots}, checkpoints, size estimates.
 *   <li>{@link io.phantomdb.spi.storage.Cursor} — a range scan in either direction.
 * </ol>
 *
 * <h2>Ordering</h2>
 * Keys are byte arrays compared as <em>unsigned</em> bytes, lexicographically; a proper prefix
 * sorts before every longer key that starts with it; the empty key sorts first. This is {@link
 * java.util.Arrays#compareUnsigned(byte[], byte[])}, exposed as {@link
 * io.phantomdb.spi.storage.KeyRange#compareKeys(byte[], byte[])}.
 *
 * <h2>Errors</h2>
 * All failures are unchecked: {@link io.phantomdb.spi.storage.StorageException} and its
 * subclasses for conditions of the store, {@link java.lang.IllegalArgumentException} for
 * arguments the contract forbids (a key longer than {@link
 * io.phantomdb.spi.storage.StorageEngine#maxKeyLength()}, another engine's keyspace), and {@link
 * java.lang.NullPointerException} for null arguments.
 *
 * <h2>Conformance</h2>
 * Every implementation must pass the abstract suites in the {@code tck} module; see
 * {@code docs/plugin-authors.md}, "Adding a storage engine".
 */
package io.phantomdb.spi.storage;
