package io.phantomdb.bench.storage;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * The data set every side of {@link StorageSpiBenchmark} uses: {@code count} keys of {@value
 * #KEY_LENGTH} bytes and values of {@value #VALUE_LENGTH} bytes, as in the engine figures of
 * {@code LIBRARIES.md}.
 *
 * <p>Key {@code i} is its index as an 8-byte big-endian number followed by 8 bytes of a hash of
 * it, so keys sort by index and {@code key(i) .. key(i + n)} are {@code n} consecutive keys.
 * Values are drawn from a pool of random (incompressible) arrays. Keys are built once, outside
 * the measured code, and shared by both sides.
 */
final class Workload {
  static final int KEY_LENGTH = 16;
  static final int VALUE_LENGTH = 100;
  private static final int VALUE_POOL = 1024;

  private final byte[][] keys;
  private final byte[][] values;

  Workload(int count) {
    keys = new byte[count + 1][];
    for (int i = 0; i <= count; i++) {
      keys[i] = makeKey(i);
    }
    SplittableRandom random = new SplittableRandom(42);
    values = new byte[VALUE_POOL][];
    for (int i = 0; i < VALUE_POOL; i++) {
      byte[] v = new byte[VALUE_LENGTH];
      for (int j = 0; j < VALUE_LENGTH; j++) {
        v[j] = (byte) random.nextInt(256);
      }
      values[i] = v;
    }
  }

  /** @return the number of preloaded keys */
  int count() {
    return keys.length - 1;
  }

  /**
   * @param i an index in {@code [0, count()]}; {@code count()} is one past the last stored key
   * @return key {@code i} (shared: never modify)
   */
  byte[] key(int i) {
    return keys[i];
  }

  /** @return a value for key {@code i} (shared: never modify) */
  byte[] value(int i) {
    return values[i & (VALUE_POOL - 1)];
  }

  private static byte[] makeKey(long i) {
    long h = i * 0x9E3779B97F4A7C15L;
    h ^= h >>> 29;
    return ByteBuffer.allocate(KEY_LENGTH).putLong(i).putLong(h).array();
  }
}
