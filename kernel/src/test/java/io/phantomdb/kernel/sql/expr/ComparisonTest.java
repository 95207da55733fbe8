package io.phantomdb.kernel.sql.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ComparisonTest extends ExprTestBase {
  @Test
  void operators() {
    assertThat(eval("i = 5", "i", 5)).isEqualTo(true);
    assertThat(eval("i <> 5", "i", 5)).isEqualTo(false);
    assertThat(eval("i < 6", "i", 5)).isEqualTo(true);
    assertThat(eval("i <= 5", "i", 5)).isEqualTo(true);
    assertThat(eval("i > 5", "i", 5)).isEqualTo(false);
    assertThat(eval("i >= 6", "i", 5)).isEqualTo(false);
    assertThat(eval("i = 5")).isNull();
    assertThat(eval("i < bi", "i", 5, "bi", 6L)).isEqualTo(true);
    assertThat(eval("n = 1.5", "n", new BigDecimal("1.50"))).isEqualTo(true);
    assertThat(eval("n < d", "n", new BigDecimal("1.50"), "d", 1.6)).isEqualTo(true);
    assertThat(eval("s < 'b'", "s", "a")).isEqualTo(true);
    assertThat(eval("s > 'B'", "s", "a")).isEqualTo(true); // C collation: by code point
    assertThat(eval("dt < date '2024-01-02'", "dt", LocalDate.of(2024, 1, 1))).isEqualTo(true);
    assertThat(eval("b = true", "b", false)).isEqualTo(false);
    assertThat(eval("u = u", "u", UUID.randomUUID())).isEqualTo(true);
  }

  @Test
  void postgresFloatAndCharRules() {
    assertThat(eval("d = 0", "d", -0.0)).isEqualTo(true);
    assertThat(eval("d = d", "d", Double.NaN)).isEqualTo(true);
    assertThat(eval("d > 1e308", "d", Double.NaN)).isEqualTo(true);
    assertThat(eval("c3 = 'ab'", "c3", "ab ")).isEqualTo(true);
    assertThat(eval("c3 = cast('ab' as varchar(5))", "c3", "ab ")).isEqualTo(true);
  }

  @Test
  void uuidOrderIsUnsigned() {
    UUID low = UUID.fromString("00000000-0000-0000-0000-000000000000");
    UUID high = UUID.fromString("ffffffff-0000-0000-0000-000000000000");
    assertThat(ValueComparator.compare(io.phantomdb.kernel.sql.type.TypeKind.UUID, low, high)).isNegative();
    assertThat(ValueComparator.compare(io.phantomdb.kernel.sql.type.TypeKind.BYTEA, new byte[] {1}, new byte[] {(byte) 0xff}))
        .isNegative();
  }

  @Test
  void isDistinctFrom() {
    assertThat(eval("i is distinct from 3")).isEqualTo(true);
    assertThat(eval("i is distinct from 3", "i", 3)).isEqualTo(false);
    assertThat(eval("i is not distinct from 3")).isEqualTo(false);
    assertThat(eval("i is not distinct from bi", "i", 3, "bi", 3L)).isEqualTo(true);
    assertThat(eval("i is not distinct from bi")).isEqualTo(true);
    assertThat(eval("i is distinct from bi", "i", 3)).isEqualTo(true);
  }

  @Test
  void inListsWithNulls() {
    assertThat(F.rex("i in (1, 2)").toString()).startsWith("SEARCH(");
    assertThat(eval("i in (1, 2)", "i", 2)).isEqualTo(true);
    assertThat(eval("i in (1, 2)", "i", 3)).isEqualTo(false);
    assertThat(eval("i in (1, 2)")).isNull();
    assertThat(eval("i in (1, 2, null)", "i", 1)).isEqualTo(true);
    assertThat(eval("i in (1, 2, null)", "i", 3)).isNull();
    assertThat(eval("i not in (1, 2)", "i", 3)).isEqualTo(true);
    assertThat(eval("i not in (1, 2)", "i", 1)).isEqualTo(false);
    assertThat(eval("i not in (1, 2)")).isNull();
    assertThat(eval("i not in (1, null)", "i", 3)).isNull();
    assertThat(eval("i not in (1, null)", "i", 1)).isEqualTo(false);
    assertThat(eval("s in ('a', 'bb')", "s", "bb")).isEqualTo(true);
    assertThat(eval("s in ('a', 'bb')", "s", "b")).isEqualTo(false);
    assertThat(eval("n in (1.5, 2)", "n", new BigDecimal("2.00"))).isEqualTo(true);
    assertThat(eval("n in (1.5, 2)", "n", new BigDecimal("1.49"))).isEqualTo(false);
  }

  @Test
  void longInListUsesBinarySearch() {
    String list = "i in (3, 1, 4, 15, 9, 2, 6, 5, 35, 8, 97, 93, 23, 84, 62, 64)";
    assertThat(eval(list, "i", 97)).isEqualTo(true);
    assertThat(eval(list, "i", 7)).isEqualTo(false);
    assertThat(eval(list)).isNull();
    assertThat(eval("s in ('a','b','c','d','e','f','g','h','i','j')", "s", "j")).isEqualTo(true);
  }

  @Test
  void rangesAndBetween() {
    assertThat(F.rex("i between 1 and 5").toString()).startsWith("SEARCH(");
    assertThat(eval("i between 1 and 5", "i", 1)).isEqualTo(true);
    assertThat(eval("i between 1 and 5", "i", 5)).isEqualTo(true);
    assertThat(eval("i between 1 and 5", "i", 6)).isEqualTo(false);
    assertThat(eval("i between 1 and 5")).isNull();
    assertThat(eval("i not between 1 and 5", "i", 0)).isEqualTo(true);
    assertThat(eval("i = 1 or i = 3 or i > 10", "i", 11)).isEqualTo(true);
    assertThat(eval("i = 1 or i = 3 or i > 10", "i", 10)).isEqualTo(false);
    assertThat(eval("i < 0 or i >= 100", "i", 100)).isEqualTo(true);
    assertThat(eval("i < 0 or i >= 100", "i", 0)).isEqualTo(false);
    assertThat(eval("i < 0 or i >= 100 or i is null")).isEqualTo(true);
    assertThat(eval("dt between date '2024-01-01' and date '2024-12-31'", "dt", LocalDate.of(2024, 6, 1)))
        .isEqualTo(true);
    assertThat(eval("d between 1 and 2", "d", 1.5)).isEqualTo(true);
  }

  @Test
  void greatestLeast() {
    assertThat(eval("greatest(i, 3)", "i", 5)).isEqualTo(5);
    assertThat(eval("greatest(i, 3)")).isEqualTo(3);
    assertThat(eval("least(i, 3)", "i", 5)).isEqualTo(3);
    assertThat(eval("least(i, 3)")).isEqualTo(3);
  }
}
