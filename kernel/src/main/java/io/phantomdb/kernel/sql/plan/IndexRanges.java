package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.encoding.KeyColumn;
import io.phantomdb.kernel.sql.encoding.KeyEncoder;
import io.phantomdb.kernel.sql.encoding.KeyRanges;
import io.phantomdb.kernel.sql.store.IndexLayout;
import io.phantomdb.kernel.sql.type.TextCodec;
import io.phantomdb.kernel.sql.type.TypeKind;
import io.phantomdb.spi.storage.KeyRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rex.RexNode;

/**
 * The key ranges of one index that a filter allows: equalities and IN lists on its leading columns
 * (each value a separate key prefix), then ranges on the next column. The ranges come in the
 * index's order, so reading them one after the other keeps that order.
 *
 * @param ranges the key ranges, ascending; empty when the filter passes nothing
 * @param used how many leading index columns the ranges restrict
 * @param fixed how many leading index columns are fixed to a single value
 * @param columns the ranges of the restricted columns, in index order
 * @param consumed the conjuncts the ranges stand for exactly (the rest must still be checked)
 * @param condition the restriction as EXPLAIN shows it, or "" if none
 */
record IndexRanges(List<KeyRange> ranges, int used, int fixed, List<ColumnRange> columns, List<RexNode> consumed,
    java.util.function.Supplier<String> condition) {
  /** Past this many key prefixes, an IN list is left to the filter. */
  static final int MAX_RANGES = 1024;

  /**
   * @param index the index
   * @param table its table
   * @param filters what the filter says per visible column
   * @return the ranges ({@code used == 0}: the whole index)
   */
  static IndexRanges of(IndexLayout index, TableDescriptor table, Map<Integer, RangeExtractor.ColumnFilter> filters) {
    List<ColumnDescriptor> visible = table.visibleColumns();
    List<byte[]> prefixes = List.of(index.prefix());
    List<ColumnRange> used = new ArrayList<>();
    List<RexNode> consumed = new ArrayList<>();
    List<String> names = new ArrayList<>();
    int fixed = 0;
    boolean single = true;
    for (int k = 0; k < index.keyColumns().size(); k++) {
      int col = visibleIndex(visible, index.index().columns().get(k).columnId());
      RangeExtractor.ColumnFilter f = col < 0 ? null : filters.get(col);
      if (f == null) {
        break;
      }
      ColumnRange r = f.range();
      KeyColumn kc = index.keyColumns().get(k);
      KeyColumn enc = new KeyColumn(r.keyType(), kc.descending(), kc.nullsFirst());
      String name = visible.get(col).name();
      boolean points = r.isPoints();
      int pieces = points ? r.pointCount() : r.intervals().size() + (r.nullIncluded() ? 1 : 0);
      if ((long) pieces * prefixes.size() > MAX_RANGES) {
        break;
      }
      used.add(r);
      consumed.addAll(f.conjuncts());
      names.add(name);
      if (r.isEmpty()) {
        return new IndexRanges(List.of(), used.size(), fixed, used, consumed, condition(names, used));
      }
      if (points) {
        List<byte[]> next = new ArrayList<>();
        for (byte[] p : prefixes) {
          for (Object v : inIndexOrder(r, enc)) {
            next.add(concat(p, KeyEncoder.encode(enc, v)));
          }
        }
        prefixes = next;
        single &= r.pointCount() == 1;
        fixed += single ? 1 : 0;
        continue;
      }
      List<KeyRange> ranges = new ArrayList<>();
      for (byte[] p : prefixes) {
        List<KeyRange> mine = new ArrayList<>();
        for (ColumnRange.Interval i : r.intervals()) {
          mine.add(KeyRanges.between(p, enc, i.lower() == null ? null : i.lower().value(),
              i.lower() != null && i.lower().inclusive(), i.upper() == null ? null : i.upper().value(),
              i.upper() != null && i.upper().inclusive()));
        }
        if (kc.descending()) {
          Collections.reverse(mine);
        }
        if (r.nullIncluded()) {
          mine.add(kc.nullsFirst() ? 0 : mine.size(), KeyRanges.equal(p, enc, null));
        }
        ranges.addAll(mine);
      }
      return new IndexRanges(ranges, used.size(), fixed, used, consumed, condition(names, used));
    }
    List<KeyRange> ranges = new ArrayList<>();
    for (byte[] p : prefixes) {
      ranges.add(KeyRange.prefix(p));
    }
    return new IndexRanges(ranges, used.size(), fixed, used, consumed, condition(names, used));
  }

  /** The single values of a points-only range in the index's order, NULL where it sorts. */
  private static List<Object> inIndexOrder(ColumnRange r, KeyColumn enc) {
    List<Object> values = new ArrayList<>();
    for (ColumnRange.Interval i : r.intervals()) {
      values.add(i.lower().value());
    }
    if (enc.descending()) {
      Collections.reverse(values);
    }
    if (r.nullIncluded()) {
      values.add(enc.nullsFirst() ? 0 : values.size(), null);
    }
    return values;
  }

  static int visibleIndex(List<ColumnDescriptor> visible, int columnId) {
    for (int i = 0; i < visible.size(); i++) {
      if (visible.get(i).id() == columnId) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  /** The EXPLAIN text of the used columns' ranges, made only if asked for (EXPLAIN). */
  private static java.util.function.Supplier<String> condition(List<String> names, List<ColumnRange> used) {
    return () -> {
      List<String> parts = new ArrayList<>(names.size());
      for (int i = 0; i < names.size(); i++) {
        parts.add(describe(names.get(i), used.get(i)));
      }
      return join(parts);
    };
  }

  private static String join(List<String> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return parts.isEmpty() ? "" : "(" + String.join(" AND ", parts) + ")";
  }

  /** A column's range in PostgreSQL's EXPLAIN style: {@code (a = 5)}, {@code ((a > 1) AND (a < 5))}. */
  static String describe(String column, ColumnRange r) {
    if (r.isEmpty()) {
      return "false";
    }
    List<String> alternatives = new ArrayList<>();
    if (r.isPoints() && r.intervals().size() > 1) {
      List<String> values = new ArrayList<>();
      for (ColumnRange.Interval i : r.intervals()) {
        values.add(format(i.lower().value(), r, false));
      }
      alternatives.add("(" + column + " = ANY ('{" + String.join(",", values) + "}'))");
    } else {
      for (ColumnRange.Interval i : r.intervals()) {
        alternatives.add(interval(column, i, r));
      }
    }
    if (r.nullIncluded()) {
      alternatives.add("(" + column + " IS NULL)");
    }
    return alternatives.size() == 1 ? alternatives.get(0) : "(" + String.join(" OR ", alternatives) + ")";
  }

  private static String interval(String column, ColumnRange.Interval i, ColumnRange r) {
    if (i.isPoint()) {
      return "(" + column + " = " + format(i.lower().value(), r, true) + ")";
    }
    List<String> sides = new ArrayList<>();
    if (i.lower() != null) {
      sides.add("(" + column + (i.lower().inclusive() ? " >= " : " > ") + format(i.lower().value(), r, true) + ")");
    }
    if (i.upper() != null) {
      sides.add("(" + column + (i.upper().inclusive() ? " <= " : " < ") + format(i.upper().value(), r, true) + ")");
    }
    if (sides.isEmpty()) {
      return "(" + column + " IS NOT NULL)";
    }
    return sides.size() == 1 ? sides.get(0) : "(" + String.join(" AND ", sides) + ")";
  }

  private static String format(Object v, ColumnRange r, boolean quote) {
    TypeKind k = r.keyType().kind();
    String text = v instanceof Number && k.isInteger() ? v.toString() : TextCodec.format(v, r.keyType());
    return quote && !k.isNumeric() ? "'" + text.replace("'", "''") + "'" : text;
  }
}
