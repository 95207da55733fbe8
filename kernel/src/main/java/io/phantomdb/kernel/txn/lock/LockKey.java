package io.phantomdb.kernel.txn.lock;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a row lock is taken on: the encoded table id and primary key of a row, as an immutable byte
 * string. Two keys are equal when their bytes are; they order as unsigned byte strings, the order
 * of the storage layout.
 *
 * <p>Instances are immutable and safe to share between threads: the bytes are copied in and out.
 */
public final class LockKey implements Comparable<LockKey> {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final byte[] bytes;
  private final int hash;

  private LockKey(byte[] bytes) {
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
  }

  /**
   * @param bytes the encoded row identity; copied, so the caller may reuse the array
   * @return the key
   * @throws NullPointerException if bytes is null
   */
  public static LockKey of(byte[] bytes) {
    return new LockKey(Objects.requireNonNull(bytes, "bytes").clone());
  }

  /** @return a copy of the key's bytes */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** @return the number of bytes in the key */
  public int length() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LockKey other && hash == other.hash && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public int compareTo(LockKey other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  /** @return the bytes in PostgreSQL's bytea hex format, for example {@code \x01ff} */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(2 + 2 * bytes.length).append("\\x");
    for (byte b : bytes) {
      sb.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
    }
    return sb.toString();
  }
}
