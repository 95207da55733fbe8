package io.phantomdb.sql.parser.ddl;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP DATABASE [IF EXISTS] name}. */
public final class SqlDropDatabase extends SqlDropObjects {
  /** @param behavior CASCADE / RESTRICT, or null if not written */
  public SqlDropDatabase(SqlParserPos pos, boolean ifExists, SqlNodeList names, DropBehavior behavior) {
    super("DATABASE", SqlKind.OTHER_DDL, pos, ifExists, names, behavior);
  }
}
