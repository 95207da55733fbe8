package io.phantomdb.kernel.sql.ddl;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.IndexColumn;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.expr.EvalContext;
import io.phantomdb.kernel.sql.expr.Expr;
import io.phantomdb.kernel.sql.expr.ExprCompiler;
import io.phantomdb.kernel.sql.plan.SqlPlanner;
import io.phantomdb.kernel.sql.type.CalciteTypes;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TypeKind;
import io.phantomdb.sql.parser.PhantomSqlParser;
import io.phantomdb.sql.parser.ddl.SqlAlterColumn;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * {@code ALTER [COLUMN] c SET DEFAULT / DROP DEFAULT / SET NOT NULL / DROP NOT NULL / [SET DATA]
 * TYPE t [USING expr]}. SET NOT NULL and TYPE read the rows ({@link AlterState#rows()}): the
 * ALTER's commit checks the NOT NULL; TYPE converts every row with the USING expression (the
 * column itself by default) and an assignment cast, and the commit writes the rows and the index
 * entries of the column again.
 */
final class AlterColumnExecutor {
  private final AlterState state;

  AlterColumnExecutor(AlterState state) {
    this.state = state;
  }

  void alter(SqlAlterColumn a) {
    TableDescriptor t = state.table();
    String name = a.name().getSimple();
    ColumnDescriptor c = t.column(name).orElseThrow(() -> new SqlException(SqlState.UNDEFINED_COLUMN,
        "column \"" + name + "\" of relation \"" + t.name() + "\" does not exist"));
    switch (a.kind()) {
      case SET_DEFAULT -> replace(c, with(c, c.type(), checkedDefault(c, a.expression()), c.missingText()));
      case DROP_DEFAULT -> replace(c, with(c, c.type(), null, c.missingText()));
      case SET_NOT_NULL -> {
        if (c.nullable()) {
          replace(c, with(c, c.type().withNullable(false), c.defaultSql(), c.missingText()));
          state.rows(); // the commit checks the rows
        }
      }
      case DROP_NOT_NULL -> {
        if (!t.hasHiddenRowId() && uses(t.primaryIndex().columns(), c)) {
          throw new SqlException(SqlState.INVALID_TABLE_DEFINITION, "column \"" + name + "\" is in a primary key");
        }
        replace(c, with(c, c.type().withNullable(true), c.defaultSql(), c.missingText()));
      }
      case SET_TYPE -> changeType(c, a);
      default -> throw new AssertionError(a.kind());
    }
  }

  private void changeType(ColumnDescriptor c, SqlAlterColumn a) {
    TableDescriptor t = state.table();
    SqlPlanner planner = state.planner();
    DataType type = CalciteTypes.toColumnType(a.type().deriveType(planner.validator())).withNullable(c.nullable());
    new ViewDependencies(state.ddl()).refuseTypeChange(state.change().view(), t, c);
    String using = a.expression() == null ? quote(c.name()) : PhantomSqlParser.toSql(a.expression());
    RowExpressions.Compiled conversion =
        RowExpressions.compile(planner, using, state.schemaName(), t, "transform expression");
    if (!assignable(conversion.type(), type)) {
      throw a.expression() == null
          ? new SqlException(SqlState.DATATYPE_MISMATCH, "column \"" + c.name()
              + "\" cannot be cast automatically to type " + baseName(type), null,
              "You might need to specify \"USING " + hintName(c.name()) + "::" + type.sqlName() + "\".", null)
          : new SqlException(SqlState.DATATYPE_MISMATCH, "result of USING clause for column \"" + c.name()
              + "\" cannot be cast automatically to type " + baseName(type), null,
              "You might need to add an explicit cast.", null);
    }
    if (c.defaultSql() != null) {
      DataType def = RowExpressions.compile(planner, c.defaultSql(), null, null, "DEFAULT expression").type();
      if (!assignable(def, type)) {
        throw new SqlException(SqlState.DATATYPE_MISMATCH, "default for column \"" + c.name()
            + "\" cannot be cast automatically to type " + baseName(type));
      }
    }
    Expr convert = ExprCompiler.assignmentCast(conversion.expr(), type);
    List<Object> values = new ArrayList<>();
    EvalContext ctx = EvalContext.of();
    for (Object[] row : state.rows().rows(t)) {
      values.add(convert.eval(RowExpressions.visible(t, row), ctx));
    }
    // every row is written again with the column, so no row needs its missing value any more
    TableDescriptor altered = replace(c, with(c, type, c.defaultSql(), null));
    state.rows().set(altered, c.id(), values);
  }

  /** Checks a new DEFAULT as PostgreSQL does when it stores one, and returns its SQL text. */
  private String checkedDefault(ColumnDescriptor c, SqlNode expression) {
    String sql = PhantomSqlParser.toSql(expression);
    RowExpressions.Compiled d = RowExpressions.compile(state.planner(), sql, null, null, "DEFAULT expression");
    boolean stringLiteral = expression instanceof SqlLiteral l && l.getTypeName().getFamily() == SqlTypeFamily.CHARACTER;
    if (stringLiteral) {
      // an untyped literal takes the column's type now: a malformed one fails here
      ExprCompiler.assignmentCast(d.expr(), c.type().withNullable(true)).eval(new Object[0], EvalContext.of());
    } else if (!assignable(d.type(), c.type())) {
      throw new SqlException(SqlState.DATATYPE_MISMATCH, "column \"" + c.name() + "\" is of type "
          + baseName(c.type()) + " but default expression is of type " + baseName(d.type()), null,
          "You will need to rewrite or cast the expression.", null);
    }
    return sql;
  }

  /** Replaces a column of the table being altered and returns the table. */
  private TableDescriptor replace(ColumnDescriptor old, ColumnDescriptor neu) {
    TableDescriptor t = state.table();
    List<ColumnDescriptor> columns = new ArrayList<>();
    for (ColumnDescriptor x : t.columns()) {
      columns.add(x.id() == old.id() ? neu : x);
    }
    TableDescriptor altered = t.withColumns(columns, t.nextColumnId());
    state.update(altered);
    return altered;
  }

  private static ColumnDescriptor with(ColumnDescriptor c, DataType type, String defaultSql, String missingText) {
    return new ColumnDescriptor(c.id(), c.name(), type, defaultSql, c.identity(), c.sequenceId(), c.hidden(),
        c.dropped(), missingText);
  }

  /**
   * Whether PostgreSQL converts values of one type to another on assignment (an implicit or
   * assignment cast; anything to a string type through its text form), as ALTER COLUMN TYPE
   * without USING and stored DEFAULTs need.
   *
   * @param from the source type
   * @param to the target type
   * @return true if assignable
   */
  static boolean assignable(DataType from, DataType to) {
    TypeKind f = from.kind();
    TypeKind t = to.kind();
    if (f == t || f == TypeKind.UNKNOWN || t.isText() || (f.isNumeric() && t.isNumeric())) {
      return true;
    }
    return switch (t) {
      case DATE -> f == TypeKind.TIMESTAMP || f == TypeKind.TIMESTAMPTZ;
      case TIME -> f == TypeKind.TIMESTAMP || f == TypeKind.TIMESTAMPTZ || f == TypeKind.INTERVAL;
      case TIMESTAMP, TIMESTAMPTZ -> f == TypeKind.DATE || f == TypeKind.TIMESTAMP || f == TypeKind.TIMESTAMPTZ;
      case INTERVAL -> f == TypeKind.TIME;
      default -> false;
    };
  }

  /** PostgreSQL's {@code format_type_be}: the type's name without length or precision. */
  static String baseName(DataType type) {
    return type.sqlName().replaceAll("\\(\\d+(,\\d+)?\\)", "");
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** The name as PostgreSQL's {@code quote_identifier} writes it (quoted only when it must be). */
  private static String hintName(String name) {
    return name.matches("[a-z_][a-z0-9_$]*") ? name : quote(name);
  }

  /** @return true if the column is a key column of the index */
  static boolean uses(List<IndexColumn> columns, ColumnDescriptor c) {
    return columns.stream().anyMatch(ic -> ic.columnId() == c.id());
  }
}
