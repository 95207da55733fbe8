package io.phantomdb.kernel.sql.check;

import io.phantomdb.kernel.sql.catalog.IndexDescriptor;
import io.phantomdb.kernel.sql.check.CheckReport.Problem;
import io.phantomdb.kernel.sql.encoding.Checksums;
import io.phantomdb.kernel.sql.encoding.KeyColumn;
import io.phantomdb.kernel.sql.encoding.KeyDecoder;
import io.phantomdb.kernel.sql.encoding.RowCodec;
import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.kernel.sql.store.IndexLayout;
import io.phantomdb.kernel.sql.store.StoredValueCheck;
import io.phantomdb.kernel.sql.store.TableLayout;
import io.phantomdb.spi.storage.Cursor;
import io.phantomdb.spi.storage.KeyValueReader;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.ScanOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks one table: every stored version of its rows and of its secondary indexes' entries (old
 * versions and tombstones included) has a matching checksum and a well-formed key; the newest
 * version of each row decodes, and its values give back its key; each index entry is a marker or
 * a tombstone. Then, in the newest state, every live row has a live entry in each index and every
 * live entry points to a live row whose values give that entry. Older versions are not decoded:
 * after {@code ALTER COLUMN TYPE} they hold values of the old type, which only a reader of that
 * time could decode. Damaged versions are reported once; what they would hide is not reported
 * again (an entry pointing at a damaged row is not "dangling").
 */
final class TableCheck {
  private static final long NEWEST = Long.MAX_VALUE;

  private final KeyValueReader storage;
  private final Keyspace data;
  private final TableLayout layout;
  private final String relation;
  private final List<Problem> problems = new ArrayList<>();
  private long rowVersions;
  private long liveRows;
  private long indexEntries;

  TableCheck(KeyValueReader storage, Keyspace data, TableLayout layout) {
    this.storage = storage;
    this.data = data;
    this.layout = layout;
    this.relation = "relation \"" + layout.table().name() + "\"";
  }

  /**
   * Runs the check.
   *
   * @param name the table's qualified name, for the report
   * @return the result
   */
  CheckReport.TableResult run(String name) {
    checkRows();
    for (IndexLayout index : layout.secondary()) {
      checkIndex(index);
    }
    return new CheckReport.TableResult(name, rowVersions, liveRows, layout.secondary().size(), indexEntries,
        problems);
  }

  private void checkRows() {
    byte[] previous = null;
    try (Cursor c = storage.scan(data, VersionedKeys.indexRange(layout.table().id(), IndexDescriptor.PRIMARY_INDEX_ID),
        ScanOrder.FORWARD)) {
      while (c.next()) {
        byte[] key = c.key();
        byte[] value = c.value();
        rowVersions++;
        boolean newest = previous == null || !VersionedKeys.sameLogicalKey(key, previous);
        previous = key;
        if (!intact(relation, key, value) || !wellFormed(relation, layout.primary(), key)) {
          continue;
        }
        if (!newest || RowCodec.isTombstone(value)) {
          continue;
        }
        Object[] row = decode(key, value);
        if (row == null) {
          continue;
        }
        liveRows++;
        byte[] logical = VersionedKeys.logicalKey(key);
        for (IndexLayout index : layout.secondary()) {
          byte[] entry = entryKey(index, row, logical);
          byte[][] found = newestVersion(entry);
          if (found == null || (Checksums.verify(found[0], found[1]) && RowCodec.isTombstone(found[1]))) {
            problems.add(new Problem(relation, describe(key),
                "the row has no entry in index \"" + index.index().name() + "\""));
          }
        }
      }
    }
  }

  private void checkIndex(IndexLayout index) {
    String where = "index \"" + index.index().name() + "\"";
    byte[] previous = null;
    try (Cursor c = storage.scan(data, VersionedKeys.indexRange(layout.table().id(), index.index().id()),
        ScanOrder.FORWARD)) {
      while (c.next()) {
        byte[] key = c.key();
        byte[] value = c.value();
        boolean newest = previous == null || !VersionedKeys.sameLogicalKey(key, previous);
        previous = key;
        if (!intact(where, key, value) || !wellFormed(where, index, key)) {
          continue;
        }
        if (Checksums.bodyLength(value) != 1 || (value[0] != 0 && value[0] != 1)) {
          problems.add(new Problem(where, describe(key), "the entry's value is neither a marker nor a deletion"));
          continue;
        }
        if (!newest || RowCodec.isTombstone(value)) {
          continue;
        }
        indexEntries++;
        checkEntryRow(where, index, key);
      }
    }
  }

