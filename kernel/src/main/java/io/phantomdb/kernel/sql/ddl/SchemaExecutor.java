package io.phantomdb.kernel.sql.ddl;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.CatalogObject;
import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import io.phantomdb.kernel.sql.catalog.CatalogStore;
import io.phantomdb.kernel.sql.catalog.SchemaDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.sql.parser.ddl.DropBehavior;
import io.phantomdb.sql.parser.ddl.SqlCreateSchema;
import io.phantomdb.sql.parser.ddl.SqlDropSchema;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.WriteBatch;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/**
 * CREATE SCHEMA and DROP SCHEMA [CASCADE | RESTRICT]. CASCADE drops the schema's tables (their
 * rows and index entries too), views and sequences in the same catalog change.
 */
final class SchemaExecutor {
  private final DdlExecutor ddl;
  private final CatalogStore.Change change;

  SchemaExecutor(DdlExecutor ddl, CatalogStore.Change change) {
    this.ddl = ddl;
    this.change = change;
  }

  String create(SqlCreateSchema create) {
    if (create.name() == null) {
      throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "CREATE SCHEMA without a name is not supported");
    }
    String name = create.name().names.get(create.name().names.size() - 1);
    if (change.view().schema(ddl.databaseId(), name).isPresent()) {
      if (create.ifNotExists()) {
        return "CREATE SCHEMA";
      }
      throw new SqlException(SqlState.DUPLICATE_SCHEMA, "schema \"" + name + "\" already exists");
    }
    change.put(new SchemaDescriptor(change.newId(), ddl.databaseId(), name));
    change.commit(new WriteBatch());
    return "CREATE SCHEMA";
  }

  String drop(SqlDropSchema drop) {
    WriteBatch batch = new WriteBatch();
    boolean cascade = drop.behavior() == DropBehavior.CASCADE;
    for (SqlNode n : drop.names()) {
      SqlIdentifier id = (SqlIdentifier) n;
      String name = id.names.get(id.names.size() - 1);
      CatalogSnapshot cat = change.view();
      SchemaDescriptor schema = cat.schema(ddl.databaseId(), name).orElse(null);
      if (schema == null) {
        if (drop.ifExists()) {
          continue;
        }
        throw new SqlException(SqlState.INVALID_SCHEMA_NAME, "schema \"" + name + "\" does not exist");
      }
      var relations = cat.relations(schema.id());
      if (!relations.isEmpty() && !cascade) {
        throw new SqlException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
            "cannot drop schema " + name + " because other objects depend on it", null,
            "Use DROP ... CASCADE to drop the dependent objects too.", null);
      }
      for (CatalogObject o : relations) {
        if (o instanceof TableDescriptor t) {
          KeyRange all = VersionedKeys.tableRange(t.id());
          batch.deleteRange(ddl.data(), all.lower(), all.upper());
        } else if (o instanceof io.phantomdb.kernel.sql.catalog.SequenceDescriptor seq) {
          io.phantomdb.kernel.sql.sequence.SequenceStore.deleteState(batch, ddl.data(), seq.id());
        }
        change.delete(o);
      }
      change.delete(schema);
    }
    change.commit(batch);
    return "DROP SCHEMA";
  }
}
