package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.type.TextCodec;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.util.NlsString;

/**
 * Checks string literals assigned to {@code char(n)}/{@code varchar(n)} columns before Calcite
 * sees them: Calcite cuts a too-long literal while converting it (an explicit cast's semantics),
 * where PostgreSQL's assignment fails with 22001 unless the excess is blanks.
 */
final class LiteralLengths {
  private LiteralLengths() {}

  /**
   * @param table the target
   * @param insert an INSERT whose source may be VALUES
   * @throws SqlException 22001 for a literal too long for its column
   */
  static void checkInsert(TableDescriptor table, SqlInsert insert) {
    if (insert.getSource().getKind() != SqlKind.VALUES) {
      return;
    }
    List<ColumnDescriptor> visible = table.visibleColumns();
    SqlNodeList targets = insert.getTargetColumnList();
    for (SqlNode row : ((SqlCall) insert.getSource()).getOperandList()) {
      if (row.getKind() != SqlKind.ROW) {
        continue;
      }
      List<SqlNode> values = ((SqlCall) row).getOperandList();
      for (int i = 0; i < values.size(); i++) {
        ColumnDescriptor c = targets == null
            ? (i < visible.size() ? visible.get(i) : null)
            : i < targets.size() ? table.column(((SqlIdentifier) targets.get(i)).getSimple()).orElse(null) : null;
        check(c, values.get(i));
      }
    }
  }

  /**
   * @param table the target
   * @param set the columns assigned
   * @param values their values
   * @throws SqlException 22001 for a literal too long for its column
   */
  static void checkAssignments(TableDescriptor table, Assignments set, SqlNodeList values) {
    List<ColumnDescriptor> visible = table.visibleColumns();
    for (int j = 0; j < values.size(); j++) {
      check(visible.get(set.columns()[j]), values.get(j));
    }
  }

  private static void check(ColumnDescriptor c, SqlNode value) {
    if (c != null && value instanceof SqlCharStringLiteral lit) {
      TextCodec.fitString(lit.getValueAs(NlsString.class).getValue(), c.type(), false);
    }
  }
}
