package io.phantomdb.sql.parser.ddl;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP ROLE | USER [IF EXISTS] name [, ...]}. */
public final class SqlDropRole extends SqlDropObjects {
  /**
   * @param pos position
   * @param ifExists IF EXISTS
   * @param names the roles
   */
  public SqlDropRole(SqlParserPos pos, boolean ifExists, SqlNodeList names) {
    super("ROLE", SqlKind.OTHER_DDL, pos, ifExists, names, null);
  }
}
