package io.phantomdb.kernel.sql.encoding;

import java.util.Arrays;

/** A growable byte array the encoders append to. Not thread-safe. */
final class ByteWriter {
  private byte[] buf;
  private int len;

  ByteWriter(int capacity) {
    buf = new byte[Math.max(capacity, 16)];
  }

  int length() {
    return len;
  }

  void truncate(int length) {
    if (length < 0 || length > len) {
      throw new IndexOutOfBoundsException("length " + length + " of " + len);
    }
    len = length;
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  void put(int b) {
    ensure(1);
    buf[len++] = (byte) b;
  }

  void put(byte[] b) {
    put(b, 0, b.length);
  }

  void put(byte[] b, int off, int n) {
    ensure(n);
    System.arraycopy(b, off, buf, len, n);
    len += n;
  }

  /** Appends the low {@code n} bytes of {@code v}, big-endian. */
  void putBigEndian(long v, int n) {
    ensure(n);
    for (int shift = (n - 1) * 8; shift >= 0; shift -= 8) {
      buf[len++] = (byte) (v >>> shift);
    }
  }

  /** Inverts every byte from {@code from} to the end (DESC columns). */
  void invertFrom(int from) {
    for (int i = from; i < len; i++) {
      buf[i] = (byte) ~buf[i];
    }
  }

  /** LEB128: seven bits a byte, least significant first, high bit = more follows. */
  void putLeb(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buf[len++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[len++] = (byte) v;
  }

  /** Zigzag LEB128 for signed values that are usually small. */
  void putZigzag(long v) {
    putLeb((v << 1) ^ (v >> 63));
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }
}
