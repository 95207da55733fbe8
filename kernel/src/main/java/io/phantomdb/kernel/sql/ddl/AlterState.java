package io.phantomdb.kernel.sql.ddl;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.CatalogStore;
import io.phantomdb.kernel.sql.catalog.CheckDescriptor;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.IndexDescriptor;
import io.phantomdb.kernel.sql.catalog.SchemaDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.kernel.sql.expr.EvalContext;
import io.phantomdb.kernel.sql.expr.Expr;
import io.phantomdb.kernel.sql.plan.CatalogSchemas;
import io.phantomdb.kernel.sql.plan.SqlPlanner;
import io.phantomdb.kernel.sql.store.TableLayout;
import io.phantomdb.kernel.sql.store.TableReader;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.WriteBatch;
import java.util.List;

/**
 * One ALTER TABLE while its actions run: the table as the actions so far left it (put into the
 * catalog change after each, so planning sees it), the key ranges to delete, and — once an
 * action needs them — the table's rows in memory ({@link RowImage}), converted as the actions go.
 * {@link #commit()} checks the final rows against the final table (NOT NULL, CHECK, uniqueness)
 * and writes what changed, at a new commit timestamp, in the batch of the catalog change.
 */
final class AlterState {
  private final DdlExecutor ddl;
  private final CatalogStore.Change change;
  private final WriteBatch batch = new WriteBatch();

  /** @return the batch committed with the catalog change (for writes of other objects: sequences) */
  WriteBatch batch() {
    return batch;
  }
  private TableDescriptor table;
  private RowImage rows;

  /**
   * @param ddl the executor
   * @param change the catalog change
   * @param table the table as committed
   */
  AlterState(DdlExecutor ddl, CatalogStore.Change change, TableDescriptor table) {
    this.ddl = ddl;
    this.change = change;
    this.table = table;
  }

  DdlExecutor ddl() {
    return ddl;
  }

  CatalogStore.Change change() {
    return change;
  }

  /** @return the table as altered so far */
  TableDescriptor table() {
    return table;
  }

  /** @param t the table as altered by one more action */
  void update(TableDescriptor t) {
    table = t;
    change.put(t);
  }

  /** @return the name of the table's schema */
  String schemaName() {
    return ((SchemaDescriptor) change.view().byId(table.schemaId()).orElseThrow()).name();
  }

  /** @return a planner over the catalog as altered so far */
  SqlPlanner planner() {
    return new SqlPlanner(CatalogSchemas.rootOf(change.view(), ddl.databaseId()), ddl.searchPath());
  }

  /**
   * Deletes every entry of an index the ALTER removes.
   *
   * @param index the index
   */
  void deleteEntries(IndexDescriptor index) {
    KeyRange all = VersionedKeys.indexRange(table.id(), index.id());
    batch.deleteRange(ddl.data(), all.lower(), all.upper());
  }

  /**
   * The table's rows, read on first use; {@link #commit()} then checks and writes them.
   *
   * @return the rows
   */
  RowImage rows() {
    if (rows == null) {
      TableDescriptor committed = (TableDescriptor) ddl.catalog().current().byId(table.id()).orElseThrow();
      rows = RowImage.read(ddl.storage(), ddl.data(), ddl.layout(committed), ddl.readTs());
    }
    return rows;
  }

  /** @return true if the table has rows (reading only the first one unless they are loaded) */
  boolean hasRows() {
    if (rows != null) {
      return rows.size() > 0;
    }
    TableDescriptor committed = (TableDescriptor) ddl.catalog().current().byId(table.id()).orElseThrow();
    try (TableReader.VersionedCursor c = TableReader.scan(ddl.storage(), ddl.data(), ddl.layout(committed),
        VersionedKeys.indexRange(table.id(), IndexDescriptor.PRIMARY_INDEX_ID), ddl.readTs())) {
      return c.next();
    }
  }

  /** Validates and writes the rows (if an action read them) and commits the catalog change. */
  void commit() {
    if (rows == null) {
      change.commit(batch);
      return;
    }
    List<Object[]> altered = rows.rows(table);
    checkNotNull(altered);
    checkChecks(altered);
    TableRewrite rewrite = new TableRewrite(ddl.layout(rows.storedTable()), TableLayout.of(table));
    rewrite.diff(rows.stored(), altered, rows.rewritten());
    if (rewrite.isEmpty()) {
      change.commit(batch);
      return;
    }
    DdlWriteContext writes = ddl.writes();
    long commitTs = writes.nextCommitTs();
    rewrite.write(batch, ddl.data(), commitTs);
    writes.recordCommit(batch, commitTs);
    change.commit(batch);
    writes.committed(commitTs);
  }

  private void checkNotNull(List<Object[]> altered) {
    List<ColumnDescriptor> live = table.liveColumns();
    for (int i = 0; i < live.size(); i++) {
      if (live.get(i).nullable()) {
        continue;
      }
      for (Object[] row : altered) {
        if (row[i] == null) {
          throw new SqlException(SqlState.NOT_NULL_VIOLATION, "column \"" + live.get(i).name()
              + "\" of relation \"" + table.name() + "\" contains null values");
        }
      }
    }
  }

  private void checkChecks(List<Object[]> altered) {
    if (table.checks().isEmpty() || altered.isEmpty()) {
      return;
    }
    SqlPlanner planner = planner();
    String schema = schemaName();
    EvalContext ctx = EvalContext.of();
    for (CheckDescriptor c : table.checks()) {
      Expr condition = RowExpressions.compile(planner, c.sql(), schema, table, "check constraint").expr();
      for (Object[] row : altered) {
        if (Boolean.FALSE.equals(condition.eval(RowExpressions.visible(table, row), ctx))) {
          throw new SqlException(SqlState.CHECK_VIOLATION, "check constraint \"" + c.name()
              + "\" of relation \"" + table.name() + "\" is violated by some row");
        }
      }
    }
  }
}
