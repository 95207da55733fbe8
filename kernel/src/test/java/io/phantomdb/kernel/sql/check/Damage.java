package io.phantomdb.kernel.sql.check;

import io.phantomdb.kernel.sql.SqlEngine;
import io.phantomdb.kernel.sql.TestStorage;
import io.phantomdb.kernel.sql.catalog.CatalogSnapshot;
import io.phantomdb.kernel.sql.catalog.CatalogStore;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.store.IndexLayout;
import io.phantomdb.kernel.sql.store.TableLayout;
import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.Durability;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ScanOrder;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.WriteBatch;
import java.nio.file.Path;

/**
 * Damages a closed database through the raw storage engine API, as a failing disk or a bad copy
 * would: flips a byte of a stored value, copies a value under another key, deletes or adds a
 * version. Finds keys through the catalog (database {@code postgres}, schema {@code public}).
 */
final class Damage implements AutoCloseable {
  private final StorageEngine storage;
  private final Keyspace data;
  private final CatalogSnapshot catalog;

  Damage(String engine, Path storageDir) {
    storage = TestStorage.open(engine, storageDir);
    data = storage.keyspace(SqlEngine.DATA_KEYSPACE);
    catalog = CatalogStore.open(storage).current();
  }

  StorageEngine storage() {
    return storage;
  }

  Keyspace data() {
    return data;
  }

  TableLayout table(String name) {
    int db = catalog.database("postgres").orElseThrow().id();
    int schema = catalog.schema(db, "public").orElseThrow().id();
    TableDescriptor t = catalog.table(schema, name).orElseThrow();
    return TableLayout.of(t);
  }

  int sequenceId(String name) {
    int db = catalog.database("postgres").orElseThrow().id();
    int schema = catalog.schema(db, "public").orElseThrow().id();
    return catalog.relation(schema, name).orElseThrow().id();
  }

  /** The logical key of a row of a table whose primary key is its first column. */
  byte[] rowKey(String table, Object id) {
    TableLayout t = table(table);
    Object[] row = new Object[t.width()];
    row[0] = id;
    return t.primary().keyOf(row).toByteArray();
  }

  /** The logical key of a row's entry in an index. */
  byte[] entryKey(String table, String index, Object... row) {
    TableLayout t = table(table);
    IndexLayout i = t.secondary().stream().filter(x -> x.index().name().equals(index)).findFirst().orElseThrow();
    byte[] pk = t.primary().keyOf(row).toByteArray();
    return i.keyOf(row).appendEncoded(pk, t.primary().prefix().length, pk.length).toByteArray();
  }

  /** The newest version of a logical key: {key, value}. */
  byte[][] newest(byte[] logicalKey) {
    try (Cursor c = storage.scan(data, VersionedKeys.allVersions(logicalKey), ScanOrder.FORWARD)) {
      if (!c.next()) {
        throw new IllegalStateException("no version");
      }
      return new byte[][] {c.key(), c.value()};
    }
  }

  /** Flips the lowest bit of one byte of the newest version's stored value. */
  void flipByte(byte[] logicalKey, int index) {
    byte[][] v = newest(logicalKey);
    byte[] value = v[1].clone();
    value[index] ^= 1;
    put(v[0], value);
  }

  /** Stores the newest value of {@code from} as the newest value of {@code to}. */
  void copyValue(byte[] from, byte[] to) {
    put(newest(to)[0], newest(from)[1]);
  }

  void put(byte[] key, byte[] value) {
    WriteBatch b = new WriteBatch();
    b.put(data, key, value);
    storage.write(b, Durability.SYNC);
  }

  void delete(byte[] key) {
    WriteBatch b = new WriteBatch();
    b.delete(data, key);
    storage.write(b, Durability.SYNC);
  }

  @Override
  public void close() {
    storage.close();
  }
}
