package io.phantomdb.kernel.sql.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * PostgreSQL's typing of string literals next to arrays, which Calcite lacks: in {@code
 * 'd' = ANY(text_array)} the literal is text (Calcite would keep it CHAR(1) and refuse to compare
 * it with VARCHAR elements), and in {@code int_array = '{0}'} the literal is read as the array's
 * type.
 */
final class ArrayCoercion extends TypeCoercionImpl {
  ArrayCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
    super(typeFactory, validator);
  }

  /**
   * Rewrites {@code 'literal' op ANY|ALL (array)} to {@code CAST('literal' AS VARCHAR) op ANY|ALL
   * (array)} before validation (a sub-query on the right is left alone).
   *
   * @param node a node about to be validated
   */
  static void rewriteQuantified(SqlNode node) {
    if (node instanceof SqlBasicCall call && (call.getKind() == SqlKind.SOME || call.getKind() == SqlKind.ALL)
        && call.operandCount() == 2 && call.operand(0) instanceof SqlCharStringLiteral lit
        && !(call.operand(1) instanceof SqlSelect) && call.operand(1).getKind() != SqlKind.SELECT) {
      SqlParserPos pos = lit.getParserPosition();
      call.setOperand(0, SqlStdOperatorTable.CAST.createCall(pos, lit,
          new SqlDataTypeSpec(new org.apache.calcite.sql.SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, pos), pos)));
    }
  }

  @Override
  public boolean binaryComparisonCoercion(SqlCallBinding binding) {
    if (binding.getOperandCount() == 2) {
      for (int i = 0; i < 2; i++) {
        RelDataType t = binding.getOperandType(i);
        if (t.getSqlTypeName() == SqlTypeName.ARRAY && binding.operand(1 - i) instanceof SqlCharStringLiteral) {
          return coerceOperandType(binding.getScope(), binding.getCall(), 1 - i, t);
        }
      }
    }
    return super.binaryComparisonCoercion(binding);
  }
}
