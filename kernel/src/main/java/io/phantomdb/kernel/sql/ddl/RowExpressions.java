package io.phantomdb.kernel.sql.ddl;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.expr.Expr;
import io.phantomdb.kernel.sql.expr.ExprCompiler;
import io.phantomdb.kernel.sql.plan.SqlPlanner;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.sql.parser.PhantomSqlParseException;
import io.phantomdb.sql.parser.PhantomSqlParser;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * The SQL expressions DDL stores or evaluates: CHECK conditions, DEFAULTs and USING conversions,
 * compiled over a table's visible columns by planning a SELECT of them, and the text edits a
 * column rename makes in stored CHECKs.
 */
final class RowExpressions {
  private RowExpressions() {}

  /**
   * A compiled expression.
   *
   * @param expr the expression, over a row of the table's visible columns (or no row)
   * @param deterministic false if it calls a volatile function (random(), nextval(), ...)
   */
  record Compiled(Expr expr, boolean deterministic) {
    /** @return the expression's type */
    DataType type() {
      return expr.type();
    }
  }

  /**
   * Plans {@code SELECT (sql) FROM schema.table} (or without FROM when {@code table} is null) and
   * compiles the expression.
   *
   * @param planner a planner over the catalog to plan against
   * @param sql the expression
   * @param schema the table's schema name, or null
   * @param table the table whose columns the expression may use, or null
   * @param context what the expression is, for errors ("check constraint", "DEFAULT expression")
   * @return the compiled expression
   * @throws SqlException 0A000 for a sub-query, or the planner's error
   */
  static Compiled compile(SqlPlanner planner, String sql, String schema, TableDescriptor table, String context) {
    String from = table == null ? "" : " FROM \"" + schema + "\".\"" + table.name() + "\"";
    RelRoot root;
    try {
      root = planner.plan(PhantomSqlParser.parseStatement("SELECT (" + sql + ")" + from));
    } catch (PhantomSqlParseException e) {
      throw new SqlException(SqlState.SYNTAX_ERROR, e.pgMessage(), null, null, e);
    }
    int field = root.fields.get(0).getKey();
    RelNode rel = root.rel;
    RexNode rex;
    if (rel instanceof Project p && (p.getInput() instanceof TableScan || p.getInput() instanceof Values)) {
      rex = p.getProjects().get(field);
    } else if (rel instanceof Values v && v.getTuples().size() == 1) {
      rex = v.getTuples().get(0).get(field);
    } else if (rel instanceof TableScan) {
      rex = rel.getCluster().getRexBuilder().makeInputRef(rel, field);
    } else {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "cannot use subquery in " + context);
    }
    return new Compiled(ExprCompiler.compile(rex), RexUtil.isDeterministic(rex));
  }

  /**
   * @param table a table
   * @param live a row of its live columns
   * @return the row's visible columns, the row compiled expressions read
   */
  static Object[] visible(TableDescriptor table, Object[] live) {
    List<ColumnDescriptor> all = table.liveColumns();
    Object[] out = new Object[table.visibleColumns().size()];
    int j = 0;
    for (int i = 0; i < all.size(); i++) {
      if (!all.get(i).hidden()) {
        out[j++] = live[i];
      }
    }
    return out;
  }

  /**
   * @param sql a stored expression
   * @return it parsed
   */
  static SqlNode parse(String sql) {
    try {
      return SqlParser.create(sql, PhantomSqlParser.config()).parseExpression();
    } catch (SqlParseException e) {
      throw new SqlException(SqlState.INTERNAL_ERROR, "stored expression cannot be parsed: " + sql, null, null, e);
    }
  }

  /**
   * @param expr an expression
   * @param table a table
   * @return the table's columns the expression names, in order of first mention
   */
  static Set<String> columnsNamed(SqlNode expr, TableDescriptor table) {
    Set<String> out = new LinkedHashSet<>();
    expr.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlIdentifier id) {
        String name = id.names.get(id.names.size() - 1);
        if (table.column(name).isPresent()) {
          out.add(name);
        }
        return null;
      }
    });
    return out;
  }

  /** Whether a stored expression refers to a column of this name. */
  static boolean mentions(String sql, String column) {
    boolean[] found = {false};
    parse(sql).accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlIdentifier id) {
        if (id.names.get(id.names.size() - 1).equals(column)) {
          found[0] = true;
        }
        return null;
      }
    });
    return found[0];
  }

  /** A stored expression with references to column {@code from} renamed to {@code to}. */
  static String renameIn(String sql, String from, String to) {
    if (!mentions(sql, from)) {
      return sql;
    }
    SqlNode renamed = parse(sql).accept(new SqlShuttle() {
      @Override
      public SqlNode visit(SqlIdentifier id) {
        return id.isSimple() && id.getSimple().equals(from) ? new SqlIdentifier(to, id.getParserPosition()) : id;
      }
    });
    return PhantomSqlParser.toSql(renamed);
  }
}
