package io.phantomdb.kernel.sql.ddl;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.CatalogStore;
import io.phantomdb.kernel.sql.catalog.CheckDescriptor;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.IndexDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.kernel.sql.expr.EvalContext;
import io.phantomdb.kernel.sql.expr.Expr;
import io.phantomdb.kernel.sql.expr.ExprCompiler;
import io.phantomdb.kernel.sql.plan.SqlPlanner;
import io.phantomdb.kernel.sql.type.CalciteTypes;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TextCodec;
import io.phantomdb.sql.parser.PhantomSqlParser;
import io.phantomdb.sql.parser.ddl.SqlAddColumn;
import io.phantomdb.sql.parser.ddl.SqlAddConstraint;
import io.phantomdb.sql.parser.ddl.SqlAlterColumn;
import io.phantomdb.sql.parser.ddl.SqlAlterTable;
import io.phantomdb.sql.parser.ddl.SqlColumnConstraint;
import io.phantomdb.sql.parser.ddl.SqlColumnDeclaration;
import io.phantomdb.sql.parser.ddl.SqlDropColumn;
import io.phantomdb.sql.parser.ddl.SqlDropConstraint;
import io.phantomdb.sql.parser.ddl.SqlRenameColumn;
import io.phantomdb.sql.parser.ddl.SqlRenameConstraint;
import io.phantomdb.sql.parser.ddl.SqlRenameTable;
import io.phantomdb.sql.parser.ddl.SqlTruncateTable;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/**
 * ALTER TABLE and TRUNCATE. The actions of one ALTER TABLE apply in order to an {@link AlterState}
 * and commit as one catalog change: ADD / DROP / RENAME COLUMN and RENAME TO here, ALTER COLUMN in
 * {@link AlterColumnExecutor}, ADD / DROP / RENAME CONSTRAINT in {@link ConstraintExecutor}.
 * Added columns get the next column id; rows written before read the DEFAULT evaluated at ALTER
 * time ({@link ColumnDescriptor#missingText()}), unless it is volatile, when every row gets its own
 * value. Dropped columns keep their slot; dropping a primary-key column drops the primary key.
 * Views are re-validated against the altered catalog: a change that would break one is refused
 * (PostgreSQL follows renames in views; we store views as SQL text).
 */
final class AlterTableExecutor {
  private final DdlExecutor ddl;
  private final CatalogStore.Change change;

  AlterTableExecutor(DdlExecutor ddl, CatalogStore.Change change) {
    this.ddl = ddl;
    this.change = change;
  }

