package io.phantomdb.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.SqlParserUtil;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * Helpers the generated parser ({@code io.phantomdb.sql.parser.impl.PhantomSqlParserImpl})
 * calls from PhantomDB's grammar productions. Not for other callers.
 */
public final class PhantomParserSupport {
  private PhantomParserSupport() {}

  /**
   * Applies a PostgreSQL {@code ::} cast to the operand just parsed. {@code list} is the flat
   * operand/operator list Calcite's expression parser is building; {@code ::} binds tighter than
   * every operator in it except field access and subscripts, so the cast takes the last operand
   * (with any {@code .field} / {@code [i]} suffixes) and leaves prefix operators outside:
   * {@code -x::int} is {@code -(x::int)}, {@code a + b::int} is {@code a + (b::int)}.
   *
   * @param type a {@link org.apache.calcite.sql.SqlDataTypeSpec} or an
   *     {@link org.apache.calcite.sql.SqlIntervalQualifier}, as Calcite's CAST takes
   */
  public static void castLast(List<Object> list, SqlNode type) {
    int start = list.size() - 1;
    if (!(list.get(start) instanceof SqlNode)) {
      start = 0; // a postfix operator ends the list: cast everything so far
    } else {
      while (start >= 2 && list.get(start - 1) instanceof SqlParserUtil.ToTreeListItem
          && isSuffix(((SqlParserUtil.ToTreeListItem) list.get(start - 1)).getOperator())) {
        start -= 2;
      }
    }
    final List<Object> operandItems = list.subList(start, list.size());
    final SqlNode operand = SqlParserUtil.toTree(new ArrayList<>(operandItems));
    operandItems.clear();
    final SqlParserPos pos = operand.getParserPosition().plus(type.getParserPosition());
    list.add(SqlStdOperatorTable.CAST.createCall(pos, operand, type));
  }

  private static boolean isSuffix(SqlOperator op) {
    return op.getKind() == SqlKind.DOT || op.getKind() == SqlKind.ITEM;
  }

  /**
   * An error found while parsing that is not a plain syntax error (a clause in the wrong
   * statement, a bad number). The parser turns it into a
   * {@link org.apache.calcite.sql.parser.SqlParseException} at {@code pos}.
   */
  public static CalciteContextException error(SqlParserPos pos, String message) {
    return new CalciteContextException(message, new SqlValidatorException(message, null),
        pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
  }

  /**
   * Parses a sequence option's number (START WITH, INCREMENT BY, ...).
   *
   * @param negative true if a minus sign came before the digits
   */
  public static long parseLong(String digits, boolean negative, SqlParserPos pos) {
    try {
      return Long.parseLong(negative ? "-" + digits : digits);
    } catch (NumberFormatException e) {
      throw error(pos, "value \"" + (negative ? "-" : "") + digits + "\" is out of range for type bigint");
    }
  }
}
