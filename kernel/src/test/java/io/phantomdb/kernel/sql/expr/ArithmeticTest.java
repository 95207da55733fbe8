package io.phantomdb.kernel.sql.expr;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TypeKind;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArithmeticTest extends ExprTestBase {
  private static final BigDecimal N = new BigDecimal("1.50");

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "i + 1|6", "i - 7|-2", "i * 3|15", "i / 2|2", "-i / 2|-2", "i % 3|2", "-i % 3|-2", "mod(i, -3)|2",
    "-i|-5", "+i|5", "si + si|10", "bi * bi|25", "i + bi|10", "i + n|6.50", "n + n|3.00", "n * n|2.2500",
    "n - 2|-0.50", "n / 3|0.50000000000000000000", "i / 2.0|2.5000000000000000", "d + i|5.5", "d * 2|1",
    "d / 4|0.125", "r * 2|3", "i * 2.5|12.5", "n % 1|0.50", "nu / 7|3.1428571428571429", "1.0 / 3|0.33333333333333333333",
    "10.0 / 4|2.5000000000000000", "2 / 3.0|0.66666666666666666667", "1000000 / 3.0|333333.333333333333",
    "0.0001 / 7|0.000014285714285714285714", "7 / 2|3", "-7 / 2|-3", "7 % -3|1", "-7 % 3|-1"
  })
  void numbers(String expr, String expected) {
    assertThat(text(expr, "i", 5, "si", (short) 5, "bi", 5L, "n", N, "nu", new BigDecimal("22"), "d", 0.5, "r", 1.5f))
        .as(expr).isEqualTo(expected);
  }

  @Test
  void resultTypes() {
    assertThat(F.type("i + bi").kind()).isEqualTo(TypeKind.BIGINT);
    assertThat(F.type("i + n").kind()).isEqualTo(TypeKind.NUMERIC);
    assertThat(F.type("n / 3")).isEqualTo(DataType.of(TypeKind.NUMERIC));
    assertThat(F.type("n * n")).isEqualTo(DataType.of(TypeKind.NUMERIC));
    assertThat(F.type("d + i").kind()).isEqualTo(TypeKind.DOUBLE);
    assertThat(F.type("i / 2").kind()).isEqualTo(TypeKind.INTEGER);
  }

  @Test
  void nullPropagates() {
    for (String e : new String[] {"i + 1", "1 - i", "i * n", "i / 2", "i % 2", "-i", "d / 2", "n / 0", "i / 0"}) {
      assertThat(eval(e)).as(e).isNull();
    }
  }

  @Test
  void integerOverflow() {
    fails("i + 1", "22003", "integer out of range", "i", Integer.MAX_VALUE);
    fails("i - 1", "22003", "integer out of range", "i", Integer.MIN_VALUE);
    fails("i * 2", "22003", "integer out of range", "i", 1 << 30);
    fails("-i", "22003", "integer out of range", "i", Integer.MIN_VALUE);
    fails("i / -1", "22003", "integer out of range", "i", Integer.MIN_VALUE);
    fails("si + si", "22003", "smallint out of range", "si", Short.MAX_VALUE);
    fails("-si", "22003", "smallint out of range", "si", Short.MIN_VALUE);
    fails("bi * 2", "22003", "bigint out of range", "bi", Long.MAX_VALUE);
    fails("bi / -1", "22003", "bigint out of range", "bi", Long.MIN_VALUE);
    fails("-bi", "22003", "bigint out of range", "bi", Long.MIN_VALUE);
    fails("2147483647 + 1", "22003", "integer out of range");
    assertThat(eval("i % -1", "i", Integer.MIN_VALUE)).isEqualTo(0);
  }

  @Test
  void divisionByZero() {
    fails("i / 0", "22012", "division by zero", "i", 1);
    fails("i % 0", "22012", "division by zero", "i", 1);
    fails("bi / 0", "22012", "division by zero", "bi", 1L);
    fails("n / 0", "22012", "division by zero", "n", N);
    fails("n % 0", "22012", "division by zero", "n", N);
    fails("d / 0", "22012", "division by zero", "d", 1.0);
    fails("d / 0", "22012", "division by zero", "d", 0.0);
    fails("r / 0", "22012", "division by zero", "r", 1f);
    fails("1 / 0", "22012", "division by zero");
    assertThat((Double) eval("d / 0", "d", Double.NaN)).isNaN();
  }

  @Test
  void floats() {
    fails("d * 1e308", "22003", "value out of range: overflow", "d", 10.0);
    fails("d * 1e-300", "22003", "value out of range: underflow", "d", 1e-300);
    fails("r * r", "22003", "value out of range: overflow", "r", 1e30f);
    assertThat(eval("d + 1", "d", Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(text("d * 3", "d", 0.1)).isEqualTo("0.30000000000000004");
    assertThat(text("r + 0.1", "r", 0.2f)).isEqualTo("0.3000000029802322");
    assertThat(eval("-d", "d", 0.0)).isEqualTo(-0.0);
  }

  @Test
  void numericDivisionScale() {
    // PostgreSQL's select_div_scale: at least 16 significant digits
    assertThat(text("nu / 3", "nu", new BigDecimal("100000000"))).isEqualTo("33333333.333333333333");
    assertThat(text("nu / 3", "nu", new BigDecimal("0.000001"))).isEqualTo("0.000000333333333333333333");
    assertThat(text("nu / 2", "nu", new BigDecimal("1.000000000000000000005"))).isEqualTo("0.500000000000000000003");
    assertThat(text("nu / 8", "nu", new BigDecimal("-1"))).isEqualTo("-0.12500000000000000000");
  }
}
