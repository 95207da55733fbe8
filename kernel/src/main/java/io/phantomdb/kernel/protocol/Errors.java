package io.phantomdb.kernel.protocol;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.spi.protocol.SqlErrorException;
import io.phantomdb.sql.parser.PhantomSqlParseException;

/** Kernel failures as the protocol SPI reports them. */
final class Errors {
  private Errors() {}

  /**
   * The SPI error for a failure: a {@link SqlException} keeps its SQLSTATE, message, detail and
   * hint (and a parse error's position); anything else is a bug, reported as XX000.
   */
  static SqlErrorException of(RuntimeException e) {
    if (e instanceof SqlErrorException s) {
      return s;
    }
    if (e instanceof SqlException s) {
      int position = s.getCause() instanceof PhantomSqlParseException p ? p.position() : 0;
      return new SqlErrorException(s.sqlState(), s.getMessage(), s.detail(), s.hint(), Math.max(position, 0), s);
    }
    return new SqlErrorException(SqlState.INTERNAL_ERROR, "internal error: " + e, null, null, 0, e);
  }
}
