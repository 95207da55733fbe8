package io.phantomdb.plugin.btree;

import io.phantomdb.spi.storage.StorageFullException;
import java.nio.ByteBuffer;
import org.lmdbjava.Env;
import org.lmdbjava.EnvInfo;
import org.lmdbjava.LmdbException;

/**
 * Grows LMDB's memory map, which bounds the data file, from {@code map-size} up to {@code
 * map-size-max} by doubling.
 *
 * <p>{@code mdb_env_set_mapsize} requires that no transaction be active in the process, so growth
 * takes the exclusive side of the {@link TxnGate}. It happens in two ways: after a commit that
 * leaves the map more than {@value #HIGH_WATER_PERCENT}% used, if the gate can be had at once (see
 * {@link #growIfIdle()}); and when a write fails with {@code MDB_MAP_FULL}, waiting up to {@code
 * map-grow-wait-ms} for readers to finish, then failing the write with {@link
 * StorageFullException}.
 *
 * <p>Called by the single writer (under the writer lock) without a gate stamp of its own.
 */
final class MapGrowth {
  static final int HIGH_WATER_PERCENT = 80;
  static final long RETRY_PAUSE_MS = 1000;

  private final Env<ByteBuffer> env;
  private final TxnGate gate;
  private final long maxSize;
  private final long pageSize;
  private final long waitMillis;
  private volatile long mapSize;
  private long nextAttemptNanos = System.nanoTime();

  MapGrowth(Env<ByteBuffer> env, TxnGate gate, BtreeOptions options, long pageSize) {
    this.env = env;
    this.gate = gate;
    this.maxSize = Math.max(options.mapSizeMax(), env.info().mapSize);
    this.pageSize = pageSize;
    this.waitMillis = options.growWaitMillis();
    this.mapSize = env.info().mapSize;
  }

  /** @return the current map size in bytes */
  long mapSize() {
    return mapSize;
  }

  /** @return the bytes of the map in use (pages up to the last one allocated); needs a stamp */
  long usedBytes() {
    EnvInfo info = env.info();
    return (info.lastPageNumber + 1) * pageSize;
  }

  /** @return whether the map is past its high-water mark; needs a stamp */
  boolean nearlyFull() {
    return usedBytes() * 100 > mapSize * HIGH_WATER_PERCENT;
  }

  /**
   * Grows after a write hit {@code MDB_MAP_FULL}; the caller then retries the write.
   *
   * @param cause LMDB's failure
   * @throws StorageFullException if the map is at {@code map-size-max}, or open snapshots and
   *     cursors kept growth from happening within {@code map-grow-wait-ms}
   */
  void growAfterMapFull(Env.MapFullException cause) {
    if (mapSize >= maxSize) {
      throw new StorageFullException(
          "the btree store is full: its map reached "
              + BtreeOptions.key(BtreeOptions.MAP_SIZE_MAX)
              + " ("
              + mapSize
              + " bytes); raise that option",
          cause);
    }
    long stamp = gate.tryExclusive(waitMillis);
    if (stamp == 0) {
      throw new StorageFullException(
          "the btree store's map ("
              + mapSize
              + " bytes) is full and cannot grow while snapshots or cursors are open (waited "
              + waitMillis
              + " ms); close long-lived snapshots and cursors (including any this thread holds),"
              + " or start with a larger "
              + BtreeOptions.key(BtreeOptions.MAP_SIZE),
          cause);
    }
    try {
      if (gate.isClosed()) {
        throw gate.closedException();
      }
      resize(nextSize());
    } finally {
      gate.releaseExclusive(stamp);
    }
  }

  /**
   * Grows if the gate can be had within one short queued attempt; otherwise leaves it to a later
   * write, and does not try again for {@value #RETRY_PAUSE_MS} ms (long-lived snapshots would
   * make every write pay for a failing attempt).
   */
  void growIfIdle() {
    if (mapSize >= maxSize || System.nanoTime() - nextAttemptNanos < 0) {
      return;
    }
    long stamp = gate.tryExclusive(TxnGate.QUEUED_SLICE_MS);
    if (stamp == 0) {
      nextAttemptNanos = System.nanoTime() + RETRY_PAUSE_MS * 1_000_000L;
      return;
    }
    try {
      if (!gate.isClosed() && nearlyFull()) {
        resize(nextSize());
      }
    } catch (LmdbException ignored) {
      // a failed attempt leaves the old size; MDB_MAP_FULL will try again
    } finally {
      gate.releaseExclusive(stamp);
    }
  }

  private long nextSize() {
    long doubled = mapSize > maxSize / 2 ? maxSize : mapSize * 2;
    return Math.min(maxSize, doubled);
  }

  private void resize(long size) {
    env.setMapSize(size);
    mapSize = env.info().mapSize;
  }
}
