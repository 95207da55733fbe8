package io.phantomdb.kernel.sql.slt;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TypeKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Expected strings are what sqllogictest's C runner prints for the same values. */
class SltValuesTest {
  private static final DataType INT = DataType.of(TypeKind.INTEGER);
  private static final DataType BIGINT = DataType.of(TypeKind.BIGINT);
  private static final DataType NUM = DataType.of(TypeKind.NUMERIC);
  private static final DataType DOUBLE = DataType.of(TypeKind.DOUBLE);
  private static final DataType TEXT = DataType.of(TypeKind.TEXT);
  private static final DataType BOOL = DataType.of(TypeKind.BOOLEAN);

  @Test
  void nullIsNullWhateverTheLetter() {
    for (char letter : "IRT".toCharArray()) {
      assertThat(SltValues.render(null, INT, letter)).isEqualTo("NULL");
    }
  }

  @Test
  void integersTruncateTowardZero() {
    assertThat(SltValues.render(42, INT, 'I')).isEqualTo("42");
    assertThat(SltValues.render(-9_000_000_000L, BIGINT, 'I')).isEqualTo("-9000000000");
    assertThat(SltValues.render((short) 7, DataType.of(TypeKind.SMALLINT), 'I')).isEqualTo("7");
    assertThat(SltValues.render(new BigDecimal("-3.7"), NUM, 'I')).isEqualTo("-3");
    assertThat(SltValues.render(new BigDecimal("81.9999"), NUM, 'I')).isEqualTo("81");
    assertThat(SltValues.render(3.99, DOUBLE, 'I')).isEqualTo("3");
    assertThat(SltValues.render(-0.5, DOUBLE, 'I')).isEqualTo("0");
    assertThat(SltValues.render(true, BOOL, 'I')).isEqualTo("1");
    assertThat(SltValues.render(false, BOOL, 'I')).isEqualTo("0");
    assertThat(SltValues.render("12abc", TEXT, 'I')).isEqualTo("12");
    assertThat(SltValues.render(" -7", TEXT, 'I')).isEqualTo("-7");
    assertThat(SltValues.render("abc", TEXT, 'I')).isEqualTo("0");
  }

  @Test
  void realsHaveThreeDecimalsAsCPrintf() {
    assertThat(SltValues.render(1.5, DOUBLE, 'R')).isEqualTo("1.500");
    assertThat(SltValues.render(2.0 / 3, DOUBLE, 'R')).isEqualTo("0.667");
    assertThat(SltValues.render(3, INT, 'R')).isEqualTo("3.000");
    assertThat(SltValues.render(new BigDecimal("-2.5"), NUM, 'R')).isEqualTo("-2.500");
    assertThat(SltValues.render(1.25f, DataType.of(TypeKind.REAL), 'R')).isEqualTo("1.250");
    assertThat(SltValues.render(false, BOOL, 'R')).isEqualTo("0.000");
    assertThat(SltValues.render("4.25x", TEXT, 'R')).isEqualTo("4.250");
    assertThat(SltValues.render("x", TEXT, 'R')).isEqualTo("0.000");
    // printf("%.3f") rounds the exact binary value, ties to even, and keeps the sign of zero
    assertThat(SltValues.real(0.0625)).isEqualTo("0.062");
    assertThat(SltValues.real(0.1875)).isEqualTo("0.188");
    assertThat(SltValues.real(1.0005)).isEqualTo("1.000"); // 1.000499999999999989...
    assertThat(SltValues.real(-0.0001)).isEqualTo("-0.000");
    assertThat(SltValues.real(-0.0)).isEqualTo("-0.000");
    assertThat(SltValues.real(1e20)).isEqualTo("100000000000000000000.000");
    assertThat(SltValues.real(Double.NaN)).isEqualTo("nan");
    assertThat(SltValues.real(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
  }

  @Test
  void textIsPostgresTextWithEmptyAndNonPrintableMarked() {
    assertThat(SltValues.render("abc", TEXT, 'T')).isEqualTo("abc");
    assertThat(SltValues.render("", TEXT, 'T')).isEqualTo("(empty)");
    assertThat(SltValues.render("a\tb\n", TEXT, 'T')).isEqualTo("a@b@");
    assertThat(SltValues.render("é€", TEXT, 'T')).isEqualTo("@@@@@");
    assertThat(SltValues.render("~\u007f", TEXT, 'T')).isEqualTo("~@");
    assertThat(SltValues.render(true, BOOL, 'T')).isEqualTo("1");
    assertThat(SltValues.render(new BigDecimal("1.50"), NUM, 'T')).isEqualTo("1.50");
    assertThat(SltValues.render(0.1, DOUBLE, 'T')).isEqualTo("0.1");
    assertThat(SltValues.render(7, INT, 'T')).isEqualTo("7");
    assertThat(SltValues.render(LocalDate.of(2024, 1, 31), DataType.of(TypeKind.DATE), 'T'))
        .isEqualTo("2024-01-31");
  }
}
