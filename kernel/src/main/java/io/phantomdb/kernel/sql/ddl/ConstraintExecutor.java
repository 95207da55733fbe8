package io.phantomdb.kernel.sql.ddl;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.CheckDescriptor;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.IndexColumn;
import io.phantomdb.kernel.sql.catalog.IndexDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TypeKind;
import io.phantomdb.sql.parser.PhantomSqlParser;
import io.phantomdb.sql.parser.ddl.SqlAddConstraint;
import io.phantomdb.sql.parser.ddl.SqlDropConstraint;
import io.phantomdb.sql.parser.ddl.SqlRenameConstraint;
import io.phantomdb.sql.parser.ddl.SqlTableConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/**
 * ADD / DROP / RENAME CONSTRAINT of ALTER TABLE: CHECK, UNIQUE (a unique index) and PRIMARY KEY
 * (the primary index). Adding one reads the rows, which the ALTER's commit checks against it;
 * adding a primary key to a table keyed by its hidden row id, or dropping one, re-keys the rows.
 * Unnamed constraints get PostgreSQL's names ({@link ConstraintNames}).
 */
final class ConstraintExecutor {
  private final AlterState state;

  ConstraintExecutor(AlterState state) {
    this.state = state;
  }

  void add(SqlAddConstraint a) {
    SqlTableConstraint c = a.constraint();
    String name = c.name() == null ? null : c.name().getSimple();
    switch (c.kind()) {
      case CHECK -> addCheck(name, c.check());
      case UNIQUE -> addUnique(name, identifiers(c));
      case PRIMARY_KEY -> addPrimaryKey(name, identifiers(c));
      case FOREIGN_KEY -> throw foreignKeys();
      default -> throw new AssertionError(c.kind());
    }
  }

