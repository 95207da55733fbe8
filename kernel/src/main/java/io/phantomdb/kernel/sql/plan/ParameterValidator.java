package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * Calcite's validator with PostgreSQL's rules for the types of statement parameters ({@code $1},
 * {@code $2}, ...):
 *
 * <ul>
 *   <li>a parameter whose type the client declared has that type;
 *   <li>otherwise its type is inferred from where it first appears ({@code id = $1} gives it the
 *       type of {@code id}), and every later use of the same parameter has that type too;
 *   <li>a parameter nothing tells the type of ({@code SELECT $1}) is {@code text}, as PostgreSQL
 *       types an unknown-type parameter.
 * </ul>
 *
 * <p>One validator validates one statement; {@link #parameterTypes()} then lists the types of
 * {@code $1 .. $n}.
 */
final class ParameterValidator extends SqlValidatorImpl {
  private final List<RelDataType> declared = new ArrayList<>();
  private final List<RelDataType> resolved = new ArrayList<>();

  ParameterValidator(SqlOperatorTable operators, SqlValidatorCatalogReader catalogReader,
      RelDataTypeFactory typeFactory, Config config) {
    super(operators, catalogReader, typeFactory, config.withTypeCoercionFactory(ArrayCoercion::new));
  }

  @Override
  protected SqlNode performUnconditionalRewrites(SqlNode node, boolean underFrom) {
    SqlNode rewritten = super.performUnconditionalRewrites(node, underFrom);
    ArrayCoercion.rewriteQuantified(rewritten);
    if (rewritten instanceof org.apache.calcite.sql.SqlSelect select) {
      SelectListSrfs.rewrite(select);
    }
    return aliasNamesColumn(rewritten);
  }

  /**
   * {@code FROM generate_series(1, 3) s}: as in PostgreSQL, the alias of a function returning one
   * column names the column too.
   */
  private static SqlNode aliasNamesColumn(SqlNode node) {
    if (!(node instanceof org.apache.calcite.sql.SqlBasicCall as) || as.getKind() != org.apache.calcite.sql.SqlKind.AS
        || as.operandCount() != 2) {
      return node;
    }
    SqlNode fn = as.operand(0);
    if (fn instanceof org.apache.calcite.sql.SqlBasicCall t
        && t.getKind() == org.apache.calcite.sql.SqlKind.COLLECTION_TABLE && t.operandCount() == 1) {
      fn = t.operand(0);
    }
    if (fn instanceof org.apache.calcite.sql.SqlCall call && call.getOperator() != null
        && io.phantomdb.kernel.sql.expr.SetReturningFunctions.isSetReturning(call.getOperator().getName())) {
      return org.apache.calcite.sql.fun.SqlStdOperatorTable.AS.createCall(as.getParserPosition(),
          as.operand(0), as.operand(1), as.operand(1));
    }
    return node;
  }

  /**
   * Sets the declared parameter types before validation.
   *
   * @param types the type of each parameter by index ({@code $1} first), null where the client
   *     left it to be inferred; shorter than the number of parameters is fine
   */
  void declare(List<RelDataType> types) {
    declared.clear();
    declared.addAll(types);
    resolved.clear();
    resolved.addAll(types);
  }

  /**
   * @return the type of every parameter after validation, {@code $1} first
   * @throws SqlException 42P18 if a parameter below the highest one is never used and has no
   *     declared type (PostgreSQL cannot tell its type either)
   */
  List<RelDataType> parameterTypes() {
    for (int i = 0; i < resolved.size(); i++) {
      if (resolved.get(i) == null) {
        throw new SqlException(SqlState.INDETERMINATE_DATATYPE,
            "could not determine data type of parameter $" + (i + 1));
      }
    }
    return List.copyOf(resolved);
  }

  /** A parameter with a declared type has it before anything infers one (for operators' checks). */
  /** @return the parameter types known after validation (null where never seen), {@code $1} first */
  List<RelDataType> resolvedSoFar() {
    return new ArrayList<>(resolved);
  }

  @Override
  public RelDataType deriveType(SqlValidatorScope scope, SqlNode expr) {
    if (expr instanceof SqlDynamicParam param) {
      int i = param.getIndex();
      if (i < resolved.size() && resolved.get(i) != null) {
        setValidatedNodeType(expr, resolved.get(i));
        return resolved.get(i);
      }
    }
    return super.deriveType(scope, expr);
  }

  @Override
  protected void inferUnknownTypes(RelDataType inferredType, SqlValidatorScope scope, SqlNode node) {
    if (node instanceof SqlDynamicParam param) {
      setValidatedNodeType(node, typeOf(param.getIndex(), inferredType));
      return;
    }
    super.inferUnknownTypes(inferredType, scope, node);
  }

  private RelDataType typeOf(int index, RelDataType inferred) {
    while (resolved.size() <= index) {
      resolved.add(null);
    }
    RelDataType type = resolved.get(index);
    if (type == null) {
      RelDataTypeFactory f = getTypeFactory();
      if (inferred == null || inferred.equals(getUnknownType()) || inferred.getSqlTypeName() == SqlTypeName.NULL) {
        type = f.createSqlType(SqlTypeName.VARCHAR);
      } else {
        type = inferred;
      }
      // a parameter may always be NULL
      type = f.createTypeWithNullability(type, true);
      resolved.set(index, type);
    }
    return type;
  }
}
