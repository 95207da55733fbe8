package io.phantomdb.kernel.sql.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.IndexColumn;
import io.phantomdb.kernel.sql.catalog.IndexDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TypeKind;
import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.WriteBatch;
import io.phantomdb.tck.storage.MemoryStorageEngineFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableStoreTest {
  @TempDir Path dir;
  StorageEngine storage;
  Keyspace data;
  TableLayout t;
  long ts;

  @BeforeEach
  void setUp() {
    storage = new MemoryStorageEngineFactory().open(StorageContext.of(dir));
    data = storage.createKeyspace("sql_data");
    ColumnDescriptor id = ColumnDescriptor.of(1, "id", DataType.of(TypeKind.INTEGER).withNullable(false), null);
    ColumnDescriptor old = ColumnDescriptor.of(2, "old", DataType.of(TypeKind.TEXT), null).drop();
    ColumnDescriptor email = ColumnDescriptor.of(3, "email", DataType.of(TypeKind.TEXT), null);
    IndexDescriptor pk = new IndexDescriptor(1, "users_pkey", List.of(IndexColumn.asc(1)), true, true, true);
    IndexDescriptor uq = new IndexDescriptor(2, "users_email_key", List.of(IndexColumn.asc(3)), true, false, true);
    t = TableLayout.of(new TableDescriptor(100, 2, "users", List.of(id, old, email), List.of(pk, uq), List.of(), 4, 3));
  }

  @AfterEach
  void tearDown() {
    storage.close();
  }

  /** Runs one statement's writes at a new timestamp. */
  private void statement(java.util.function.Consumer<TableWriter> body) {
    long commit = ++ts;
    WriteBatch batch = new WriteBatch();
    TableWriter w = new TableWriter(storage, data, commit - 1, commit, batch);
    body.accept(w);
    storage.write(batch, Durability.SYNC);
  }

  private List<List<Object>> rows(long at) {
    List<List<Object>> out = new ArrayList<>();
    try (TableReader.VersionedCursor c = TableReader.scan(storage, data, t,
        VersionedKeys.indexRange(100, 1), at)) {
      while (c.next()) {
        out.add(Arrays.asList(t.rowCodec().decodeStored(c.value())));
      }
    }
    return out;
  }

  private long indexEntries(long at) {
    long n = 0;
    try (TableReader.VersionedCursor c = TableReader.scan(storage, data, t, VersionedKeys.indexRange(100, 2), at)) {
      while (c.next()) {
        n++;
      }
    }
    return n;
  }

  @Test
  void versionsAreReadAsOfTheirTimestamp() {
    statement(w -> {
      w.insert(t, new Object[] {1, "a@x"});
      w.insert(t, new Object[] {2, null});
      w.insert(t, new Object[] {3, null});
    });
    statement(w -> w.update(t, new Object[] {1, "a@x"}, new Object[] {1, "b@x"}));
    statement(w -> w.delete(t, new Object[] {2, null}));
    assertThat(rows(1)).containsExactly(List.of(1, "a@x"), Arrays.asList(2, null), Arrays.asList(3, null));
    assertThat(rows(2)).containsExactly(List.of(1, "b@x"), Arrays.asList(2, null), Arrays.asList(3, null));
    assertThat(rows(3)).containsExactly(List.of(1, "b@x"), Arrays.asList(3, null));
    assertThat(rows(0)).isEmpty();
    byte[] key1 = t.primary().keyOf(new Object[] {1, null}).toByteArray();
    assertThat(TableReader.get(storage, data, t, key1, 1)).containsExactly(1, "a@x");
    assertThat(TableReader.get(storage, data, t, key1, 3)).containsExactly(1, "b@x");
    assertThat(indexEntries(1)).isEqualTo(3);
    assertThat(indexEntries(3)).isEqualTo(2);
  }

  @Test
  void duplicatePrimaryKeysAndUniqueValuesAreRefusedWithPostgresMessages() {
    statement(w -> w.insert(t, new Object[] {1, "a@x"}));
    assertThatThrownBy(() -> statement(w -> w.insert(t, new Object[] {1, "other"})))
        .isInstanceOfSatisfying(SqlException.class, e -> {
          assertThat(e.sqlState()).isEqualTo("23505");
          assertThat(e.getMessage()).isEqualTo("duplicate key value violates unique constraint \"users_pkey\"");
          assertThat(e.detail()).isEqualTo("Key (id)=(1) already exists.");
        });
    assertThatThrownBy(() -> statement(w -> w.insert(t, new Object[] {2, "a@x"})))
        .isInstanceOfSatisfying(SqlException.class,
            e -> assertThat(e.detail()).isEqualTo("Key (email)=(a@x) already exists."));
    assertThatThrownBy(() -> statement(w -> {
      w.insert(t, new Object[] {5, "new@x"});
      w.insert(t, new Object[] {5, "again@x"});
    })).hasMessageContaining("users_pkey");
    assertThat(rows(ts)).containsExactly(List.of(1, "a@x"));
    statement(w -> {
      w.insert(t, new Object[] {7, null});
      w.insert(t, new Object[] {8, null});
    });
    assertThat(rows(ts)).hasSize(3);
  }

  @Test
  void keysFreedEarlierInAStatementCanBeReused() {
    statement(w -> w.insert(t, new Object[] {1, "a@x"}));
    statement(w -> {
      w.delete(t, new Object[] {1, "a@x"});
      w.insert(t, new Object[] {2, "a@x"});
      w.update(t, new Object[] {2, "a@x"}, new Object[] {1, "a@x"});
    });
    assertThat(rows(ts)).containsExactly(List.of(1, "a@x"));
    assertThat(indexEntries(ts)).isEqualTo(1);
  }
}
