package io.phantomdb.kernel.sql.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import io.phantomdb.kernel.sql.type.DataType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlAbstractTimeFunction;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * The operators and functions the validator should know: Calcite's standard ones, its
 * PostgreSQL library, and PostgreSQL functions Calcite lacks or types differently, defined here
 * so that {@link ExprCompiler} can evaluate every function the validator accepts.
 *
 * <p>Added or replaced: {@code now()} (timestamptz, dynamic), {@code btrim(s [, chars])}, {@code
 * reverse(s)}, {@code trunc(x [, n])}, {@code date_trunc('unit', x)} (PostgreSQL's argument
 * order; Calcite's is BigQuery's), {@code date_part('field', x)} returning double precision as in
 * PostgreSQL (Calcite's returns bigint), {@code age(a [, b])} returning interval (Calcite's returns
 * varchar), {@code current_timestamp} as timestamptz(6) and {@code localtimestamp}, {@code
 * current_time}, {@code localtime} with precision 6 (Calcite's have 0), the session functions
 * of {@link SessionFunctions} ({@code current_database()}, {@code current_schema}, ...) and the
 * sequence functions {@code nextval}, {@code currval}, {@code setval} and {@code lastval} (volatile).
 */
public final class PhantomOperatorTable {
  /** now(): the statement's start as timestamptz; dynamic, so never folded into a cached plan. */
  public static final SqlFunction NOW =
      SqlBasicFunction.create("NOW", ReturnTypes.explicit(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE),
              OperandTypes.NILADIC, SqlFunctionCategory.TIMEDATE)
          .withDynamic(true);

  /** nextval(name): volatile, so never folded or evaluated at planning time. */
  public static final SqlFunction NEXTVAL = sequenceFunction("NEXTVAL", ReturnTypes.BIGINT_NULLABLE,
      OperandTypes.family(SqlTypeFamily.CHARACTER));

  /** currval(name). */
  public static final SqlFunction CURRVAL = sequenceFunction("CURRVAL", ReturnTypes.BIGINT_NULLABLE,
      OperandTypes.family(SqlTypeFamily.CHARACTER));

  /** setval(name, value [, is_called]). */
  public static final SqlFunction SETVAL = sequenceFunction("SETVAL", ReturnTypes.BIGINT_NULLABLE,
      OperandTypes.or(OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER),
          OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER, SqlTypeFamily.BOOLEAN)));

  /** lastval(). */
  public static final SqlFunction LASTVAL = sequenceFunction("LASTVAL", ReturnTypes.BIGINT,
      OperandTypes.NILADIC);

  private static SqlFunction sequenceFunction(String name, org.apache.calcite.sql.type.SqlReturnTypeInference ret,
      org.apache.calcite.sql.type.SqlOperandTypeChecker operands) {
    return SqlBasicFunction.create(name, ret, operands, SqlFunctionCategory.SYSTEM)
        .withDeterministic(false)
        .withDynamic(true);
  }

  /** btrim(string [, characters]). */
  public static final SqlFunction BTRIM =
      SqlBasicFunction.create("BTRIM", ReturnTypes.ARG0_NULLABLE_VARYING,
          OperandTypes.or(OperandTypes.STRING, OperandTypes.STRING_STRING), SqlFunctionCategory.STRING);

  /** trunc(numeric [, integer]) as PostgreSQL's, the same as Calcite's TRUNCATE. */
  public static final SqlFunction TRUNC =
      SqlBasicFunction.create("TRUNC", ReturnTypes.ARG0_NULLABLE,
          OperandTypes.NUMERIC_OPTIONAL_INTEGER, SqlFunctionCategory.NUMERIC);

  /** date_trunc('unit', timestamp). */
  public static final SqlFunction DATE_TRUNC =
      SqlBasicFunction.create("DATE_TRUNC", ReturnTypes.ARG1_NULLABLE,
          OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.DATETIME), SqlFunctionCategory.TIMEDATE);

  /** date_part('field', x) returning double precision. */
  public static final SqlFunction DATE_PART =
      SqlBasicFunction.create("DATE_PART", ReturnTypes.DOUBLE_NULLABLE,
          OperandTypes.or(OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.DATETIME),
              OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.DATETIME_INTERVAL)),
          SqlFunctionCategory.TIMEDATE);

  /** age(timestamp [, timestamp]) returning interval. */
  public static final SqlFunction AGE =
      SqlBasicFunction.create("AGE",
              ReturnTypes.cascade(
                  opBinding -> opBinding.getTypeFactory().createSqlIntervalType(
                      new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, SqlParserPos.ZERO)),
                  SqlTypeTransforms.TO_NULLABLE),
              OperandTypes.or(OperandTypes.family(SqlTypeFamily.DATETIME),
                  OperandTypes.family(SqlTypeFamily.DATETIME, SqlTypeFamily.DATETIME)),
              SqlFunctionCategory.TIMEDATE)
          .withDynamic(true);

  /** current_timestamp: timestamptz with microseconds, as in PostgreSQL (Calcite's: timestamp(0)). */
  public static final SqlFunction CURRENT_TIMESTAMP =
      new TimeFunction("CURRENT_TIMESTAMP", SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE);

  /** localtimestamp: timestamp with microseconds. */
  public static final SqlFunction LOCALTIMESTAMP = new TimeFunction("LOCALTIMESTAMP", SqlTypeName.TIMESTAMP);

  /** current_time: time with microseconds (PostgreSQL's is timetz, which PhantomDB lacks). */
  public static final SqlFunction CURRENT_TIME = new TimeFunction("CURRENT_TIME", SqlTypeName.TIME);

  /** localtime: time with microseconds. */
  public static final SqlFunction LOCALTIME = new TimeFunction("LOCALTIME", SqlTypeName.TIME);

  /** Calcite's niladic time functions with PostgreSQL's default precision, 6. */
  private static final class TimeFunction extends SqlAbstractTimeFunction {
    private final SqlTypeName type;

    TimeFunction(String name, SqlTypeName type) {
      super(name, type);
      this.type = type;
    }

    @Override
    public RelDataType inferReturnType(SqlOperatorBinding opBinding) {
      if (opBinding.getOperandCount() == 0) {
        return opBinding.getTypeFactory().createSqlType(type, DataType.DEFAULT_TIME_PRECISION);
      }
      return super.inferReturnType(opBinding);
    }
  }

  private static final Set<String> REPLACED = Set.of("DATE_PART", "AGE", "DATE_TRUNC");

  private static final SqlOperatorTable INSTANCE = build();

  private PhantomOperatorTable() {}

  /** @return the operator table for the validator and SqlToRelConverter */
  public static SqlOperatorTable instance() {
    return INSTANCE;
  }

  private static SqlOperatorTable build() {
    List<SqlOperator> ops = new ArrayList<>(List.of(NOW, BTRIM, TRUNC, DATE_TRUNC, DATE_PART, AGE,
        SqlLibraryOperators.REVERSE, NEXTVAL, CURRVAL, SETVAL, LASTVAL));
    for (SqlOperator op :
        SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.POSTGRESQL).getOperatorList()) {
      if (!REPLACED.contains(op.getName())) {
        ops.add(op);
      }
    }
    // ours first: for CURRENT_TIMESTAMP and friends the validator takes the first one it finds
    List<SqlOperator> first = new ArrayList<>(List.of(CURRENT_TIMESTAMP, LOCALTIMESTAMP, CURRENT_TIME, LOCALTIME));
    first.addAll(SessionFunctions.operators());
    first.addAll(CatalogFunctions.operators());
    first.addAll(ArrayFunctions.operators());
    first.addAll(SetReturningFunctions.operators());
    SqlOperatorTable ours = SqlOperatorTables.of(first);
    SqlOperatorTable all = SqlOperatorTables.chain(ours, SqlStdOperatorTable.instance(), SqlOperatorTables.of(ops));
    return new CaseInsensitive(all);
  }

  /**
   * Finds functions whatever the case of their name: the parser folds unquoted names to lower
   * case and the catalog matches names case-sensitively, but operators are named in upper case.
   */
  private record CaseInsensitive(SqlOperatorTable delegate) implements SqlOperatorTable {
    private static final org.apache.calcite.sql.validate.SqlNameMatcher MATCHER =
        org.apache.calcite.sql.validate.SqlNameMatchers.withCaseSensitive(false);

    @Override
    public void lookupOperatorOverloads(org.apache.calcite.sql.SqlIdentifier opName, SqlFunctionCategory category,
        org.apache.calcite.sql.SqlSyntax syntax, List<SqlOperator> operatorList,
        org.apache.calcite.sql.validate.SqlNameMatcher nameMatcher) {
      // pg_catalog.f(...) is f(...): every function PhantomDB has is pg_catalog's
      if (opName.names.size() == 2 && opName.names.get(0).equalsIgnoreCase("pg_catalog")) {
        opName = new org.apache.calcite.sql.SqlIdentifier(opName.names.get(1), opName.getParserPosition());
      }
      delegate.lookupOperatorOverloads(opName, category, syntax, operatorList, MATCHER);
    }

    @Override
    public List<SqlOperator> getOperatorList() {
      return delegate.getOperatorList();
    }
  }
}
