/**
 * The storage conformance kit. Every {@link io.phantomdb.spi.storage.StorageEngine} must pass
 * {@link io.phantomdb.tck.storage.AbstractStorageEngineTest}, {@link
 * io.phantomdb.tck.storage.AbstractStorageConcurrencyTest}, {@link
 * io.phantomdb.tck.storage.AbstractStorageModelTest} and {@link
 * io.phantomdb.tck.storage.AbstractStorageDurabilityIT}. Each suite has one hook, {@code
 * createEngine(Path)}; an engine's test classes only implement it.
 *
 * <p>{@link io.phantomdb.tck.storage.MemoryStorageEngineFactory} ({@code memory}) is the
 * reference engine: small, in memory, with a checksummed log for restarts. It passes every suite
 * and is what the kernel's own tests run on when they need no real engine.
 */
package io.phantomdb.tck.storage;
