package io.phantomdb.kernel.sql.expr;

import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TextCodec;

/** Converts the values bound to a statement's parameters to the parameters' types. */
public final class ParameterValues {
  private ParameterValues() {}

  /**
   * Converts a bound parameter value to its parameter's type, as an assignment would: a value of
   * the type's Java class is taken as is, a String is read as PostgreSQL text input of the type,
   * any other value is cast.
   *
   * @param v the value (null gives null)
   * @param to the parameter's type
   * @param zone the session time zone (text of a timestamptz without an offset is in it)
   * @return the value as {@code to}'s class
   * @throws io.phantomdb.kernel.sql.SqlException 22P02, 22003, ... if it does not convert
   */
  public static Object convert(Object v, DataType to, java.time.ZoneId zone) {
    if (v == null) {
      return null;
    }
    if (to.kind().javaClass().isInstance(v)) {
      return fit(v, to);
    }
    if (v instanceof String s) {
      return TextCodec.parse(s, to, zone);
    }
    return Casts.convert(v, Conv.typeOfValue(v), to, false, zone);
  }

  /**
   * Converts every value of an execution.
   *
   * @param values the bound values, one per type
   * @param types the parameters' types
   * @param zone the session time zone
   * @return the converted values (a new array)
   */
  public static Object[] convertAll(Object[] values, java.util.List<DataType> types, java.time.ZoneId zone) {
    Object[] out = new Object[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = i < types.size() ? convert(values[i], types.get(i), zone) : values[i];
    }
    return out;
  }

  /** A value of the type's class fitted to its precision, scale or length, as on assignment. */
  private static Object fit(Object v, DataType to) {
    return switch (to.kind()) {
      case NUMERIC -> to.precision() > 0 ? TextCodec.fitNumeric((java.math.BigDecimal) v, to) : v;
      case CHAR, VARCHAR -> to.precision() > 0 ? TextCodec.fitString((String) v, to, false) : v;
      default -> v;
    };
  }
}
