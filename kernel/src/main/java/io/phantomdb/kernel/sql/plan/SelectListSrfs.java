package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.expr.SelectListSetFunctions;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Before validation: a set-returning function called in a select list ({@code SELECT
 * generate_series(1, 3)}, {@code (information_schema._pg_expandarray(a)).n}) calls its
 * select-list form ({@link SelectListSetFunctions}), which the validator types as one value; a
 * bare call gets the function's name as its alias, as PostgreSQL names the column. The
 * projection is later planned as a {@link ProjectSet}.
 */
final class SelectListSrfs {
  private SelectListSrfs() {}

  /**
   * Rewrites the select list of one SELECT (not of the queries nested in it).
   *
   * @param select a SELECT as parsed
   */
  static void rewrite(SqlSelect select) {
    if (select.getWhere() != null && containsSrf(select.getWhere())) {
      throw new io.phantomdb.kernel.sql.SqlException(io.phantomdb.kernel.sql.SqlState.FEATURE_NOT_SUPPORTED,
          "set-returning functions are not allowed in WHERE");
    }
    SqlNodeList items = select.getSelectList();
    if (items == null) {
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      SqlNode item = items.get(i);
      if (item.getKind() == SqlKind.AS && ((SqlCall) item).operandCount() > 2) {
        // the column alias of a FROM function (ParameterValidator) does not apply to a select item
        SqlCall as = (SqlCall) item;
        item = SqlStdOperatorTable.AS.createCall(as.getParserPosition(), as.operand(0), as.operand(1));
        items.set(i, item);
      }
      if (!rewriteCalls(item)) {
        continue;
      }
      if (item instanceof SqlCall call && SelectListSetFunctions.isSetValued(call.getOperator())) {
        String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
        items.set(i, SqlStdOperatorTable.AS.createCall(item.getParserPosition(), item,
            new SqlIdentifier(name, item.getParserPosition())));
      }
    }
  }

  /** @return whether the expression (not its nested queries) calls a set-returning function */
  private static boolean containsSrf(SqlNode node) {
    if (!(node instanceof SqlCall call) || node instanceof SqlSelect || node.getKind() == SqlKind.UNION
        || node.getKind() == SqlKind.INTERSECT || node.getKind() == SqlKind.EXCEPT || node.getKind() == SqlKind.ORDER_BY) {
      return false;
    }
    if (SelectListSetFunctions.selectListForm(call) != null) {
      return true;
    }
    for (SqlNode operand : call.getOperandList()) {
      if (containsSrf(operand)) {
        return true;
      }
    }
    return false;
  }

  /** @return whether some call in the expression was rewritten */
  private static boolean rewriteCalls(SqlNode node) {
    if (!(node instanceof SqlCall call) || node instanceof SqlSelect || node.getKind() == SqlKind.UNION
        || node.getKind() == SqlKind.INTERSECT || node.getKind() == SqlKind.EXCEPT || node.getKind() == SqlKind.ORDER_BY) {
      return false;
    }
    boolean any = false;
    for (SqlNode operand : call.getOperandList()) {
      any |= rewriteCalls(operand);
    }
    SqlOperator form = SelectListSetFunctions.selectListForm(call);
    if (form != null && call instanceof SqlBasicCall basic) {
      basic.setOperator(form);
      return true;
    }
    return any;
  }
}
