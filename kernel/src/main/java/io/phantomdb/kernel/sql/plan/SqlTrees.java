package io.phantomdb.kernel.sql.plan;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;

/**
 * Small operations on parsed SQL trees that DML planning needs before handing parts of a
 * statement to the validator (which rewrites the nodes it validates in place).
 */
final class SqlTrees {
  private SqlTrees() {}

  /**
   * @param node an expression (or null)
   * @return a copy sharing no call, list or identifier with {@code node} (literals and type
   *     specifications, which are immutable, are shared)
   */
  static SqlNode copy(SqlNode node) {
    if (node instanceof SqlNodeList list) {
      List<SqlNode> items = new ArrayList<>(list.size());
      for (SqlNode n : list) {
        items.add(copy(n));
      }
      return new SqlNodeList(items, list.getParserPosition());
    }
    if (node instanceof SqlIdentifier id) {
      return id.clone(id.getParserPosition());
    }
    if (node instanceof SqlCall call) {
      List<SqlNode> operands = call.getOperandList();
      SqlNode[] copied = new SqlNode[operands.size()];
      for (int i = 0; i < copied.length; i++) {
        copied[i] = copy(operands.get(i));
      }
      return call.getOperator().createCall(call.getFunctionQuantifier(), call.getParserPosition(), copied);
    }
    return node;
  }

  /**
   * @param node an expression (or null)
   * @return true if it holds a sub-query
   */
  static boolean containsQuery(SqlNode node) {
    if (node instanceof SqlSelect || (node != null && node.getKind().belongsTo(SqlKind.QUERY))) {
      return true;
    }
    if (node instanceof SqlNodeList list) {
      for (SqlNode n : list) {
        if (containsQuery(n)) {
          return true;
        }
      }
    } else if (node instanceof SqlCall call) {
      for (SqlNode n : call.getOperandList()) {
        if (containsQuery(n)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Qualifies every unqualified column reference of an expression without sub-queries with a
   * table name, in place where possible.
   *
   * @param node the expression
   * @param table the name to qualify with
   * @return the expression (a new node if {@code node} itself was an identifier)
   */
  static SqlNode qualify(SqlNode node, String table) {
    if (node instanceof SqlIdentifier id) {
      return id.names.size() == 1 && !id.isStar()
          ? new SqlIdentifier(List.of(table, id.names.get(0)), id.getParserPosition()) : id;
    }
    if (node instanceof SqlNodeList list) {
      for (int i = 0; i < list.size(); i++) {
        list.set(i, qualify(list.get(i), table));
      }
    } else if (node instanceof SqlCall call) {
      List<SqlNode> operands = call.getOperandList();
      for (int i = 0; i < operands.size(); i++) {
        SqlNode before = operands.get(i);
        SqlNode after = qualify(before, table);
        if (after != before) {
          call.setOperand(i, after);
        }
      }
    }
    return node;
  }
}
