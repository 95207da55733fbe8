package io.phantomdb.kernel.sql.store;

import io.phantomdb.kernel.sql.encoding.RowCodec;
import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.KeyValueReader;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ScanOrder;

/**
 * Reads a table's rows as of a timestamp: for each logical key (primary key) the newest version
 * committed at or before the read timestamp, unless that version is a deletion.
 */
public final class TableReader {
  private TableReader() {}

  /**
   * Reads one row by its encoded primary key.
   *
   * @param reader the storage view (a snapshot or the engine)
   * @param data the data keyspace
   * @param layout the table
   * @param logicalKey {@code prefix | primary key columns}
   * @param readTs the read timestamp
   * @return the row, or null if absent (or deleted) at that time
   * @throws io.phantomdb.kernel.sql.SqlException XX001 if the version's checksum does not match
   */
  public static Object[] get(KeyValueReader reader, Keyspace data, TableLayout layout, byte[] logicalKey, long readTs) {
    try (Cursor c = reader.scan(data, VersionedKeys.visibleVersions(logicalKey, readTs), ScanOrder.FORWARD)) {
      if (!c.next()) {
        return null;
      }
      byte[] value = c.value();
      StoredValueCheck.verify(layout, c.key(), value);
      return RowCodec.isTombstone(value) ? null : layout.rowCodec().decodeStored(value);
    }
  }

  /**
   * A cursor over the rows whose primary keys lie in a range, in key order.
   *
   * @param reader the storage view
   * @param data the data keyspace
   * @param layout the table
   * @param range a range of logical keys (covering all their versions), such as {@code
   *     VersionedKeys.indexRange(tableId, 1)}
   * @param readTs the read timestamp
   * @return the open cursor; the caller closes it
   */
  public static VersionedCursor scan(KeyValueReader reader, Keyspace data, TableLayout layout, KeyRange range, long readTs) {
    return new VersionedCursor(reader.scan(data, range, ScanOrder.FORWARD), layout, readTs);
  }

  /**
   * Walks a range of versioned keys and yields, per logical key, the newest version visible at a
   * timestamp that is not a deletion, verifying the checksum of each version it decides on.
   */
  public static final class VersionedCursor implements AutoCloseable {
    private final Cursor cursor;
    private final TableLayout layout;
    private final long readTs;
    private byte[] lastLogical;
    private byte[] key;
    private byte[] value;

    VersionedCursor(Cursor cursor, TableLayout layout, long readTs) {
      this.cursor = cursor;
      this.layout = layout;
      this.readTs = readTs;
    }

    /** @return true if positioned on the next visible live version */
    public boolean next() {
      while (cursor.next()) {
        byte[] k = cursor.key();
        if (lastLogical != null && VersionedKeys.sameLogicalKey(k, lastLogical)) {
          continue; // an older version of a key already decided
        }
        if (VersionedKeys.commitTs(k) > readTs) {
          continue; // too new for this reader; an older version may follow
        }
        lastLogical = k;
        byte[] v = cursor.value();
        StoredValueCheck.verify(layout, k, v);
        if (RowCodec.isTombstone(v)) {
          continue;
        }
        key = k;
        value = v;
        return true;
      }
      return false;
    }

    /** @return the versioned key of the current entry */
    public byte[] key() {
      return key;
    }

    /** @return the stored value of the current entry, checksum attached ({@link RowCodec#decodeStored}) */
    public byte[] value() {
      return value;
    }

    @Override
    public void close() {
      cursor.close();
    }
  }
}
