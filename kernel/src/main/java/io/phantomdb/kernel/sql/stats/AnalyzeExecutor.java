package io.phantomdb.kernel.sql.stats;

import io.phantomdb.kernel.sql.Results;
import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.StatementResult;
import io.phantomdb.kernel.sql.catalog.CatalogObject;
import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import io.phantomdb.kernel.sql.catalog.CatalogStore;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.ColumnStatistics;
import io.phantomdb.kernel.sql.catalog.SchemaDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.catalog.TableStatistics;
import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.kernel.sql.store.RangeCursor;
import io.phantomdb.kernel.sql.store.TableLayout;
import io.phantomdb.sql.parser.stmt.SqlAnalyze;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.WriteBatch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.apache.calcite.sql.SqlIdentifier;

/**
 * Runs {@code ANALYZE [VERBOSE] [table [(column, ...)] [, ...]]}: reads each table (every table of
 * the database when none is named; views are skipped, as PostgreSQL skips them with a warning) as
 * of the latest commit, and stores its statistics in the catalog in one change, which also makes
 * cached plans be planned again with them. Analyzing some columns keeps the other columns'
 * earlier statistics. VERBOSE is accepted; its progress messages are not sent (no notices yet).
 */
public final class AnalyzeExecutor {
  private final StorageEngine storage;
  private final Keyspace data;
  private final CatalogStore catalog;
  private final int databaseId;
  private final List<String> searchPath;
  private final Function<TableDescriptor, TableLayout> layouts;
  private final LongSupplier readTs;

  /**
   * @param storage the storage engine
   * @param data the data keyspace
   * @param catalog the catalog
   * @param databaseId the session's database
   * @param searchPath the session's schema search path
   * @param layouts table layouts
   * @param readTs the latest commit timestamp
   */
  public AnalyzeExecutor(StorageEngine storage, Keyspace data, CatalogStore catalog, int databaseId,
      List<String> searchPath, Function<TableDescriptor, TableLayout> layouts, LongSupplier readTs) {
    this.storage = storage;
    this.data = data;
    this.catalog = catalog;
    this.databaseId = databaseId;
    this.searchPath = searchPath;
    this.layouts = layouts;
    this.readTs = readTs;
  }

  /**
   * @param analyze the parsed statement
   * @return the command result {@code ANALYZE}
   * @throws SqlException 42P01 for an unknown table, 42703 for an unknown column, 42701 for a
   *     column named twice
   */
  public StatementResult execute(SqlAnalyze analyze) {
    CatalogSnapshot cat = catalog.current();
    Map<TableDescriptor, List<ColumnDescriptor>> work = new LinkedHashMap<>();
    if (analyze.targets().isEmpty()) {
      for (SchemaDescriptor s : cat.schemas(databaseId)) {
        for (CatalogObject o : cat.relations(s.id())) {
          if (o instanceof TableDescriptor t) {
            work.put(t, t.visibleColumns());
          }
        }
      }
    } else {
      for (SqlAnalyze.Target target : analyze.targets()) {
        TableDescriptor t = findTable(target.table(), cat);
        if (t != null) {
          work.put(t, columns(t, target.columns()));
        }
      }
    }
    long ts = readTs.getAsLong();
    List<TableStatistics> results = new ArrayList<>();
    for (Map.Entry<TableDescriptor, List<ColumnDescriptor>> e : work.entrySet()) {
      results.add(collect(e.getKey(), e.getValue(), ts, cat));
    }
    try (CatalogStore.Change change = catalog.change()) {
      CatalogSnapshot now = change.view();
      for (TableStatistics s : results) {
        if (now.byId(s.tableId()).orElse(null) instanceof TableDescriptor) { // not dropped meanwhile
          change.putStatistics(s);
        }
      }
      change.commit(new WriteBatch());
    }
    return Results.command("ANALYZE", 0);
  }

  private TableStatistics collect(TableDescriptor table, List<ColumnDescriptor> columns, long ts, CatalogSnapshot cat) {
    TableLayout layout = layouts.apply(table);
    List<ColumnDescriptor> live = table.liveColumns();
    int[] positions = new int[columns.size()];
    List<ColumnCollector> collectors = new ArrayList<>();
    for (int i = 0; i < positions.length; i++) {
      positions[i] = live.indexOf(columns.get(i));
      collectors.add(new ColumnCollector(columns.get(i)));
    }
    long rows = 0;
    try (RangeCursor c = new RangeCursor(storage, layout, data, List.of(VersionedKeys.indexRange(table.id(), 1)), ts,
        ScanOrder.FORWARD)) {
      while (c.next()) {
        Object[] row = layout.rowCodec().decodeStored(c.value());
        rows++;
        for (int i = 0; i < positions.length; i++) {
          collectors.get(i).add(row[positions[i]]);
        }
      }
    }
    Map<Integer, ColumnStatistics> byColumn = new LinkedHashMap<>();
    cat.statistics(table.id()).ifPresent(old -> old.columns().forEach(c -> byColumn.put(c.columnId(), c)));
    for (ColumnCollector c : collectors) {
      ColumnStatistics s = c.result();
      byColumn.put(s.columnId(), s);
    }
    return new TableStatistics(table.id(), rows, new ArrayList<>(byColumn.values()), ts);
  }

  private static List<ColumnDescriptor> columns(TableDescriptor t, List<SqlIdentifier> names) {
    if (names.isEmpty()) {
      return t.visibleColumns();
    }
    List<ColumnDescriptor> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (SqlIdentifier n : names) {
      String name = n.getSimple();
      ColumnDescriptor c = t.column(name).orElseThrow(() -> new SqlException(SqlState.UNDEFINED_COLUMN,
          "column \"" + name + "\" of relation \"" + t.name() + "\" does not exist"));
      if (!seen.add(name)) {
        throw new SqlException(SqlState.DUPLICATE_COLUMN,
            "column \"" + name + "\" of relation \"" + t.name() + "\" appears more than once");
      }
      out.add(c);
    }
    return out;
  }

  /** The table a name means, null for a view (skipped), 42P01 if there is no such relation. */
  private TableDescriptor findTable(SqlIdentifier name, CatalogSnapshot cat) {
    String relation = name.names.get(name.names.size() - 1);
    List<String> schemas = name.names.size() > 1 ? List.of(name.names.get(name.names.size() - 2)) : searchPath;
    for (String s : schemas) {
      var schema = cat.schema(databaseId, s);
      if (schema.isPresent()) {
        var o = cat.relation(schema.get().id(), relation);
        if (o.isPresent()) {
          return o.get() instanceof TableDescriptor t ? t : null;
        }
      }
    }
    throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + String.join(".", name.names) + "\" does not exist");
  }
}
