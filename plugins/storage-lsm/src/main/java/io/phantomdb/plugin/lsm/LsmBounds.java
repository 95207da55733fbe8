package io.phantomdb.plugin.lsm;

import io.phantomdb.spi.storage.KeyRange;
import java.util.Arrays;

/**
 * Maps {@link KeyRange} bounds onto RocksDB's half-open {@code [lower, upper)} bounds. The least
 * key greater than {@code k} is {@code k + 0x00}, so an exclusive lower bound {@code k} becomes
 * the inclusive bound {@code k + 0x00}, and an inclusive upper bound {@code k} the exclusive
 * bound {@code k + 0x00}: no key is filtered in Java.
 */
final class LsmBounds {
  private LsmBounds() {}

  /**
   * @param range a range
   * @return the inclusive lower bound for RocksDB, or null if unbounded below
   */
  static byte[] lower(KeyRange range) {
    byte[] lower = range.lower();
    if (lower == null) {
      return null;
    }
    return range.lowerInclusive() ? lower : successor(lower);
  }

  /**
   * @param range a range
   * @return the exclusive upper bound for RocksDB, or null if unbounded above
   */
  static byte[] upper(KeyRange range) {
    byte[] upper = range.upper();
    if (upper == null) {
      return null;
    }
    return range.upperInclusive() ? successor(upper) : upper;
  }

  /**
   * @param maxKeyLength the longest storable key
   * @return a key that sorts after every key of at most {@code maxKeyLength} bytes
   */
  static byte[] aboveAll(int maxKeyLength) {
    byte[] key = new byte[maxKeyLength + 1];
    Arrays.fill(key, (byte) 0xFF);
    return key;
  }

  /** @return {@code key + 0x00}, the least key greater than {@code key} */
  static byte[] successor(byte[] key) {
    return Arrays.copyOf(key, key.length + 1);
  }
}
