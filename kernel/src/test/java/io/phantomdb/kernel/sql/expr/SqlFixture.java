package io.phantomdb.kernel.sql.expr;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.kernel.sql.type.CalciteTypes;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.PhantomTypeSystem;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;

/**
 * Real Calcite in tests: parses {@code SELECT <expr> FROM t}, validates it on {@link
 * PhantomTypeSystem} and {@link PhantomOperatorTable}, converts it with SqlToRelConverter (which
 * folds constants with {@link ExprRexExecutor}), compiles the projected RexNode and evaluates it
 * on a row of table {@code t}.
 *
 * <p>Table {@code t} has one column of each type: i integer, si smallint, bi bigint,
 * n numeric(10,2), nu numeric, r real, d double, b boolean, s varchar, v5 varchar(5), c3 char(3),
 * ba varbinary, dt date, tm time, ts timestamp, tz timestamptz, iv interval day to second,
 * ym interval year to month, u uuid.
 */
final class SqlFixture {
  static final Instant START = Instant.parse("2024-03-15T10:20:30.123456Z");
  static final EvalContext CTX = new EvalContext(new Object[] {42, "x"}, START, ZoneOffset.UTC);

  private static final String[] COLUMNS = {
    "I", "SI", "BI", "N", "NU", "R", "D", "B", "S", "V5", "C3", "BA", "DT", "TM", "TS", "TZ", "IV", "YM", "U"
  };

  private final FrameworkConfig config;

