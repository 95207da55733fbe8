package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.ColumnStatistics;
import io.phantomdb.kernel.sql.catalog.TableStatistics;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TextCodec;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Estimates the fraction of a table's rows whose column lies in a {@link ColumnRange}, from the
 * column's ANALYZE statistics (NULL fraction, distinct values, min and max) or, without them,
 * PostgreSQL's defaults: 0.005 for an equality or IS NULL, 1/3 for a one-sided range, 0.005 for a
 * range bounded on both sides.
 */
final class Selectivity {
  static final double DEFAULT_EQ = 0.005;
  static final double DEFAULT_INEQ = 1.0 / 3;
  static final double DEFAULT_RANGE = 0.005;

  private Selectivity() {}

  /**
   * @param column the column
   * @param range the values passing
   * @param table the table's statistics, or null
   * @param rowCount the table's estimated row count
   * @param unique whether the column alone is a unique key
   * @return the fraction of rows passing, in [0, 1]
   */
  static double of(ColumnDescriptor column, ColumnRange range, @Nullable TableStatistics table, double rowCount,
      boolean unique) {
    ColumnStatistics stats = table == null ? null : table.column(column.id()).orElse(null);
    double nullFraction = stats != null ? stats.nullFraction() : 0;
    double perValue = stats != null ? (1 - nullFraction) / Math.max(1, stats.distinct())
        : unique ? 1 / Math.max(1, rowCount) : DEFAULT_EQ;
    double[] minMax = stats == null ? null : minMax(stats, column.type());
    double sel = range.nullIncluded() ? (stats != null ? nullFraction : column.nullable() ? DEFAULT_EQ : 0) : 0;
    for (ColumnRange.Interval i : range.intervals()) {
      if (i.isPoint()) {
        sel += perValue;
      } else if (i.lower() == null && i.upper() == null) {
        sel += 1 - nullFraction;
      } else {
        double f = minMax == null ? Double.NaN : fraction(i, minMax);
        if (Double.isNaN(f)) {
          f = i.lower() != null && i.upper() != null ? DEFAULT_RANGE : DEFAULT_INEQ;
        }
        sel += (1 - nullFraction) * Math.max(f, perValue);
      }
    }
    return Math.min(1, sel);
  }

  /** The share of [min, max] an interval covers, or NaN if the values have no scalar form. */
  private static double fraction(ColumnRange.Interval i, double[] minMax) {
    double lo = i.lower() == null ? minMax[0] : scalar(i.lower().value());
    double hi = i.upper() == null ? minMax[1] : scalar(i.upper().value());
    if (Double.isNaN(lo) || Double.isNaN(hi)) {
      return Double.NaN;
    }
    double width = minMax[1] - minMax[0];
    if (width <= 0) {
      return lo <= minMax[0] && minMax[0] <= hi ? 1 : 0;
    }
    double covered = Math.min(hi, minMax[1]) - Math.max(lo, minMax[0]);
    return Math.max(0, Math.min(1, covered / width));
  }

  private static double[] minMax(ColumnStatistics stats, DataType type) {
    if (stats.min() == null || stats.max() == null) {
      return null;
    }
    try {
      double min = scalar(TextCodec.parse(stats.min(), type));
      double max = scalar(TextCodec.parse(stats.max(), type));
      return Double.isNaN(min) || Double.isNaN(max) ? null : new double[] {min, max};
    } catch (RuntimeException e) {
      return null; // statistics of another type (the column changed); ignore them
    }
  }

  /** A value on a number line that keeps its order, for interpolation; NaN if there is none. */
  static double scalar(Object v) {
    if (v instanceof Number n) {
      double d = n.doubleValue();
      return Double.isInfinite(d) ? Double.NaN : d;
    }
    if (v instanceof LocalDate d) {
      return d.toEpochDay();
    }
    if (v instanceof LocalDateTime t) {
      return t.toEpochSecond(ZoneOffset.UTC) + t.getNano() / 1e9;
    }
    if (v instanceof Instant t) {
      return t.getEpochSecond() + t.getNano() / 1e9;
    }
    if (v instanceof LocalTime t) {
      return t.toNanoOfDay() / 1e9;
    }
    if (v instanceof String s) {
      double x = 0;
      double scale = 1;
      for (int k = 0; k < 6; k++) {
        scale /= 65536;
        x += (k < s.length() ? s.charAt(k) : 0) * scale;
      }
      return x;
    }
    return Double.NaN;
  }
}
