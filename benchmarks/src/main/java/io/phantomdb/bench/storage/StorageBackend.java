package io.phantomdb.bench.storage;

import org.openjdk.jmh.infra.Blackhole;

/**
 * One side of the comparison: an engine reached through the storage SPI, or the same native
 * library called directly with the same settings. Each operation returns or consumes the same
 * result on both sides: values and keys as byte arrays the caller owns.
 */
interface StorageBackend extends AutoCloseable {

  /** @return a copy of the value of {@code key}, or null */
  byte[] get(byte[] key);

  /** Writes {@code n} puts as one atomic batch, not synced. */
  void putBatch(byte[][] keys, byte[][] values, int n);

  /** Writes one put and syncs it to stable storage before returning. */
  void putSync(byte[] key, byte[] value);

  /**
   * Reads every entry with {@code from <= key < to}, in order, into {@code sink}.
   *
   * @return the number of entries read
   */
  int scan(byte[] from, byte[] to, Blackhole sink);

  /** Makes every write durable (used after preloading). */
  void sync();

  @Override
  void close();
}