  static SqlException foreignKeys() {
    return new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "FOREIGN KEY constraints are not supported yet");
  }

  /**
   * @param name the constraint name, or null for PostgreSQL's default
   * @param condition the condition
   */
  void addCheck(String name, SqlNode condition) {
    TableDescriptor t = state.table();
    if (name != null) {
      refuseTakenName(t, name, false);
    }
    String sql = PhantomSqlParser.toSql(condition);
    DataType type = RowExpressions.compile(state.planner(), sql, state.schemaName(), t, "check constraint").type();
    if (type.kind() != TypeKind.BOOLEAN && type.kind() != TypeKind.UNKNOWN) {
      throw new SqlException(SqlState.DATATYPE_MISMATCH,
          "argument of CHECK must be type boolean, not type " + AlterColumnExecutor.baseName(type));
    }
    if (name == null) {
      Set<String> columns = RowExpressions.columnsNamed(condition, t);
      name = ConstraintNames.choose(t.name(), columns.size() == 1 ? columns.iterator().next() : null, "check",
          ConstraintNames.takenIn(state.change().view(), t));
    }
    List<CheckDescriptor> checks = new ArrayList<>(t.checks());
    checks.add(new CheckDescriptor(name, sql));
    state.update(t.withChecks(checks));
    state.rows(); // the commit checks every row
  }

  /**
   * @param name the constraint (and index) name, or null for PostgreSQL's default
   * @param columns the key columns
   */
  void addUnique(String name, List<String> columns) {
    TableDescriptor t = state.table();
    List<IndexColumn> key = keyColumns(t, columns, "unique constraint");
    if (name == null) {
      name = ConstraintNames.choose(t.name(), String.join("_", columns), "key",
          ConstraintNames.takenIn(state.change().view(), t));
    } else {
      refuseTakenName(t, name, true);
    }
    List<IndexDescriptor> indexes = new ArrayList<>(t.indexes());
    indexes.add(new IndexDescriptor(t.nextIndexId(), name, key, true, false, true));
    state.update(t.withIndexes(indexes, t.nextIndexId() + 1));
    state.rows(); // the commit writes the entries, checking uniqueness
  }

  /**
   * Gives a table keyed by its hidden row id a primary key: the key columns become NOT NULL, the
   * row id is dropped, and the commit moves every row to its new key.
   *
   * @param name the constraint (and index) name, or null for {@code table_pkey}
   * @param columns the key columns
   */
  void addPrimaryKey(String name, List<String> columns) {
    TableDescriptor t = state.table();
    if (!t.hasHiddenRowId()) {
      throw new SqlException(SqlState.INVALID_TABLE_DEFINITION,
          "multiple primary keys for table \"" + t.name() + "\" are not allowed");
    }
    List<IndexColumn> key = keyColumns(t, columns, "primary key constraint");
    if (name == null) {
      name = ConstraintNames.choose(t.name(), null, "pkey", ConstraintNames.takenIn(state.change().view(), t));
    } else {
      refuseTakenName(t, name, true);
    }
    List<ColumnDescriptor> cols = new ArrayList<>();
    for (ColumnDescriptor c : t.columns()) {
      if (c.hidden() && !c.dropped()) {
        cols.add(c.drop());
      } else {
        cols.add(AlterColumnExecutor.uses(key, c) ? withType(c, c.type().withNullable(false)) : c);
      }
    }
    List<IndexDescriptor> indexes = new ArrayList<>();
    indexes.add(new IndexDescriptor(IndexDescriptor.PRIMARY_INDEX_ID, name, key, true, true, true));
    indexes.addAll(t.secondaryIndexes());
    state.rows();
    state.update(t.withColumns(cols, t.nextColumnId()).withIndexes(indexes, t.nextIndexId()));
  }

  /**
   * Drops the primary key: the table gets a hidden row id again (a new column, with a new id per
   * row) and the commit moves every row to it. The key columns stay NOT NULL, as in PostgreSQL.
   */
  void dropPrimaryKey() {
    TableDescriptor t = state.table();
    ColumnDescriptor rowid = new ColumnDescriptor(t.nextColumnId(), "rowid",
        DataType.of(TypeKind.BIGINT).withNullable(false), null, null, 0, true, false, null);
    List<ColumnDescriptor> cols = new ArrayList<>(t.columns());
    cols.add(rowid);
    List<IndexDescriptor> indexes = new ArrayList<>();
    String name = ConstraintNames.choose(t.name(), null, "rowid", n -> state.change().view().nameTaken(t.schemaId(), n));
    indexes.add(new IndexDescriptor(IndexDescriptor.PRIMARY_INDEX_ID, name, List.of(IndexColumn.asc(rowid.id())),
        true, true, true));
    indexes.addAll(t.secondaryIndexes());
    RowImage rows = state.rows();
    TableDescriptor altered = t.withColumns(cols, t.nextColumnId() + 1).withIndexes(indexes, t.nextIndexId());
    state.update(altered);
    List<Object> ids = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      ids.add(state.ddl().writes().nextRowId());
    }
    rows.set(altered, rowid.id(), ids);
  }

  void drop(SqlDropConstraint d) {
    TableDescriptor t = state.table();
    String name = d.name().getSimple();
    if (!ConstraintNames.isConstraintOf(t, name)) {
      if (d.ifExists()) {
        return;
      }
      throw new SqlException(SqlState.UNDEFINED_OBJECT,
          "constraint \"" + name + "\" of relation \"" + t.name() + "\" does not exist");
    }
    List<CheckDescriptor> checks = new ArrayList<>(t.checks());
    if (checks.removeIf(c -> c.name().equals(name))) {
      state.update(t.withChecks(checks));
      return;
    }
    IndexDescriptor index = t.index(name).orElseThrow();
    if (index.primary()) {
      dropPrimaryKey();
      return;
    }
    List<IndexDescriptor> indexes = new ArrayList<>(t.indexes());
    indexes.remove(index);
    state.deleteEntries(index);
    state.update(t.withIndexes(indexes, t.nextIndexId()));
  }

  void rename(SqlRenameConstraint r) {
    TableDescriptor t = state.table();
    String from = r.oldName().getSimple();
    String to = r.newName().getSimple();
    if (!ConstraintNames.isConstraintOf(t, from)) {
      throw new SqlException(SqlState.UNDEFINED_OBJECT,
          "constraint \"" + from + "\" of relation \"" + t.name() + "\" does not exist");
    }
    boolean isCheck = t.checks().stream().anyMatch(c -> c.name().equals(from));
    refuseTakenName(t, to, !isCheck);
    if (isCheck) {
      List<CheckDescriptor> checks = new ArrayList<>();
      for (CheckDescriptor c : t.checks()) {
        checks.add(c.name().equals(from) ? new CheckDescriptor(to, c.sql()) : c);
      }
      state.update(t.withChecks(checks));
    } else {
      state.update(AlterIndexExecutor.renameIndex(t, t.index(from).orElseThrow(), to));
    }
  }

  /** Refuses a constraint name the table's constraints (or, for an index, its schema) use. */
  private void refuseTakenName(TableDescriptor t, String name, boolean index) {
    if (ConstraintNames.isConstraintOf(t, name)) {
      throw new SqlException(SqlState.DUPLICATE_OBJECT,
          "constraint \"" + name + "\" for relation \"" + t.name() + "\" already exists");
    }
    if (index && state.change().view().nameTaken(t.schemaId(), name)) {
      throw new SqlException(SqlState.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
    }
  }

  private static List<IndexColumn> keyColumns(TableDescriptor t, List<String> names, String what) {
    List<IndexColumn> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String n : names) {
      if (!seen.add(n)) {
        throw new SqlException(SqlState.DUPLICATE_COLUMN, "column \"" + n + "\" appears twice in " + what);
      }
      ColumnDescriptor c = t.column(n).orElseThrow(() -> new SqlException(SqlState.UNDEFINED_COLUMN,
          "column \"" + n + "\" named in key does not exist"));
      out.add(IndexColumn.asc(c.id()));
    }
    return out;
  }

  private static List<String> identifiers(SqlTableConstraint c) {
    List<String> out = new ArrayList<>();
    for (SqlNode n : c.columns()) {
      out.add(((SqlIdentifier) n).getSimple());
    }
    return out;
  }

  private static ColumnDescriptor withType(ColumnDescriptor c, DataType type) {
    return new ColumnDescriptor(c.id(), c.name(), type, c.defaultSql(), c.identity(), c.sequenceId(), c.hidden(),
        c.dropped(), c.missingText());
  }
}
