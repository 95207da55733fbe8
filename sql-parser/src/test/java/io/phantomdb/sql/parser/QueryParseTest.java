package io.phantomdb.sql.parser;

import static io.phantomdb.sql.parser.ParserTestSupport.parse;
import static io.phantomdb.sql.parser.ParserTestSupport.roundTrip;
import static io.phantomdb.sql.parser.ParserTestSupport.sql;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Queries with PostgreSQL's lexical rules and operators. */
class QueryParseTest {
  /** The first select item of a SELECT. */
  static SqlNode item(String sql) {
    return roundTrip(sql, SqlSelect.class).getSelectList().get(0);
  }

  static SqlNode where(String sql) {
    return roundTrip(sql, SqlSelect.class).getWhere();
  }

  @Test
  void unquotedIdentifiersFoldToLowerCaseQuotedOnesDoNot() {
    final SqlSelect select = roundTrip("SELECT Foo, \"Bar\", \"baZ\" FROM MyTable", SqlSelect.class);
    assertThat(((SqlIdentifier) select.getSelectList().get(0)).getSimple()).isEqualTo("foo");
    assertThat(((SqlIdentifier) select.getSelectList().get(1)).getSimple()).isEqualTo("Bar");
    assertThat(((SqlIdentifier) select.getSelectList().get(2)).getSimple()).isEqualTo("baZ");
    assertThat(((SqlIdentifier) select.getFrom()).getSimple()).isEqualTo("mytable");
  }

  @Test
  void stringLiterals() {
    assertThat(((SqlLiteral) item("SELECT 'it''s'")).toValue()).isEqualTo("it's");
    assertThat(((SqlCharStringLiteral) item("SELECT E'a\\nb\\tc\\\\d\\'e'")).toValue())
        .isEqualTo("a\nb\tc\\d'e");
    assertThat(((SqlLiteral) item("SELECT e'x\\x41'")).toValue()).isEqualTo("xA");
    assertThat(((SqlLiteral) item("SELECT ''")).toValue()).isEmpty();
  }

  @Test
  void currentSchemaWithOrWithoutParentheses() {
    assertThat(item("SELECT current_schema()").equalsDeep(item("SELECT current_schema"), org.apache.calcite.util.Litmus.IGNORE))
        .isTrue();
    assertThat(((SqlIdentifier) item("SELECT CURRENT_SCHEMA()")).getSimple()).isEqualTo("current_schema");
    assertThat(sql(parse("SELECT current_schema()"))).isEqualTo(sql(parse("SELECT current_schema")));
  }

  @Test
  void timestamptzTypedLiteralIsACast() {
    assertThat(sql(parse("SELECT TIMESTAMPTZ '2024-07-01 12:00:00+00'")))
        .isEqualTo(sql(parse("SELECT CAST('2024-07-01 12:00:00+00' AS TIMESTAMPTZ)")));
    assertThat(((SqlIdentifier) item("SELECT timestamptz FROM t")).getSimple()).isEqualTo("timestamptz");
  }

  @Test
  void booleansAndNull() {
    assertThat(((SqlLiteral) item("SELECT true")).booleanValue()).isTrue();
    assertThat(((SqlLiteral) item("SELECT FALSE")).booleanValue()).isFalse();
    assertThat(item("SELECT NULL").getKind()).isEqualTo(SqlKind.LITERAL);
  }

  @Test
  void dollarParametersGetIndexNMinusOne() {
    final SqlNode node = parse("SELECT * FROM t WHERE a = $2 AND b = $1 AND c = $2 LIMIT $3");
    assertThat(parameterIndexes(node)).containsExactly(1, 0, 1, 2);
    assertThat(parameterIndexes(parse("SELECT $1::int + ?"))).containsExactly(0, 1);
    assertThat(parameterIndexes(parse("INSERT INTO t VALUES ($1, $2) RETURNING $3")))
        .containsExactly(0, 1, 2);
    assertThat(parameterIndexes(parse("UPDATE t SET a = $2 WHERE b = $1 RETURNING a")))
        .containsExactly(1, 0);
  }