  SqlFixture() {
    SchemaPlus root = Frameworks.createRootSchema(true);
    root.add("T", new AbstractTable() {
      @Override
      public RelDataType getRowType(RelDataTypeFactory f) {
        RelDataTypeFactory.Builder b = f.builder();
        b.add("I", n(f, f.createSqlType(SqlTypeName.INTEGER)));
        b.add("SI", n(f, f.createSqlType(SqlTypeName.SMALLINT)));
        b.add("BI", n(f, f.createSqlType(SqlTypeName.BIGINT)));
        b.add("N", n(f, f.createSqlType(SqlTypeName.DECIMAL, 10, 2)));
        b.add("NU", n(f, f.createSqlType(SqlTypeName.DECIMAL)));
        b.add("R", n(f, f.createSqlType(SqlTypeName.REAL)));
        b.add("D", n(f, f.createSqlType(SqlTypeName.DOUBLE)));
        b.add("B", n(f, f.createSqlType(SqlTypeName.BOOLEAN)));
        b.add("S", n(f, f.createSqlType(SqlTypeName.VARCHAR)));
        b.add("V5", n(f, f.createSqlType(SqlTypeName.VARCHAR, 5)));
        b.add("C3", n(f, f.createSqlType(SqlTypeName.CHAR, 3)));
        b.add("BA", n(f, f.createSqlType(SqlTypeName.VARBINARY)));
        b.add("DT", n(f, f.createSqlType(SqlTypeName.DATE)));
        b.add("TM", n(f, f.createSqlType(SqlTypeName.TIME)));
        b.add("TS", n(f, f.createSqlType(SqlTypeName.TIMESTAMP)));
        b.add("TZ", n(f, f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE)));
        b.add("IV", n(f, f.createSqlIntervalType(new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, SqlParserPos.ZERO))));
        b.add("YM", n(f, f.createSqlIntervalType(new SqlIntervalQualifier(TimeUnit.YEAR, TimeUnit.MONTH, SqlParserPos.ZERO))));
        b.add("U", n(f, f.createSqlType(SqlTypeName.UUID)));
        return b.build();
      }
    });
    config = Frameworks.newConfigBuilder()
        .defaultSchema(root)
        .parserConfig(SqlParser.config().withCaseSensitive(false).withConformance(SqlConformanceEnum.LENIENT))
        .typeSystem(PhantomTypeSystem.INSTANCE)
        .operatorTable(PhantomOperatorTable.instance())
        .executor(ExprRexExecutor.INSTANCE)
        .build();
  }

  private static RelDataType n(RelDataTypeFactory f, RelDataType t) {
    return f.createTypeWithNullability(t, true);
  }

  /** The optimized-enough plan of a query on t. */
  RelNode rel(String sql) {
    Planner planner = Frameworks.getPlanner(config);
    try {
      SqlNode parsed = planner.parse(sql);
      SqlNode validated = planner.validate(parsed);
      return planner.rel(validated).project();
    } catch (Exception e) {
      throw new IllegalArgumentException(sql + ": " + e.getMessage(), e);
    } finally {
      planner.close();
    }
  }

  /** The RexNode Calcite makes of an expression over t. */
  RexNode rex(String expr) {
    RelNode rel = rel("select " + expr + " from t");
    assertThat(rel).as(expr).isInstanceOf(Project.class);
    return ((Project) rel).getProjects().get(0);
  }

  Expr compile(String expr) {
    return ExprCompiler.compile(rex(expr));
  }

  /** A row of t: pairs of column name and value; other columns NULL. */
  static Object[] row(Object... pairs) {
    Object[] row = new Object[COLUMNS.length];
    for (int i = 0; i < pairs.length; i += 2) {
      String col = ((String) pairs[i]).toUpperCase(Locale.ROOT);
      int idx = List.of(COLUMNS).indexOf(col);
      if (idx < 0) {
        throw new IllegalArgumentException(col);
      }
      row[idx] = pairs[i + 1];
    }
    return row;
  }

  /** Evaluates an expression on a row, checking the value is of its type's class. */
  Object eval(String expr, Object... pairs) {
    Expr e = compile(expr);
    Object v = e.eval(row(pairs), CTX);
    checkClass(expr, e.type(), v);
    return v;
  }

  static void checkClass(String what, DataType type, Object v) {
    if (v != null && type.kind() != io.phantomdb.kernel.sql.type.TypeKind.UNKNOWN) {
      assertThat(v).as(what + " : " + type).isInstanceOf(type.kind().javaClass());
    }
  }

  /** The type of an expression, as our DataType. */
  DataType type(String expr) {
    return CalciteTypes.toDataType(rex(expr).getType());
  }

  /**
   * Runs {@code SELECT <aggregates> FROM t} over rows and returns each aggregate's result (no
   * GROUP BY: one group).
   */
  List<Object> aggregate(String aggregates, List<Object[]> rows) {
    RelNode rel = rel("select " + aggregates + " from t");
    List<Expr> top = null;
    if (rel instanceof Project p) {
      top = ExprCompiler.compile(p.getProjects());
      rel = p.getInput();
    }
    Aggregate agg = (Aggregate) rel;
    List<Expr> below = null;
    RelNode input = agg.getInput();
    if (input instanceof Project p) {
      below = ExprCompiler.compile(p.getProjects());
    }
    List<AggregateSpec> specs = new ArrayList<>();
    for (AggregateCall call : agg.getAggCallList()) {
      specs.add(AggregateSpec.of(call, input.getRowType()));
    }
    List<Accumulator> accs = specs.stream().map(AggregateSpec::newAccumulator).toList();
    for (Object[] row : rows) {
      Object[] in = row;
      if (below != null) {
        in = new Object[below.size()];
        for (int i = 0; i < in.length; i++) {
          in[i] = below.get(i).eval(row, CTX);
        }
      }
      for (Accumulator a : accs) {
        a.add(in);
      }
    }
    Object[] out = new Object[accs.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = accs.get(i).result();
      checkClass(aggregates, specs.get(i).type(), out[i]);
    }
    if (top == null) {
      return java.util.Arrays.asList(out);
    }
    List<Object> result = new ArrayList<>();
    for (Expr e : top) {
      result.add(e.eval(out, CTX));
    }
    return result;
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
