package io.phantomdb.kernel.sql.encoding;

import io.phantomdb.spi.storage.StorageCorruptionException;

/** Reads encoded bytes; a read past the end is a {@link StorageCorruptionException}. */
final class ByteReader {
  final byte[] buf;
  int pos;
  final int end;
  private final String what;

  ByteReader(byte[] buf, int pos, int end, String what) {
    if (pos < 0 || end > buf.length || pos > end) {
      throw new IndexOutOfBoundsException("[" + pos + ", " + end + ") of " + buf.length);
    }
    this.buf = buf;
    this.pos = pos;
    this.end = end;
    this.what = what;
  }

  int remaining() {
    return end - pos;
  }

  StorageCorruptionException corrupt(String detail) {
    return new StorageCorruptionException("malformed " + what + " at offset " + pos + ": " + detail);
  }

  void need(int n) {
    if (n < 0 || end - pos < n) {
      throw corrupt("needs " + n + " more bytes, has " + (end - pos));
    }
  }

  /** The next byte, unsigned, without consuming it. */
  int peek() {
    need(1);
    return buf[pos] & 0xFF;
  }

  /** The next byte, unsigned, xor {@code mask}. */
  int u8(int mask) {
    need(1);
    return (buf[pos++] & 0xFF) ^ mask;
  }

  /** {@code n} bytes big-endian, each xor {@code mask}, as an unsigned number. */
  long bigEndian(int n, int mask) {
    need(n);
    long v = 0;
    for (int i = 0; i < n; i++) {
      v = (v << 8) | ((buf[pos++] & 0xFF) ^ mask);
    }
    return v;
  }

  void skip(int n) {
    need(n);
    pos += n;
  }

  byte[] bytes(int n) {
    need(n);
    byte[] b = java.util.Arrays.copyOfRange(buf, pos, pos + n);
    pos += n;
    return b;
  }

  long leb() {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = u8(0);
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw corrupt("varint longer than 10 bytes");
  }

  long zigzag() {
    long v = leb();
    return (v >>> 1) ^ -(v & 1);
  }

  /** A LEB128 length that must fit in the remaining bytes. */
  int length() {
    long n = leb();
    if (n < 0 || n > end - pos) {
      throw corrupt("length " + n + " exceeds the " + (end - pos) + " bytes left");
    }
    return (int) n;
  }
}
