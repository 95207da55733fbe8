package io.phantomdb.plugin.lsm;

import io.phantomdb.spi.storage.KeyRange;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.Range;
import org.rocksdb.RocksDB;
import org.rocksdb.SizeApproximationFlag;
import org.rocksdb.Slice;

/** Size estimates from RocksDB's {@code GetApproximateSizes}, over SST files and memtables. */
final class LsmSizes {
  private LsmSizes() {}

  /**
   * Estimates the bytes of keys in {@code [lower, upper)}. Call inside the engine's guard.
   *
   * @return a non-negative estimate; 0 for an empty interval
   */
  static long approximate(RocksDB db, ColumnFamilyHandle handle, byte[] lower, byte[] upper) {
    if (KeyRange.compareKeys(lower, upper) >= 0) {
      return 0;
    }
    try (Slice start = new Slice(lower); Slice limit = new Slice(upper)) {
      long[] sizes = db.getApproximateSizes(handle, List.of(new Range(start, limit)),
          SizeApproximationFlag.INCLUDE_FILES, SizeApproximationFlag.INCLUDE_MEMTABLES);
      return Math.max(0, sizes[0]);
    }
  }
}
