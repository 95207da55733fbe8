package io.phantomdb.sql.parser.ddl;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP SEQUENCE [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. */
public final class SqlDropSequence extends SqlDropObjects {
  /** @param behavior CASCADE / RESTRICT, or null if not written */
  public SqlDropSequence(SqlParserPos pos, boolean ifExists, SqlNodeList names, DropBehavior behavior) {
    super("SEQUENCE", SqlKind.DROP_SEQUENCE, pos, ifExists, names, behavior);
  }
}
