package io.phantomdb.sql.parser.stmt;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code BEGIN [WORK | TRANSACTION] [modes]} and {@code START TRANSACTION [modes]}. */
public final class SqlBegin extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("BEGIN", SqlKind.OTHER);

  private final TransactionModes modes;

  public SqlBegin(SqlParserPos pos, TransactionModes modes) {
    super(pos);
    this.modes = Objects.requireNonNull(modes, "modes");
  }

  /** @return the modes written (possibly none) */
  public TransactionModes modes() {
    return modes;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return Collections.emptyList();
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("BEGIN");
    modes.unparse(writer);
  }
}
