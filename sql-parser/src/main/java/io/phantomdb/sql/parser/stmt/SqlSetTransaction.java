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

/**
 * {@code SET TRANSACTION modes} (the current transaction) and
 * {@code SET SESSION CHARACTERISTICS AS TRANSACTION modes} (the session's default).
 */
public final class SqlSetTransaction extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("SET TRANSACTION", SqlKind.OTHER);

  private final boolean sessionCharacteristics;
  private final TransactionModes modes;

  /** @param sessionCharacteristics true for SET SESSION CHARACTERISTICS AS TRANSACTION */
  public SqlSetTransaction(SqlParserPos pos, boolean sessionCharacteristics,
      TransactionModes modes) {
    super(pos);
    this.sessionCharacteristics = sessionCharacteristics;
    this.modes = Objects.requireNonNull(modes, "modes");
  }

  /** @return true for the session default, false for the current transaction */
  public boolean isSessionCharacteristics() {
    return sessionCharacteristics;
  }

  /** @return the modes written (at least one) */
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
    writer.keyword(sessionCharacteristics ? "SET SESSION CHARACTERISTICS AS TRANSACTION"
        : "SET TRANSACTION");
    modes.unparse(writer);
  }
}
