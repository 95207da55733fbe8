package io.phantomdb.kernel.sql.expr;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TypeKind;

/** The errors expressions raise, with PostgreSQL's SQLSTATEs and messages. */
final class Errors {
  /** PostgreSQL: invalid argument for logarithm. */
  static final String INVALID_ARGUMENT_FOR_LOG = "2201E";
  /** PostgreSQL: invalid argument for power function. */
  static final String INVALID_ARGUMENT_FOR_POWER = "2201F";
  /** PostgreSQL: negative substring length. */
  static final String SUBSTRING_ERROR = "22011";

  private Errors() {}

  static SqlException outOfRange(TypeKind kind) {
    return new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, DataType.of(kind).sqlName() + " out of range");
  }

  static SqlException divisionByZero() {
    return new SqlException(SqlState.DIVISION_BY_ZERO, "division by zero");
  }

  static SqlException floatOverflow() {
    return new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
  }

  static SqlException floatUnderflow() {
    return new SqlException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
  }

  static SqlException timestampOutOfRange() {
    return new SqlException(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
  }

  static SqlException dateOutOfRange() {
    return new SqlException(SqlState.DATETIME_FIELD_OVERFLOW, "date out of range");
  }

  static SqlException intervalOutOfRange() {
    return new SqlException("22008", "interval out of range");
  }

  static SqlException unsupported(String what) {
    return new SqlException(SqlState.FEATURE_NOT_SUPPORTED, what + " is not supported");
  }

  static SqlException invalidParameter(String message) {
    return new SqlException(SqlState.INVALID_PARAMETER_VALUE, message);
  }

  static SqlException cannotCast(DataType from, DataType to) {
    return new SqlException(
        SqlState.DATATYPE_MISMATCH, "cannot cast type " + from.sqlName() + " to " + to.sqlName());
  }
}
