package io.phantomdb.kernel.sql.encoding;

import io.phantomdb.spi.storage.KeyRange;
import java.util.Arrays;

/**
 * The MVCC layout of keys: a logical key (table/index prefix and key columns) followed by {@code
 * ~commitTs} (8 bytes, big-endian), so the versions of a logical key are adjacent, newest first.
 *
 * <p>A reader at timestamp {@code T} wants, for each logical key, the first version with {@code
 * commitTs <= T}: seek to {@link #seekKey(byte[], long)} (or scan {@link
 * #visibleVersions(byte[], long)}) and take the first key; a scan over many logical keys skips
 * versions newer than {@code T} and, after taking one version of a logical key, its older ones
 * ({@link #sameLogicalKey(byte[], byte[])}). A version whose value is a {@linkplain
 * RowCodec#isTombstone(byte[]) tombstone} means the key is deleted as of that version.
 *
 * <p>Logical keys are prefix-free (every key column is self-delimiting and a key of one index has
 * all its columns), so the versions of one logical key never interleave with another's.
 */
public final class VersionedKeys {
  /** Length of the version suffix. */
  public static final int VERSION_LENGTH = KeyEncoder.VERSION_LENGTH;

  private VersionedKeys() {}

  /**
   * A versioned key taken apart.
   *
   * @param logicalKey the key without its version
   * @param commitTs the version's commit timestamp
   */
  public record Split(byte[] logicalKey, long commitTs) {}

  /**
   * The key of one version.
   *
   * @param logicalKey a logical key
   * @param commitTs the commit timestamp, non-negative
   * @return {@code logicalKey | ~commitTs}
   */
  public static byte[] versioned(byte[] logicalKey, long commitTs) {
    return new KeyEncoder(logicalKey.length + VERSION_LENGTH)
        .appendEncoded(logicalKey, 0, logicalKey.length)
        .appendVersion(commitTs)
        .toByteArray();
  }

  /**
   * @param versionedKey a versioned key
   * @return its commit timestamp
   */
  public static long commitTs(byte[] versionedKey) {
    return new KeyDecoder(versionedKey, checkedSplitPoint(versionedKey), versionedKey.length).readVersion();
  }

  /**
   * @param versionedKey a versioned key
   * @return a copy of its logical key
   */
  public static byte[] logicalKey(byte[] versionedKey) {
    return Arrays.copyOf(versionedKey, checkedSplitPoint(versionedKey));
  }

  /**
   * @param versionedKey a versioned key
   * @return its logical key and commit timestamp
   */
  public static Split split(byte[] versionedKey) {
    return new Split(logicalKey(versionedKey), commitTs(versionedKey));
  }

  /**
   * Whether a versioned key is a version of a logical key, without copying.
   *
   * @param versionedKey a versioned key
   * @param logicalKey a logical key
   * @return true if {@code versionedKey} is {@code logicalKey} plus a version
   */
  public static boolean isVersionOf(byte[] versionedKey, byte[] logicalKey) {
    return versionedKey.length == logicalKey.length + VERSION_LENGTH
        && Arrays.equals(versionedKey, 0, logicalKey.length, logicalKey, 0, logicalKey.length);
  }

  /**
   * Whether two versioned keys are versions of the same logical key, without copying.
   *
   * @param a a versioned key
   * @param b another
   * @return true if their logical keys are equal
   */
  public static boolean sameLogicalKey(byte[] a, byte[] b) {
    return a.length == b.length && Arrays.equals(a, 0, a.length - VERSION_LENGTH, b, 0, b.length - VERSION_LENGTH);
  }

  /**
   * Where a forward scan starts to find the latest version of {@code logicalKey} at or before
   * {@code readTs}: the first key at or after it, if it is a version of {@code logicalKey}.
   *
   * @param logicalKey a logical key
   * @param readTs the read timestamp, non-negative
   * @return {@code logicalKey | ~readTs}
   */
  public static byte[] seekKey(byte[] logicalKey, long readTs) {
    return versioned(logicalKey, readTs);
  }

  /**
   * The versions of {@code logicalKey} with {@code commitTs <= readTs}, newest first in a forward
   * scan.
   *
   * @param logicalKey a logical key
   * @param readTs the read timestamp, non-negative
   * @return the range
   */
  public static KeyRange visibleVersions(byte[] logicalKey, long readTs) {
    return KeyRange.closed(versioned(logicalKey, readTs), versioned(logicalKey, 0));
  }

  /**
   * Every version of {@code logicalKey}.
   *
   * @param logicalKey a logical key
   * @return the range
   */
  public static KeyRange allVersions(byte[] logicalKey) {
    return KeyRange.closed(versioned(logicalKey, Long.MAX_VALUE), versioned(logicalKey, 0));
  }

  /**
   * Every version of every key of one index (index 0: the rows).
   *
   * @param tableId the table id
   * @param indexId the index id
   * @return the range
   */
  public static KeyRange indexRange(int tableId, int indexId) {
    return KeyRange.prefix(KeyEncoder.tableIndexPrefix(tableId, indexId));
  }

  /**
   * Every version of every key of one table, all its indexes.
   *
   * @param tableId the table id
   * @return the range
   */
  public static KeyRange tableRange(int tableId) {
    return KeyRange.prefix(KeyEncoder.tablePrefix(tableId));
  }

  /**
   * Every version of every key that starts with the given whole columns: the table/index prefix
   * followed by the encodings of the first k key columns (an equality on a key prefix).
   *
   * @param logicalKeyPrefix a prefix of logical keys made of whole encodings
   * @return the range
   */
  public static KeyRange prefixRange(byte[] logicalKeyPrefix) {
    return KeyRange.prefix(logicalKeyPrefix);
  }

  private static int checkedSplitPoint(byte[] versionedKey) {
    if (versionedKey.length < VERSION_LENGTH) {
      throw new IllegalArgumentException("not a versioned key: " + versionedKey.length + " bytes");
    }
    return versionedKey.length - VERSION_LENGTH;
  }
}
