package io.phantomdb.sql.parser.ddl;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP SCHEMA [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. */
public final class SqlDropSchema extends SqlDropObjects {
  /** @param behavior CASCADE / RESTRICT, or null if not written */
  public SqlDropSchema(SqlParserPos pos, boolean ifExists, SqlNodeList names, DropBehavior behavior) {
    super("SCHEMA", SqlKind.DROP_SCHEMA, pos, ifExists, names, behavior);
  }
}
