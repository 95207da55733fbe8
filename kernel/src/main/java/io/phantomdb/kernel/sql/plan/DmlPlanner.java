package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.ColumnInfo;
import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.type.CalciteTypes;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.sql.parser.PhantomSqlParser;
import io.phantomdb.sql.parser.dml.SqlPgDelete;
import io.phantomdb.sql.parser.dml.SqlPgInsert;
import io.phantomdb.sql.parser.dml.SqlPgUpdate;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Plans INSERT, UPDATE and DELETE with PostgreSQL's clauses into a {@link DmlPlan}: the change
 * itself through Calcite (plain INSERT, UPDATE and DELETE become a {@code TableModify}; UPDATE ...
 * FROM and DELETE ... USING a join of the target with the other tables), {@code DEFAULT VALUES}
 * and {@code SET c = DEFAULT} rewritten to the columns' defaults, RETURNING as a SELECT over the
 * target (with PostgreSQL's column names), ON CONFLICT through {@link ConflictPlanner}.
 */
public final class DmlPlanner {
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private final SqlPlanner planner;
  private final CatalogSnapshot catalog;
  private final int databaseId;
  private final List<String> searchPath;

  /**
   * @param planner the statement's Calcite planner
   * @param catalog the catalog it plans against
   * @param databaseId the session's database
   * @param searchPath the schemas unqualified names are looked up in
   */
  public DmlPlanner(SqlPlanner planner, CatalogSnapshot catalog, int databaseId, List<String> searchPath) {
    this.planner = planner;
    this.catalog = catalog;
    this.databaseId = databaseId;
    this.searchPath = List.copyOf(searchPath);
  }

  /**
   * @param node a parsed statement
   * @return true if it is an INSERT, UPDATE or DELETE (with or without PostgreSQL's clauses)
   */
  public static boolean isDml(SqlNode node) {
    return node instanceof SqlInsert || node instanceof SqlUpdate || node instanceof SqlDelete
        || node instanceof SqlPgInsert || node instanceof SqlPgUpdate || node instanceof SqlPgDelete;
  }

  /**
   * @param node an INSERT, UPDATE or DELETE ({@link #isDml})
   * @return its plan
   * @throws SqlException for what PostgreSQL refuses, with its SQLSTATE, or 0A000
   */
  public DmlPlan plan(SqlNode node) {
    if (node instanceof SqlPgInsert i) {
      return insert(i.insert(), i.alias(), i.isDefaultValues(), i);
    }
    if (node instanceof SqlInsert i) {
      return insert(i, null, false, null);
    }
    if (node instanceof SqlPgUpdate u) {
      return update(u.update(), u.from(), u.returning());
    }
    if (node instanceof SqlUpdate u) {
      return update(u, null, null);
    }
    if (node instanceof SqlPgDelete d) {
      return delete(d.delete(), d.using(), d.returning());
    }
    return delete((SqlDelete) node, null, null);
  }

  private DmlPlan insert(SqlInsert insert, SqlIdentifier alias, boolean defaultValues, SqlPgInsert pg) {
    DmlTarget t = DmlTarget.resolve(catalog, databaseId, searchPath, (SqlIdentifier) insert.getTargetTable(), alias,
        "insert into");
    if (insert.getTargetColumnList() != null) {
      for (SqlNode c : insert.getTargetColumnList()) {
        String name = ((SqlIdentifier) c).names.get(0);
        if (t.table().column(name).isEmpty()) {
          throw new SqlException(SqlState.UNDEFINED_COLUMN,
              "column \"" + name + "\" of relation \"" + t.table().name() + "\" does not exist");
        }
      }
    }
    SqlInsert core = insert;
    LiteralLengths.checkInsert(t.table(), insert);
    if (defaultValues) {
      // every column gets its default: name one column and give it DEFAULT
      List<ColumnDescriptor> visible = t.table().visibleColumns();
      if (visible.isEmpty()) {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "INSERT into a table without columns is not supported");
      }
      SqlNode row = SqlStdOperatorTable.ROW.createCall(POS, SqlStdOperatorTable.DEFAULT.createCall(POS));
      core = new SqlInsert(POS, new SqlNodeList(POS), insert.getTargetTable(),
          SqlStdOperatorTable.VALUES.createCall(POS, row),
          new SqlNodeList(List.of(new SqlIdentifier(visible.get(0).name(), POS)), POS));
    }
    DmlPlan.ConflictPlan conflict = pg == null || pg.onConflict() == null ? null
        : new ConflictPlanner(planner).plan(pg.onConflict(), t);
    RelRoot root = planner.plan(core);
    return finish(SqlKind.INSERT, t, root, false, null, conflict, pg == null ? null : pg.returning(), null);
  }

  private DmlPlan update(SqlUpdate update, SqlNode from, SqlNodeList returning) {
    DmlTarget t = DmlTarget.resolve(catalog, databaseId, searchPath, (SqlIdentifier) update.getTargetTable(),
        update.getAlias(), "update");
    SqlNodeList values = update.getSourceExpressionList();
    Assignments set = Assignments.of(t.table(), update.getTargetColumnList(), values);
    LiteralLengths.checkAssignments(t.table(), set, values);
    if (from == null) {
      for (int j = 0; j < values.size(); j++) {
        if (set.sources()[j] == Assignments.Source.DEFAULT) {
          values.set(j, defaultExpression(t.table().visibleColumns().get(set.columns()[j])));
        }
      }
      SqlNodeList copies = (SqlNodeList) SqlTrees.copy(values);
      RelRoot root;
      try {
        root = planner.plan(update);
      } catch (RuntimeException e) {
        throw assignmentFailure(e, t, set, copies);
      }
      return finish(SqlKind.UPDATE, t, root, false, null, null, returning, null);
    }
    List<SqlNode> items = new ArrayList<>();
    items.add(SqlIdentifier.star(List.of(t.reference(), ""), POS, List.of(POS, POS)));
    items.addAll(set.selectItems(values));
    RelRoot root = planner.plan(select(items, join(t.fromItem(), from), update.getCondition()));
    List<RelDataType> types = new ArrayList<>();
    List<RelDataTypeField> fields = root.validatedRowType.getFieldList();
    int width = t.table().visibleColumns().size();
    for (int j = 0; j < values.size(); j++) {
      types.add(fields.get(width + j).getType());
    }
    set.checkTypes(t.table(), planner.typeFactory(), types);
    return finish(SqlKind.UPDATE, t, root, true, set, null, returning, from);
  }

  private DmlPlan delete(SqlDelete delete, SqlNode using, SqlNodeList returning) {
    DmlTarget t = DmlTarget.resolve(catalog, databaseId, searchPath, (SqlIdentifier) delete.getTargetTable(),
        delete.getAlias(), "delete from");
    if (using == null) {
      return finish(SqlKind.DELETE, t, planner.plan(delete), false, null, null, returning, null);
    }
    List<SqlNode> items = List.of(SqlIdentifier.star(List.of(t.reference(), ""), POS, List.of(POS, POS)));
    RelRoot root = planner.plan(select(items, join(t.fromItem(), using), delete.getCondition()));
    return finish(SqlKind.DELETE, t, root, true, null, null, returning, using);
  }

  private DmlPlan finish(SqlKind kind, DmlTarget t, RelRoot core, boolean joined, Assignments set,
      DmlPlan.ConflictPlan conflict, SqlNodeList returning, SqlNode otherTables) {
    if (returning == null) {
      return new DmlPlan(kind, t.table(), core, joined, set, null, List.of(), conflict);
    }
    if (SqlTrees.containsQuery(returning)) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "sub-queries in RETURNING are not supported yet");
    }
    // PostgreSQL's names come from the items as written; the validator rewrites them
    List<Object> names = new ArrayList<>();
    for (SqlNode item : returning) {
      if (item instanceof SqlIdentifier id && id.isStar()) {
        t.table().visibleColumns().forEach(c -> names.add(c.name()));
      } else if (item.getKind() == SqlKind.AS) {
        names.add(((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple());
      } else {
        names.add(SqlTrees.copy(item));
      }
    }
    RelRoot root;
    try {
      root = planner.plan(select(new ArrayList<>(returning.getList()), t.fromItem(), null));
    } catch (RuntimeException e) {
      if (otherTables != null && refersToOtherTable(e, otherTables)) {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
            "RETURNING can refer only to the target table's columns yet, not to the tables of FROM or USING");
      }
      throw e;
    }
    if (contains(root.rel, Aggregate.class)) {
      throw new SqlException(SqlState.GROUPING_ERROR, "aggregate functions are not allowed in RETURNING");
    }
    if (ScanRowInliner.inline(root) == null) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "this RETURNING list is not supported yet");
    }
    List<RelDataTypeField> fields = root.validatedRowType.getFieldList();
    List<ColumnInfo> columns = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      DataType type = CalciteTypes.toDataType(fields.get(i).getType());
      Object n = names.get(i);
      columns.add(new ColumnInfo(n instanceof String s ? s : PgColumnNames.of((SqlNode) n, type), type));
    }
    return new DmlPlan(kind, t.table(), core, joined, set, root, columns, conflict);
  }

  /** The DEFAULT of a column as an expression (NULL if it has none). */
  private static SqlNode defaultExpression(ColumnDescriptor c) {
    if (c.defaultSql() == null) {
      return SqlLiteral.createNull(POS);
    }
    try {
      return SqlParser.create(c.defaultSql(), PhantomSqlParser.config()).parseExpression();
    } catch (SqlParseException e) {
      throw new SqlException(SqlState.INTERNAL_ERROR,
          "the stored DEFAULT of column " + c.name() + " cannot be parsed: " + c.defaultSql(), null, null, e);
    }
  }

  /**
   * Calcite fails on a value that cannot be assigned to its column in an UPDATE (sometimes with an
   * IndexOutOfBoundsException): say which, as PostgreSQL does.
   */
  private RuntimeException assignmentFailure(RuntimeException e, DmlTarget t, Assignments set, SqlNodeList values) {
    String msg = String.valueOf(e.getMessage()) + (e.getCause() == null ? "" : e.getCause().getMessage());
    if (!(e instanceof IndexOutOfBoundsException) && !msg.contains("Cannot assign")) {
      return e;
    }
    try {
      RelRoot r = planner.plan(select(set.selectItems(values), t.fromItem(), null));
      List<RelDataType> types = r.validatedRowType.getFieldList().stream().map(RelDataTypeField::getType).toList();
      set.checkTypes(t.table(), planner.typeFactory(), types);
    } catch (SqlException s) {
      return s;
    } catch (RuntimeException ignored) {
      return e;
    }
    return e;
  }

  private static boolean refersToOtherTable(RuntimeException e, SqlNode otherTables) {
    List<String> names = new ArrayList<>();
    collectTableNames(otherTables, names);
    for (Throwable c = e; c != null; c = c.getCause()) {
      for (String n : names) {
        if (String.valueOf(c.getMessage()).contains("Table '" + n + "' not found")) {
          return true;
        }
      }
    }
    return false;
  }

  private static void collectTableNames(SqlNode from, List<String> out) {
    if (from instanceof SqlIdentifier id) {
      out.add(id.names.get(id.names.size() - 1));
    } else if (from instanceof SqlJoin j) {
      collectTableNames(j.getLeft(), out);
      collectTableNames(j.getRight(), out);
    } else if (from instanceof SqlCall c && c.getKind() == SqlKind.AS) {
      out.add(((SqlIdentifier) c.operand(1)).getSimple());
    }
  }

  private static boolean contains(RelNode rel, Class<? extends RelNode> type) {
    if (type.isInstance(rel)) {
      return true;
    }
    for (RelNode in : rel.getInputs()) {
      if (contains(in, type)) {
        return true;
      }
    }
    return false;
  }

  static SqlSelect select(List<SqlNode> items, SqlNode from, SqlNode where) {
    return new SqlSelect(POS, null, new SqlNodeList(items, POS), from, where, null, null, null, null, null, null,
        null, null);
  }

  static SqlNode join(SqlNode left, SqlNode right) {
    return new SqlJoin(POS, left, SqlLiteral.createBoolean(false, POS), JoinType.COMMA.symbol(POS), right,
        JoinConditionType.NONE.symbol(POS), null);
  }
}
