package io.phantomdb.sql.parser.ddl;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP TABLE [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. */
public final class SqlDropTable extends SqlDropObjects {
  /** @param behavior CASCADE / RESTRICT, or null if not written */
  public SqlDropTable(SqlParserPos pos, boolean ifExists, SqlNodeList names, DropBehavior behavior) {
    super("TABLE", SqlKind.DROP_TABLE, pos, ifExists, names, behavior);
  }
}
