package io.phantomdb.kernel.cli.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * How text occupies a terminal in an aligned table, as psql shows it: a value is split into lines
 * at line feeds, a tab advances to the next multiple of 8 columns, a carriage return shows as
 * {@code \r} and other control characters as {@code \xHH} ({@code \\uHHHH} above 0x7F); wide East
 * Asian characters take two columns and combining marks none.
 */
final class DisplayText {
  private static final int TAB_STOP = 8;

  private DisplayText() {}

  /**
   * The display lines of a value.
   *
   * @param value the text
   * @return at least one line, none containing control characters
   */
  static List<String> lines(String value) {
    List<String> lines = new ArrayList<>(1);
    StringBuilder line = new StringBuilder();
    int width = 0;
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\n') {
        lines.add(line.toString());
        line.setLength(0);
        width = 0;
      } else if (cp == '\t') {
        int spaces = TAB_STOP - width % TAB_STOP;
        line.append(" ".repeat(spaces));
        width += spaces;
      } else if (cp == '\r') {
        line.append("\\r");
        width += 2;
      } else if (Character.isISOControl(cp)) {
        String shown = cp < 0x80 ? String.format("\\x%02X", cp) : String.format("\\u%04X", cp);
        line.append(shown);
        width += shown.length();
      } else {
        line.appendCodePoint(cp);
        width += width(cp);
      }
    }
    lines.add(line.toString());
    return lines;
  }

  /**
   * The columns a line without control characters takes.
   *
   * @param line the text
   * @return its display width
   */
  static int width(String line) {
    int w = 0;
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      i += Character.charCount(cp);
      w += width(cp);
    }
    return w;
  }

  private static int width(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT || cp == 0x200B) {
      return 0;
    }
    return isWide(cp) ? 2 : 1;
  }

  /** East Asian Wide and Fullwidth ranges (Unicode's EastAsianWidth W/F, main blocks). */
  private static boolean isWide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0x303E)
        || (cp >= 0x3041 && cp <= 0x33FF)
        || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0x4E00 && cp <= 0x9FFF)
        || (cp >= 0xA000 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x1F300 && cp <= 0x1F64F)
        || (cp >= 0x1F900 && cp <= 0x1F9FF)
        || (cp >= 0x20000 && cp <= 0x3FFFD);
  }
}
