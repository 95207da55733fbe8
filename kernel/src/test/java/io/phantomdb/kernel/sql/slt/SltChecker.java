package io.phantomdb.kernel.sql.slt;

import io.phantomdb.kernel.sql.slt.SltRecord.Query;
import io.phantomdb.kernel.sql.slt.SltRecord.SortMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares rendered query results with a record's expectations as {@code sqllogictest.c} does in
 * its verify mode, for one file (the hash threshold and the labels seen belong to the file):
 *
 * <ol>
 *   <li>the values are sorted as the query says: {@code rowsort} sorts rows (comparing values as
 *       strings, left to right), {@code valuesort} sorts all values on their own;
 *   <li>if the threshold is positive and there are more values than it, the result is compared
 *       as one line {@code N values hashing to <md5>}, the MD5 (lower-case hex) of every value
 *       followed by a line feed; otherwise value by value, one per expected line;
 *   <li>a labeled query's hash (computed whatever the threshold) must equal the first hash seen
 *       for that label in the file; a labeled query skipped for this engine records the hash of
 *       its expected lines instead, so later queries are still checked against it.
 * </ol>
 *
 * <p>Unlike the C runner, a result with fewer or more values than expected is a mismatch.
 */
final class SltChecker {
  /** The threshold until a {@code hash-threshold} record says otherwise (as the C runner). */
  static final int DEFAULT_HASH_THRESHOLD = 8;

  private static final Pattern HASH_LINE = Pattern.compile("(\\d+) values hashing to ([0-9a-f]{32})");
  private static final int SHOWN = 40;

  private int hashThreshold = DEFAULT_HASH_THRESHOLD;
  private final Map<String, String> labels = new HashMap<>();

  /** @param threshold results with more values are compared by hash; 0 never hashes */
  void hashThreshold(int threshold) {
    this.hashThreshold = threshold;
  }

  /**
   * Checks a query's values.
   *
   * @param q the record
   * @param values its rendered values, row by row, as the engine returned them
   * @return null if they match, otherwise what differs
   */
  String check(Query q, List<String> values) {
    List<String> sorted = sort(values, q.types().length(), q.sort());
    String hash = md5(sorted);
    if (q.label() != null) {
      String first = labels.putIfAbsent(q.label(), hash);
      if (first != null && !first.equals(hash)) {
        return "labeled result [" + q.label() + "] does not agree with previous values";
      }
    }
    if (hashThreshold > 0 && sorted.size() > hashThreshold) {
      String line = hashLine(sorted.size(), hash);
      List<String> expected = q.expected();
      return expected.size() == 1 && expected.get(0).equals(line) ? null
          : "wrong result hash: expected " + expected + " but got [" + line + "]"
              + shown("values", sorted);
    }
    if (sorted.equals(q.expected())) {
      return null;
    }
    return "wrong result: expected " + q.expected().size() + " values, got " + sorted.size()
        + firstDifference(q.expected(), sorted) + shown("expected", q.expected()) + shown("got", sorted);
  }

  /**
   * Records the label of a query skipped for this engine, from its expected lines.
   *
   * @param q the skipped record
   * @return null, or a message if its expectation contradicts an earlier one with that label
   */
  String skipped(Query q) {
    if (q.label() == null || q.expected().isEmpty()) {
      return null;
    }
    Matcher m = q.expected().size() == 1 ? HASH_LINE.matcher(q.expected().get(0)) : null;
    String hash = m != null && m.matches() ? m.group(2) : md5(q.expected());
    String first = labels.putIfAbsent(q.label(), hash);
    return first != null && !first.equals(hash)
        ? "labeled result [" + q.label() + "] does not agree with previous values" : null;
  }

  /**
   * Orders values as a sort mode says.
   *
   * @param values the values, row by row
   * @param columns values per row
   * @param mode the mode
   * @return a sorted copy
   */
  static List<String> sort(List<String> values, int columns, SortMode mode) {
    List<String> out = new ArrayList<>(values);
    switch (mode) {
      case NOSORT -> { }
      case VALUESORT -> out.sort(null);
      case ROWSORT -> {
        int rows = values.size() / columns;
        String[][] grid = new String[rows][];
        for (int r = 0; r < rows; r++) {
          grid[r] = values.subList(r * columns, (r + 1) * columns).toArray(String[]::new);
        }
        Arrays.sort(grid, Arrays::compare);
        out.clear();
        for (String[] row : grid) {
          out.addAll(Arrays.asList(row));
        }
      }
      default -> throw new IllegalArgumentException(mode.toString());
    }
    return out;
  }

  /**
   * The MD5 sqllogictest computes over values: each value's bytes, then a line feed.
   *
   * @param values the values in order
   * @return 32 lower-case hex digits
   */
  static String md5(List<String> values) {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      for (String v : values) {
        md.update(v.getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The line standing for a hashed result.
   *
   * @param count the number of values
   * @param hash their MD5
   * @return {@code <count> values hashing to <hash>}
   */
  static String hashLine(int count, String hash) {
    return count + " values hashing to " + hash;
  }

  private static String firstDifference(List<String> expected, List<String> got) {
    for (int i = 0; i < Math.min(expected.size(), got.size()); i++) {
      if (!expected.get(i).equals(got.get(i))) {
        return "; first difference at value " + (i + 1) + ": expected [" + expected.get(i)
            + "] but got [" + got.get(i) + "]";
      }
    }
    return "";
  }

  private static String shown(String what, List<String> values) {
    List<String> head = values.subList(0, Math.min(SHOWN, values.size()));
    return "\n  " + what + ": " + head + (values.size() > SHOWN ? " ..." : "");
  }
}
