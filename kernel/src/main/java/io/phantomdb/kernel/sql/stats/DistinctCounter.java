package io.phantomdb.kernel.sql.stats;

import java.util.HashSet;
import java.util.Set;

/**
 * Counts distinct values by their 64-bit hashes: exactly while there are at most {@value
 * #EXACT_LIMIT}, then with a HyperLogLog sketch of 2^{@value #PRECISION} registers (a standard
 * error of about 0.8%). Not thread-safe.
 */
final class DistinctCounter {
  /** Distinct hashes kept exactly before switching to the sketch. */
  static final int EXACT_LIMIT = 10_000;
  /** log2 of the number of registers. */
  static final int PRECISION = 14;
  private static final int REGISTERS = 1 << PRECISION;

  private Set<Long> exact = new HashSet<>();
  private byte[] registers;

  /** @param hash the 64-bit hash of a value ({@link #hash(byte[])}) */
  void add(long hash) {
    if (exact == null) {
      sketch(hash);
      return;
    }
    exact.add(hash);
    if (exact.size() > EXACT_LIMIT) {
      registers = new byte[REGISTERS];
      for (long h : exact) {
        sketch(h);
      }
      exact = null;
    }
  }

  private void sketch(long hash) {
    int index = (int) (hash >>> (64 - PRECISION));
    long rest = (hash << PRECISION) | (1L << (PRECISION - 1));
    int rank = Long.numberOfLeadingZeros(rest) + 1;
    if (rank > registers[index]) {
      registers[index] = (byte) rank;
    }
  }

  /** @return the number of distinct values added, exact or estimated */
  double estimate() {
    if (exact != null) {
      return exact.size();
    }
    double sum = 0;
    int zeros = 0;
    for (byte r : registers) {
      sum += Math.scalb(1.0, -r);
      zeros += r == 0 ? 1 : 0;
    }
    double alpha = 0.7213 / (1 + 1.079 / REGISTERS);
    double e = alpha * REGISTERS * (double) REGISTERS / sum;
    if (e <= 2.5 * REGISTERS && zeros > 0) {
      e = REGISTERS * Math.log((double) REGISTERS / zeros); // linear counting for small counts
    }
    return e;
  }

  /**
   * A 64-bit hash of bytes (FNV-1a, then MurmurHash3's finalizer to spread the bits).
   *
   * @param bytes the bytes, such as a value's key encoding
   * @return the hash
   */
  static long hash(byte[] bytes) {
    long h = 0xcbf29ce484222325L;
    for (byte b : bytes) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
