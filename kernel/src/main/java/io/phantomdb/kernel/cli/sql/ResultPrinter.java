package io.phantomdb.kernel.cli.sql;

import io.phantomdb.kernel.sql.ColumnInfo;
import io.phantomdb.kernel.sql.StatementResult;
import io.phantomdb.kernel.sql.type.TextCodec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Prints statement results as psql does.
 *
 * <ul>
 *   <li>{@link Format#ALIGNED} (psql's default): column names centered over their columns, a
 *       {@code ---+---} rule, numbers right-aligned and everything else left-aligned, values with
 *       line breaks continued on the next line with a {@code +} at the end of the broken line,
 *       SQL NULL shown as the null display (empty by default), then {@code (N rows)} or
 *       {@code (1 row)} and an empty line. All rows are read before the first is printed, to
 *       know the widths.
 *   <li>{@link Format#CSV} (psql's {@code --csv}): a header line, then one line per row as it is
 *       read; fields containing a comma, a double quote or a line break are quoted (RFC 4180,
 *       {@code "} doubled); NULL is an empty field and an empty string {@code ""}, so the two stay
 *       apart; lines end with a line feed, as psql's.
 * </ul>
 *
 * <p>A statement without rows prints its command tag ({@code CREATE TABLE}, {@code INSERT 0 1});
 * an {@code INSERT}, {@code UPDATE}, {@code DELETE} or {@code MERGE} with {@code RETURNING} prints
 * its rows and then its tag. Values are written with {@link TextCodec#format}, PostgreSQL's text
 * format.
 *
 * <p>Not thread-safe.
 */
public final class ResultPrinter {

  /** The output formats. */
  public enum Format {
    /** psql's aligned table. */
    ALIGNED,
    /** comma-separated values with a header line. */
    CSV;

    /**
     * The format of a name, ignoring case.
     *
     * @param name {@code aligned} or {@code csv}
     * @return the format
     * @throws IllegalArgumentException for any other name
     */
    public static Format parse(String name) {
      for (Format f : values()) {
        if (f.name().equalsIgnoreCase(name)) {
          return f;
        }
      }
      throw new IllegalArgumentException("unknown format '" + name + "': expected aligned or csv");
    }
  }

  private final Format format;
  private final PrintWriter out;
  private final String nullDisplay;
  private java.time.ZoneId timeZone = java.time.ZoneOffset.UTC;

  /**
   * A printer showing NULL as an empty string.
   *
   * @param format the output format
   * @param out where to print
   */
  public ResultPrinter(Format format, PrintWriter out) {
    this(format, out, "");
  }

  /**
   * A printer.
   *
   * @param format the output format
   * @param out where to print
   * @param nullDisplay what an aligned table shows for NULL (psql's {@code \pset null})
   */
  public ResultPrinter(Format format, PrintWriter out, String nullDisplay) {
    this.format = Objects.requireNonNull(format, "format");
    this.out = Objects.requireNonNull(out, "out");
    this.nullDisplay = Objects.requireNonNull(nullDisplay, "nullDisplay");
  }

  /**
   * Sets the time zone timestamptz values are shown in (the session's TimeZone).
   *
   * @param zone the zone
   */
  public void timeZone(java.time.ZoneId zone) {
    this.timeZone = Objects.requireNonNull(zone, "zone");
  }

  /**
   * Prints one statement's result: its rows, its command tag, or both. Reads the result to its
   * end but does not close it.
   *
   * @param result the result
   * @return the number of rows printed
   * @throws io.phantomdb.kernel.sql.SqlException if reading a row fails; in CSV format the rows
   *     before it are printed already, in aligned format nothing is
   */
  public long print(StatementResult result) {
    List<ColumnInfo> columns = result.columns();
    long rows = 0;
    if (!columns.isEmpty()) {
      rows = printRows(columns, () -> new ResultRows(result));
      if (!returnsRowsAndTag(result.commandTag())) {
        out.flush();
        return rows;
      }
    }
    printCommandTag(result.commandTag());
    return rows;
  }

  /**
   * Prints rows in this printer's format.
   *
   * @param columns the columns, at least one
   * @param rows the rows, each with one value per column (SQL NULL as null)
   * @return the number of rows printed
   */
  public long printRows(List<ColumnInfo> columns, Iterable<Object[]> rows) {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a table needs at least one column");
    }
    long n = format == Format.CSV ? printCsv(columns, rows) : printAligned(columns, rows);
    out.flush();
    return n;
  }

  /**
   * Prints a command tag on a line of its own, as psql does for statements without rows.
   *
   * @param tag the tag, such as {@code CREATE TABLE}
   */
  public void printCommandTag(String tag) {
    out.println(tag);
    out.flush();
  }

  static boolean returnsRowsAndTag(String tag) {
    String verb = tag.split(" ", 2)[0].toUpperCase(Locale.ROOT);
    return verb.equals("INSERT") || verb.equals("UPDATE") || verb.equals("DELETE") || verb.equals("MERGE");
  }

  private String text(Object value, ColumnInfo column) {
    return TextCodec.format(value, column.type(), timeZone);
  }

  private long printAligned(List<ColumnInfo> columns, Iterable<Object[]> rows) {
    int n = columns.size();
    List<List<String>[]> cells = new ArrayList<>();
    for (Object[] row : rows) {
      @SuppressWarnings("unchecked")
      List<String>[] lines = new List[n];
      for (int i = 0; i < n; i++) {
        lines[i] = DisplayText.lines(row[i] == null ? nullDisplay : text(row[i], columns.get(i)));
      }
      cells.add(lines);
    }
    @SuppressWarnings("unchecked")
    List<String>[] headers = new List[n];
    int[] widths = new int[n];
    boolean[] right = new boolean[n];
    for (int i = 0; i < n; i++) {
      headers[i] = DisplayText.lines(columns.get(i).name());
      right[i] = columns.get(i).type().kind().isNumeric();
      widths[i] = maxWidth(headers[i], 0);
    }
    for (List<String>[] row : cells) {
      for (int i = 0; i < n; i++) {
        widths[i] = maxWidth(row[i], widths[i]);
      }
    }
    printHeader(headers, widths);
    StringBuilder rule = new StringBuilder("-");
    for (int i = 0; i < n; i++) {
      rule.append("-".repeat(widths[i])).append(i < n - 1 ? "-+-" : "-");
    }
    out.println(rule);
    for (List<String>[] row : cells) {
      printRow(row, widths, right);
    }
    out.println(cells.size() == 1 ? "(1 row)" : "(" + cells.size() + " rows)");
    out.println();
    return cells.size();
  }

  private static int maxWidth(List<String> lines, int atLeast) {
    int w = atLeast;
    for (String line : lines) {
      w = Math.max(w, DisplayText.width(line));
    }
    return w;
  }

  private void printHeader(List<String>[] headers, int[] widths) {
    int height = 0;
    for (List<String> h : headers) {
      height = Math.max(height, h.size());
    }
    for (int l = 0; l < height; l++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < headers.length; i++) {
        sb.append(' ');
        if (l < headers[i].size()) {
          String text = headers[i].get(l);
          int space = widths[i] - DisplayText.width(text);
          sb.append(" ".repeat(space / 2)).append(text).append(" ".repeat((space + 1) / 2));
        } else {
          sb.append(" ".repeat(widths[i]));
        }
        sb.append(l < headers[i].size() - 1 ? '+' : ' ');
        if (i < headers.length - 1) {
          sb.append('|');
        }
      }
      out.println(sb);
    }
  }

  private void printRow(List<String>[] row, int[] widths, boolean[] right) {
    int height = 0;
    for (List<String> cell : row) {
      height = Math.max(height, cell.size());
    }
    for (int l = 0; l < height; l++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        boolean last = i == row.length - 1;
        boolean continues = l < row[i].size() - 1;
        sb.append(' ');
        if (l >= row[i].size()) {
          if (!last) {
            sb.append(" ".repeat(widths[i]));
          }
        } else {
          String text = row[i].get(l);
          String pad = " ".repeat(widths[i] - DisplayText.width(text));
          if (right[i]) {
            sb.append(pad).append(text);
          } else {
            sb.append(text).append(last && !continues ? "" : pad);
          }
        }
        if (continues) {
          sb.append('+');
        } else if (!last) {
          sb.append(' ');
        }
        if (!last) {
          sb.append('|');
        }
      }
      out.println(sb);
    }
  }

  private long printCsv(List<ColumnInfo> columns, Iterable<Object[]> rows) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      appendCsv(line, i, columns.get(i).name());
    }
    out.println(line);
    long n = 0;
    for (Object[] row : rows) {
      line.setLength(0);
      for (int i = 0; i < columns.size(); i++) {
        appendCsv(line, i, row[i] == null ? null : text(row[i], columns.get(i)));
      }
      out.println(line);
      n++;
    }
    return n;
  }

  private static void appendCsv(StringBuilder line, int index, String field) {
    if (index > 0) {
      line.append(',');
    }
    if (field == null) {
      return;
    }
    if (field.isEmpty() || field.indexOf(',') >= 0 || field.indexOf('"') >= 0
        || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
      line.append('"').append(field.replace("\"", "\"\"")).append('"');
    } else {
      line.append(field);
    }
  }

  /** The rows of a result as an iterator. */
  private static final class ResultRows implements Iterator<Object[]> {
    private final StatementResult result;
    private Object[] next;
    private boolean done;

    ResultRows(StatementResult result) {
      this.result = result;
    }

    @Override
    public boolean hasNext() {
      if (next == null && !done) {
        next = result.next();
        done = next == null;
      }
      return next != null;
    }

    @Override
    public Object[] next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Object[] row = next;
      next = null;
      return row;
    }
  }
}
