package io.phantomdb.kernel.sql.type;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A value of an anonymous composite type ({@code record}), as PostgreSQL's
 * {@code information_schema._pg_expandarray} returns: its fields in order, each with its type.
 * Its text form is PostgreSQL's: {@code (5,1)}, a NULL field empty, a field quoted when it is
 * empty or holds a comma, parenthesis, quote, backslash or blank.
 *
 * @param values the fields' values (unmodifiable; may hold nulls)
 * @param types the fields' types
 */
public record PgRecord(List<Object> values, List<DataType> types) implements Comparable<PgRecord> {
  /** Copies the lists. */
  public PgRecord {
    values = Collections.unmodifiableList(new ArrayList<>(values));
    types = List.copyOf(types);
    if (values.size() != types.size()) {
      throw new IllegalArgumentException("a record of " + values.size() + " values and " + types.size() + " types");
    }
  }

  /**
   * @param index a field's position, from 0
   * @return its value (may be null)
   */
  public Object get(int index) {
    return values.get(index);
  }

  /** @return PostgreSQL's text form */
  public String text() {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      Object v = values.get(i);
      if (v == null) {
        continue;
      }
      String s = TextCodec.format(v, types.get(i));
      if (s.isEmpty() || s.chars().anyMatch(c -> c == ',' || c == '(' || c == ')' || c == '"' || c == '\\'
          || Character.isWhitespace(c))) {
        sb.append('"');
        for (char c : s.toCharArray()) {
          if (c == '"' || c == '\\') {
            sb.append(c);
          }
          sb.append(c);
        }
        sb.append('"');
      } else {
        sb.append(s);
      }
    }
    return sb.append(')').toString();
  }

  /** Field by field, a NULL field after any value (as PostgreSQL's record comparison). */
  @Override
  public int compareTo(PgRecord o) {
    int n = Math.min(values.size(), o.values.size());
    for (int i = 0; i < n; i++) {
      Object a = values.get(i);
      Object b = o.values.get(i);
      int c = a == null || b == null ? (a == null ? (b == null ? 0 : 1) : -1) : Values.compare(types.get(i).kind(), a, b);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(values.size(), o.values.size());
  }

  @Override
  public String toString() {
    return text();
  }
}
