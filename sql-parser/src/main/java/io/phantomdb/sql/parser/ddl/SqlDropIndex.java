package io.phantomdb.sql.parser.ddl;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP INDEX [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. */
public final class SqlDropIndex extends SqlDropObjects {
  /** @param behavior CASCADE / RESTRICT, or null if not written */
  public SqlDropIndex(SqlParserPos pos, boolean ifExists, SqlNodeList names, DropBehavior behavior) {
    super("INDEX", SqlKind.DROP_INDEX, pos, ifExists, names, behavior);
  }
}
