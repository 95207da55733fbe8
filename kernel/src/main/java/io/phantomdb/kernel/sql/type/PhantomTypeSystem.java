package io.phantomdb.kernel.sql.type;

import java.math.RoundingMode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Calcite's type system with PostgreSQL's limits and result types, so that what the validator
 * derives is what PostgreSQL would report:
 *
 * <ul>
 *   <li>NUMERIC holds up to {@value #MAX_NUMERIC_PRECISION} digits with up to {@value
 *       #MAX_NUMERIC_SCALE} after the point. Calcite has no unconstrained DECIMAL, so {@code
 *       DECIMAL(1000, s)} (any scale) stands for PostgreSQL's {@code numeric} without modifiers;
 *       {@link CalciteTypes} maps it so. Plain {@code NUMERIC} in SQL, and the result of every
 *       arithmetic on NUMERIC, is such an unconstrained type, as in PostgreSQL.
 *   <li>VARCHAR without a length is unbounded (PostgreSQL's {@code text}); lengths go up to
 *       10485760 characters.
 *   <li>TIME and TIMESTAMP carry microseconds (precision 6) unless told otherwise.
 *   <li>{@code sum(smallint|integer)} is {@code bigint}, {@code sum(bigint|numeric)} is {@code
 *       numeric}, {@code avg} of an exact type is {@code numeric} and of a float {@code double
 *       precision}.
 *   <li>Rounding of exact values is half away from zero (PostgreSQL's {@code numeric} rounding).
 *   <li>Unions and CASE of character types of different lengths are {@code varchar}, not
 *       blank-padded {@code char}.
 * </ul>
 */
public final class PhantomTypeSystem extends RelDataTypeSystemImpl {
  /** The one instance. */
  public static final PhantomTypeSystem INSTANCE = new PhantomTypeSystem();

  /** Most digits a NUMERIC holds; a DECIMAL with this precision is an unconstrained numeric. */
  public static final int MAX_NUMERIC_PRECISION = 1000;

  /** Most digits after the decimal point a NUMERIC type can declare. */
  public static final int MAX_NUMERIC_SCALE = 1000;

  /** Longest CHAR/VARCHAR length a type can declare (PostgreSQL's limit). */
  public static final int MAX_CHAR_LENGTH = 10_485_760;

  /** Fractional-second digits of time types: microseconds. */
  public static final int TIME_PRECISION = 6;

  /** Scale given to the type of avg() over exact values (its values have PostgreSQL's scale). */
  static final int AVG_SCALE = 16;

  private PhantomTypeSystem() {}

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? MAX_NUMERIC_SCALE : super.getMaxScale(typeName);
  }

  @Override
  public int getDefaultPrecision(SqlTypeName typeName) {
    return switch (typeName) {
      case DECIMAL -> MAX_NUMERIC_PRECISION;
      case TIME, TIME_WITH_LOCAL_TIME_ZONE, TIME_TZ, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE,
          TIMESTAMP_TZ -> TIME_PRECISION;
      default -> super.getDefaultPrecision(typeName);
    };
  }

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    return switch (typeName) {
      case DECIMAL -> MAX_NUMERIC_PRECISION;
      case CHAR, VARCHAR -> MAX_CHAR_LENGTH;
      case BINARY, VARBINARY -> Integer.MAX_VALUE;
      case TIME, TIME_WITH_LOCAL_TIME_ZONE, TIME_TZ, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE,
          TIMESTAMP_TZ -> TIME_PRECISION;
      default -> super.getMaxPrecision(typeName);
    };
  }

  @Override
  public RoundingMode roundingMode() {
    return RoundingMode.HALF_UP;
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }

  @Override
  public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    RelDataType t = switch (argumentType.getSqlTypeName()) {
      case TINYINT, SMALLINT, INTEGER -> typeFactory.createSqlType(SqlTypeName.BIGINT);
      case BIGINT -> unconstrainedNumeric(typeFactory, 0);
      case DECIMAL -> unconstrainedNumeric(typeFactory, argumentType.getScale());
      default -> argumentType;
    };
    return typeFactory.createTypeWithNullability(t, argumentType.isNullable());
  }

  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    RelDataType t = switch (argumentType.getSqlTypeName()) {
      case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL -> unconstrainedNumeric(typeFactory, AVG_SCALE);
      case REAL, FLOAT, DOUBLE -> typeFactory.createSqlType(SqlTypeName.DOUBLE);
      default -> argumentType;
    };
    return typeFactory.createTypeWithNullability(t, argumentType.isNullable());
  }

  @Override
  public RelDataType deriveDecimalPlusType(
      RelDataTypeFactory typeFactory, RelDataType type1, RelDataType type2) {
    if (!isDecimalArithmetic(type1, type2)) {
      return null;
    }
    return unconstrainedNumeric(typeFactory, Math.max(type1.getScale(), type2.getScale()));
  }

  @Override
  public RelDataType deriveDecimalMultiplyType(
      RelDataTypeFactory typeFactory, RelDataType type1, RelDataType type2) {
    if (!isDecimalArithmetic(type1, type2)) {
      return null;
    }
    return unconstrainedNumeric(typeFactory, type1.getScale() + type2.getScale());
  }

  @Override
  public RelDataType deriveDecimalDivideType(
      RelDataTypeFactory typeFactory, RelDataType type1, RelDataType type2) {
    if (!isDecimalArithmetic(type1, type2)) {
      return null;
    }
    return unconstrainedNumeric(
        typeFactory, Math.max(AVG_SCALE, Math.max(type1.getScale(), type2.getScale())));
  }

  @Override
  public RelDataType deriveDecimalModType(
      RelDataTypeFactory typeFactory, RelDataType type1, RelDataType type2) {
    if (!isDecimalArithmetic(type1, type2)) {
      return null;
    }
    return unconstrainedNumeric(typeFactory, Math.max(type1.getScale(), type2.getScale()));
  }

  private static boolean isDecimalArithmetic(RelDataType type1, RelDataType type2) {
    return SqlTypeUtil.isExactNumeric(type1)
        && SqlTypeUtil.isExactNumeric(type2)
        && (SqlTypeUtil.isDecimal(type1) || SqlTypeUtil.isDecimal(type2));
  }

  /**
   * @param typeFactory the factory
   * @param scale the scale Calcite should assume (values keep their own)
   * @return PostgreSQL's {@code numeric} without modifiers, as Calcite sees it
   */
  public static RelDataType unconstrainedNumeric(RelDataTypeFactory typeFactory, int scale) {
    return typeFactory.createSqlType(
        SqlTypeName.DECIMAL, MAX_NUMERIC_PRECISION, Math.max(0, Math.min(scale, MAX_NUMERIC_SCALE)));
  }
}
