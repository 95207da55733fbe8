package io.phantomdb.kernel.sql.slt;

import io.phantomdb.kernel.sql.slt.SltRecord.Condition;
import io.phantomdb.kernel.sql.slt.SltRecord.SortMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads SQLite's sqllogictest format (https://sqlite.org/sqllogictest/doc/trunk/about.wiki) the
 * way its reference runner, {@code sqllogictest.c}, does:
 *
 * <ul>
 *   <li>a record is a run of non-blank lines; blank (or all-white) lines separate records;
 *   <li>lines starting with {@code #} are comments and skipped wherever they are, even inside a
 *       record; a trailing {@code \r} is dropped;
 *   <li>a record's first line is split at white space into at most four tokens (so {@code
 *       skipif mysql # why} names {@code mysql});
 *   <li>{@code skipif <engine>} / {@code onlyif <engine>} lines come before the record they guard;
 *   <li>{@code connection <name>} before a record: it runs in that named session
 *       ({@link SltRecord.Connection});
 *   <li>{@code statement ok|error [SQLSTATE]}: the SQL is the record's remaining lines, joined by
 *       line feeds; an error may name the SQLSTATE it must have (an extension for PhantomDB's
 *       own files);
 *   <li>{@code query <types> [<sort> [<label>]]}: the SQL runs to a {@code ----} line, the
 *       expected values follow it; no sort token means {@code nosort};
 *   <li>{@code hash-threshold <n>} and {@code halt} stand alone.
 * </ul>
 *
 * Anything else is an error naming the file and line.
 */
final class SltParser {
  private final String file;
  private final List<String> lines;
  private int next;
  private boolean atMarker;

  private SltParser(String file, String text) {
    this.file = file;
    this.lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    if (text.endsWith("\n")) {
      lines.remove(lines.size() - 1);
    }
  }

  /**
   * Parses a file.
   *
   * @param text its content
   * @param file its name, for error messages
   * @return its records, in order
   * @throws IllegalArgumentException naming file and line if the text is not in the format
   */
  static List<SltRecord> parse(String text, String file) {
    return new SltParser(file, text).records();
  }

  private List<SltRecord> records() {
    List<SltRecord> records = new ArrayList<>();
    while (true) {
      int first = nextNonBlank();
      if (first < 0) {
        return records;
      }
      List<Condition> conditions = new ArrayList<>();
      int lineNo = first;
      String[] tokens = tokens(line(lineNo));
      String connection = null;
      int connectionLine = 0;
      while (tokens[0].equals("skipif") || tokens[0].equals("onlyif") || tokens[0].equals("connection")) {
        if (tokens.length < 2 || tokens[1].isEmpty()) {
          throw error(lineNo, "'" + tokens[0] + "' needs a name");
        }
        if (tokens[0].equals("connection")) {
          connection = tokens[1];
          connectionLine = lineNo + 1;
        } else {
          conditions.add(new Condition(tokens[0].equals("skipif"), tokens[1]));
        }
        lineNo = nextLine();
        if (lineNo < 0) {
          throw error(first, "'" + tokens[0] + "' is not followed by a record");
        }
        tokens = tokens(line(lineNo));
      }
      if (connection != null) {
        records.add(new SltRecord.Connection(connectionLine, List.copyOf(conditions), connection));
      }
      records.add(record(lineNo, List.copyOf(conditions), tokens));
      skipToBlank();
    }
  }

  private SltRecord record(int lineNo, List<Condition> conditions, String[] tokens) {
    switch (tokens[0]) {
      case "statement" -> {
        if (!tokens[1].equals("ok") && !tokens[1].equals("error")) {
          throw error(lineNo, "statement argument should be 'ok' or 'error'");
        }
        String state = null;
        if (tokens[1].equals("error") && tokens.length > 2 && !tokens[2].isEmpty()) {
          state = tokens[2];
          if (!state.matches("[0-9A-Z]{5}")) {
            throw error(lineNo, "'statement error' may be followed by a SQLSTATE (5 characters), not '" + state + "'");
          }
        }
        return new SltRecord.Statement(lineNo + 1, conditions, tokens[1].equals("error"),
            String.join("\n", readUntil(null)), state);
      }
      case "query" -> {
        String types = tokens[1];
        if (types.isEmpty()) {
          throw error(lineNo, "missing type string");
        }
        for (char c : types.toCharArray()) {
          if (c != 'I' && c != 'R' && c != 'T') {
            throw error(lineNo, "unknown type character '" + c + "' in type string");
          }
        }
        SortMode sort;
        try {
          sort = tokens[2].isEmpty() ? SortMode.NOSORT : SortMode.of(tokens[2]);
        } catch (IllegalArgumentException e) {
          throw error(lineNo, e.getMessage());
        }
        String sql = String.join("\n", readUntil("----"));
        List<String> expected = atMarker ? readUntil(null) : List.of();
        return new SltRecord.Query(lineNo + 1, conditions, types, sort,
            tokens[3].isEmpty() ? null : tokens[3], sql, expected);
      }
      case "hash-threshold" -> {
        try {
          return new SltRecord.HashThreshold(lineNo + 1, conditions, Integer.parseInt(tokens[1]));
        } catch (NumberFormatException e) {
          throw error(lineNo, "hash-threshold needs a number, not '" + tokens[1] + "'");
        }
      }
      case "halt" -> {
        return new SltRecord.Halt(lineNo + 1, conditions);
      }
      default -> throw error(lineNo, "unknown record type: '" + tokens[0] + "'");
    }
  }

  /** Reads the record's lines up to a blank line, or up to (and past) the given one. */
  private List<String> readUntil(String stop) {
    atMarker = false;
    List<String> out = new ArrayList<>();
    for (int i = nextLine(); i >= 0; i = nextLine()) {
      String l = line(i);
      if (l.isEmpty()) {
        next = i;
        break;
      }
      if (l.equals(stop)) {
        atMarker = true;
        break;
      }
      out.add(l);
    }
    return out;
  }

  /** The index of the next line that is not a comment, or -1 at the end; advances past it. */
  private int nextLine() {
    while (next < lines.size()) {
      int i = next++;
      if (!lines.get(i).startsWith("#")) {
        return i;
      }
    }
    return -1;
  }

  private int nextNonBlank() {
    for (int i = nextLine(); i >= 0; i = nextLine()) {
      if (!line(i).isEmpty()) {
        return i;
      }
    }
    return -1;
  }

  private void skipToBlank() {
    for (int i = nextLine(); i >= 0; i = nextLine()) {
      if (line(i).isEmpty()) {
        return;
      }
    }
  }

  /** Line i without a trailing \r; empty if it is all white space. */
  private String line(int i) {
    String l = lines.get(i);
    if (l.endsWith("\r")) {
      l = l.substring(0, l.length() - 1);
    }
    return l.isBlank() ? "" : l;
  }

  private static String[] tokens(String line) {
    String[] tokens = {"", "", "", ""};
    String[] split = line.strip().split("\\s+", 5);
    for (int i = 0; i < Math.min(4, split.length); i++) {
      tokens[i] = split[i];
    }
    return tokens;
  }

  private IllegalArgumentException error(int index, String message) {
    return new IllegalArgumentException(file + ":" + (index + 1) + ": " + message);
  }
}
