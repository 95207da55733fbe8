package io.phantomdb.kernel.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.tck.storage.MemoryStorageEngineFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Databases with sessions in them: what one SQL session cannot show. */
class SqlEngineDatabasesTest {
  @TempDir Path dir;
  StorageEngine storage;
  SqlEngine engine;
  Session session;

  @BeforeEach
  void open() {
    storage = new MemoryStorageEngineFactory().open(StorageContext.of(dir));
    engine = SqlEngine.open(storage);
    session = engine.newSession();
  }

  @AfterEach
  void close() {
    session.close();
    engine.close();
    storage.close();
  }

  private static String exec(Session s, String sql) {
    try (StatementResult r = s.execute(sql)) {
      while (r.next() != null) {
        // drain
      }
      return r.commandTag();
    }
  }

  private static List<List<Object>> query(Session s, String sql) {
    List<List<Object>> rows = new ArrayList<>();
    try (StatementResult r = s.execute(sql)) {
      Object[] row;
      while ((row = r.next()) != null) {
        rows.add(Arrays.asList(row));
      }
    }
    return rows;
  }

  private static SqlException error(Runnable r) {
    try {
      r.run();
    } catch (SqlException e) {
      return e;
    }
    throw new AssertionError("no SqlException");
  }

  @Test
  void eachDatabaseHasItsOwnSchemasTablesAndPlans() {
    assertThat(exec(session, "CREATE DATABASE shop")).isEqualTo("CREATE DATABASE");
    try (Session shop = engine.newSession("shop")) {
      assertThat(shop.database()).isEqualTo("shop");
      assertThat(query(shop, "SELECT current_database(), current_schema()")).containsExactly(List.of("shop", "public"));
      exec(session, "CREATE TABLE items (name TEXT)");
      exec(shop, "CREATE TABLE items (name TEXT)");
      exec(session, "INSERT INTO items VALUES ('in postgres')");
      exec(shop, "INSERT INTO items VALUES ('in shop')");
      // the same text, planned and cached per database
      for (int i = 0; i < 2; i++) {
        assertThat(query(session, "SELECT name FROM items")).containsExactly(List.of("in postgres"));
        assertThat(query(shop, "SELECT name FROM items")).containsExactly(List.of("in shop"));
      }
      exec(shop, "CREATE SCHEMA sales");
      assertThatThrownBy(() -> exec(session, "CREATE TABLE sales.x (a INTEGER)"))
          .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_SCHEMA_NAME));
      exec(shop, "CREATE TABLE sales.x (a INTEGER)");
    }
    assertThat(session.database()).isEqualTo("postgres");
  }

  @Test
  void aSessionOpensOnlyInAnExistingDatabase() {
    SqlException e = error(() -> engine.newSession("nosuch"));
    assertThat(e.sqlState()).isEqualTo("3D000");
    assertThat(e.getMessage()).isEqualTo("database \"nosuch\" does not exist");
    exec(session, "CREATE DATABASE \"Shop\"");
    assertThat(error(() -> engine.newSession("shop")).sqlState()).isEqualTo("3D000");
    try (Session s = engine.newSession("Shop")) {
      assertThat(query(s, "SELECT current_database()")).containsExactly(List.of("Shop"));
    }
  }

  @Test
  void dropDatabaseIsRefusedWhileAnotherSessionUsesIt() {
    exec(session, "CREATE DATABASE shop");
    Session first = engine.newSession("shop");
    Session second = engine.newSession("shop");
    SqlException e = error(() -> exec(session, "DROP DATABASE shop"));
    assertThat(e.sqlState()).isEqualTo(SqlState.OBJECT_IN_USE);
    assertThat(e.getMessage()).isEqualTo("database \"shop\" is being accessed by other users");
    assertThat(e.detail()).isEqualTo("There are 2 other sessions using the database.");
    first.close();
    e = error(() -> exec(session, "DROP DATABASE shop"));
    assertThat(e.detail()).isEqualTo("There is 1 other session using the database.");
    // a session cannot drop its own database, whoever else is there
    assertThat(error(() -> exec(second, "DROP DATABASE shop")).getMessage())
        .isEqualTo("cannot drop the currently open database");
    second.close();
    second.close(); // closing twice counts once
    assertThat(exec(session, "DROP DATABASE shop")).isEqualTo("DROP DATABASE");
    assertThat(error(() -> engine.newSession("shop")).sqlState()).isEqualTo("3D000");
  }

  @Test
  void dropDatabaseDeletesItsTablesRowsAndIndexEntries() {
    exec(session, "CREATE DATABASE shop");
    List<Integer> tableIds = new ArrayList<>();
    try (Session shop = engine.newSession("shop")) {
      exec(shop, "CREATE SCHEMA sales");
      exec(shop, "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT UNIQUE)");
      exec(shop, "CREATE TABLE sales.orders (item INTEGER, qty INTEGER)");
      exec(shop, "CREATE INDEX orders_item ON sales.orders (item)");
      exec(shop, "CREATE VIEW big AS SELECT * FROM sales.orders WHERE qty > 10");
      exec(shop, "INSERT INTO items VALUES (1, 'pen'), (2, 'ink')");
      exec(shop, "INSERT INTO sales.orders VALUES (1, 5), (2, 50)");
    }
    exec(session, "CREATE TABLE items (id INTEGER PRIMARY KEY)");
    exec(session, "INSERT INTO items VALUES (7)");
    CatalogSnapshot before = engine.catalog().current();
    int shopId = before.database("shop").orElseThrow().id();
    before.schemas(shopId).forEach(s -> before.relations(s.id()).forEach(o -> {
      if (o instanceof TableDescriptor t) {
        tableIds.add(t.id());
      }
    }));
    assertThat(tableIds).hasSize(2);
    assertThat(tableIds).allSatisfy(id -> assertThat(keysOf(id)).isPositive());

    exec(session, "DROP DATABASE shop");

    CatalogSnapshot after = engine.catalog().current();
    assertThat(after.database("shop")).isEmpty();
    assertThat(after.schemas(shopId)).isEmpty();
    assertThat(after.objects()).noneMatch(o -> tableIds.contains(o.id()));
    assertThat(tableIds).allSatisfy(id -> assertThat(keysOf(id)).isZero());
    assertThat(query(session, "SELECT id FROM items")).containsExactly(List.of(7));
    // the name is free again, and the new database is empty
    exec(session, "CREATE DATABASE shop");
    try (Session shop = engine.newSession("shop")) {
      assertThat(error(() -> query(shop, "SELECT * FROM items")).sqlState()).isEqualTo(SqlState.UNDEFINED_TABLE);
    }
  }

  private long keysOf(int tableId) {
    KeyRange range = VersionedKeys.tableRange(tableId);
    long n = 0;
    try (Cursor c = storage.scan(engine.data(), range, ScanOrder.FORWARD)) {
      while (c.next()) {
        n++;
      }
    }
    return n;
  }

  @Test
  void databasesAndTheirTablesSurviveARestart() {
    exec(session, "CREATE DATABASE shop");
    try (Session shop = engine.newSession("shop")) {
      exec(shop, "CREATE SCHEMA sales");
      exec(shop, "CREATE TABLE sales.orders (id INTEGER PRIMARY KEY, qty INTEGER)");
      exec(shop, "INSERT INTO sales.orders VALUES (1, 5), (2, 50)");
    }
    exec(session, "CREATE DATABASE gone");
    exec(session, "DROP DATABASE gone");
    close();
    open();
    assertThat(error(() -> engine.newSession("gone")).sqlState()).isEqualTo("3D000");
    try (Session shop = engine.newSession("shop")) {
      exec(shop, "SET search_path = sales");
      assertThat(query(shop, "SELECT id, qty FROM orders ORDER BY id"))
          .containsExactly(List.of(1, 5), List.of(2, 50));
      assertThat(error(() -> exec(session, "CREATE DATABASE shop")).sqlState()).isEqualTo(SqlState.DUPLICATE_DATABASE);
    }
    assertThat(error(() -> query(session, "SELECT * FROM sales.orders")).sqlState())
        .isEqualTo(SqlState.UNDEFINED_TABLE);
  }
}
