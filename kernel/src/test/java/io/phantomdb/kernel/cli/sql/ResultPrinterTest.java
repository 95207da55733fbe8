package io.phantomdb.kernel.cli.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.kernel.cli.sql.ResultPrinter.Format;
import io.phantomdb.kernel.sql.ColumnInfo;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TypeKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected outputs are what psql 15 prints for the same columns and values. */
class ResultPrinterTest {
  private static final ColumnInfo ID = new ColumnInfo("id", DataType.of(TypeKind.INTEGER));
  private static final ColumnInfo NAME = new ColumnInfo("name", DataType.of(TypeKind.TEXT));
  private static final ColumnInfo N = new ColumnInfo("n", DataType.of(TypeKind.INTEGER));

  private static String print(Format format, List<ColumnInfo> columns, Object[]... rows) {
    StringWriter sw = new StringWriter();
    long n = new ResultPrinter(format, new PrintWriter(sw)).printRows(columns, Arrays.asList(rows));
    assertThat(n).isEqualTo(rows.length);
    return sw.toString();
  }

  private static String lines(String... lines) {
    return String.join(System.lineSeparator(), lines) + System.lineSeparator();
  }

  @Test
  void alignedCentersHeadersRightAlignsNumbersAndCountsRows() {
    // psql: SELECT * FROM (VALUES (1, 'a', NULL::int), (22, 'bbb', 3)) t(id, name, n);
    assertThat(print(Format.ALIGNED, List.of(ID, NAME, N),
        new Object[] {1, "a", null}, new Object[] {22, "bbb", 3}))
        .isEqualTo(lines(
            " id | name | n ",
            "----+------+---",
            "  1 | a    |  ",
            " 22 | bbb  | 3",
            "(2 rows)",
            ""));
  }

  @Test
  void alignedSingleRowAndNoRows() {
    ColumnInfo a = new ColumnInfo("a", DataType.of(TypeKind.INTEGER));
    ColumnInfo b = new ColumnInfo("b", DataType.of(TypeKind.TEXT));
    // psql: SELECT 1 AS a, 'xy' AS b;
    assertThat(print(Format.ALIGNED, List.of(a, b), new Object[] {1, "xy"}))
        .isEqualTo(lines(" a | b  ", "---+----", " 1 | xy", "(1 row)", ""));
    // psql: SELECT 1 AS a WHERE false;
    assertThat(print(Format.ALIGNED, List.of(a)))
        .isEqualTo(lines(" a ", "---", "(0 rows)", ""));
  }

  @Test
  void alignedContinuesMultiLineValuesWithPlus() {
    ColumnInfo x = new ColumnInfo("x", DataType.of(TypeKind.TEXT));
    ColumnInfo y = new ColumnInfo("y", DataType.of(TypeKind.INTEGER));
    // psql: SELECT E'a\nbc' AS x, 1 AS y;  and  SELECT 1 AS y, E'a\nbc' AS x;
    assertThat(print(Format.ALIGNED, List.of(x, y), new Object[] {"a\nbc", 1}))
        .isEqualTo(lines(" x  | y ", "----+---", " a +| 1", " bc | ", "(1 row)", ""));
    assertThat(print(Format.ALIGNED, List.of(y, x), new Object[] {1, "a\nbc"}))
        .isEqualTo(lines(" y | x  ", "---+----", " 1 | a +", "   | bc", "(1 row)", ""));
  }

  @Test
  void alignedFormatsValuesAsPostgresText() {
    List<ColumnInfo> columns = List.of(
        new ColumnInfo("?column?", DataType.of(TypeKind.NUMERIC, 10, 2)),
        new ColumnInfo("bool", DataType.of(TypeKind.BOOLEAN)),
        new ColumnInfo("date", DataType.of(TypeKind.DATE)),
        new ColumnInfo("float8", DataType.of(TypeKind.DOUBLE)),
        new ColumnInfo("bytea", DataType.of(TypeKind.BYTEA)));
    assertThat(print(Format.ALIGNED, columns,
        new Object[] {new BigDecimal("1.50"), true, LocalDate.of(2024, 1, 31), 0.1, new byte[] {1, (byte) 0xAB}}))
        .isEqualTo(lines(
            " ?column? | bool |    date    | float8 | bytea  ",
            "----------+------+------------+--------+--------",
            "     1.50 | t    | 2024-01-31 |    0.1 | \\x01ab",
            "(1 row)",
            ""));
  }

  @Test
  void alignedShowsControlCharactersAndMeasuresWideCharacters() {
    ColumnInfo t = new ColumnInfo("t", DataType.of(TypeKind.TEXT));
    assertThat(print(Format.ALIGNED, List.of(t, N), new Object[] {"a\tb\r\u0001", 1}, new Object[] {"日本", 2}))
        .isEqualTo(lines(
            "        t        | n ",
            "-----------------+---",
            " a       b\\r\\x01 | 1",
            " 日本            | 2",
            "(2 rows)",
            ""));
  }

  @Test
  void nullDisplayCanBeSet() {
    StringWriter sw = new StringWriter();
    new ResultPrinter(Format.ALIGNED, new PrintWriter(sw), "(null)")
        .printRows(List.of(NAME), List.<Object[]>of(new Object[] {null}));
    assertThat(sw.toString()).isEqualTo(lines("  name  ", "--------", " (null)", "(1 row)", ""));
  }

  @Test
  void csvQuotesWhatNeedsItAndTellsNullFromEmpty() {
    assertThat(print(Format.CSV, List.of(ID, NAME, N),
        new Object[] {1, "a", null}, new Object[] {22, "b,\"c\"", 3}, new Object[] {3, "", 4},
        new Object[] {4, "two\nlines", 5}))
        .isEqualTo(lines("id,name,n", "1,a,", "22,\"b,\"\"c\"\"\",3", "3,\"\",4", "4,\"two\nlines\",5"));
  }

  @Test
  void commandTagsAndWhichTagsFollowRows() {
    StringWriter sw = new StringWriter();
    new ResultPrinter(Format.ALIGNED, new PrintWriter(sw)).printCommandTag("INSERT 0 1");
    assertThat(sw.toString()).isEqualTo(lines("INSERT 0 1"));
    assertThat(ResultPrinter.returnsRowsAndTag("INSERT 0 2")).isTrue();
    assertThat(ResultPrinter.returnsRowsAndTag("UPDATE 3")).isTrue();
    assertThat(ResultPrinter.returnsRowsAndTag("DELETE 0")).isTrue();
    assertThat(ResultPrinter.returnsRowsAndTag("MERGE 1")).isTrue();
    assertThat(ResultPrinter.returnsRowsAndTag("SELECT 2")).isFalse();
    assertThat(ResultPrinter.returnsRowsAndTag("EXPLAIN")).isFalse();
  }

  @Test
  void formatNamesAndTablesWithoutColumns() {
    assertThat(Format.parse("CSV")).isEqualTo(Format.CSV);
    assertThat(Format.parse("aligned")).isEqualTo(Format.ALIGNED);
    assertThatThrownBy(() -> Format.parse("html")).hasMessage("unknown format 'html': expected aligned or csv");
    assertThatThrownBy(() -> new ResultPrinter(Format.CSV, new PrintWriter(new StringWriter()))
        .printRows(List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
