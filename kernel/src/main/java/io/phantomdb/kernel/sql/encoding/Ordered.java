package io.phantomdb.kernel.sql.encoding;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The order-preserving primitives of the key encoding (see the package description). Readers
 * take a {@code mask}: 0 for bytes as written, 0xFF for bytes inverted (DESC columns, negative
 * NUMERIC magnitudes).
 */
final class Ordered {
  /** Tags of the signed varint: one byte for -119..118. */
  private static final int SMALL_BASE = 0x80;
  private static final int SMALL_MIN = 0x09 - SMALL_BASE;
  private static final int SMALL_MAX = 0xF6 - SMALL_BASE;
  /** Unsigned varint: one byte for 0..0xF7. */
  private static final int UNSIGNED_SMALL_MAX = 0xF7;

  static final int NUMERIC_NEGATIVE = 0x02;
  static final int NUMERIC_ZERO = 0x03;
  static final int NUMERIC_POSITIVE = 0x04;

  private Ordered() {}

  private static int byteLength(long nonNegative) {
    return Math.max(1, (64 - Long.numberOfLeadingZeros(nonNegative) + 7) / 8);
  }

  /** Order-preserving unsigned varint (ids): 0..247 in one byte, else 0xF7+n and n bytes. */
  static void putUnsigned(ByteWriter w, long v) {
    if (v < 0) {
      throw new IllegalArgumentException("negative id: " + v);
    }
    if (v <= UNSIGNED_SMALL_MAX) {
      w.put((int) v);
    } else {
      int n = byteLength(v);
      w.put(UNSIGNED_SMALL_MAX + n);
      w.putBigEndian(v, n);
    }
  }

  static long getUnsigned(ByteReader r) {
    int tag = r.u8(0);
    return tag <= UNSIGNED_SMALL_MAX ? tag : r.bigEndian(tag - UNSIGNED_SMALL_MAX, 0);
  }

  /**
   * Order-preserving signed varint; its first byte lies in 0x01..0xFE. -119..118 is the byte
   * 0x80+v; a larger v is 0xF6+n and v's n bytes; a smaller v is 0x09-n and the low n bytes of v
   * (n = the bytes ~v needs).
   */
  static void putSigned(ByteWriter w, long v) {
    if (v >= SMALL_MIN && v <= SMALL_MAX) {
      w.put(SMALL_BASE + (int) v);
    } else if (v > 0) {
      int n = byteLength(v);
      w.put(0xF6 + n);
      w.putBigEndian(v, n);
    } else {
      int n = byteLength(~v);
      w.put(0x09 - n);
      w.putBigEndian(v, n);
    }
  }

  static long getSigned(ByteReader r, int mask) {
    int tag = r.u8(mask);
    if (tag >= 0x09 && tag <= 0xF6) {
      return tag - SMALL_BASE;
    }
    if (tag > 0xF6 && tag <= 0xFE) {
      return r.bigEndian(tag - 0xF6, mask);
    }
    if (tag >= 0x01 && tag < 0x09) {
      int n = 0x09 - tag;
      long low = r.bigEndian(n, mask);
      return n == 8 ? low : low | (-1L << (8 * n));
    }
    throw r.corrupt("bad integer tag " + Integer.toHexString(tag));
  }

  static void skipSigned(ByteReader r, int mask) {
    int tag = r.u8(mask);
    if (tag > 0xF6) {
      r.skip(tag - 0xF6);
    } else if (tag < 0x09) {
      r.skip(0x09 - tag);
    }
  }

  /**
   * NUMERIC: 0x03 for zero; otherwise 0x04 (positive) or 0x02 (negative), then for |x| = 0.d1 d2
   * ... dk × 100^E (base-100 digits, d1 and dk non-zero) the signed varint E and the digits as
   * 2d+1, the last as 2d; all of it after the tag inverted when negative.
   */
  static void putNumeric(ByteWriter w, BigDecimal x) {
    int sign = x.signum();
    if (sign == 0) {
      w.put(NUMERIC_ZERO);
      return;
    }
    w.put(sign > 0 ? NUMERIC_POSITIVE : NUMERIC_NEGATIVE);
    int start = w.length();
    BigDecimal a = x.abs().stripTrailingZeros();
    String digits = a.unscaledValue().toString();
    long e10 = (long) digits.length() - a.scale(); // |x| = 0.digits × 10^e10
    if ((e10 & 1) != 0) {
      digits = "0" + digits;
      e10++;
    }
    putSigned(w, e10 / 2);
    int n = digits.length();
    for (int i = 0; i < n; i += 2) {
      int d = (digits.charAt(i) - '0') * 10 + (i + 1 < n ? digits.charAt(i + 1) - '0' : 0);
      w.put(i + 2 >= n ? 2 * d : 2 * d + 1);
    }
    if (sign < 0) {
      w.invertFrom(start);
    }
  }

