package io.phantomdb.kernel.sql.ddl;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.CatalogObject;
import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import io.phantomdb.kernel.sql.catalog.CatalogStore;
import io.phantomdb.kernel.sql.catalog.CheckDescriptor;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.IndexColumn;
import io.phantomdb.kernel.sql.catalog.IndexDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.catalog.ViewDescriptor;
import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.kernel.sql.expr.EvalContext;
import io.phantomdb.kernel.sql.expr.Expr;
import io.phantomdb.kernel.sql.expr.ExprCompiler;
import io.phantomdb.kernel.sql.plan.CatalogSchemas;
import io.phantomdb.kernel.sql.plan.SqlPlanner;
import io.phantomdb.kernel.sql.store.TableReader;
import io.phantomdb.kernel.sql.type.CalciteTypes;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TextCodec;
import io.phantomdb.sql.parser.PhantomSqlParseException;
import io.phantomdb.sql.parser.PhantomSqlParser;
import io.phantomdb.sql.parser.ddl.SqlAddColumn;
import io.phantomdb.sql.parser.ddl.SqlAlterTable;
import io.phantomdb.sql.parser.ddl.SqlColumnConstraint;
import io.phantomdb.sql.parser.ddl.SqlColumnDeclaration;
import io.phantomdb.sql.parser.ddl.SqlDropColumn;
import io.phantomdb.sql.parser.ddl.SqlRenameColumn;
import io.phantomdb.sql.parser.ddl.SqlRenameTable;
import io.phantomdb.sql.parser.ddl.SqlTruncateTable;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
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
 * ALTER TABLE (ADD / DROP / RENAME COLUMN, RENAME TO; several actions applied in order as one
 * catalog change) and TRUNCATE. Added columns get the next column id; rows written before read
 * the DEFAULT evaluated at ALTER time ({@link ColumnDescriptor#missingText()}). Dropped columns
 * keep their slot. Views are re-validated against the altered catalog: a change that would break
 * one is refused (PostgreSQL follows renames in views; we store views as SQL text).
 */
final class AlterTableExecutor {
  private final DdlExecutor ddl;
  private final CatalogStore.Change change;
  private final WriteBatch batch = new WriteBatch();

  AlterTableExecutor(DdlExecutor ddl, CatalogStore.Change change) {
    this.ddl = ddl;
    this.change = change;
  }

  String alter(SqlAlterTable alter) {
    TableDescriptor t = lookup(alter.name(), alter.ifExists());
    if (t == null) {
      return "ALTER TABLE";
    }
    for (SqlNode n : alter.actions()) {
      if (n instanceof SqlAddColumn add) {
        t = addColumn(t, add);
      } else if (n instanceof SqlDropColumn drop) {
        t = dropColumn(t, drop);
      } else if (n instanceof SqlRenameColumn rename) {
        t = renameColumn(t, rename);
      } else if (n instanceof SqlRenameTable rename) {
        t = renameTable(t, rename);
      } else {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
            "ALTER TABLE " + n.getKind().lowerName + " is not supported yet");
      }
      change.put(t);
    }
    checkViews(t);
    change.commit(batch);
    return "ALTER TABLE";
  }

  String truncate(SqlTruncateTable truncate) {
    for (SqlNode n : truncate.names()) {
      TableDescriptor t = lookup((SqlIdentifier) n, false);
      KeyRange all = VersionedKeys.tableRange(t.id());
      batch.deleteRange(ddl.data(), all.lower(), all.upper());
    }
    change.commit(batch);
    return "TRUNCATE TABLE";
  }

  private TableDescriptor lookup(SqlIdentifier name, boolean ifExists) {
    TableDescriptor t = ddl.findTable(name, change.view(), true);
    if (t == null && !ifExists) {
      String simple = name.names.get(name.names.size() - 1);
      boolean other = ddl.searchPath().stream().anyMatch(s -> change.view().schema(ddl.databaseId(), s)
          .flatMap(sc -> change.view().relation(sc.id(), simple)).isPresent());
      if (other && name.names.size() == 1) {
        throw new SqlException(SqlState.WRONG_OBJECT_TYPE, "\"" + simple + "\" is not a table");
      }
      throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + simple + "\" does not exist");
    }
    return t;
  }

  private TableDescriptor addColumn(TableDescriptor t, SqlAddColumn add) {
    SqlColumnDeclaration col = add.column();
    String name = col.name().getSimple();
    if (t.column(name).isPresent() || t.liveColumns().stream().anyMatch(c -> c.name().equals(name))) {
      if (add.ifNotExists()) {
        return t;
      }
      throw new SqlException(SqlState.DUPLICATE_COLUMN,
          "column \"" + name + "\" of relation \"" + t.name() + "\" already exists");
    }
    if (col.isPrimaryKey() || col.isUnique() || col.isSerial() || col.identity() != null
        || !col.constraints(SqlColumnConstraint.Kind.CHECK).isEmpty()) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
          "ADD COLUMN with PRIMARY KEY, UNIQUE, CHECK, SERIAL or identity is not supported yet");
    }
    SqlPlanner planner = planner(change.view());
    boolean notNull = col.isNotNull();
    DataType type = CalciteTypes.toDataType(col.type().deriveType(planner.validator())).withNullable(!notNull);
    SqlNode def = col.defaultExpression();
    String defaultSql = def == null ? null : PhantomSqlParser.toSql(def);
    String missing = null;
    if (def != null) {
      Object value = evaluateConstant(planner, defaultSql, type, name);
      missing = value == null ? null : TextCodec.format(value, type);
    }
    if (notNull && missing == null && hasRows(t)) {
      throw new SqlException(SqlState.NOT_NULL_VIOLATION,
          "column \"" + name + "\" of relation \"" + t.name() + "\" contains null values");
    }
    List<ColumnDescriptor> columns = new ArrayList<>(t.columns());
    columns.add(new ColumnDescriptor(t.nextColumnId(), name, type, defaultSql, null, 0, false, false, missing));
    return t.withColumns(columns, t.nextColumnId() + 1);
  }

  /**
   * Evaluates a DEFAULT once, as of ALTER time (stable functions such as now() included, as
   * PostgreSQL does); refuses volatile ones (each old row would need its own value: a rewrite).
   */
  private static Object evaluateConstant(SqlPlanner planner, String sql, DataType type, String column) {
    RexNode rex;
    try {
      RelNode rel = planner.plan(PhantomSqlParser.parseStatement("SELECT (" + sql + ")")).rel;
      if (rel instanceof Project p && p.getInput() instanceof Values) {
        rex = p.getProjects().get(0);
      } else if (rel instanceof Values v) {
        rex = v.getTuples().get(0).get(0);
      } else {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "cannot use subquery in DEFAULT expression");
      }
    } catch (PhantomSqlParseException e) {
      throw new SqlException(SqlState.SYNTAX_ERROR, e.pgMessage(), null, null, e);
    }
    if (!RexUtil.isDeterministic(rex)) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "ADD COLUMN \"" + column
          + "\" with a volatile DEFAULT is not supported yet (it needs a table rewrite)");
    }
    Expr expr = ExprCompiler.assignmentCast(ExprCompiler.compile(rex), type);
    return expr.eval(new Object[0], EvalContext.of());
  }

  private boolean hasRows(TableDescriptor t) {
    long ts = ddl.readTs();
    try (TableReader.VersionedCursor c = TableReader.scan(ddl.storage(), ddl.data(), ddl.layout(t),
        VersionedKeys.indexRange(t.id(), IndexDescriptor.PRIMARY_INDEX_ID), ts)) {
      return c.next();
    }
  }

  private TableDescriptor dropColumn(TableDescriptor t, SqlDropColumn drop) {
    String name = drop.name().getSimple();
    ColumnDescriptor c = t.column(name).orElse(null);
    if (c == null) {
      if (drop.ifExists()) {
        return t;
      }
      throw new SqlException(SqlState.UNDEFINED_COLUMN,
          "column \"" + name + "\" of relation \"" + t.name() + "\" does not exist");
    }
    if (usesColumn(t.primaryIndex(), c)) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "cannot drop column " + name + " of table "
          + t.name() + " because it is part of the primary key (dropping the primary key is not supported yet)");
    }
    if (t.visibleColumns().size() == 1) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
          "cannot drop column " + name + ": tables without columns are not supported");
    }
    t = new SequenceExecutor(ddl, change).dropOwnedByColumn(t, c, drop.behavior(), batch);
    List<IndexDescriptor> indexes = new ArrayList<>();
    for (IndexDescriptor i : t.indexes()) {
      if (usesColumn(i, c)) {
        KeyRange all = VersionedKeys.indexRange(t.id(), i.id());
        batch.deleteRange(ddl.data(), all.lower(), all.upper());
      } else {
        indexes.add(i);
      }
    }
    List<CheckDescriptor> checks = new ArrayList<>();
    for (CheckDescriptor ch : t.checks()) {
      if (!mentions(ch.sql(), name)) {
        checks.add(ch);
      }
    }
    List<ColumnDescriptor> columns = new ArrayList<>();
    for (ColumnDescriptor x : t.columns()) {
      columns.add(x == c ? x.drop() : x);
    }
    return t.withColumns(columns, t.nextColumnId()).withIndexes(indexes, t.nextIndexId()).withChecks(checks);
  }

  private static boolean usesColumn(IndexDescriptor i, ColumnDescriptor c) {
    for (IndexColumn ic : i.columns()) {
      if (ic.columnId() == c.id()) {
        return true;
      }
    }
    return false;
  }

  private TableDescriptor renameColumn(TableDescriptor t, SqlRenameColumn rename) {
    String from = rename.oldName().getSimple();
    String to = rename.newName().getSimple();
    ColumnDescriptor c = t.column(from).orElseThrow(() -> new SqlException(SqlState.UNDEFINED_COLUMN,
        "column \"" + from + "\" does not exist"));
    if (t.liveColumns().stream().anyMatch(x -> x.name().equals(to))) {
      throw new SqlException(SqlState.DUPLICATE_COLUMN,
          "column \"" + to + "\" of relation \"" + t.name() + "\" already exists");
    }
    List<ColumnDescriptor> columns = new ArrayList<>();
    for (ColumnDescriptor x : t.columns()) {
      columns.add(x != c ? x : new ColumnDescriptor(x.id(), to, x.type(), x.defaultSql(), x.identity(),
          x.sequenceId(), x.hidden(), x.dropped(), x.missingText()));
    }
    List<CheckDescriptor> checks = new ArrayList<>();
    for (CheckDescriptor ch : t.checks()) {
      checks.add(new CheckDescriptor(ch.name(), renameIn(ch.sql(), from, to)));
    }
    return t.withColumns(columns, t.nextColumnId()).withChecks(checks);
  }

  private TableDescriptor renameTable(TableDescriptor t, SqlRenameTable rename) {
    String to = rename.newName().names.get(rename.newName().names.size() - 1);
    if (change.view().nameTaken(t.schemaId(), to)) {
      throw new SqlException(SqlState.DUPLICATE_TABLE, "relation \"" + to + "\" already exists");
    }
    return t.withName(to);
  }

  private static SqlNode parseExpression(String sql) {
    try {
      return SqlParser.create(sql, PhantomSqlParser.config()).parseExpression();
    } catch (SqlParseException e) {
      throw new SqlException(SqlState.INTERNAL_ERROR, "stored CHECK cannot be parsed: " + sql, null, null, e);
    }
  }

  /** Whether a stored expression refers to a column of this name. */
  static boolean mentions(String sql, String column) {
    boolean[] found = {false};
    parseExpression(sql).accept(new SqlBasicVisitor<Void>() {
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
  private static String renameIn(String sql, String from, String to) {
    if (!mentions(sql, from)) {
      return sql;
    }
    SqlNode renamed = parseExpression(sql).accept(new SqlShuttle() {
      @Override
      public SqlNode visit(SqlIdentifier id) {
        return id.isSimple() && id.getSimple().equals(from) ? new SqlIdentifier(to, id.getParserPosition()) : id;
      }
    });
    return PhantomSqlParser.toSql(renamed);
  }

  private SqlPlanner planner(CatalogSnapshot cat) {
    return new SqlPlanner(CatalogSchemas.rootOf(cat, ddl.databaseId()), ddl.searchPath());
  }

  /** Refuses the change if a view that is valid now would no longer be after it. */
  private void checkViews(TableDescriptor t) {
    CatalogSnapshot after = change.view();
    for (CatalogObject o : after.objects()) {
      if (o instanceof ViewDescriptor v && !validView(after, v) && validView(ddl.catalog().current(), v)) {
        throw new SqlException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot alter table " + t.name()
            + " because view " + v.name() + " depends on it (views are not rewritten yet)");
      }
    }
  }

  private boolean validView(CatalogSnapshot cat, ViewDescriptor v) {
    try {
      planner(cat).viewRowType(v.sql(), v.columnNames());
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
