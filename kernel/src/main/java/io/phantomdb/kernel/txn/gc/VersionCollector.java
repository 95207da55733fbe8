package io.phantomdb.kernel.txn.gc;

import io.phantomdb.kernel.sql.encoding.RowCodec;
import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.WriteBatch;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One garbage collection pass over versioned keys ({@code logical key | ~commitTs}, newest first):
 * for each logical key it keeps every version above the horizon and the newest one at or below
 * it, and deletes the older ones; when that newest one is a tombstone with nothing above it, the
 * tombstone goes too (no reader at or above the horizon sees the key).
 *
 * <p>Why this is safe while commits and DDL run, without their lock:
 * <ul>
 *   <li>A reader reads at or above the horizon ({@link io.phantomdb.kernel.txn.ActiveSnapshots}),
 *       so the version it sees is above the horizon or the newest at or below it: both kept.
 *   <li>Only exact versioned keys seen by the scan are deleted. Commits add versions above every
 *       read timestamp, hence above the horizon, never between kept and deleted ones; DDL deletes
 *       ranges (deleting a deleted key is harmless) and writes versions of new index or table ids
 *       or at new commit timestamps, so a deleted key never comes back with other content.
 *   <li>The scan is done in chunks that end on a logical key, each read with a fresh cursor (no
 *       long-lived iterator or read transaction pinning old data) and deleted in one batch, so a
 *       key's older versions and its tombstone leave together and no reader sees an older version
 *       come back.
 * </ul>
 *
 * <p>Deletes are written {@link Durability#NO_SYNC}: losing some in a crash only leaves garbage
 * for the next pass, and a later synced commit makes them durable anyway.
 *
 * <p>Not thread-safe: one pass at a time ({@link VersionGc} serializes them).
 */
final class VersionCollector {
  /** Versions read per chunk (a chunk also ends only where a logical key ends). */
  static final int CHUNK_VERSIONS = 1024;

  private final StorageEngine storage;
  private final Keyspace data;

  /**
   * @param storage the storage engine
   * @param data the keyspace of versioned rows and index entries
   */
  VersionCollector(StorageEngine storage, Keyspace data) {
    this.storage = storage;
    this.data = data;
  }

  /**
   * Runs one pass.
   *
   * @param ranges the ranges to collect, holding only versioned keys
   * @param horizon no reader reads below it
   * @param stop polled between chunks: true ends the pass early
   * @return what the pass did
   */
  GcPassResult collect(List<KeyRange> ranges, long horizon, BooleanSupplier stop) {
    Counts counts = new Counts();
    for (KeyRange range : ranges) {
      KeyRange rest = range;
      while (rest != null) {
        if (stop.getAsBoolean()) {
          return counts.result(horizon, false);
        }
        byte[] next = chunk(rest, horizon, counts);
        rest = next == null ? null : KeyRange.of(next, true, range.upper(), range.upperInclusive());
      }
    }
    return counts.result(horizon, true);
  }

  /**
   * Collects one chunk from the start of {@code range}.
   *
   * @return the first versioned key of the next chunk (where the next logical key starts), or
   *     null at the end of the range
   */
  private byte[] chunk(KeyRange range, long horizon, Counts counts) {
    WriteBatch deletes = new WriteBatch();
    byte[] resume = null;
    try (Cursor c = storage.scan(data, range, ScanOrder.FORWARD)) {
      KeyState key = null;
      int seen = 0;
      while (c.next()) {
        byte[] k = c.key();
        if (k.length <= VersionedKeys.VERSION_LENGTH) {
          continue; // not a versioned key: never ours to touch
        }
        if (key == null || !VersionedKeys.sameLogicalKey(key.first, k)) {
          if (key != null) {
            key.finish(deletes, counts);
          }
          if (seen >= CHUNK_VERSIONS) {
            resume = k;
            key = null;
            break;
          }
          key = new KeyState(k);
          counts.keys++;
        }
        seen++;
        counts.versions++;
        key.version(k, c.value(), horizon, deletes, counts);
      }
      if (key != null) {
        key.finish(deletes, counts);
      }
    }
    if (!deletes.isEmpty()) {
      storage.write(deletes, Durability.NO_SYNC);
    }
    return resume;
  }

  /** The versions of one logical key seen so far in the scan. */
  private final class KeyState {
    final byte[] first;
    boolean above;
    boolean kept;
    byte[] tombstone;

    KeyState(byte[] first) {
      this.first = first;
    }

    void version(byte[] key, byte[] value, long horizon, WriteBatch deletes, Counts counts) {
      if (VersionedKeys.commitTs(key) > horizon) {
        above = true;
      } else if (!kept) {
        kept = true;
        if (!above && RowCodec.isTombstone(value)) {
          tombstone = key; // deleted after the older versions, in the same batch
        }
      } else {
        deletes.delete(data, key);
        counts.removed++;
      }
    }

    void finish(WriteBatch deletes, Counts counts) {
      if (tombstone != null) {
        deletes.delete(data, tombstone);
        counts.removed++;
        counts.tombstones++;
      }
    }
  }

  /** Running totals of a pass. */
  private static final class Counts {
    long keys;
    long versions;
    long removed;
    long tombstones;

    GcPassResult result(long horizon, boolean complete) {
      return new GcPassResult(horizon, keys, versions, removed, tombstones, complete);
    }
  }
}
