package io.phantomdb.kernel.sql.ddl;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import io.phantomdb.kernel.sql.catalog.CatalogStore;
import io.phantomdb.kernel.sql.catalog.IndexDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.sql.parser.ddl.SqlAlterIndex;
import io.phantomdb.spi.storage.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;

/**
 * {@code ALTER INDEX [IF EXISTS] name RENAME TO new_name}. The index of a PRIMARY KEY or UNIQUE
 * constraint shares the constraint's name, so renaming one renames the other, as in PostgreSQL.
 */
final class AlterIndexExecutor {
  private final DdlExecutor ddl;
  private final CatalogStore.Change change;

  AlterIndexExecutor(DdlExecutor ddl, CatalogStore.Change change) {
    this.ddl = ddl;
    this.change = change;
  }

  String rename(SqlAlterIndex alter) {
    CatalogSnapshot cat = change.view();
    SqlIdentifier id = alter.name();
    String name = id.names.get(id.names.size() - 1);
    List<String> schemas = id.names.size() > 1 ? List.of(id.names.get(id.names.size() - 2)) : ddl.searchPath();
    TableDescriptor owner = null;
    for (String s : schemas) {
      var schema = cat.schema(ddl.databaseId(), s);
      if (schema.isPresent()) {
        owner = cat.indexOwner(schema.get().id(), name).orElse(null);
        if (owner != null) {
          break;
        }
      }
    }
    IndexDescriptor index = owner == null ? null : owner.index(name).orElseThrow();
    if (index == null || (index.primary() && owner.hasHiddenRowId())) {
      if (alter.ifExists()) {
        return "ALTER INDEX";
      }
      throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist");
    }
    String to = alter.newName().getSimple();
    if (cat.nameTaken(owner.schemaId(), to)) {
      throw new SqlException(SqlState.DUPLICATE_TABLE, "relation \"" + to + "\" already exists");
    }
    change.put(renameIndex(owner, index, to));
    change.commit(new WriteBatch());
    return "ALTER INDEX";
  }

  /**
   * @param table a table
   * @param index one of its indexes
   * @param to the new name
   * @return the table with the index renamed
   */
  static TableDescriptor renameIndex(TableDescriptor table, IndexDescriptor index, String to) {
    List<IndexDescriptor> indexes = new ArrayList<>();
    for (IndexDescriptor i : table.indexes()) {
      indexes.add(i.id() != index.id() ? i
          : new IndexDescriptor(i.id(), to, i.columns(), i.unique(), i.primary(), i.constraint()));
    }
    return table.withIndexes(indexes, table.nextIndexId());
  }
}
