package io.phantomdb.kernel.protocol;

import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.spi.protocol.Notice;
import java.util.List;

/**
 * PostgreSQL's warnings for transaction control that has nothing to do: BEGIN inside a block
 * (25001 "there is already a transaction in progress"), COMMIT or ROLLBACK outside one (25P01
 * "there is no transaction in progress"). The statements themselves succeed.
 */
final class TransactionNotices {
  private TransactionNotices() {}

  /**
   * Adds the warning a statement gets, if any, given the transaction status before it runs.
   *
   * @param statement the statement text
   * @param status the session's status before the statement
   * @param into the session's pending notices
   */
  static void before(String statement, char status, List<Notice> into) {
    String first = StatementTexts.firstWord(statement);
    String rest = statement.strip().substring(Math.min(first.length(), statement.strip().length())).strip()
        .toLowerCase(java.util.Locale.ROOT);
    boolean begin = first.equals("begin") || (first.equals("start") && rest.startsWith("transaction"));
    boolean end = (first.equals("commit") || first.equals("end") || first.equals("abort")
        || first.equals("rollback")) && !rest.startsWith("to") && !rest.startsWith("prepared");
    if (begin && status != 'I') {
      into.add(new Notice("WARNING", SqlState.ACTIVE_SQL_TRANSACTION, "there is already a transaction in progress",
          null, null));
    } else if (end && status == 'I') {
      into.add(new Notice("WARNING", SqlState.NO_ACTIVE_SQL_TRANSACTION, "there is no transaction in progress",
          null, null));
    }
  }
}
