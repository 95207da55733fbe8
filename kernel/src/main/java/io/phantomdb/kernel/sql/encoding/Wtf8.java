package io.phantomdb.kernel.sql.encoding;

import java.nio.charset.StandardCharsets;

/**
 * UTF-8 that also carries unpaired surrogates (as the three bytes UTF-8 would give their code
 * point, "WTF-8"), so every Java string round-trips exactly. Byte order is code point order, an
 * unpaired surrogate counting as its own value, as {@code Values.compareText} orders strings.
 */
final class Wtf8 {
  private Wtf8() {}

  static byte[] encode(String s) {
    int n = s.length();
    boolean surrogates = false;
    for (int i = 0; i < n; i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        surrogates = true;
        break;
      }
    }
    if (!surrogates) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    ByteWriter w = new ByteWriter(n * 3);
    for (int i = 0; i < n; ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 0x80) {
        w.put(cp);
      } else if (cp < 0x800) {
        w.put(0xC0 | (cp >>> 6));
        w.put(0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        w.put(0xE0 | (cp >>> 12));
        w.put(0x80 | ((cp >>> 6) & 0x3F));
        w.put(0x80 | (cp & 0x3F));
      } else {
        w.put(0xF0 | (cp >>> 18));
        w.put(0x80 | ((cp >>> 12) & 0x3F));
        w.put(0x80 | ((cp >>> 6) & 0x3F));
        w.put(0x80 | (cp & 0x3F));
      }
    }
    return w.toByteArray();
  }

  static String decode(byte[] b, int off, int len, ByteReader forErrors) {
    int end = off + len;
    boolean surrogates = false;
    for (int i = off; i < end - 1; i++) {
      // a surrogate is ED A0..BF xx
      if (b[i] == (byte) 0xED && (b[i + 1] & 0xFF) >= 0xA0) {
        surrogates = true;
        break;
      }
    }
    if (!surrogates) {
      return new String(b, off, len, StandardCharsets.UTF_8);
    }
    StringBuilder sb = new StringBuilder(len);
    int i = off;
    while (i < end) {
      int c = b[i] & 0xFF;
      int extra = c < 0x80 ? 0 : c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
      if (extra < 0 || i + extra >= end) {
        throw forErrors.corrupt("bad UTF-8 byte " + Integer.toHexString(c));
      }
      int cp = extra == 0 ? c : c & (0x3F >> extra);
      for (int k = 1; k <= extra; k++) {
        cp = (cp << 6) | (b[i + k] & 0x3F);
      }
      i += extra + 1;
      sb.appendCodePoint(cp);
    }
    return sb.toString();
  }
}
