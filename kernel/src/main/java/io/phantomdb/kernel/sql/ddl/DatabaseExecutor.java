package io.phantomdb.kernel.sql.ddl;

import io.phantomdb.kernel.sql.Results;
import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.StatementResult;
import io.phantomdb.kernel.sql.catalog.CatalogObject;
import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import io.phantomdb.kernel.sql.catalog.CatalogStore;
import io.phantomdb.kernel.sql.catalog.DatabaseDescriptor;
import io.phantomdb.kernel.sql.catalog.SchemaDescriptor;
import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.sql.parser.ddl.SqlCreateDatabase;
import io.phantomdb.sql.parser.ddl.SqlDropDatabase;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.WriteBatch;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToIntFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/**
 * CREATE DATABASE and DROP DATABASE [IF EXISTS]. A new database gets a schema {@code public}, as
 * PostgreSQL's template does. DROP removes the database's schemas and everything in them (the
 * tables' rows and index entries by key range) in one catalog change; as in PostgreSQL it refuses
 * the session's own database and a database other sessions are connected to.
 */
public final class DatabaseExecutor {
  private final CatalogStore catalog;
  private final Keyspace data;
  private final ReentrantLock writeLock;
  private final String currentDatabase;
  private final Object sessionsLock;
  private final ToIntFunction<String> otherSessions;

  /**
   * @param catalog the catalog
   * @param data the data keyspace
   * @param writeLock the engine's write lock
   * @param currentDatabase the database of the session running the statement
   * @param sessionsLock held while counting sessions and committing a drop, so no session opens
   *     in a database being dropped
   * @param otherSessions how many sessions other than this one are connected to a database
   */
  public DatabaseExecutor(CatalogStore catalog, Keyspace data, ReentrantLock writeLock, String currentDatabase,
      Object sessionsLock, ToIntFunction<String> otherSessions) {
    this.catalog = catalog;
    this.data = data;
    this.writeLock = writeLock;
    this.currentDatabase = currentDatabase;
    this.sessionsLock = sessionsLock;
    this.otherSessions = otherSessions;
  }

  /**
   * @param node a parsed statement
   * @return whether {@link #execute} runs it
   */
  public static boolean handles(SqlNode node) {
    return node instanceof SqlCreateDatabase || node instanceof SqlDropDatabase;
  }

  /**
   * @param node CREATE DATABASE or DROP DATABASE
   * @return its command tag
   * @throws SqlException 42P04 if a created database exists, 3D000 if a dropped one does not,
   *     55006 if it is in use
   */
  public StatementResult execute(SqlNode node) {
    writeLock.lock();
    try (CatalogStore.Change change = catalog.change()) {
      if (node instanceof SqlCreateDatabase create) {
        create(create.name().getSimple(), change);
        return Results.command("CREATE DATABASE", 0);
      }
      SqlDropDatabase drop = (SqlDropDatabase) node;
      drop(((SqlIdentifier) drop.names().get(0)).getSimple(), drop.ifExists(), change);
      return Results.command("DROP DATABASE", 0);
    } finally {
      writeLock.unlock();
    }
  }

  private void create(String name, CatalogStore.Change change) {
    if (change.view().database(name).isPresent()) {
      throw new SqlException(SqlState.DUPLICATE_DATABASE, "database \"" + name + "\" already exists");
    }
    DatabaseDescriptor db = new DatabaseDescriptor(change.newId(), name);
    change.put(db);
    change.put(new SchemaDescriptor(change.newId(), db.id(), CatalogStore.DEFAULT_SCHEMA));
    change.commit(new WriteBatch());
  }

  private void drop(String name, boolean ifExists, CatalogStore.Change change) {
    CatalogSnapshot cat = change.view();
    DatabaseDescriptor db = cat.database(name).orElse(null);
    if (db == null) {
      if (ifExists) {
        return;
      }
      throw new SqlException(SqlState.INVALID_CATALOG_NAME, "database \"" + name + "\" does not exist");
    }
    if (name.equals(currentDatabase)) {
      throw new SqlException(SqlState.OBJECT_IN_USE, "cannot drop the currently open database");
    }
    WriteBatch batch = new WriteBatch();
    for (SchemaDescriptor schema : cat.schemas(db.id())) {
      for (CatalogObject o : cat.relations(schema.id())) {
        // every relation's key range: rows and index entries of tables, whatever else is kept by id
        KeyRange all = VersionedKeys.tableRange(o.id());
        batch.deleteRange(data, all.lower(), all.upper());
        change.delete(o);
      }
      change.delete(schema);
    }
    change.delete(db);
    synchronized (sessionsLock) {
      int others = otherSessions.applyAsInt(name);
      if (others > 0) {
        throw new SqlException(SqlState.OBJECT_IN_USE, "database \"" + name + "\" is being accessed by other users",
            others == 1 ? "There is 1 other session using the database."
                : "There are " + others + " other sessions using the database.", null, null);
      }
      change.commit(batch);
    }
  }
}
