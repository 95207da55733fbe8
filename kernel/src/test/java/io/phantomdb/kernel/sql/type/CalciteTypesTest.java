package io.phantomdb.kernel.sql.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.kernel.sql.SqlException;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CalciteTypesTest {
  private static final RelDataTypeFactory F = new SqlTypeFactoryImpl(PhantomTypeSystem.INSTANCE);

  private static DataType ours(RelDataType t) {
    return CalciteTypes.toDataType(t);
  }

  @Test
  void calciteToOurs() {
    assertThat(ours(F.createSqlType(SqlTypeName.BOOLEAN))).isEqualTo(DataType.of(TypeKind.BOOLEAN).withNullable(false));
    assertThat(ours(F.createTypeWithNullability(F.createSqlType(SqlTypeName.INTEGER), true)))
        .isEqualTo(DataType.of(TypeKind.INTEGER));
    assertThat(ours(F.createSqlType(SqlTypeName.TINYINT)).kind()).isEqualTo(TypeKind.SMALLINT);
    assertThat(ours(F.createSqlType(SqlTypeName.DECIMAL, 10, 2))).isEqualTo(new DataType(TypeKind.NUMERIC, 10, 2, false));
    assertThat(ours(F.createSqlType(SqlTypeName.DECIMAL))).isEqualTo(new DataType(TypeKind.NUMERIC, 0, 0, false));
    assertThat(ours(F.createSqlType(SqlTypeName.DECIMAL, 1000, 7))).isEqualTo(new DataType(TypeKind.NUMERIC, 0, 0, false));
    assertThat(ours(F.createSqlType(SqlTypeName.FLOAT)).kind()).isEqualTo(TypeKind.DOUBLE);
    assertThat(ours(F.createSqlType(SqlTypeName.REAL)).kind()).isEqualTo(TypeKind.REAL);
    assertThat(ours(F.createSqlType(SqlTypeName.CHAR, 3))).isEqualTo(new DataType(TypeKind.CHAR, 3, 0, false));
    assertThat(ours(F.createSqlType(SqlTypeName.VARCHAR, 20))).isEqualTo(new DataType(TypeKind.VARCHAR, 20, 0, false));
    assertThat(ours(F.createSqlType(SqlTypeName.VARCHAR))).isEqualTo(new DataType(TypeKind.TEXT, 0, 0, false));
    assertThat(ours(F.createSqlType(SqlTypeName.VARBINARY)).kind()).isEqualTo(TypeKind.BYTEA);
    assertThat(ours(F.createSqlType(SqlTypeName.BINARY, 4)).kind()).isEqualTo(TypeKind.BYTEA);
    assertThat(ours(F.createSqlType(SqlTypeName.TIMESTAMP))).isEqualTo(new DataType(TypeKind.TIMESTAMP, 6, 0, false));
    assertThat(ours(F.createSqlType(SqlTypeName.TIMESTAMP, 3))).isEqualTo(new DataType(TypeKind.TIMESTAMP, 3, 0, false));
    assertThat(ours(F.createSqlType(SqlTypeName.TIME, 0))).isEqualTo(new DataType(TypeKind.TIME, 0, 0, false));
    assertThat(ours(F.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE)).kind()).isEqualTo(TypeKind.TIMESTAMPTZ);
    assertThat(ours(F.createSqlType(SqlTypeName.TIMESTAMP_TZ)).kind()).isEqualTo(TypeKind.TIMESTAMPTZ);
    assertThat(ours(F.createSqlType(SqlTypeName.UUID)).kind()).isEqualTo(TypeKind.UUID);
    assertThat(ours(F.createSqlType(SqlTypeName.NULL)).kind()).isEqualTo(TypeKind.UNKNOWN);
    assertThat(ours(F.createUnknownType()).kind()).isEqualTo(TypeKind.UNKNOWN);
    for (TimeUnit[] q : new TimeUnit[][] {{TimeUnit.YEAR, null}, {TimeUnit.YEAR, TimeUnit.MONTH}, {TimeUnit.DAY, TimeUnit.SECOND},
        {TimeUnit.HOUR, null}, {TimeUnit.MINUTE, TimeUnit.SECOND}, {TimeUnit.SECOND, null}}) {
      RelDataType iv = F.createSqlIntervalType(new SqlIntervalQualifier(q[0], q[1], SqlParserPos.ZERO));
      assertThat(ours(iv).kind()).as(iv.toString()).isEqualTo(TypeKind.INTERVAL);
    }
  }

  @Test
  void unsupportedCalciteTypes() {
    RelDataType array = F.createArrayType(F.createSqlType(SqlTypeName.DATE), -1); // only some element types
    assertThatThrownBy(() -> ours(array)).isInstanceOf(SqlException.class)
        .satisfies(e -> assertThat(((SqlException) e).sqlState()).isEqualTo("0A000"));
    assertThatThrownBy(() -> ours(F.createSqlType(SqlTypeName.ANY))).isInstanceOf(SqlException.class);
  }

  /**
   * Every type of ours survives a round trip through Calcite, except unbounded VARCHAR (comes back
   * as TEXT), a NOT NULL UNKNOWN (Calcite's NULL type is always nullable) and RECORD (a Calcite
   * ROW type names its fields, which the kind does not know; see {@link #recordIsCalcitesRow}).
   */
  @ParameterizedTest
  @EnumSource(value = TypeKind.class, names = {"VARCHAR", "RECORD"}, mode = EnumSource.Mode.EXCLUDE)
  void roundTrip(TypeKind kind) {
    for (boolean nullable : kind == TypeKind.UNKNOWN ? new boolean[] {true} : new boolean[] {true, false}) {
      DataType t = DataType.of(kind).withNullable(nullable);
      RelDataType c = CalciteTypes.toRelDataType(F, t);
      assertThat(c.isNullable()).isEqualTo(nullable);
      assertThat(ours(c)).as(t + " -> " + c.getFullTypeString()).isEqualTo(t);
    }
  }

  @Test
  void recordIsCalcitesRow() {
    RelDataType row = F.builder().add("x", SqlTypeName.INTEGER).add("n", SqlTypeName.INTEGER).build();
    assertThat(ours(row)).isEqualTo(DataType.of(TypeKind.RECORD).withNullable(false));
    assertThatThrownBy(() -> CalciteTypes.toRelDataType(F, DataType.of(TypeKind.RECORD)))
        .isInstanceOf(SqlException.class)
        .satisfies(e -> assertThat(((SqlException) e).sqlState()).isEqualTo("0A000"));
  }

  @Test
  void modifiersRoundTrip() {
    for (DataType t : new DataType[] {
      DataType.of(TypeKind.NUMERIC, 10, 2), DataType.of(TypeKind.NUMERIC, 1000 - 1, 3), DataType.of(TypeKind.CHAR, 5, 0),
      DataType.of(TypeKind.VARCHAR, 255, 0), DataType.of(TypeKind.TIMESTAMP, 0, 0), DataType.of(TypeKind.TIME, 3, 0),
      DataType.of(TypeKind.TIMESTAMPTZ, 2, 0)
    }) {
      assertThat(ours(CalciteTypes.toRelDataType(F, t))).isEqualTo(t);
    }
    // unbounded varchar goes to Calcite as VARCHAR and comes back as text, PostgreSQL's type of strings
    assertThat(ours(CalciteTypes.toRelDataType(F, DataType.of(TypeKind.VARCHAR))).kind()).isEqualTo(TypeKind.TEXT);
    assertThat(CalciteTypes.toRelDataType(F, DataType.of(TypeKind.TIMESTAMPTZ)).getSqlTypeName())
        .isEqualTo(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE);
    assertThat(CalciteTypes.isUnconstrainedNumeric(CalciteTypes.toRelDataType(F, DataType.of(TypeKind.NUMERIC)))).isTrue();
  }

  @Test
  void typeSystemLimits() {
    PhantomTypeSystem ts = PhantomTypeSystem.INSTANCE;
    assertThat(ts.getMaxPrecision(SqlTypeName.DECIMAL)).isEqualTo(1000);
    assertThat(ts.getMaxScale(SqlTypeName.DECIMAL)).isEqualTo(1000);
    assertThat(ts.getDefaultPrecision(SqlTypeName.TIMESTAMP)).isEqualTo(6);
    assertThat(ts.getMaxPrecision(SqlTypeName.TIMESTAMP)).isEqualTo(6);
    assertThat(ts.getDefaultPrecision(SqlTypeName.VARCHAR)).isEqualTo(RelDataType.PRECISION_NOT_SPECIFIED);
    assertThat(ts.getMaxPrecision(SqlTypeName.VARCHAR)).isEqualTo(10_485_760);
    RelDataType integer = F.createSqlType(SqlTypeName.INTEGER);
    RelDataType bigint = F.createSqlType(SqlTypeName.BIGINT);
    RelDataType dbl = F.createSqlType(SqlTypeName.DOUBLE);
    assertThat(ts.deriveSumType(F, integer).getSqlTypeName()).isEqualTo(SqlTypeName.BIGINT);
    assertThat(ours(ts.deriveSumType(F, bigint))).isEqualTo(new DataType(TypeKind.NUMERIC, 0, 0, false));
    assertThat(ours(ts.deriveAvgAggType(F, integer))).isEqualTo(new DataType(TypeKind.NUMERIC, 0, 0, false));
    assertThat(ts.deriveAvgAggType(F, F.createSqlType(SqlTypeName.REAL)).getSqlTypeName()).isEqualTo(SqlTypeName.DOUBLE);
    assertThat(ts.deriveSumType(F, dbl).getSqlTypeName()).isEqualTo(SqlTypeName.DOUBLE);
    assertThat(ts.deriveSumType(F, F.createTypeWithNullability(integer, true)).isNullable()).isTrue();
  }
}
