package io.phantomdb.kernel.sql.expr;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.type.PgArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The set-returning functions PhantomDB has, called in FROM: {@code generate_series(start, stop
 * [, step])} over integers (int4, or int8 when an argument is) and {@code unnest(array)}. Each has
 * one column named after the function (or after the alias, as PostgreSQL: {@code FROM
 * generate_series(1, 3) s} has column {@code s}). Arguments may name columns of an outer query.
 */
public final class SetReturningFunctions {
  private SetReturningFunctions() {}

  /** generate_series(start, stop [, step]). */
  static final SqlFunction GENERATE_SERIES = new TableFunction("GENERATE_SERIES", b -> {
    RelDataTypeFactory f = b.getTypeFactory();
    boolean big = false;
    for (int i = 0; i < b.getOperandCount(); i++) {
      big |= b.getOperandType(i).getSqlTypeName() == SqlTypeName.BIGINT;
    }
    return f.builder().add("generate_series", big ? SqlTypeName.BIGINT : SqlTypeName.INTEGER).nullable(true).build();
  }, OperandTypes.or(OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER),
      OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER)));

  /** unnest(array). */
  static final SqlFunction UNNEST = new TableFunction("UNNEST", b -> {
    RelDataType component = b.getOperandType(0).getComponentType();
    if (component == null) {
      throw new SqlException(SqlState.UNDEFINED_FUNCTION, "function unnest(" + b.getOperandType(0) + ") does not exist",
          null, "No function matches the given name and argument types. You might need to add explicit type casts.", null);
    }
    return b.getTypeFactory().builder().add("unnest", b.getTypeFactory().createTypeWithNullability(component, true))
        .build();
  }, OperandTypes.ARRAY);

  /** @return the functions the validator should know */
  static List<SqlFunction> operators() {
    return List.of(GENERATE_SERIES, UNNEST);
  }

  /**
   * @param name a function's name as {@link #operators()} spells it
   * @return whether it is one of these set-returning functions
   */
  public static boolean isSetReturning(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    return n.equals("GENERATE_SERIES") || n.equals("UNNEST");
  }

  /**
   * The rows of one call.
   *
   * @param name the function's name
   * @param args its evaluated arguments
   * @return one single-column row per value (none when an argument is null)
   */
  public static List<Object[]> rows(String name, Object[] args) {
    List<Object[]> out = new ArrayList<>();
    for (Object a : args) {
      if (a == null) {
        return out;
      }
    }
    if (name.equalsIgnoreCase("UNNEST")) {
      for (Object e : ((PgArray) args[0]).elements()) {
        out.add(new Object[] {e});
      }
      return out;
    }
    boolean big = false;
    for (Object a : args) {
      big |= a instanceof Long;
    }
    long start = ((Number) args[0]).longValue();
    long stop = ((Number) args[1]).longValue();
    long step = args.length > 2 ? ((Number) args[2]).longValue() : 1;
    if (step == 0) {
      throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "step size cannot equal zero");
    }
    for (long v = start; step > 0 ? v <= stop : v >= stop; v += step) {
      out.add(new Object[] {big ? (Object) v : (Object) (int) v});
      if (step > 0 ? v > Long.MAX_VALUE - step : v < Long.MIN_VALUE - step) {
        break;
      }
    }
    return out;
  }

  /** A function called in FROM whose row type depends on its arguments. */
  private static final class TableFunction extends SqlFunction implements SqlTableFunction {
    private final SqlReturnTypeInference rowType;

    TableFunction(String name, SqlReturnTypeInference rowType,
        org.apache.calcite.sql.type.SqlOperandTypeChecker operands) {
      super(name, SqlKind.OTHER_FUNCTION, org.apache.calcite.sql.type.ReturnTypes.CURSOR, null, operands,
          SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
      this.rowType = rowType;
    }

    @Override
    public SqlReturnTypeInference getRowTypeInference() {
      return rowType;
    }

    @Override
    public RelDataType inferReturnType(SqlOperatorBinding b) {
      return super.inferReturnType(b);
    }
  }
}
