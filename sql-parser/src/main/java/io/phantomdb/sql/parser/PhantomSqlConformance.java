package io.phantomdb.sql.parser;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * The SQL conformance PhantomDB parses (and validates) with: PostgreSQL's dialect, built on
 * Calcite's {@link SqlConformanceEnum#LENIENT}.
 *
 * <p>Why LENIENT and not BABEL: both accept {@code !=}, {@code %}, {@code LIMIT n OFFSET m} and
 * {@code OFFSET m LIMIT n}, GROUP BY aliases and ordinals, INSERT of a subset of the columns. But
 * BABEL also rejects explicit {@code ROW(...)} constructors (PostgreSQL has them) and turns on
 * liberal validation (SELECT aliases in WHERE, non-strict GROUP BY, lenient coercions) that
 * PostgreSQL refuses. On top of LENIENT this class switches off what PostgreSQL does not have:
 * MySQL's {@code LIMIT start, count}, {@code MINUS}, {@code APPLY}, {@code VALUE} for
 * {@code VALUES}, string literals as column aliases, aliases in HAVING, unsigned and geometry
 * types, Calcite's {@code INSERT INTO t (extra_col type)} extension, and
 * {@code CURRENT_DATE()} with parentheses.
 */
public final class PhantomSqlConformance extends SqlDelegatingConformance {
  /** The one instance. */
  public static final PhantomSqlConformance INSTANCE = new PhantomSqlConformance();

  private PhantomSqlConformance() {
    super(SqlConformanceEnum.LENIENT);
  }

  @Override public boolean isBangEqualAllowed() {
    return true;
  }

  @Override public boolean isPercentRemainderAllowed() {
    return true;
  }

  @Override public boolean isOffsetLimitAllowed() {
    return true;
  }

  @Override public boolean isLimitStartCountAllowed() {
    return false;
  }

  @Override public boolean isMinusAllowed() {
    return false;
  }

  @Override public boolean isApplyAllowed() {
    return false;
  }

  @Override public boolean isValueAllowed() {
    return false;
  }

  @Override public boolean allowCharLiteralAlias() {
    return false;
  }

  @Override public boolean isHavingAlias() {
    return false;
  }

  @Override public boolean allowGeometry() {
    return false;
  }

  @Override public boolean supportsUnsignedTypes() {
    return false;
  }

  @Override public boolean allowExtend() {
    return false;
  }

  @Override public boolean allowNiladicParentheses() {
    return false;
  }

  @Override public boolean allowExplicitRowValueConstructor() {
    return true;
  }

  @Override public boolean isGroupByAlias() {
    return true;
  }

  @Override public boolean isGroupByOrdinal() {
    return true;
  }

  @Override public boolean isSortByOrdinal() {
    return true;
  }

  @Override public boolean isSortByAlias() {
    return true;
  }

  @Override public boolean isInsertSubsetColumnsAllowed() {
    return true;
  }
}
