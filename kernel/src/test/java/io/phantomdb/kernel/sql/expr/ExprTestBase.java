package io.phantomdb.kernel.sql.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.type.TextCodec;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared helpers: evaluate SQL expressions through real Calcite and compare PostgreSQL text. */
abstract class ExprTestBase {
  static final SqlFixture F = new SqlFixture();

  /** The value of an expression on a row of t, in PostgreSQL's text form, or "NULL". */
  static String text(String expr, Object... row) {
    Expr e = F.compile(expr);
    Object v = e.eval(SqlFixture.row(row), SqlFixture.CTX);
    SqlFixture.checkClass(expr, e.type(), v);
    return v == null ? "NULL" : TextCodec.format(v, e.type());
  }

  static Object eval(String expr, Object... row) {
    return F.eval(expr, row);
  }

  static void fails(ThrowingCallable c, String sqlState, String message) {
    assertThatThrownBy(c)
        .isInstanceOf(SqlException.class)
        .satisfies(e -> assertThat(((SqlException) e).sqlState()).as(e.getMessage()).isEqualTo(sqlState))
        .satisfies(e -> {
          if (message != null) {
            assertThat(e.getMessage()).isEqualTo(message);
          }
        });
  }

  static void fails(String expr, String sqlState, String message, Object... row) {
    fails(() -> eval(expr, row), sqlState, message);
  }
}