  String alter(SqlAlterTable alter) {
    TableDescriptor t = lookup(alter.name(), alter.ifExists());
    if (t == null) {
      return "ALTER TABLE";
    }
    AlterState state = new AlterState(ddl, change, t);
    ConstraintExecutor constraints = new ConstraintExecutor(state);
    for (SqlNode n : alter.actions()) {
      if (n instanceof SqlAddColumn add) {
        addColumn(state, constraints, add);
      } else if (n instanceof SqlDropColumn drop) {
        dropColumn(state, constraints, drop);
      } else if (n instanceof SqlRenameColumn rename) {
        state.update(renameColumn(state.table(), rename));
      } else if (n instanceof SqlRenameTable rename) {
        state.update(renameTable(state.table(), rename));
      } else if (n instanceof SqlAlterColumn column) {
        new AlterColumnExecutor(state).alter(column);
      } else if (n instanceof SqlAddConstraint add) {
        constraints.add(add);
      } else if (n instanceof SqlDropConstraint drop) {
        constraints.drop(drop);
      } else if (n instanceof SqlRenameConstraint rename) {
        constraints.rename(rename);
      } else {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
            "ALTER TABLE " + n.getKind().lowerName + " is not supported yet");
      }
    }
    new ViewDependencies(ddl).checkStillValid(state.table(), change.view());
    state.commit();
    return "ALTER TABLE";
  }

  String truncate(SqlTruncateTable truncate) {
    WriteBatch batch = new WriteBatch();
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

  private void addColumn(AlterState state, ConstraintExecutor constraints, SqlAddColumn add) {
    TableDescriptor t = state.table();
    SqlColumnDeclaration col = add.column();
    String name = col.name().getSimple();
    if (t.column(name).isPresent() || t.liveColumns().stream().anyMatch(c -> c.name().equals(name))) {
      if (add.ifNotExists()) {
        return;
      }
      throw new SqlException(SqlState.DUPLICATE_COLUMN,
          "column \"" + name + "\" of relation \"" + t.name() + "\" already exists");
    }
    if (col.isSerial() || col.identity() != null) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
          "ADD COLUMN with SERIAL or identity is not supported yet");
    }
    if (col.isPrimaryKey() && !t.hasHiddenRowId()) {
      throw new SqlException(SqlState.INVALID_TABLE_DEFINITION,
          "multiple primary keys for table \"" + t.name() + "\" are not allowed");
    }
    SqlPlanner planner = state.planner();
    boolean notNull = col.isNotNull() || col.isPrimaryKey();
    DataType type = CalciteTypes.toColumnType(col.type().deriveType(planner.validator())).withNullable(!notNull);
    SqlNode def = col.defaultExpression();
    String defaultSql = def == null ? null : PhantomSqlParser.toSql(def);
    String missing = null;
    Expr volatileDefault = null;
    if (def != null) {
      RowExpressions.Compiled d = RowExpressions.compile(planner, defaultSql, null, null, "DEFAULT expression");
      Expr value = ExprCompiler.assignmentCast(d.expr(), type.withNullable(true));
      if (d.deterministic()) {
        // evaluated once, as of ALTER time (stable functions such as now() included, as PostgreSQL does)
        Object v = value.eval(new Object[0], EvalContext.of());
        missing = v == null ? null : TextCodec.format(v, type);
      } else {
        volatileDefault = value;
      }
    }
    if (notNull && missing == null && volatileDefault == null && state.hasRows()) {
      throw new SqlException(SqlState.NOT_NULL_VIOLATION,
          "column \"" + name + "\" of relation \"" + t.name() + "\" contains null values");
    }
    List<ColumnDescriptor> columns = new ArrayList<>(t.columns());
    ColumnDescriptor added = new ColumnDescriptor(t.nextColumnId(), name, type, defaultSql, null, 0, false, false, missing);
    columns.add(added);
    TableDescriptor altered = t.withColumns(columns, t.nextColumnId() + 1);
    state.update(altered);
    if (volatileDefault != null) {
      // each row gets its own value, as PostgreSQL's table rewrite gives it
      RowImage rows = state.rows();
      List<Object> values = new ArrayList<>();
      EvalContext ctx = EvalContext.of();
      for (int i = 0; i < rows.size(); i++) {
        values.add(volatileDefault.eval(new Object[0], ctx));
      }
      rows.set(altered, added.id(), values);
    }
    for (SqlNode n : col.constraints()) {
      SqlColumnConstraint c = (SqlColumnConstraint) n;
      String cname = c.name() == null ? null : c.name().getSimple();
      switch (c.kind()) {
        case PRIMARY_KEY -> constraints.addPrimaryKey(cname, List.of(name));
        case UNIQUE -> constraints.addUnique(cname, List.of(name));
        case CHECK -> constraints.addCheck(cname, c.expression());
        case REFERENCES -> throw ConstraintExecutor.foreignKeys();
        default -> { } // NOT NULL, NULL and DEFAULT are done above
      }
    }
  }

  private void dropColumn(AlterState state, ConstraintExecutor constraints, SqlDropColumn drop) {
    String name = drop.name().getSimple();
    TableDescriptor t = state.table();
    ColumnDescriptor c = t.column(name).orElse(null);
    if (c == null) {
      if (drop.ifExists()) {
        return;
      }
      throw new SqlException(SqlState.UNDEFINED_COLUMN,
          "column \"" + name + "\" of relation \"" + t.name() + "\" does not exist");
    }
    if (t.visibleColumns().size() == 1) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
          "cannot drop column " + name + ": tables without columns are not supported");
    }
    if (!t.hasHiddenRowId() && AlterColumnExecutor.uses(t.primaryIndex().columns(), c)) {
      constraints.dropPrimaryKey(); // as PostgreSQL drops the primary key with its column
      t = state.table();
    }
    t = new SequenceExecutor(ddl, change).dropOwnedByColumn(t, c, drop.behavior(), state.batch());
    List<IndexDescriptor> indexes = new ArrayList<>();
    for (IndexDescriptor i : t.indexes()) {
      if (AlterColumnExecutor.uses(i.columns(), c)) {
        state.deleteEntries(i);
      } else {
        indexes.add(i);
      }
    }
    List<CheckDescriptor> checks = new ArrayList<>();
    for (CheckDescriptor ch : t.checks()) {
      if (!RowExpressions.mentions(ch.sql(), name)) {
        checks.add(ch);
      }
    }
    List<ColumnDescriptor> columns = new ArrayList<>();
    for (ColumnDescriptor x : t.columns()) {
      columns.add(x.id() == c.id() ? x.drop() : x);
    }
    state.update(t.withColumns(columns, t.nextColumnId()).withIndexes(indexes, t.nextIndexId()).withChecks(checks));
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
      checks.add(new CheckDescriptor(ch.name(), RowExpressions.renameIn(ch.sql(), from, to)));
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
}
