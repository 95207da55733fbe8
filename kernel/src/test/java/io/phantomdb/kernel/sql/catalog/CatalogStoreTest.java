package io.phantomdb.kernel.sql.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TypeKind;
import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.WriteBatch;
import io.phantomdb.tck.storage.MemoryStorageEngineFactory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogStoreTest {
  @TempDir Path dir;
  StorageEngine storage;

  @BeforeEach
  void open() {
    storage = new MemoryStorageEngineFactory().open(StorageContext.of(dir));
  }

  @AfterEach
  void close() {
    storage.close();
  }

  private void reopen() {
    storage.close();
    open();
  }

  private static TableDescriptor table(int id, int schemaId, String name) {
    ColumnDescriptor a = ColumnDescriptor.of(1, "a", DataType.of(TypeKind.INTEGER).withNullable(false), null);
    ColumnDescriptor b = ColumnDescriptor.of(2, "b", DataType.of(TypeKind.NUMERIC, 10, 2), "0");
    IndexDescriptor pk = new IndexDescriptor(1, name + "_pkey", List.of(IndexColumn.asc(1)), true, true, true);
    return new TableDescriptor(id, schemaId, name, List.of(a, b), List.of(pk),
        List.of(new CheckDescriptor(name + "_b_check", "b >= 0")), 3, 2);
  }

  @Test
  void aNewStoreHasDatabasePostgresWithSchemaPublic() {
    CatalogSnapshot c = CatalogStore.open(storage).current();
    DatabaseDescriptor db = c.database("postgres").orElseThrow();
    assertThat(c.schema(db.id(), "public")).isPresent();
    assertThat(c.databases()).hasSize(1);
  }

  @Test
  void tablesSurviveReopenWithEveryDetail() {
    CatalogStore store = CatalogStore.open(storage);
    int schema = store.current().schema(store.current().database("postgres").orElseThrow().id(), "public")
        .orElseThrow().id();
    TableDescriptor t;
    try (CatalogStore.Change c = store.change()) {
      t = table(c.newId(), schema, "accounts");
      c.put(t);
      c.commit(new WriteBatch());
    }
    // stored as put, its index and check given OIDs (fresh ids)
    TableDescriptor stored = store.current().table(schema, "accounts").orElseThrow();
    assertThat(stored.indexes()).allMatch(i -> i.oid() > t.id());
    assertThat(stored.checks()).allMatch(ch -> ch.oid() > t.id());
    assertThat(stored.withIndexes(t.indexes(), t.nextIndexId()).withChecks(t.checks())).isEqualTo(t);
    assertThat(store.current().nameTaken(schema, "accounts_pkey")).isTrue();
    reopen();
    CatalogStore again = CatalogStore.open(storage);
    assertThat(again.current().table(schema, "accounts")).contains(stored);
    assertThat(again.current().databases()).hasSize(1);
    try (CatalogStore.Change c = again.change()) {
      assertThat(c.newId()).as("ids are never reused").isGreaterThan(t.id());
    }
  }

  @Test
  void anUncommittedChangeLeavesNoTrace() {
    CatalogStore store = CatalogStore.open(storage);
    long version = store.current().version();
    try (CatalogStore.Change c = store.change()) {
      c.put(new DatabaseDescriptor(c.newId(), "scratch"));
      assertThat(c.view().database("scratch")).isPresent();
    }
    assertThat(store.current().database("scratch")).isEmpty();
    assertThat(store.current().version()).isEqualTo(version);
    reopen();
    assertThat(CatalogStore.open(storage).current().database("scratch")).isEmpty();
  }

  @Test
  void deletesAndRenamesArePersisted() {
    CatalogStore store = CatalogStore.open(storage);
    int schema = store.current().schemas(store.current().database("postgres").orElseThrow().id()).get(0).id();
    TableDescriptor t;
    try (CatalogStore.Change c = store.change()) {
      t = table(c.newId(), schema, "old");
      c.put(t);
      c.commit(new WriteBatch());
    }
    try (CatalogStore.Change c = store.change()) {
      c.put(t.withName("renamed"));
      c.commit(new WriteBatch());
    }
    assertThat(store.current().table(schema, "old")).isEmpty();
    reopen();
    CatalogStore again = CatalogStore.open(storage);
    TableDescriptor renamed = again.current().table(schema, "renamed").orElseThrow();
    try (CatalogStore.Change c = again.change()) {
      c.delete(renamed);
      c.commit(new WriteBatch());
    }
    reopen();
    assertThat(CatalogStore.open(storage).current().relations(schema)).isEmpty();
  }
}