  static List<Integer> parameterIndexes(SqlNode node) {
    final List<Integer> list = new ArrayList<>();
    node.accept(new SqlBasicVisitor<Void>() {
      @Override public Void visit(SqlDynamicParam param) {
        list.add(param.getIndex());
        return null;
      }
    });
    return list;
  }

  @Test
  void limitOffsetInBothOrdersAndFetchFirst() {
    SqlOrderBy o = roundTrip("SELECT a FROM t ORDER BY a LIMIT 10 OFFSET 5", SqlOrderBy.class);
    assertThat(((SqlNumericLiteral) o.fetch).intValue(true)).isEqualTo(10);
    assertThat(((SqlNumericLiteral) o.offset).intValue(true)).isEqualTo(5);
    o = roundTrip("SELECT a FROM t OFFSET 5 LIMIT 10", SqlOrderBy.class);
    assertThat(((SqlNumericLiteral) o.fetch).intValue(true)).isEqualTo(10);
    assertThat(((SqlNumericLiteral) o.offset).intValue(true)).isEqualTo(5);
    o = roundTrip("SELECT a FROM t OFFSET 2 ROWS FETCH FIRST 3 ROWS ONLY", SqlOrderBy.class);
    assertThat(((SqlNumericLiteral) o.fetch).intValue(true)).isEqualTo(3);
    roundTrip("SELECT a FROM t LIMIT ALL", SqlSelect.class);
    assertThat(roundTrip("SELECT a FROM t LIMIT $1 OFFSET $2", SqlOrderBy.class).fetch)
        .isInstanceOf(SqlDynamicParam.class);
  }

  @Test
  void postgresOperators() {
    assertThat(where("SELECT 1 FROM t WHERE a != b").getKind()).isEqualTo(SqlKind.NOT_EQUALS);
    assertThat(where("SELECT 1 FROM t WHERE a <> b").getKind()).isEqualTo(SqlKind.NOT_EQUALS);
    assertThat(((SqlCall) item("SELECT a || 'x' || b")).getOperator().getName())
        .isEqualTo("||");
    assertThat(((SqlCall) where("SELECT 1 FROM t WHERE a ILIKE 'x%'")).getOperator().getName())
        .isEqualTo("ILIKE");
    assertThat(((SqlCall) where("SELECT 1 FROM t WHERE a NOT ILIKE 'x%'")).getOperator()
        .getName()).isEqualTo("NOT ILIKE");
    assertThat(where("SELECT 1 FROM t WHERE a IS DISTINCT FROM b").getKind())
        .isEqualTo(SqlKind.IS_DISTINCT_FROM);
    assertThat(where("SELECT 1 FROM t WHERE a IS NOT DISTINCT FROM b").getKind())
        .isEqualTo(SqlKind.IS_NOT_DISTINCT_FROM);
    assertThat(item("SELECT 7 % 3").getKind()).isEqualTo(SqlKind.MOD);
    assertThat(((SqlCall) where("SELECT 1 FROM t WHERE a ~ 'x'")).getOperator().getName())
        .isEqualTo("POSIX REGEX CASE SENSITIVE");
    assertThat(((SqlCall) where("SELECT 1 FROM t WHERE a ~* 'x'")).getOperator().getName())
        .isEqualTo("POSIX REGEX CASE INSENSITIVE");
    assertThat(((SqlCall) where("SELECT 1 FROM t WHERE a !~ 'x'")).getOperator().getName())
        .isEqualTo("NEGATED POSIX REGEX CASE SENSITIVE");
    assertThat(((SqlCall) where("SELECT 1 FROM t WHERE a !~* 'x'")).getOperator().getName())
        .isEqualTo("NEGATED POSIX REGEX CASE INSENSITIVE");
  }

