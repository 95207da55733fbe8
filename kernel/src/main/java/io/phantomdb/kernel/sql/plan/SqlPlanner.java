package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.expr.ExprRexExecutor;
import io.phantomdb.kernel.sql.expr.PhantomOperatorTable;
import io.phantomdb.kernel.sql.type.PhantomTypeSystem;
import io.phantomdb.sql.parser.PhantomSqlConformance;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.apache.calcite.tools.RelBuilder;

/**
 * Turns a parsed query or DML statement into an optimized logical plan: validation against the
 * catalog ({@link CatalogSchemas}), conversion to relational algebra with sub-queries and
 * correlation removed, then a fixed set of rewrite rules (filter push-down, projection merging).
 * One planner serves one statement; it is cheap to make.
 */
public final class SqlPlanner implements org.apache.calcite.plan.RelOptTable.ViewExpander {
  /** The operators SQL may use: the standard ones, PostgreSQL's, and ours. */
  public static final SqlOperatorTable OPERATORS = PhantomOperatorTable.instance();

  private static final HepProgram REWRITES =
      new HepProgramBuilder()
          .addRuleCollection(List.of(
              CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
              CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE,
              CoreRules.JOIN_SUB_QUERY_TO_CORRELATE))
          .addRuleCollection(List.of(
              CoreRules.FILTER_INTO_JOIN,
              CoreRules.JOIN_CONDITION_PUSH,
              CoreRules.FILTER_PROJECT_TRANSPOSE,
              CoreRules.FILTER_MERGE,
              CoreRules.PROJECT_MERGE,
              CoreRules.PROJECT_REMOVE,
              CoreRules.AGGREGATE_PROJECT_MERGE,
              CoreRules.FILTER_REDUCE_EXPRESSIONS,
              CoreRules.PROJECT_REDUCE_EXPRESSIONS))
          .build();

  /** Window calls in projections become Window nodes (after decorrelation, which cannot take them). */
  private static final HepProgram WINDOWS = new HepProgramBuilder()
      .addRuleInstance(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW)
      .build();

  private static boolean containsOver(RelNode rel) {
    if (rel instanceof org.apache.calcite.rel.core.Project p && org.apache.calcite.rex.RexOver.containsOver(p.getProjects(), null)) {
      return true;
    }
    for (RelNode in : rel.getInputs()) {
      if (containsOver(in)) {
        return true;
      }
    }
    return false;
  }

  private final RelDataTypeFactory typeFactory = new JavaTypeFactoryImpl(PhantomTypeSystem.INSTANCE);
  private final CalciteCatalogReader catalogReader;
  private final ParameterValidator validator;
  /** Parameter types declared or inferred so far for the statement being planned. */
  private final List<RelDataType> known = new java.util.ArrayList<>();
  private final ExprRexExecutor executor;
  private RelOptCluster currentCluster;

  /**
   * A planner that folds constants in UTC.
   *
   * @param root the schemas of the session's database ({@link CatalogSchemas#rootOf})
   * @param searchPath the schema names unqualified names are looked up in, in order
   */
  public SqlPlanner(CalciteSchema root, List<String> searchPath) {
    this(root, searchPath, java.time.ZoneOffset.UTC);
  }

  /**
   * @param root the schemas of the session's database ({@link CatalogSchemas#rootOf})
   * @param searchPath the schema names unqualified names are looked up in, in order
   * @param timeZone the session time zone, in which constants are folded
   */
  public SqlPlanner(CalciteSchema root, List<String> searchPath, java.time.ZoneId timeZone) {
    Properties props = new Properties();
    props.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
    CalciteConnectionConfig config = new CalciteConnectionConfigImpl(props);
    this.executor = ExprRexExecutor.forZone(timeZone);
    List<List<String>> paths = new java.util.ArrayList<>();
    if (!searchPath.contains(io.phantomdb.kernel.sql.syscat.SystemSchemas.PG_CATALOG)) {
      paths.add(List.of(io.phantomdb.kernel.sql.syscat.SystemSchemas.PG_CATALOG)); // implicitly first, as PostgreSQL
    }
    for (String schema : searchPath) {
      paths.add(List.of(schema));
    }
    paths.add(List.of());
    // each schema of the path is a place to look in (Calcite's public constructor takes one path)
    this.catalogReader = new CalciteCatalogReader(root,
        org.apache.calcite.sql.validate.SqlNameMatchers.withCaseSensitive(true), paths, typeFactory, config) {};
    this.validator =
        new ParameterValidator(
            OPERATORS,
            catalogReader,
            typeFactory,
            SqlValidator.Config.DEFAULT
                .withConformance(PhantomSqlConformance.INSTANCE)
                .withDefaultNullCollation(NullCollation.HIGH)
                .withIdentifierExpansion(true));
  }

  /**
   * Validates and converts a statement, then rewrites it.
   *
   * @param statement a parsed query, INSERT, UPDATE or DELETE
   * @return the optimized logical plan with its output field names
   * @throws org.apache.calcite.runtime.CalciteContextException if validation fails
   */
  public RelRoot plan(SqlNode statement) {
    return plan(statement, null);
  }

  /**
   * Declares the types of the parameters of the statement about to be planned, for every later
   * {@link #plan(SqlNode)} of its pieces (DML plans its core, RETURNING and ON CONFLICT apart):
   * a parameter typed in one piece keeps that type in the next.
   *
   * @param types the declared type of each parameter, {@code $1} first, null where inferred
   */
  public void declareParameters(List<RelDataType> types) {
    known.clear();
    known.addAll(types);
  }

