package io.phantomdb.sql.parser.dml;

import io.phantomdb.sql.parser.SqlWriterSupport;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * A PostgreSQL DELETE with what Calcite's {@link SqlDelete} cannot hold:
 * {@code DELETE FROM t [[AS] alias] [USING from-list] [WHERE condition] [RETURNING ...]}. The
 * parser returns a plain {@link SqlDelete} when neither USING nor RETURNING is written; this
 * node wraps one otherwise.
 */
public final class SqlPgDelete extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("PG DELETE", SqlKind.OTHER);

  private final SqlDelete delete;
  private final SqlNode using;
  private final SqlNodeList returning;

  /**
   * @param using the USING clause (a table reference or join), or null
   * @param returning the RETURNING items, or null
   */
  public SqlPgDelete(SqlParserPos pos, SqlDelete delete, SqlNode using, SqlNodeList returning) {
    super(pos);
    this.delete = Objects.requireNonNull(delete, "delete");
    this.using = using;
    this.returning = returning;
  }

  /** @return the core DELETE (table, alias, WHERE) */
  public SqlDelete delete() {
    return delete;
  }

  /** @return the USING clause, or null */
  public SqlNode using() {
    return using;
  }

  /** @return the RETURNING items, or null */
  public SqlNodeList returning() {
    return returning;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(delete, using, returning);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DELETE FROM");
    delete.getTargetTable().unparse(writer, 0, 0);
    if (delete.getAlias() != null) {
      writer.keyword("AS");
      delete.getAlias().unparse(writer, 0, 0);
    }
    if (using != null) {
      writer.keyword("USING");
      SqlWriterSupport.fromList(writer, using);
    }
    if (delete.getCondition() != null) {
      writer.keyword("WHERE");
      delete.getCondition().unparse(writer, 0, 0);
    }
    SqlPgInsert.unparseReturning(writer, returning);
  }
}
