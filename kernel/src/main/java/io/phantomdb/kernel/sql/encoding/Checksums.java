package io.phantomdb.kernel.sql.encoding;

import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.WriteBatch;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The checksum every stored version carries: a stored value is its <em>body</em> (a {@linkplain
 * RowCodec row}, an index entry marker or a {@linkplain RowCodec#tombstone() tombstone}) followed
 * by the CRC32C of the versioned key and the body, 4 bytes big-endian:
 *
 * <pre>
 * stored value = body | crc32c(versionedKey | body)
 * </pre>
 *
 * <p>Because the key is covered, a value copied under another key (another row, another version
 * of the same row, another index) fails the check as well as a flipped bit in the key or value.
 * The body's first byte stays first, so {@link RowCodec#isTombstone(byte[])} works on stored
 * values as on bodies. Bodies held in memory (a statement's or a transaction's writes) carry no
 * checksum: it is added where a body meets its versioned key, {@link #seal(byte[], byte[])}.
 *
 * <p>The same framing (over the key and the value) protects the catalog's entries ({@code
 * sql_catalog}). Stateless and thread-safe.
 */
public final class Checksums {
  /** Bytes the checksum adds to a body. */
  public static final int LENGTH = 4;

  private Checksums() {}

  /**
   * Adds the checksum to a body.
   *
   * @param key the key the value is stored under (a versioned key, or a catalog key)
   * @param body the body
   * @return a new array: {@code body | crc32c(key | body)}
   */
  public static byte[] seal(byte[] key, byte[] body) {
    byte[] out = Arrays.copyOf(body, body.length + LENGTH);
    int crc = compute(key, body, body.length);
    out[body.length] = (byte) (crc >>> 24);
    out[body.length + 1] = (byte) (crc >>> 16);
    out[body.length + 2] = (byte) (crc >>> 8);
    out[body.length + 3] = (byte) crc;
    return out;
  }

  /**
   * Puts one version into a batch with its checksum.
   *
   * @param batch the batch
   * @param data the data keyspace
   * @param logicalKey the logical key
   * @param commitTs the version's commit timestamp
   * @param body the body (row, index marker or tombstone)
   */
  public static void putVersion(WriteBatch batch, Keyspace data, byte[] logicalKey, long commitTs, byte[] body) {
    byte[] key = VersionedKeys.versioned(logicalKey, commitTs);
    batch.put(data, key, seal(key, body));
  }

  /**
   * Whether a stored value's checksum matches its key and body. Reads in place, no copy.
   *
   * @param key the key it was read under
   * @param stored the stored value
   * @return true if intact
   */
  public static boolean verify(byte[] key, byte[] stored) {
    int n = stored.length - LENGTH;
    if (n < 1) {
      return false; // every body has at least one byte
    }
    int expected = (stored[n] & 0xFF) << 24 | (stored[n + 1] & 0xFF) << 16 | (stored[n + 2] & 0xFF) << 8
        | (stored[n + 3] & 0xFF);
    return compute(key, stored, n) == expected;
  }

  /**
   * @param stored a stored value whose checksum was verified
   * @return the length of its body
   */
  public static int bodyLength(byte[] stored) {
    return stored.length - LENGTH;
  }

  /**
   * @param stored a stored value
   * @return a copy of its body, without the checksum
   */
  public static byte[] body(byte[] stored) {
    return Arrays.copyOf(stored, Math.max(0, stored.length - LENGTH));
  }

  private static int compute(byte[] key, byte[] body, int bodyLength) {
    CRC32C crc = new CRC32C();
    crc.update(key, 0, key.length);
    crc.update(body, 0, bodyLength);
    return (int) crc.getValue();
  }
}
