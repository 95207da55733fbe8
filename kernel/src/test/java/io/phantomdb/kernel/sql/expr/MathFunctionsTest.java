package io.phantomdb.kernel.sql.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MathFunctionsTest extends ExprTestBase {
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "abs(i);5", "abs(n);1.50", "abs(d);2.5", "abs(-5);5",
    "ceil(n);-1", "ceiling(1.2);2", "floor(n);-2", "floor(-1.2);-2", "ceil(d);-2", "floor(d);-3", "ceil(i);-5",
    "round(2.5);3", "round(-2.5);-3", "round(d);-2", "round(d + 5);2", "round(1.2345, 2);1.23",
    "round(1234.5, -2);1200", "round(n, 1);-1.5", "round(-0.5);-1",
    "trunc(1.99);1", "trunc(-1.99, 1);-1.9", "truncate(d);-2", "trunc(n);-1", "trunc(1234.5, -2);1200",
    "mod(7, 3);1", "mod(-7, 3);-1", "mod(n, 1);-0.50",
    "power(2, 10);1024", "power(d, 2);6.25", "power(4, 0.5);2", "sqrt(16);4", "sqrt(2);1.4142135623730951",
    "cbrt(27);3", "exp(0);1", "exp(1);2.718281828459045", "ln(1);0", "ln(exp(2));2", "log(100);2",
    "log(2, 8);3", "log10(1000);3", "sign(n);-1", "sign(d);-1", "sign(0);0", "sign(i);-1",
    "pi();3.141592653589793", "degrees(pi());180", "radians(180);3.141592653589793", "sin(0);0",
    "cos(0);1", "atan2(1, 1);0.7853981633974483"
  })
  void functions(String expr, String expected) {
    assertThat(text(expr, "i", -5, "n", new BigDecimal("-1.50"), "d", -2.5)).as(expr).isEqualTo(expected);
  }

  @Test
  void nulls() {
    for (String e : new String[] {"abs(i)", "ceil(n)", "round(d)", "round(n, 1)", "power(d, 2)", "sqrt(d)",
        "ln(d)", "log(d)", "sign(i)", "mod(i, 2)", "trunc(n, 1)", "exp(d)"}) {
      assertThat(eval(e)).as(e).isNull();
    }
  }

  @Test
  void errors() {
    fails("abs(i)", "22003", "integer out of range", "i", Integer.MIN_VALUE);
    fails("power(d, -1)", "2201F", "zero raised to a negative power is undefined", "d", 0.0);
    fails("power(d, 0.5)", "2201F", "a negative number raised to a non-integer power yields a complex result", "d", -8.0);
    fails("sqrt(d)", "2201F", null, "d", -1.0);
    fails("ln(d)", "2201E", "cannot take logarithm of zero", "d", 0.0);
    fails("ln(d)", "2201E", "cannot take logarithm of a negative number", "d", -1.0);
    fails("log10(d)", "2201E", "cannot take logarithm of zero", "d", 0.0);
    fails("log(1, d)", "22012", "division by zero", "d", 5.0);
    fails("exp(d)", "22003", "value out of range: overflow", "d", 1000.0);
    fails("exp(d)", "22003", "value out of range: underflow", "d", -1000.0);
    fails("power(d, 1000)", "22003", "value out of range: overflow", "d", 10.0);
    fails("mod(i, 0)", "22012", "division by zero", "i", 1);
    fails("asin(d)", "22003", "input is out of range", "d", 2.0);
  }

  @Test
  void random() {
    Expr r = F.compile("random()");
    for (int k = 0; k < 100; k++) {
      assertThat((Double) r.eval(new Object[0], SqlFixture.CTX)).isBetween(0.0, 1.0).isNotEqualTo(1.0);
    }
    assertThat(F.rex("rand()").toString()).isEqualTo("RAND()");
  }
}
