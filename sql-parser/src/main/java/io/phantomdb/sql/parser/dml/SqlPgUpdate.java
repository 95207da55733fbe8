package io.phantomdb.sql.parser.dml;

import io.phantomdb.sql.parser.SqlWriterSupport;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * A PostgreSQL UPDATE with what Calcite's {@link SqlUpdate} cannot hold:
 * {@code UPDATE t [[AS] alias] SET c = expr [, ...] [FROM from-list] [WHERE condition]
 * [RETURNING ...]}. The parser returns a plain {@link SqlUpdate} when neither FROM nor
 * RETURNING is written; this node wraps one otherwise. A SET value may be a DEFAULT call
 * ({@code SET c = DEFAULT}) in either form.
 */
public final class SqlPgUpdate extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("PG UPDATE", SqlKind.OTHER);

  private final SqlUpdate update;
  private final SqlNode from;
  private final SqlNodeList returning;

  /**
   * @param from the FROM clause (a table reference or join), or null
   * @param returning the RETURNING items, or null
   */
  public SqlPgUpdate(SqlParserPos pos, SqlUpdate update, SqlNode from, SqlNodeList returning) {
    super(pos);
    this.update = Objects.requireNonNull(update, "update");
    this.from = from;
    this.returning = returning;
  }

  /** @return the core UPDATE (table, alias, SET list, WHERE) */
  public SqlUpdate update() {
    return update;
  }

  /** @return the FROM clause, or null */
  public SqlNode from() {
    return from;
  }

  /** @return the RETURNING items, or null */
  public SqlNodeList returning() {
    return returning;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(update, from, returning);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("UPDATE");
    update.getTargetTable().unparse(writer, 0, 0);
    if (update.getAlias() != null) {
      writer.keyword("AS");
      update.getAlias().unparse(writer, 0, 0);
    }
    writer.keyword("SET");
    unparseAssignments(writer, update.getTargetColumnList(), update.getSourceExpressionList());
    if (from != null) {
      writer.keyword("FROM");
      SqlWriterSupport.fromList(writer, from);
    }
    if (update.getCondition() != null) {
      writer.keyword("WHERE");
      update.getCondition().unparse(writer, 0, 0);
    }
    SqlPgInsert.unparseReturning(writer, returning);
  }

  /** Prints {@code a = x, b = y}. */
  static void unparseAssignments(SqlWriter writer, SqlNodeList columns, SqlNodeList values) {
    final SqlWriter.Frame frame = writer.startList("", "");
    for (int i = 0; i < columns.size(); i++) {
      writer.sep(",");
      columns.get(i).unparse(writer, 0, 0);
      writer.keyword("=");
      values.get(i).unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }
}
