package io.phantomdb.sql.parser.ddl;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;

/**
 * Role options as parsed: PostgreSQL's grammar reads them as generic words ({@code SUPERUSER},
 * {@code NOLOGIN}, {@code PASSWORD 'x'}, {@code VALID UNTIL 'ts'}, {@code CONNECTION LIMIT n},
 * ...), so the parser keeps a flat list of words ({@link SqlIdentifier}, lower case) and
 * literals, and the kernel interprets it.
 */
public final class SqlRoleOptions {
  private SqlRoleOptions() {}

  static void unparse(SqlWriter writer, SqlNodeList options) {
    for (SqlNode n : options) {
      if (n instanceof SqlIdentifier id) {
        writer.keyword(id.getSimple().toUpperCase(java.util.Locale.ROOT));
      } else {
        n.unparse(writer, 0, 0);
      }
    }
  }
}
