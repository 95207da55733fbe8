package io.phantomdb.kernel.sql.type;

import java.util.Objects;

/**
 * A SQL type as a column, expression or parameter has it: the kind, its modifiers, and whether
 * NULL is possible. Immutable.
 *
 * @param kind the kind of value
 * @param precision NUMERIC: total digits (0 = unconstrained); CHAR/VARCHAR: the length in
 *     characters (0 = unbounded VARCHAR, CHAR defaults to 1); TIME/TIMESTAMP/TIMESTAMPTZ:
 *     fractional-second digits 0..6 ({@link #DEFAULT_TIME_PRECISION} if unspecified); 0 otherwise
 * @param scale NUMERIC: digits after the decimal point; 0 otherwise
 * @param nullable whether NULL is a possible value
 */
public record DataType(TypeKind kind, int precision, int scale, boolean nullable) {
  /** Fractional-second digits when a time type gives none: microseconds, as PostgreSQL. */
  public static final int DEFAULT_TIME_PRECISION = 6;

  /** Checks the modifiers. */
  public DataType {
    Objects.requireNonNull(kind, "kind");
    if (precision < 0 || scale < 0 || (kind == TypeKind.NUMERIC && precision > 0 && scale > precision)) {
      throw new IllegalArgumentException("bad modifiers for " + kind + ": " + precision + ", " + scale);
    }
  }

  /**
   * A nullable type without modifiers.
   *
   * @param kind the kind
   * @return the type
   */
  public static DataType of(TypeKind kind) {
    int p = switch (kind) {
      case TIME, TIMESTAMP, TIMESTAMPTZ -> DEFAULT_TIME_PRECISION;
      case CHAR -> 1;
      default -> 0;
    };
    return new DataType(kind, p, 0, true);
  }

  /**
   * A nullable type with modifiers.
   *
   * @param kind the kind
   * @param precision see the record description
   * @param scale see the record description
   * @return the type
   */
  public static DataType of(TypeKind kind, int precision, int scale) {
    return new DataType(kind, precision, scale, true);
  }

  /**
   * @param isNullable whether NULL is possible
   * @return this type with the given nullability
   */
  public DataType withNullable(boolean isNullable) {
    return isNullable == nullable ? this : new DataType(kind, precision, scale, isNullable);
  }

  /** @return the type as PostgreSQL writes it, such as {@code numeric(10,2)} or {@code integer} */
  public String sqlName() {
    return switch (kind) {
      case BOOLEAN -> "boolean";
      case SMALLINT -> "smallint";
      case INTEGER -> "integer";
      case BIGINT -> "bigint";
      case NUMERIC -> precision == 0 ? "numeric" : "numeric(" + precision + "," + scale + ")";
      case REAL -> "real";
      case DOUBLE -> "double precision";
      case CHAR -> "character(" + precision + ")";
      case VARCHAR -> precision == 0 ? "character varying" : "character varying(" + precision + ")";
      case TEXT -> "text";
      case BYTEA -> "bytea";
      case DATE -> "date";
      case TIME -> timeName("time without time zone");
      case TIMESTAMP -> timeName("timestamp without time zone");
      case TIMESTAMPTZ -> timeName("timestamp with time zone");
      case INTERVAL -> "interval";
      case UUID -> "uuid";
      case UNKNOWN -> "unknown";
      case BOOL_ARRAY -> "boolean[]";
      case INT2_ARRAY -> "smallint[]";
      case INT4_ARRAY -> "integer[]";
      case INT8_ARRAY -> "bigint[]";
      case TEXT_ARRAY -> "text[]";
      case RECORD -> "record";
    };
  }

  private String timeName(String name) {
    if (precision == DEFAULT_TIME_PRECISION) {
      return name;
    }
    int space = name.indexOf(' ');
    return name.substring(0, space) + "(" + precision + ")" + name.substring(space);
  }

  @Override
  public String toString() {
    return sqlName() + (nullable ? "" : " not null");
  }
}