  /**
   * Validates and converts a statement with parameters, then rewrites it.
   *
   * @param statement a parsed query, INSERT, UPDATE or DELETE
   * @param parameterTypes the declared type of each parameter ({@code $1} first), null where it
   *     is to be inferred ({@link ParameterValidator}); null to go on with the types declared and
   *     inferred so far
   * @return the optimized logical plan with its output field names; {@link #parameterTypes()}
   *     then gives every parameter's type
   * @throws org.apache.calcite.runtime.CalciteContextException if validation fails
   */
  public RelRoot plan(SqlNode statement, List<RelDataType> parameterTypes) {
    if (parameterTypes != null) {
      declareParameters(parameterTypes);
    }
    validator.declare(known);
    SqlNode validated = validator.validate(statement);
    known.clear();
    known.addAll(validator.resolvedSoFar());
    RexBuilder rexBuilder = new RexBuilder(typeFactory);
    HepPlanner hep = new HepPlanner(REWRITES);
    hep.setExecutor(executor); // constant folding with PostgreSQL semantics
    RelOptCluster cluster = RelOptCluster.create(hep, rexBuilder);
    currentCluster = cluster;
    SqlToRelConverter converter =
        new SqlToRelConverter(
            this,
            validator,
            catalogReader,
            cluster,
            StandardConvertletTable.INSTANCE,
            SqlToRelConverter.config()
                .withTrimUnusedFields(true)
                .withExpand(false)
                .withDecorrelationEnabled(true));
    RelRoot root = converter.convertQuery(validated, false, true);
    RelNode rel = ProjectSet.of(root.rel);
    hep.setRoot(rel);
    rel = hep.findBestExp();
    RelBuilder relBuilder = RelFactories.LOGICAL_BUILDER.create(cluster, catalogReader);
    rel = RelDecorrelator.decorrelateQuery(rel, relBuilder);
    if (containsOver(rel)) {
      HepPlanner windows = new HepPlanner(WINDOWS);
      windows.setRoot(rel);
      rel = windows.findBestExp();
    }
    return root.withRel(rel);
  }

  /**
   * Expands a view while converting a statement that reads it: the view's query is parsed,
   * validated and converted in the same cluster (Calcite calls this through {@code PhantomView}).
   */
  @Override
  public RelRoot expandView(org.apache.calcite.rel.type.RelDataType rowType, String queryString,
      List<String> schemaPath, List<String> viewPath) {
    SqlNode query;
    try {
      query = io.phantomdb.sql.parser.PhantomSqlParser.parseStatement(queryString);
    } catch (io.phantomdb.sql.parser.PhantomSqlParseException e) {
      throw new IllegalStateException("stored view " + viewPath + " cannot be parsed: " + queryString, e);
    }
    SqlValidator viewValidator = SqlValidatorUtil.newValidator(OPERATORS, catalogReader, typeFactory,
        validator.config());
    SqlNode validated = viewValidator.validate(query);
    SqlToRelConverter converter = new SqlToRelConverter(this, viewValidator, catalogReader,
        currentCluster, StandardConvertletTable.INSTANCE,
        SqlToRelConverter.config().withTrimUnusedFields(false).withExpand(false).withDecorrelationEnabled(true));
    RelRoot root = converter.convertQuery(validated, true, false);
    RelBuilder b = RelFactories.LOGICAL_BUILDER.create(currentCluster, catalogReader);
    RelNode renamed = b.push(root.project()).rename(rowType.getFieldNames()).build();
    return RelRoot.of(renamed, org.apache.calcite.sql.SqlKind.SELECT);
  }

  /**
   * The row type of a view's query, with the view's column names if it declares them.
   *
   * @param queryString the view's query
   * @param columnNames declared column names, or empty
   * @return the row type
   */
  public org.apache.calcite.rel.type.RelDataType viewRowType(String queryString, List<String> columnNames) {
    try {
      SqlNode query = io.phantomdb.sql.parser.PhantomSqlParser.parseStatement(queryString);
      SqlValidator v = SqlValidatorUtil.newValidator(OPERATORS, catalogReader, typeFactory, validator.config());
      org.apache.calcite.rel.type.RelDataType t = v.getValidatedNodeType(v.validate(query));
      if (columnNames.isEmpty()) {
        return t;
      }
      if (columnNames.size() != t.getFieldCount()) {
        throw new io.phantomdb.kernel.sql.SqlException(io.phantomdb.kernel.sql.SqlState.SYNTAX_ERROR,
            "the view's column list has " + columnNames.size() + " names but its query returns "
                + t.getFieldCount() + " columns");
      }
      return typeFactory.createStructType(
          t.getFieldList().stream().map(f -> f.getType()).toList(), columnNames);
    } catch (io.phantomdb.sql.parser.PhantomSqlParseException e) {
      throw new IllegalStateException("view query cannot be parsed: " + queryString, e);
    }
  }

  /**
   * @return the types of the parameters of the statement last planned, {@code $1} first
   * @throws io.phantomdb.kernel.sql.SqlException 42P18 if a parameter's type cannot be told
   */
  public List<RelDataType> parameterTypes() {
    validator.declare(known);
    return validator.parameterTypes();
  }

  /** @return the type factory (for deriving declared column types) */
  public RelDataTypeFactory typeFactory() {
    return typeFactory;
  }

  /** @return the validator (for deriving declared column types) */
  public SqlValidator validator() {
    return validator;
  }

  /**
   * @param root a plan
   * @return Calcite's text rendering of it, for tests and debugging
   */
  public static String explain(RelRoot root) {
    return RelOptUtil.toString(root.rel);
  }
}
