package io.phantomdb.kernel.sql.sequence;

import io.phantomdb.kernel.sql.encoding.Checksums;
import java.nio.ByteBuffer;

/**
 * Where sequence states live in the data keyspace: key {@code 00 's' 'q' | sequence id (4 bytes,
 * big-endian)} → {@code version (1) | last value (8, big-endian) | is_called (1)} followed by the
 * {@linkplain io.phantomdb.kernel.sql.encoding.Checksums checksum} of key and value (4 bytes).
 *
 * <p>Keys of table rows and index entries start with the table id as an order-preserving varint
 * ({@code io.phantomdb.kernel.sql.encoding.KeyEncoder#tablePrefix}); catalog ids start at 100, so
 * no table key starts with byte {@code 00}: keys under {@code 00} are the engine's own (the last
 * commit timestamp is {@code 00 't' 's'}), and no DROP TABLE or TRUNCATE range covers them.
 */
public final class SequenceKeys {
  /** The prefix of every sequence state key. */
  static final byte[] PREFIX = {0, 's', 'q'};
  private static final byte VERSION = 1;

  private SequenceKeys() {}

  /**
   * @param sequenceId a sequence id
   * @return the key of its state
   */
  public static byte[] key(int sequenceId) {
    return ByteBuffer.allocate(PREFIX.length + 4).put(PREFIX).putInt(sequenceId).array();
  }

  static byte[] value(int sequenceId, long last, boolean called) {
    byte[] body = ByteBuffer.allocate(10).put(VERSION).putLong(last).put((byte) (called ? 1 : 0)).array();
    return Checksums.seal(key(sequenceId), body);
  }

  /**
   * @param sequenceId a sequence id
   * @param stored the value stored under its key
   * @return true if the value's checksum matches
   */
  public static boolean intact(int sequenceId, byte[] stored) {
    return Checksums.verify(key(sequenceId), stored);
  }

  static long last(byte[] value) {
    check(value);
    return ByteBuffer.wrap(value, 1, 8).getLong();
  }

  static boolean called(byte[] value) {
    check(value);
    return value[9] != 0;
  }

  private static void check(byte[] value) {
    if (value.length != 10 + Checksums.LENGTH || value[0] != VERSION) {
      throw new io.phantomdb.spi.storage.StorageCorruptionException(
          "sequence state of unknown format: " + java.util.HexFormat.of().formatHex(value));
    }
  }
}
