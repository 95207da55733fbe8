package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.CheckDescriptor;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.IndexColumn;
import io.phantomdb.kernel.sql.catalog.IndexDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.type.CalciteTypes;
import io.phantomdb.sql.parser.dml.SqlOnConflict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Plans INSERT's ON CONFLICT clause as PostgreSQL analyses it: the arbiter indexes (the unique
 * indexes whose columns are exactly the conflict target's, the one behind {@code ON CONSTRAINT},
 * or with no target every unique index), and for DO UPDATE the SET values and WHERE condition as a
 * SELECT over the target table (by its name or alias) and {@code excluded} (the row proposed for
 * insertion). Unqualified columns name the target's, as in PostgreSQL.
 */
final class ConflictPlanner {
  private static final SqlParserPos POS = SqlParserPos.ZERO;
  private static final String EXCLUDED = "excluded";

  private final SqlPlanner planner;

  ConflictPlanner(SqlPlanner planner) {
    this.planner = planner;
  }

  DmlPlan.ConflictPlan plan(SqlOnConflict c, DmlTarget t) {
    TableDescriptor table = t.table();
    List<Integer> arbiters;
    boolean inferred = true;
    if (c.constraintName() != null) {
      arbiters = List.of(constraintIndex(table, c.constraintName().getSimple()).id());
    } else if (c.conflictColumns() != null) {
      arbiters = inferred(t, c.conflictColumns(), c.indexPredicate());
    } else {
      inferred = false;
      arbiters = new ArrayList<>();
      for (IndexDescriptor i : table.indexes()) {
        if (i.unique() && !(i.primary() && table.hasHiddenRowId())) {
          arbiters.add(i.id());
        }
      }
    }
    if (c.isDoNothing()) {
      return new DmlPlan.ConflictPlan(true, arbiters, inferred, null, null, false);
    }
    SqlNodeList values = c.sourceExpressions();
    Assignments set = Assignments.of(table, c.targetColumns(), values);
    LiteralLengths.checkAssignments(table, set, values);
    if (SqlTrees.containsQuery(values) || SqlTrees.containsQuery(c.where())) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "sub-queries in ON CONFLICT DO UPDATE are not supported yet");
    }
    List<SqlNode> items = new ArrayList<>();
    for (SqlNode v : set.selectItems(values)) {
      items.add(SqlTrees.qualify(v, t.reference()));
    }
    if (c.where() != null) {
      items.add(SqlTrees.qualify(c.where(), t.reference()));
    }
    RelRoot root = planner.plan(DmlPlanner.select(items, DmlPlanner.join(t.fromItem(), t.as(EXCLUDED)), null));
    List<RelDataType> types = root.validatedRowType.getFieldList().stream().map(f -> f.getType()).toList();
    set.checkTypes(table, planner.typeFactory(), types);
    if (c.where() != null) {
      RelDataType w = types.get(types.size() - 1);
      if (w.getSqlTypeName() != SqlTypeName.BOOLEAN && w.getSqlTypeName() != SqlTypeName.NULL) {
        throw new SqlException(SqlState.DATATYPE_MISMATCH, "argument of WHERE must be type boolean, not type "
            + CalciteTypes.toDataType(w).sqlName());
      }
    }
    if (ScanRowInliner.inline(root) == null) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "this ON CONFLICT DO UPDATE is not supported yet");
    }
    return new DmlPlan.ConflictPlan(false, arbiters, true, set, root, c.where() != null);
  }

  /** ON CONSTRAINT name: the index of a PRIMARY KEY or UNIQUE constraint. */
  private static IndexDescriptor constraintIndex(TableDescriptor table, String name) {
    for (IndexDescriptor i : table.indexes()) {
      if (i.name().equals(name) && i.constraint() && !(i.primary() && table.hasHiddenRowId())) {
        return i;
      }
    }
    for (CheckDescriptor ch : table.checks()) {
      if (ch.name().equals(name)) {
        throw new SqlException(SqlState.WRONG_OBJECT_TYPE, "constraint in ON CONFLICT clause has no associated index");
      }
    }
    throw new SqlException(SqlState.UNDEFINED_OBJECT,
        "constraint \"" + name + "\" for table \"" + table.name() + "\" does not exist");
  }

  /** (columns) [WHERE predicate]: the unique indexes on exactly those columns. */
  private List<Integer> inferred(DmlTarget t, SqlNodeList columns, SqlNode predicate) {
    TableDescriptor table = t.table();
    Set<Integer> wanted = new HashSet<>();
    for (SqlNode n : columns) {
      String name = ((SqlIdentifier) n).getSimple();
      ColumnDescriptor c = table.column(name).orElseThrow(() ->
          new SqlException(SqlState.UNDEFINED_COLUMN, "column \"" + name + "\" does not exist"));
      wanted.add(c.id());
    }
    if (predicate != null) {
      // validated like PostgreSQL does; every index here is non-partial, so each satisfies it
      planner.plan(DmlPlanner.select(List.of(SqlLiteral.createBoolean(true, POS)), t.as(null),
          SqlTrees.qualify(predicate, table.name())));
    }
    List<Integer> out = new ArrayList<>();
    for (IndexDescriptor i : table.indexes()) {
      if (!i.unique() || (i.primary() && table.hasHiddenRowId())) {
        continue;
      }
      Set<Integer> cols = new HashSet<>();
      for (IndexColumn ic : i.columns()) {
        cols.add(ic.columnId());
      }
      if (cols.equals(wanted)) {
        out.add(i.id());
      }
    }
    if (out.isEmpty()) {
      throw new SqlException(SqlState.INVALID_COLUMN_REFERENCE,
          "there is no unique or exclusion constraint matching the ON CONFLICT specification");
    }
    return out;
  }
}
