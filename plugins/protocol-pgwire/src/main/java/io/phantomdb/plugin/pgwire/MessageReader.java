package io.phantomdb.plugin.pgwire;

import java.nio.charset.StandardCharsets;

/** Reads the fields of a message body; a malformed body throws {@link ProtocolViolation}. */
final class MessageReader {
  private final byte[] data;
  private int pos;

  MessageReader(byte[] data) {
    this.data = data;
  }

  int int32() {
    need(4);
    int v = ((data[pos] & 0xFF) << 24) | ((data[pos + 1] & 0xFF) << 16) | ((data[pos + 2] & 0xFF) << 8)
        | (data[pos + 3] & 0xFF);
    pos += 4;
    return v;
  }

  int int16() {
    need(2);
    int v = (short) (((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF));
    pos += 2;
    return v;
  }

  /** An unsigned 16-bit count (of parameters, formats, ...), as PostgreSQL reads them: 0 to 65535. */
  int count16() {
    return int16() & 0xFFFF;
  }

  byte int8() {
    need(1);
    return data[pos++];
  }

  /** A NUL-terminated UTF-8 string. */
  String cstring() {
    int end = pos;
    while (end < data.length && data[end] != 0) {
      end++;
    }
    if (end == data.length) {
      throw new ProtocolViolation("invalid string in message");
    }
    String s = new String(data, pos, end - pos, StandardCharsets.UTF_8);
    pos = end + 1;
    return s;
  }

  byte[] bytes(int n) {
    if (n < 0) {
      throw new ProtocolViolation("invalid message format");
    }
    need(n);
    byte[] out = java.util.Arrays.copyOfRange(data, pos, pos + n);
    pos += n;
    return out;
  }

  boolean atEnd() {
    return pos == data.length;
  }

  private void need(int n) {
    if (data.length - pos < n) {
      throw new ProtocolViolation("invalid message format");
    }
  }
}
