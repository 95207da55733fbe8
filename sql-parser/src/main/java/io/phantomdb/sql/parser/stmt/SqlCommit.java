package io.phantomdb.sql.parser.stmt;

import java.util.Collections;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code COMMIT [WORK | TRANSACTION] [AND [NO] CHAIN]} and {@code END [WORK | TRANSACTION]}. */
public final class SqlCommit extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("COMMIT", SqlKind.COMMIT);

  private final boolean chain;

  /** @param chain true for AND CHAIN (start a new transaction with the same modes) */
  public SqlCommit(SqlParserPos pos, boolean chain) {
    super(pos);
    this.chain = chain;
  }

  /** @return true for AND CHAIN */
  public boolean isChain() {
    return chain;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return Collections.emptyList();
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("COMMIT");
    if (chain) {
      writer.keyword("AND CHAIN");
    }
  }
}
