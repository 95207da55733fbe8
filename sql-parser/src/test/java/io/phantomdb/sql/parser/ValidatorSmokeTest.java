package io.phantomdb.sql.parser;

import static io.phantomdb.sql.parser.ParserTestSupport.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.sql.parser.type.PgTypeName;
import io.phantomdb.sql.parser.type.PgTypeNameSpec;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.junit.jupiter.api.Test;

/**
 * The parse trees validate with Calcite's SqlValidator under {@link PhantomSqlConformance}, and
 * {@link PgTypeNameSpec} derives the types it documents.
 */
class ValidatorSmokeTest {
  private static SqlValidator validator() {
    final JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl();
    final Properties props = new Properties();
    props.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
    final CalciteCatalogReader reader = new CalciteCatalogReader(
        CalciteSchema.createRootSchema(false), List.of(), typeFactory,
        new CalciteConnectionConfigImpl(props));
    return SqlValidatorUtil.newValidator(
        SqlOperatorTables.chain(SqlStdOperatorTable.instance(),
            SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.POSTGRESQL)),
        reader, typeFactory, SqlValidator.Config.DEFAULT
            .withConformance(PhantomSqlConformance.INSTANCE));
  }

  private static String rowType(String sql) {
    final SqlValidator v = validator();
    final SqlNode node = v.validate(parse(sql));
    return v.getValidatedNodeType(node).getFullTypeString();
  }

  @Test
  void castsToPostgresTypesValidate() {
    assertThat(rowType("SELECT 'a'::text AS a, '1'::int8 AS b, 1::float4 AS c,"
        + " '2024-01-01 00:00:00'::timestamptz AS d, x'0a'::bytea AS e, '1 day'::interval AS f"))
        .isEqualTo("RecordType(VARCHAR NOT NULL a, BIGINT NOT NULL b, REAL NOT NULL c,"
            + " TIMESTAMP_WITH_LOCAL_TIME_ZONE(0) NOT NULL d, VARBINARY NOT NULL e,"
            + " INTERVAL SECOND NOT NULL f) NOT NULL");
  }

  @Test
  void postgresOperatorsValidate() {
    assertThat(rowType("SELECT 1 != 2 AS a, 'x' || 'y' AS b, 'ab' ILIKE 'A%' AS c,"
        + " 1 IS DISTINCT FROM 2 AS d, 7 % 3 AS e"))
        .startsWith("RecordType(BOOLEAN NOT NULL a, CHAR(2) NOT NULL b, BOOLEAN NOT NULL c,");
  }

  @Test
  void pgTypeNameSpecDerivesCalciteTypes() {
    final SqlValidator v = validator();
    final SqlParserPos pos = SqlParserPos.ZERO;
    assertThat(type(v, new PgTypeNameSpec(PgTypeName.TEXT, pos))).isEqualTo("VARCHAR");
    assertThat(type(v, new PgTypeNameSpec(PgTypeName.SERIAL, pos))).isEqualTo("INTEGER");
    assertThat(type(v, new PgTypeNameSpec(PgTypeName.BIGSERIAL, pos))).isEqualTo("BIGINT");
    assertThat(type(v, new PgTypeNameSpec(PgTypeName.SMALLSERIAL, pos))).isEqualTo("SMALLINT");
    assertThat(type(v, new PgTypeNameSpec(PgTypeName.INTERVAL, pos)))
        .isEqualTo("INTERVAL DAY TO SECOND");
    assertThat(type(v, new PgTypeNameSpec(PgTypeName.INTERVAL,
        new SqlIntervalQualifier(TimeUnit.YEAR, TimeUnit.MONTH, pos), pos)))
        .isEqualTo("INTERVAL YEAR TO MONTH");
  }

  private static String type(SqlValidator v, PgTypeNameSpec spec) {
    final RelDataType t = spec.deriveType(v);
    return t.getFullTypeString().replace(" NOT NULL", "");
  }
}
