package io.phantomdb.plugin.btree;

import java.nio.ByteBuffer;

/**
 * Maps SPI keys to LMDB keys and back: an LMDB key is {@code 0x00} followed by the SPI key. The
 * prefix makes the empty key storable and keeps the order, since every stored key carries it.
 *
 * <p>LMDB reads keys from direct buffers; this class encodes into a per-thread direct buffer that
 * is valid until the thread's next encode. Values read from LMDB point into the memory map and
 * are only valid inside their transaction, so they are copied out at once.
 */
final class KeyCodec {
  static final byte PREFIX = 0x00;

  private static final ThreadLocal<ByteBuffer> SCRATCH = new ThreadLocal<>();

  private final int maxKeyLength;

  /** @param lmdbMaxKeySize LMDB's key limit ({@code mdb_env_get_maxkeysize}) */
  KeyCodec(int lmdbMaxKeySize) {
    this.maxKeyLength = lmdbMaxKeySize - 1;
  }

  /** @return the longest SPI key that can be stored */
  int maxKeyLength() {
    return maxKeyLength;
  }

  /**
   * Encodes a key that fits ({@code key.length <= maxKeyLength()}).
   *
   * @return this thread's scratch buffer, flipped for reading
   */
  ByteBuffer encode(byte[] key) {
    return encode(key, key.length);
  }

  /**
   * Encodes a seek bound, cut to {@link #maxKeyLength()}. Every stored key at or above the bound
   * is at or above the cut bound; callers skip the few stored keys that lie between the two.
   *
   * @return this thread's scratch buffer, flipped for reading
   */
  ByteBuffer encodeBound(byte[] bound) {
    return encode(bound, Math.min(bound.length, maxKeyLength));
  }

  private ByteBuffer encode(byte[] key, int length) {
    ByteBuffer buf = SCRATCH.get();
    if (buf == null || buf.capacity() < length + 1) {
      buf = ByteBuffer.allocateDirect(Math.max(maxKeyLength + 1, length + 1));
      SCRATCH.set(buf);
    }
    buf.clear();
    buf.put(PREFIX).put(key, 0, length).flip();
    return buf;
  }

  /** Copies the SPI key out of an LMDB key that points into the map. */
  static byte[] decodeKey(ByteBuffer stored) {
    int pos = stored.position();
    byte[] key = new byte[stored.remaining() - 1];
    stored.get(pos + 1, key);
    return key;
  }

  /** Copies a value out of the map. */
  static byte[] copyValue(ByteBuffer value) {
    byte[] out = new byte[value.remaining()];
    value.get(value.position(), out);
    return out;
  }
}
