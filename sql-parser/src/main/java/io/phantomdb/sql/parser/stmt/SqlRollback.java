package io.phantomdb.sql.parser.stmt;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * {@code ROLLBACK [WORK | TRANSACTION] [AND [NO] CHAIN]} (the whole transaction) and
 * {@code ROLLBACK [WORK | TRANSACTION] TO [SAVEPOINT] name} (back to a savepoint).
 */
public final class SqlRollback extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("ROLLBACK", SqlKind.ROLLBACK);

  private final SqlIdentifier savepoint;
  private final boolean chain;

  /**
   * @param savepoint the savepoint of ROLLBACK TO, or null for the whole transaction
   * @param chain true for AND CHAIN
   */
  public SqlRollback(SqlParserPos pos, SqlIdentifier savepoint, boolean chain) {
    super(pos);
    this.savepoint = savepoint;
    this.chain = chain;
  }

  /** @return the savepoint of ROLLBACK TO, or null */
  public SqlIdentifier savepoint() {
    return savepoint;
  }

  /** @return true for AND CHAIN */
  public boolean isChain() {
    return chain;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(savepoint);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ROLLBACK");
    if (savepoint != null) {
      writer.keyword("TO SAVEPOINT");
      savepoint.unparse(writer, 0, 0);
    }
    if (chain) {
      writer.keyword("AND CHAIN");
    }
  }
}
