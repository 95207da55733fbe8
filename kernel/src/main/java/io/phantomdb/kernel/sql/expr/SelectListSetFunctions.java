package io.phantomdb.kernel.sql.expr;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.PgArray;
import io.phantomdb.kernel.sql.type.PgRecord;
import io.phantomdb.kernel.sql.type.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * Set-returning functions called in a select list, as PostgreSQL allows: {@code SELECT
 * generate_series(1, 3)}, {@code SELECT unnest(a) FROM t}, {@code SELECT
 * information_schema._pg_expandarray(a)}. The validator types such a call as one element of its
 * result (a {@code record} of {@code (x, n)} for {@code _pg_expandarray}); the projection that
 * holds it becomes a {@code ProjectSet}, which makes one output row per element
 * ({@link #values}). The same names called in FROM are {@link SetReturningFunctions}.
 */
public final class SelectListSetFunctions {
  private SelectListSetFunctions() {}

  /** generate_series(start, stop [, step]): an integer per step. */
  static final SetValued GENERATE_SERIES = new SetValued("GENERATE_SERIES", b -> {
    boolean big = false;
    for (int i = 0; i < b.getOperandCount(); i++) {
      big |= b.getOperandType(i).getSqlTypeName() == SqlTypeName.BIGINT;
    }
    return b.getTypeFactory().createSqlType(big ? SqlTypeName.BIGINT : SqlTypeName.INTEGER);
  }, OperandTypes.or(OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER),
      OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER)),
      (binding, returnType, operandTypes) -> {
        // a parameter ($1) whose type the client left open is an integer, as PostgreSQL resolves it
        for (int i = 0; i < operandTypes.length; i++) {
          operandTypes[i] = binding.getTypeFactory().createTypeWithNullability(
              binding.getTypeFactory().createSqlType(SqlTypeName.INTEGER), true);
        }
      });

  /** unnest(array): an element per row. */
  static final SetValued UNNEST = new SetValued("UNNEST", b -> {
    RelDataType component = component(b, "unnest");
    return b.getTypeFactory().createTypeWithNullability(component, true);
  }, OperandTypes.ANY);

  /** information_schema._pg_expandarray(array): a record (x, n) per element, n from 1. */
  static final SetValued PG_EXPANDARRAY = new SetValued("_PG_EXPANDARRAY", b -> {
    RelDataTypeFactory f = b.getTypeFactory();
    RelDataType component = f.createTypeWithNullability(component(b, "_pg_expandarray"), true);
    return f.builder().add("x", component).add("n", f.createTypeWithNullability(f.createSqlType(SqlTypeName.INTEGER),
        true)).build();
  }, OperandTypes.ANY);

  private static RelDataType component(SqlOperatorBinding b, String name) {
    RelDataType component = b.getOperandType(0).getComponentType();
    if (component == null) {
      throw new SqlException(SqlState.UNDEFINED_FUNCTION, "function " + name + "("
          + io.phantomdb.kernel.sql.type.CalciteTypes.toDataType(b.getOperandType(0)).sqlName() + ") does not exist", null,
          "No function matches the given name and argument types. You might need to add explicit type casts.", null);
    }
    return component;
  }

  /**
   * The select-list form of a call, if it calls one of these functions: {@code generate_series}
   * and {@code unnest} unqualified or in {@code pg_catalog}, {@code _pg_expandarray} in {@code
   * information_schema}.
   *
   * @param call a call as parsed
   * @return the operator to call instead, or null
   */
  public static SqlOperator selectListForm(SqlCall call) {
    if (!(call.getOperator() instanceof SqlFunction f) || f instanceof SetValued) {
      return null;
    }
    SqlIdentifier id = f.getSqlIdentifier();
    List<String> names = id == null ? List.of(f.getName()) : id.names;
    String name = names.get(names.size() - 1).toLowerCase(Locale.ROOT);
    String schema = names.size() == 2 ? names.get(0).toLowerCase(Locale.ROOT) : names.size() == 1 ? "" : null;
    if (schema == null) {
      return null;
    }
    if ((name.equals("generate_series") || name.equals("unnest")) && (schema.isEmpty() || schema.equals("pg_catalog"))) {
      return name.equals("unnest") ? UNNEST : GENERATE_SERIES;
    }
    return name.equals("_pg_expandarray") && schema.equals("information_schema") ? PG_EXPANDARRAY : null;
  }

  /**
   * @param op an operator of a plan
   * @return whether it is one of these functions (the plan's projection must then be a ProjectSet)
   */
  public static boolean isSetValued(SqlOperator op) {
    return op instanceof SetValued;
  }

  /**
   * The values one call returns.
   *
   * @param name the function's name (of an operator {@link #isSetValued} holds)
   * @param args its evaluated arguments
   * @param argTypes their types
   * @return one value per output row (none when an argument is null)
   */
  public static List<Object> values(String name, Object[] args, List<DataType> argTypes) {
    List<Object> out = new ArrayList<>();
    if (name.equals(PG_EXPANDARRAY.getName())) {
      if (args[0] == null) {
        return out;
      }
      List<DataType> types = List.of(DataType.of(argTypes.get(0).kind().elementKind()), DataType.of(TypeKind.INTEGER));
      int n = 1;
      for (Object e : ((PgArray) args[0]).elements()) {
        List<Object> fields = new ArrayList<>();
        fields.add(e);
        fields.add(n++);
        out.add(new PgRecord(fields, types));
      }
      return out;
    }
    for (Object[] row : SetReturningFunctions.rows(name, args)) {
      out.add(row[0]);
    }
    return out;
  }

  /**
   * A set-returning function typed as one of its values. Typed by itself (the operator table
   * holds the FROM forms under the same names), never folded as a constant.
   */
  static final class SetValued extends SqlFunction {
    SetValued(String name, SqlReturnTypeInference type, SqlOperandTypeChecker operands) {
      this(name, type, operands, null);
    }

    SetValued(String name, SqlReturnTypeInference type, SqlOperandTypeChecker operands,
        org.apache.calcite.sql.type.SqlOperandTypeInference unknowns) {
      super(name, SqlKind.OTHER_FUNCTION, type, unknowns, operands, SqlFunctionCategory.USER_DEFINED_FUNCTION);
    }

    @Override
    public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
      for (SqlNode operand : call.getOperandList()) {
        validator.deriveType(scope, operand);
      }
      return validateOperands(validator, scope, call);
    }

    @Override
    public boolean isDeterministic() {
      return false;
    }
  }
}
