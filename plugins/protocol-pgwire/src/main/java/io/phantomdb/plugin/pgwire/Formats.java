package io.phantomdb.plugin.pgwire;

/** Format codes of Bind: none means all text, one applies to all, else one per column. */
final class Formats {
  static final short TEXT = 0;
  static final short BINARY = 1;

  private Formats() {}

  static short of(short[] formats, int i) {
    if (formats == null || formats.length == 0) {
      return TEXT;
    }
    return formats.length == 1 ? formats[0] : formats[i];
  }
}
