package io.phantomdb.kernel.sql.ddl;

import io.phantomdb.kernel.sql.Results;
import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.StatementResult;
import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import io.phantomdb.kernel.sql.catalog.CatalogStore;
import io.phantomdb.kernel.sql.catalog.IndexColumn;
import io.phantomdb.kernel.sql.catalog.IndexDescriptor;
import io.phantomdb.kernel.sql.catalog.SchemaDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.catalog.ViewDescriptor;
import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.kernel.sql.plan.CatalogSchemas;
import io.phantomdb.kernel.sql.plan.SqlPlanner;
import io.phantomdb.kernel.sql.store.TableLayout;
import io.phantomdb.kernel.sql.store.TableReader;
import io.phantomdb.kernel.sql.store.TableWriter;
import io.phantomdb.sql.parser.ddl.SqlAlterIndex;
import io.phantomdb.kernel.sql.sequence.SequenceStore;
import io.phantomdb.sql.parser.ddl.SqlAlterSequence;
import io.phantomdb.sql.parser.ddl.SqlAlterTable;
import io.phantomdb.sql.parser.ddl.SqlCreateSequence;
import io.phantomdb.sql.parser.ddl.SqlDropSequence;
import io.phantomdb.sql.parser.ddl.SqlCreateIndex;
import io.phantomdb.sql.parser.ddl.SqlCreateSchema;
import io.phantomdb.sql.parser.ddl.SqlDropSchema;
import io.phantomdb.sql.parser.ddl.SqlTruncateTable;
import io.phantomdb.sql.parser.ddl.SqlCreateTable;
import io.phantomdb.sql.parser.ddl.SqlCreateView;
import io.phantomdb.sql.parser.ddl.SqlDropView;
import io.phantomdb.sql.parser.ddl.SqlDropIndex;
import io.phantomdb.sql.parser.ddl.SqlDropTable;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlKind;

/**
 * Executes DDL statements. Each runs under the engine's write lock (so no DML interleaves with an
 * index backfill) as one catalog change committed together with its data changes.
 */
public final class DdlExecutor {
  private final StorageEngine storage;
  private final Keyspace data;
  private final CatalogStore catalog;
  private final ReentrantLock writeLock;
  private final int databaseId;
  private final List<String> searchPath;
  private final Function<TableDescriptor, TableLayout> layouts;
  private final LongSupplier readTs;
  private DdlWriteContext writes;
  private SequenceStore sequences;

  /**
   * @param storage the storage engine
   * @param data the data keyspace
   * @param catalog the catalog
   * @param writeLock the engine's write lock
   * @param databaseId the session's database
   * @param searchPath the session's schema search path
   * @param layouts table layouts
   * @param readTs the latest commit timestamp
   */
  public DdlExecutor(StorageEngine storage, Keyspace data, CatalogStore catalog, ReentrantLock writeLock,
      int databaseId, List<String> searchPath, Function<TableDescriptor, TableLayout> layouts, LongSupplier readTs) {
    this.storage = storage;
    this.data = data;
    this.catalog = catalog;
    this.writeLock = writeLock;
    this.databaseId = databaseId;
    this.searchPath = searchPath;
    this.layouts = layouts;
    this.readTs = readTs;
  }

  /**
   * @param context commit timestamps and row ids, for DDL that rewrites rows
   * @return this executor
   */
  public DdlExecutor withWrites(DdlWriteContext context) {
    this.writes = context;
    return this;
  }

  /**
   * @param store the engine's sequences (needed by DDL on sequences and on tables that own some)
   * @return this
   */
  public DdlExecutor sequences(SequenceStore store) {
    this.sequences = store;
    return this;
  }

