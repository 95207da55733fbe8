package io.phantomdb.spi.storage;

import jakarta.annotation.Nullable;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An interval of keys in unsigned lexicographic order, with an optional lower and upper bound,
 * each inclusive or exclusive. A missing bound means unbounded on that side.
 *
 * <p>Immutable and thread-safe. The bound arrays are not copied: callers must not modify them
 * after constructing the range.
 */
public final class KeyRange {
  private static final KeyRange ALL = new KeyRange(null, true, null, false);

  private final byte[] lower;
  private final boolean lowerInclusive;
  private final byte[] upper;
  private final boolean upperInclusive;

  private KeyRange(
      @Nullable byte[] lower, boolean lowerInclusive, @Nullable byte[] upper, boolean upperInclusive) {
    this.lower = lower;
    this.lowerInclusive = lowerInclusive;
    this.upper = upper;
    this.upperInclusive = upperInclusive;
  }

  /**
   * Every key.
   *
   * @return the unbounded range
   */
  public static KeyRange all() {
    return ALL;
  }

  /**
   * A range with the given bounds.
   *
   * @param lower the lower bound, or null for none
   * @param lowerInclusive whether {@code lower} itself is in the range
   * @param upper the upper bound, or null for none
   * @param upperInclusive whether {@code upper} itself is in the range
   * @return the range; empty if the bounds cross
   */
  public static KeyRange of(
      @Nullable byte[] lower, boolean lowerInclusive, @Nullable byte[] upper, boolean upperInclusive) {
    return new KeyRange(lower, lowerInclusive, upper, upperInclusive);
  }

  /**
   * Keys {@code k} with {@code from <= k < to}.
   *
   * @param from inclusive lower bound, or null for none
   * @param to exclusive upper bound, or null for none
   * @return the range
   */
  public static KeyRange closedOpen(@Nullable byte[] from, @Nullable byte[] to) {
    return new KeyRange(from, true, to, false);
  }

  /**
   * Keys {@code k} with {@code from <= k <= to}.
   *
   * @param from inclusive lower bound
   * @param to inclusive upper bound
   * @return the range
   */
  public static KeyRange closed(byte[] from, byte[] to) {
    return new KeyRange(from, true, to, true);
  }

  /**
   * Every key that starts with {@code prefix} (every key, for the empty prefix).
   *
   * @param prefix the common prefix
   * @return the range
   */
  public static KeyRange prefix(byte[] prefix) {
    return new KeyRange(prefix, true, prefixEnd(prefix), false);
  }

  /**
   * The smallest key greater than every key starting with {@code prefix}, or null when there is
   * none (the prefix is empty or all {@code 0xFF}).
   *
   * @param prefix a key prefix
   * @return the exclusive upper bound of {@link #prefix(byte[])}, or null
   */
  @Nullable
  public static byte[] prefixEnd(byte[] prefix) {
    for (int i = prefix.length - 1; i >= 0; i--) {
      if (prefix[i] != (byte) 0xFF) {
        byte[] end = Arrays.copyOf(prefix, i + 1);
        end[i]++;
        return end;
      }
    }
    return null;
  }

  /**
   * Compares two keys as the storage SPI orders them: unsigned bytes, lexicographically, a proper
   * prefix first.
   *
   * @param a a key
   * @param b another key
   * @return negative, zero or positive as {@code a} sorts before, equal to, or after {@code b}
   */
  public static int compareKeys(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  /** @return the lower bound, or null if unbounded below */
  @Nullable
  public byte[] lower() {
    return lower;
  }

  /** @return whether the lower bound is part of the range (meaningless when unbounded) */
  public boolean lowerInclusive() {
    return lowerInclusive;
  }

  /** @return the upper bound, or null if unbounded above */
  @Nullable
  public byte[] upper() {
    return upper;
  }

  /** @return whether the upper bound is part of the range (meaningless when unbounded) */
  public boolean upperInclusive() {
    return upperInclusive;
  }

  /**
   * Whether {@code key} lies in this range.
   *
   * @param key a key
   * @return true if the key satisfies both bounds
   */
  public boolean contains(byte[] key) {
    return !belowLower(key) && !aboveUpper(key);
  }

  /**
   * Whether {@code key} sorts before this range's lower bound (false when unbounded below).
   *
   * @param key a key
   * @return true if the key is below the range
   */
  public boolean belowLower(byte[] key) {
    if (lower == null) {
      return false;
    }
    int c = compareKeys(key, lower);
    return lowerInclusive ? c < 0 : c <= 0;
  }

  /**
   * Whether {@code key} sorts after this range's upper bound (false when unbounded above).
   *
   * @param key a key
   * @return true if the key is above the range
   */
  public boolean aboveUpper(byte[] key) {
    if (upper == null) {
      return false;
    }
    int c = compareKeys(key, upper);
    return upperInclusive ? c > 0 : c >= 0;
  }

  /**
   * Whether no key can lie in this range.
   *
   * @return true if the bounds cross or meet with an exclusive end
   */
  public boolean isEmpty() {
    if (lower == null || upper == null) {
      return false;
    }
    int c = compareKeys(lower, upper);
    return c > 0 || (c == 0 && !(lowerInclusive && upperInclusive));
  }

  @Override
  public String toString() {
    HexFormat hex = HexFormat.of();
    return (lower == null ? "(-inf" : (lowerInclusive ? "[" : "(") + hex.formatHex(lower))
        + ", "
        + (upper == null ? "+inf)" : hex.formatHex(upper) + (upperInclusive ? "]" : ")"));
  }
}