  static BigDecimal getNumeric(ByteReader r, int mask) {
    int tag = r.u8(mask);
    if (tag == NUMERIC_ZERO) {
      return BigDecimal.ZERO;
    }
    if (tag != NUMERIC_POSITIVE && tag != NUMERIC_NEGATIVE) {
      throw r.corrupt("bad numeric tag " + Integer.toHexString(tag));
    }
    int m = tag == NUMERIC_NEGATIVE ? mask ^ 0xFF : mask;
    long e100 = getSigned(r, m);
    StringBuilder sb = new StringBuilder();
    while (true) {
      int b = r.u8(m);
      int d = b >>> 1;
      if (d > 99) {
        throw r.corrupt("bad numeric digit byte " + Integer.toHexString(b));
      }
      sb.append((char) ('0' + d / 10)).append((char) ('0' + d % 10));
      if ((b & 1) == 0) {
        break;
      }
    }
    // |x| = digits × 10^(2·e100 - digit count); drop the padding zero so the scale fits an int
    long scale = sb.length() - 2 * e100;
    if (sb.charAt(sb.length() - 1) == '0') {
      sb.setLength(sb.length() - 1);
      scale--;
    }
    if (scale != (int) scale) {
      throw r.corrupt("numeric exponent out of range");
    }
    BigDecimal v = new BigDecimal(new BigInteger(sb.toString()), (int) scale);
    return tag == NUMERIC_NEGATIVE ? v.negate() : v;
  }

  static void skipNumeric(ByteReader r, int mask) {
    int tag = r.u8(mask);
    if (tag == NUMERIC_ZERO) {
      return;
    }
    int m = tag == NUMERIC_NEGATIVE ? mask ^ 0xFF : mask;
    skipSigned(r, m);
    while ((r.u8(m) & 1) != 0) {
      // digits up to the even last one
    }
  }

  /** Bytes with 0x00 escaped as 0x00 0xFF, terminated by 0x00 0x01. */
  static void putEscaped(ByteWriter w, byte[] b) {
    int from = 0;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == 0) {
        w.put(b, from, i + 1 - from);
        w.put(0xFF);
        from = i + 1;
      }
    }
    w.put(b, from, b.length - from);
    w.put(0x00);
    w.put(0x01);
  }

  static byte[] getEscaped(ByteReader r, int mask) {
    ByteWriter out = null;
    int start = r.pos;
    while (true) {
      int b = r.u8(mask);
      if (b != 0) {
        if (out != null) {
          out.put(b);
        }
        continue;
      }
      int next = r.u8(mask);
      if (next == 0x01) {
        if (out != null) {
          return out.toByteArray();
        }
        byte[] plain = java.util.Arrays.copyOfRange(r.buf, start, r.pos - 2);
        if (mask != 0) {
          for (int i = 0; i < plain.length; i++) {
            plain[i] = (byte) (plain[i] ^ mask);
          }
        }
        return plain;
      }
      if (next != 0xFF) {
        throw r.corrupt("bad escape 00 " + Integer.toHexString(next));
      }
      if (out == null) {
        out = new ByteWriter(r.pos - start + 16);
        for (int i = start; i < r.pos - 2; i++) {
          out.put(r.buf[i] ^ mask);
        }
      }
      out.put(0);
    }
  }

  static void skipEscaped(ByteReader r, int mask) {
    while (true) {
      if (r.u8(mask) == 0 && r.u8(mask) == 0x01) {
        return;
      }
    }
  }

  /** IEEE bits with the sign flipped (positive) or all bits inverted (negative); -0 as 0. */
  static long doubleKey(double d) {
    long bits = Double.doubleToLongBits(d == 0 ? 0d : d); // canonical NaN
    return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
  }

  static double doubleFromKey(long k) {
    return Double.longBitsToDouble(k < 0 ? k ^ Long.MIN_VALUE : ~k);
  }

  static int floatKey(float f) {
    int bits = Float.floatToIntBits(f == 0 ? 0f : f);
    return bits < 0 ? ~bits : bits ^ Integer.MIN_VALUE;
  }

  static float floatFromKey(int k) {
    return Float.intBitsToFloat(k < 0 ? k ^ Integer.MIN_VALUE : ~k);
  }
}