  /**
   * @param node a parsed DDL statement
   * @return its command tag
   */
  public StatementResult execute(SqlNode node) {
    writeLock.lock();
    try (CatalogStore.Change change = catalog.change()) {
      String tag;
      if (node instanceof SqlCreateTable create) {
        tag = createTable(create, change);
      } else if (node instanceof SqlDropTable drop) {
        tag = dropTables(drop, change);
      } else if (node instanceof SqlCreateIndex index) {
        tag = createIndex(index, change);
      } else if (node instanceof SqlDropIndex drop) {
        tag = dropIndex(drop, change);
      } else if (node instanceof SqlCreateView view) {
        tag = createView(view, change);
      } else if (node instanceof SqlDropView drop) {
        tag = dropViews(drop, change);
      } else if (node instanceof SqlAlterTable alter) {
        tag = new AlterTableExecutor(this, change).alter(alter);
      } else if (node instanceof SqlAlterIndex alter) {
        tag = new AlterIndexExecutor(this, change).rename(alter);
      } else if (node instanceof SqlTruncateTable truncate) {
        tag = new AlterTableExecutor(this, change).truncate(truncate);
        if (Boolean.TRUE.equals(truncate.restartIdentity())) {
          new SequenceExecutor(this, change).restartIdentity(truncate);
        }
      } else if (node instanceof SqlCreateSchema create) {
        tag = new SchemaExecutor(this, change).create(create);
      } else if (node instanceof SqlDropSchema drop) {
        tag = new SchemaExecutor(this, change).drop(drop);
      } else if (node instanceof SqlCreateSequence create) {
        tag = new SequenceExecutor(this, change).create(create);
      } else if (node instanceof SqlAlterSequence alter) {
        tag = new SequenceExecutor(this, change).alter(alter);
      } else if (node instanceof SqlDropSequence drop) {
        tag = new SequenceExecutor(this, change).drop(drop);
      } else {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "statement " + node.getKind().lowerName + " is not supported yet");
      }
      return Results.command(tag, 0);
    } finally {
      writeLock.unlock();
    }
  }

  DdlWriteContext writes() {
    if (writes == null) {
      throw new IllegalStateException("this DDL executor cannot write rows (no DdlWriteContext)");
    }
    return writes;
  }

  StorageEngine storage() {
    return storage;
  }

  Keyspace data() {
    return data;
  }

  CatalogStore catalog() {
    return catalog;
  }

  int databaseId() {
    return databaseId;
  }

  List<String> searchPath() {
    return searchPath;
  }

  TableLayout layout(TableDescriptor t) {
    return layouts.apply(t);
  }

  long readTs() {
    return readTs.getAsLong();
  }

  SequenceStore sequences() {
    if (sequences == null) {
      throw new IllegalStateException("DdlExecutor.sequences(...) was not called");
    }
    return sequences;
  }

  SchemaDescriptor schemaFor(SqlIdentifier name, CatalogSnapshot cat) {
    if (name.names.size() == 1 && searchPath.isEmpty()) {
      throw new SqlException(SqlState.INVALID_SCHEMA_NAME, "no schema has been selected to create in");
    }
    String schema = name.names.size() > 1 ? name.names.get(name.names.size() - 2) : searchPath.get(0);
    return cat.schema(databaseId, schema).orElseThrow(() ->
        new SqlException(SqlState.INVALID_SCHEMA_NAME, "schema \"" + schema + "\" does not exist"));
  }

  TableDescriptor findTable(SqlIdentifier name, CatalogSnapshot cat, boolean ifExists) {
    String table = name.names.get(name.names.size() - 1);
    List<String> schemas = name.names.size() > 1 ? List.of(name.names.get(name.names.size() - 2)) : searchPath;
    for (String s : schemas) {
      var schema = cat.schema(databaseId, s);
      if (schema.isPresent()) {
        var t = cat.table(schema.get().id(), table);
        if (t.isPresent()) {
          return t.get();
        }
      }
    }
    if (ifExists) {
      return null;
    }
    throw new SqlException(SqlState.UNDEFINED_TABLE, "table \"" + table + "\" does not exist");
  }

  private String createTable(SqlCreateTable create, CatalogStore.Change change) {
    CatalogSnapshot cat = change.view();
    SchemaDescriptor schema = schemaFor(create.name(), cat);
    String name = create.name().names.get(create.name().names.size() - 1);
    if (cat.nameTaken(schema.id(), name)) {
      if (create.ifNotExists()) {
        return "CREATE TABLE";
      }
      throw new SqlException(SqlState.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
    }
    SqlPlanner planner = new SqlPlanner(CatalogSchemas.rootOf(cat, databaseId), searchPath);
    int tableId = change.newId();
    IdentityColumns identities = new IdentityColumns(this, change, schema, name, tableId);
    TableDescriptor t = TableFactory.build(create, tableId, schema.id(), name, planner, identities);
    for (IndexDescriptor i : t.indexes()) {
      if (cat.nameTaken(schema.id(), i.name())) {
        throw new SqlException(SqlState.DUPLICATE_TABLE, "relation \"" + i.name() + "\" already exists");
      }
    }
    change.put(t);
    WriteBatch batch = new WriteBatch();
    identities.commitInto(batch);
    change.commit(batch);
    return "CREATE TABLE";
  }

  private String dropTables(SqlDropTable drop, CatalogStore.Change change) {
    WriteBatch batch = new WriteBatch();
    List<TableDescriptor> dropped = new ArrayList<>();
    for (SqlNode n : drop.names()) {
      TableDescriptor t = findTable((SqlIdentifier) n, change.view(), drop.ifExists());
      if (t == null) {
        continue;
      }
      change.delete(t);
      dropped.add(t);
      KeyRange all = VersionedKeys.tableRange(t.id());
      batch.deleteRange(data, all.lower(), all.upper());
    }
    new SequenceExecutor(this, change).dropOwned(dropped, drop.behavior(), batch);
    change.commit(batch);
    return "DROP TABLE";
  }

  private String createIndex(SqlCreateIndex create, CatalogStore.Change change) {
    if (create.where() != null) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "partial indexes (CREATE INDEX ... WHERE) are not supported yet");
    }
    CatalogSnapshot cat = change.view();
    TableDescriptor t = findTable(create.table(), cat, false);
    String name = create.name() != null ? create.name().getSimple()
        : t.name() + "_" + String.join("_", columnNames(create)) + "_idx";
    if (cat.nameTaken(t.schemaId(), name)) {
      if (create.ifNotExists()) {
        return "CREATE INDEX";
      }
      throw new SqlException(SqlState.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
    }
    List<IndexColumn> cols = new ArrayList<>();
    for (SqlNode n : create.columns()) {
      boolean desc = n.getKind() == SqlKind.DESCENDING;
      SqlNode target = desc ? ((SqlBasicCall) n).operand(0) : n;
      if (!(target instanceof SqlIdentifier id)) {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "indexes on expressions are not supported yet");
      }
      var c = t.column(id.getSimple()).orElseThrow(() -> new SqlException(SqlState.UNDEFINED_COLUMN,
          "column \"" + id.getSimple() + "\" does not exist"));
      cols.add(new IndexColumn(c.id(), desc, desc));
    }
    List<IndexDescriptor> indexes = new ArrayList<>(t.indexes());
    indexes.add(new IndexDescriptor(t.nextIndexId(), name, cols, create.isUnique(), false, false));
    TableDescriptor updated = t.withIndexes(indexes, t.nextIndexId() + 1);
    WriteBatch batch = backfill(t, updated);
    change.put(updated);
    change.commit(batch);
    return "CREATE INDEX";
  }

  /** Writes the new index's entries for every row, checking uniqueness. */
  private WriteBatch backfill(TableDescriptor before, TableDescriptor after) {
    WriteBatch batch = new WriteBatch();
    long ts = readTs.getAsLong();
    TableLayout old = layouts.apply(before);
    TableLayout neu = TableLayout.of(after);
    TableLayout onlyNew = new TableLayout(after, neu.rowCodec(), neu.primary(),
        List.of(neu.secondary().get(neu.secondary().size() - 1)));
    // entries get the timestamp of the rows' latest commit, so every reader sees them with the rows
    TableWriter writer = new TableWriter(storage, data, ts, ts, batch);
    try (TableReader.VersionedCursor c = TableReader.scan(storage, data, old,
        VersionedKeys.indexRange(before.id(), IndexDescriptor.PRIMARY_INDEX_ID), ts)) {
      while (c.next()) {
        writer.indexOnly(onlyNew, old.rowCodec().decodeStored(c.value()));
      }
    }
    return batch;
  }

  private String createView(SqlCreateView create, CatalogStore.Change change) {
    CatalogSnapshot cat = change.view();
    SchemaDescriptor schema = schemaFor(create.name(), cat);
    String name = create.name().names.get(create.name().names.size() - 1);
    var existing = cat.relation(schema.id(), name);
    int id;
    if (existing.isPresent() || cat.nameTaken(schema.id(), name)) {
      if (!(create.getReplace() && existing.isPresent() && existing.get() instanceof ViewDescriptor)) {
        throw new SqlException(SqlState.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
      }
      id = existing.get().id();
    } else {
      id = change.newId();
    }
    List<String> columns = new ArrayList<>();
    if (create.columnList() != null) {
      for (SqlNode n : create.columnList()) {
        columns.add(((SqlIdentifier) n).getSimple());
      }
    }
    String sql = io.phantomdb.sql.parser.PhantomSqlParser.toSql(create.query());
    // validates the query now, so a broken view is refused at CREATE time
    new SqlPlanner(CatalogSchemas.rootOf(cat, databaseId), searchPath).viewRowType(sql, columns);
    change.put(new ViewDescriptor(id, schema.id(), name, columns, sql));
    change.commit(new WriteBatch());
    return "CREATE VIEW";
  }

  private String dropViews(SqlDropView drop, CatalogStore.Change change) {
    for (SqlNode n : drop.names()) {
      SqlIdentifier id = (SqlIdentifier) n;
      CatalogSnapshot cat = change.view();
      String name = id.names.get(id.names.size() - 1);
      List<String> schemas = id.names.size() > 1 ? List.of(id.names.get(id.names.size() - 2)) : searchPath;
      ViewDescriptor found = null;
      for (String s : schemas) {
        var schema = cat.schema(databaseId, s);
        if (schema.isPresent() && cat.relation(schema.get().id(), name).orElse(null) instanceof ViewDescriptor v) {
          found = v;
          break;
        }
      }
      if (found == null) {
        if (drop.ifExists()) {
          continue;
        }
        throw new SqlException(SqlState.UNDEFINED_TABLE, "view \"" + name + "\" does not exist");
      }
      change.delete(found);
    }
    change.commit(new WriteBatch());
    return "DROP VIEW";
  }

  private String dropIndex(SqlDropIndex drop, CatalogStore.Change change) {
    CatalogSnapshot cat = change.view();
    WriteBatch batch = new WriteBatch();
    for (SqlNode n : drop.names()) {
      SqlIdentifier id = (SqlIdentifier) n;
      String name = id.names.get(id.names.size() - 1);
      TableDescriptor owner = null;
      for (String s : searchPath) {
        var schema = cat.schema(databaseId, s);
        if (schema.isPresent()) {
          owner = cat.indexOwner(schema.get().id(), name).orElse(null);
          if (owner != null) {
            break;
          }
        }
      }
      if (owner == null) {
        if (drop.ifExists()) {
          continue;
        }
        throw new SqlException(SqlState.UNDEFINED_OBJECT, "index \"" + name + "\" does not exist");
      }
      IndexDescriptor index = owner.index(name).orElseThrow();
      if (index.primary() || index.constraint()) {
        throw new SqlException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
            "cannot drop index " + name + " because constraint " + name + " on table " + owner.name() + " requires it");
      }
      List<IndexDescriptor> rest = new ArrayList<>(owner.indexes());
      rest.remove(index);
      change.put(owner.withIndexes(rest, owner.nextIndexId()));
      KeyRange all = VersionedKeys.indexRange(owner.id(), index.id());
      batch.deleteRange(data, all.lower(), all.upper());
    }
    change.commit(batch);
    return "DROP INDEX";
  }

  private static List<String> columnNames(SqlCreateIndex create) {
    List<String> out = new ArrayList<>();
    for (SqlNode n : create.columns()) {
      out.add(n.toString().toLowerCase().replaceAll("[^a-z0-9_]", ""));
    }
    return out;
  }
}
