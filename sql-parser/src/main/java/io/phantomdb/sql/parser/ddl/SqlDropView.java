package io.phantomdb.sql.parser.ddl;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP VIEW [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. */
public final class SqlDropView extends SqlDropObjects {
  /** @param behavior CASCADE / RESTRICT, or null if not written */
  public SqlDropView(SqlParserPos pos, boolean ifExists, SqlNodeList names, DropBehavior behavior) {
    super("VIEW", SqlKind.DROP_VIEW, pos, ifExists, names, behavior);
  }
}
