package io.phantomdb.kernel.protocol;

import io.phantomdb.kernel.sql.SqlException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts COPY data, arriving in pieces, into records: lines ending in {@code \n} or {@code \r\n};
 * in CSV a line break inside quotes belongs to the field. Only the unfinished last record is
 * kept between pieces.
 */
final class CopyRecords {
  private final boolean csv;
  private final byte quote;
  private final byte escape;
  private byte[] buf = new byte[8192];
  private int start;
  private int scan;
  private int end;
  private boolean inQuote;

  CopyRecords(CopyFormat format) {
    this.csv = format.csv();
    this.quote = (byte) format.quote();
    this.escape = (byte) format.escape();
  }

  /** Appends a piece of data. */
  void add(byte[] data, int offset, int length) {
    if (end + length > buf.length) {
      int live = end - start;
      byte[] target = live + length > buf.length ? new byte[Math.max(buf.length * 2, live + length)] : buf;
      System.arraycopy(buf, start, target, 0, live);
      buf = target;
      scan -= start;
      end = live;
      start = 0;
    }
    System.arraycopy(data, offset, buf, end, length);
    end += length;
  }

  /** The next complete record without its line end, or null if none is complete yet. */
  String next() {
    while (scan < end) {
      byte b = buf[scan];
      if (csv && inQuote && b == escape && escape != quote) {
        if (scan + 1 >= end) {
          return null; // the escaped byte has not arrived
        }
        scan += 2;
        continue;
      }
      if (csv && b == quote) {
        inQuote = !inQuote;
      } else if (b == '\n' && !inQuote) {
        int stop = scan > start && buf[scan - 1] == '\r' ? scan - 1 : scan;
        String record = new String(buf, start, stop - start, StandardCharsets.UTF_8);
        scan++;
        start = scan;
        return record;
      }
      scan++;
    }
    return null;
  }

  /**
   * What is left at the end of the data: a last record without a line end, or null.
   *
   * @throws SqlException 22P04 if a CSV quoted field is not closed
   */
  String rest() {
    if (start == end) {
      return null;
    }
    if (inQuote) {
      throw new SqlException("22P04", "unterminated CSV quoted field");
    }
    String record = new String(Arrays.copyOfRange(buf, start, end), StandardCharsets.UTF_8);
    start = end;
    return record.endsWith("\r") ? record.substring(0, record.length() - 1) : record;
  }
}