  /** The newest version of the row an entry points to must be live and give that entry. */
  private void checkEntryRow(String where, IndexLayout index, byte[] entryKey) {
    byte[] entry = VersionedKeys.logicalKey(entryKey);
    KeyDecoder d = new KeyDecoder(entry, index.prefix().length, entry.length);
    for (KeyColumn k : index.keyColumns()) {
      d.skip(k);
    }
    byte[] prefix = layout.primary().prefix();
    byte[] pk = new byte[prefix.length + d.remaining()];
    System.arraycopy(prefix, 0, pk, 0, prefix.length);
    System.arraycopy(entry, d.position(), pk, prefix.length, d.remaining());
    byte[][] row = newestVersion(pk);
    if (row != null && !Checksums.verify(row[0], row[1])) {
      return; // reported with the rows
    }
    if (row == null || RowCodec.isTombstone(row[1])) {
      problems.add(new Problem(where, describe(entryKey), "the entry points to no live row"));
      return;
    }
    Object[] values;
    try {
      values = layout.rowCodec().decodeStored(row[1]);
    } catch (RuntimeException e) {
      return; // reported with the rows
    }
    if (!Arrays.equals(entryKey(index, values, pk), entry)) {
      problems.add(new Problem(where, describe(entryKey), "the entry does not match its row's values"));
    }
  }

  private boolean intact(String where, byte[] key, byte[] value) {
    if (Checksums.verify(key, value)) {
      return true;
    }
    problems.add(new Problem(where, describe(key), "invalid checksum" + version(key)));
    return false;
  }

  /** Whether the key is the index's prefix, its columns, (for an entry) the primary key, a version. */
  private boolean wellFormed(String where, IndexLayout index, byte[] key) {
    try {
      if (key.length > VersionedKeys.VERSION_LENGTH) {
        KeyDecoder d = new KeyDecoder(key, index.prefix().length, key.length - VersionedKeys.VERSION_LENGTH);
        d.readAll(index.keyColumns());
        if (!index.index().primary()) {
          d.readAll(layout.primary().keyColumns());
        }
        if (d.remaining() == 0) {
          return true;
        }
      }
    } catch (RuntimeException e) {
      // reported below
    }
    problems.add(new Problem(where, describe(key), "malformed key"));
    return false;
  }

  private Object[] decode(byte[] key, byte[] value) {
    Object[] row;
    try {
      row = layout.rowCodec().decodeStored(value);
    } catch (RuntimeException e) {
      problems.add(new Problem(relation, describe(key), "the row cannot be decoded: " + e.getMessage() + version(key)));
      return null;
    }
    byte[] logical = VersionedKeys.logicalKey(key);
    if (!Arrays.equals(layout.primary().keyOf(row).toByteArray(), logical)) {
      problems.add(new Problem(relation, describe(key), "the row's values do not match its key" + version(key)));
      return null;
    }
    return row;
  }

  /** The logical key of a row's entry in an index: its index columns, then its primary key. */
  private byte[] entryKey(IndexLayout index, Object[] row, byte[] pk) {
    return index.keyOf(row).appendEncoded(pk, layout.primary().prefix().length, pk.length).toByteArray();
  }

  private byte[][] newestVersion(byte[] logicalKey) {
    try (Cursor c = storage.scan(data, VersionedKeys.visibleVersions(logicalKey, NEWEST), ScanOrder.FORWARD)) {
      return c.next() ? new byte[][] {c.key(), c.value()} : null;
    }
  }

  private String describe(byte[] key) {
    return StoredValueCheck.describeKey(layout, key);
  }

  private static String version(byte[] key) {
    try {
      return " (version " + VersionedKeys.commitTs(key) + ")";
    } catch (RuntimeException e) {
      return "";
    }
  }
}