  @Test
  void infixCastBindsTighterThanOtherOperators() {
    assertThat(sql(item("SELECT a::int"))).isEqualTo("CAST(\"a\" AS INTEGER)");
    assertThat(sql(item("SELECT -x::int"))).isEqualTo("- CAST(\"x\" AS INTEGER)");
    assertThat(sql(item("SELECT a + b::int * c")))
        .isEqualTo("\"a\" + CAST(\"b\" AS INTEGER) * \"c\"");
    assertThat(sql(item("SELECT (a + b)::int"))).isEqualTo("CAST(\"a\" + \"b\" AS INTEGER)");
    assertThat(sql(item("SELECT '1'::int::text"))).isEqualTo("CAST(CAST('1' AS INTEGER) AS TEXT)");
    assertThat(sql(item("SELECT t.a::bigint = 1"))).isEqualTo("CAST(\"t\".\"a\" AS BIGINT) = 1");
    assertThat(sql(item("SELECT f(x)::text"))).isEqualTo("CAST(\"f\"(\"x\") AS TEXT)");
    assertThat(sql(where("SELECT 1 FROM t WHERE a::text LIKE 'x%' AND $1::int > 0")))
        .isEqualTo("CAST(\"a\" AS TEXT) LIKE 'x%' AND CAST(? AS INTEGER) > 0");
    assertThat(item("SELECT x::int").getKind()).isEqualTo(SqlKind.CAST);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "smallint:SMALLINT", "int2:SMALLINT", "integer:INTEGER", "int:INTEGER", "int4:INTEGER",
      "bigint:BIGINT", "int8:BIGINT", "numeric(10,2):DECIMAL(10, 2)", "decimal:DECIMAL",
      "numeric:DECIMAL", "real:REAL", "float4:REAL", "float(24):REAL", "double precision:DOUBLE",
      "float8:DOUBLE", "float:DOUBLE", "float(53):DOUBLE", "boolean:BOOLEAN", "bool:BOOLEAN",
      "char(3):CHAR(3)", "character(3):CHAR(3)", "varchar(5):VARCHAR(5)",
      "character varying(5):VARCHAR(5)", "varchar:VARCHAR", "text:TEXT", "bytea:VARBINARY",
      "date:DATE", "time:TIME", "time without time zone:TIME", "time(3):TIME(3)",
      "timestamp:TIMESTAMP", "timestamp without time zone:TIMESTAMP", "timestamp(6):TIMESTAMP(6)",
      "timestamptz:TIMESTAMP WITH LOCAL TIME ZONE",
      "timestamp with time zone:TIMESTAMP WITH LOCAL TIME ZONE",
      "timestamptz(3):TIMESTAMP(3) WITH LOCAL TIME ZONE", "uuid:UUID",
      "interval:SECOND", "interval day to second:DAY TO SECOND", "interval year:YEAR"})
  void postgresTypeNames(String spec) {
    final String type = spec.substring(0, spec.indexOf(':'));
    final String expected = spec.substring(spec.indexOf(':') + 1);
    final SqlCall cast = (SqlCall) item("SELECT x::" + type);
    assertThat(cast.getKind()).isEqualTo(SqlKind.CAST);
    assertThat(typeText(cast.operand(1))).as(type).isEqualTo(expected);
    final SqlCall cast2 = (SqlCall) item("SELECT CAST(x AS " + type + ")");
    assertThat(typeText(cast2.operand(1))).as(type).isEqualTo(expected);
  }

  /** The type (or interval qualifier) as printed, without quotes. */
  static String typeText(SqlNode type) {
    return sql(type).replace("\"", "");
  }

  @Test
  void userDefinedTypeNamesStayNames() {
    final SqlCall cast = (SqlCall) item("SELECT 'x'::mytype");
    assertThat(sql(cast.operand(1))).isEqualTo("\"mytype\"");
  }

  @Test
  void regTypesAreFunctionsOfTheirName() {
    // x::regclass gives a name's OID or an OID's name: the kernel's function regclass(x)
    final SqlCall call = (SqlCall) item("SELECT 'pg_class'::pg_catalog.regclass");
    assertThat(call.getKind()).isNotEqualTo(SqlKind.CAST);
    assertThat(call.getOperator().getName()).isEqualTo("regclass");
    assertThat(call.operandCount()).isEqualTo(1);
    final SqlCall text = (SqlCall) item("SELECT c.oid::pg_catalog.text");
    assertThat(text.getKind()).isEqualTo(SqlKind.CAST);
    assertThat(typeText(text.operand(1))).isEqualTo("TEXT");
  }

  @Test
  void qualifiedOperatorsAndCollate() {
    final SqlCall match = (SqlCall) item("SELECT c.relname OPERATOR(pg_catalog.~) '^(t)$' COLLATE pg_catalog.default");
    assertThat(match.getKind()).isEqualTo(SqlKind.POSIX_REGEX_CASE_SENSITIVE);
    final SqlCall eq = (SqlCall) item("SELECT a OPERATOR(=) 1");
    assertThat(eq.getKind()).isEqualTo(SqlKind.EQUALS);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT a, count(*) AS n FROM t WHERE b > 1 GROUP BY a HAVING count(*) > 2 ORDER BY 2 DESC",
      "SELECT * FROM t1 INNER JOIN t2 ON t1.a = t2.a LEFT JOIN t3 USING (b)",
      "WITH x AS (SELECT 1 AS a) SELECT a FROM x UNION ALL SELECT 2",
      "SELECT CASE WHEN a IS NULL THEN 0 ELSE a END, coalesce(a, b), nullif(a, 1) FROM t",
      "SELECT a FROM t WHERE a IN (SELECT b FROM u) AND EXISTS (SELECT 1 FROM v)",
      "SELECT row_number() OVER (PARTITION BY a ORDER BY b) FROM t",
      "SELECT EXTRACT(YEAR FROM ts), position('a' IN 'abc'), substring('abc' FROM 2) FROM t",
      "SELECT year, month, day, hour, minute, second, value, position, result, language FROM t",
      "SELECT text, index, serial, int4, bool, if, analyze, verbose, do, nothing FROM t",
      "SELECT begin, commit, rollback, start, show, reset, savepoint, release, cycle FROM t",
      "SELECT DISTINCT a FROM t ORDER BY a NULLS LAST",
      "SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v(x, y)",
      "SELECT ROW(1, 2), CURRENT_DATE, CURRENT_TIMESTAMP, LOCALTIMESTAMP",
      "SELECT a FROM t WHERE b BETWEEN 1 AND 2 AND c NOT IN (1, 2) AND d LIKE 'x' ESCAPE '!'",
      "SELECT INTERVAL '1' DAY, DATE '2024-01-02', TIMESTAMP '2024-01-02 03:04:05'",
      "SELECT a FROM t EXCEPT SELECT b FROM u INTERSECT SELECT c FROM v",
      "-- comment\nSELECT /* inline */ 1",
      "VALUES (1), (2)",
      "SELECT x FROM t WHERE x = ANY (SELECT y FROM u)"})
  void standardQueriesStillParse(String query) {
    final SqlNode node = parse(query);
    roundTrip(query, node.getClass());
  }

  @Test
  void calciteNativeCastsStillWork() {
    assertThat(sql(item("SELECT CAST(x AS VARCHAR(10))"))).isEqualTo("CAST(\"x\" AS VARCHAR(10))");
    assertThat(((SqlBasicCall) item("SELECT CAST(x AS INTERVAL DAY)")).operand(1).getKind())
        .isEqualTo(SqlKind.INTERVAL_QUALIFIER);
    assertThat(sql(item("SELECT CAST(x AS DECIMAL(5, 2))")))
        .isEqualTo("CAST(\"x\" AS DECIMAL(5, 2))");
  }
}
