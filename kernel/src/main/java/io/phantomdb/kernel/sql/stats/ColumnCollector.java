package io.phantomdb.kernel.sql.stats;

import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.ColumnStatistics;
import io.phantomdb.kernel.sql.encoding.KeyColumn;
import io.phantomdb.kernel.sql.encoding.KeyEncoder;
import io.phantomdb.kernel.sql.type.TextCodec;
import io.phantomdb.kernel.sql.type.TypeKind;
import io.phantomdb.kernel.sql.type.Values;

/**
 * Gathers one column's statistics from its values: NULLs, distinct values (by the hash of their
 * key encoding, so values PostgreSQL holds equal count once), and for ordered types the least and
 * greatest value. Not thread-safe.
 */
final class ColumnCollector {
  /** Longer min/max texts are not kept (they would bloat the catalog for little use). */
  static final int MAX_BOUND_TEXT = 200;

  private final ColumnDescriptor column;
  private final KeyColumn key;
  private final boolean ordered;
  private final DistinctCounter distinct = new DistinctCounter();
  private long nulls;
  private long values;
  private Object min;
  private Object max;

  ColumnCollector(ColumnDescriptor column) {
    this.column = column;
    this.key = KeyColumn.asc(column.type());
    TypeKind k = column.type().kind();
    this.ordered = k.isNumeric() || k.isText() || k == TypeKind.DATE || k == TypeKind.TIME
        || k == TypeKind.TIMESTAMP || k == TypeKind.TIMESTAMPTZ;
  }

  void add(Object v) {
    if (v == null) {
      nulls++;
      return;
    }
    values++;
    distinct.add(DistinctCounter.hash(KeyEncoder.encode(key, v)));
    if (ordered && !(v instanceof Double d && d.isNaN()) && !(v instanceof Float f && f.isNaN())) {
      TypeKind k = column.type().kind();
      if (min == null || Values.compare(k, v, min) < 0) {
        min = v;
      }
      if (max == null || Values.compare(k, v, max) > 0) {
        max = v;
      }
    }
  }

  ColumnStatistics result() {
    long rows = nulls + values;
    double nullFraction = rows == 0 ? 0 : (double) nulls / rows;
    return new ColumnStatistics(column.id(), nullFraction, Math.min(values, Math.round(distinct.estimate())),
        text(min), text(max));
  }

  private String text(Object v) {
    if (v == null) {
      return null;
    }
    String s = TextCodec.format(v, column.type());
    return s.length() > MAX_BOUND_TEXT ? null : s;
  }
}
