package io.phantomdb.kernel.sql.store;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.IndexColumn;
import io.phantomdb.kernel.sql.encoding.RowCodec;
import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.kernel.sql.type.TextCodec;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.KeyValueReader;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.WriteBatch;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes one statement's row changes as new versions at the statement's commit timestamp into a
 * batch, maintaining secondary indexes and enforcing uniqueness (primary key and unique indexes)
 * against both the stored data and the statement's own earlier changes, as PostgreSQL checks each
 * row immediately. Nothing is visible until the batch is written. Not thread-safe.
 */
public final class TableWriter {
  private static final byte[] LIVE = {1};

  private final KeyValueReader reader;
  private final Keyspace data;
  private final long readTs;
  private final long commitTs;
  private final WriteBatch batch;
  /** logical keys (rows and index entries) this statement wrote: LIVE or a tombstone */
  private final TreeMap<byte[], byte[]> pending = new TreeMap<>(Arrays::compareUnsigned);
  private long changed;
  private RowLocks locks;
  /** READ COMMITTED re-run: the only rows UPDATE / DELETE may change (primary keys), or null for all */
  private java.util.NavigableSet<byte[]> onlyRows;
  /** a probe: where the rows UPDATE / DELETE would change go (nothing is written), or null */
  private java.util.NavigableSet<byte[]> probe;

  /**
   * Restricts UPDATE and DELETE to rows whose primary keys are given: a READ COMMITTED statement
   * re-run on a newer snapshot after a concurrent change changes only the rows its first snapshot
   * chose (and that still qualify), as PostgreSQL's re-check of the updated row does.
   *
   * @param primaryKeys the rows' encoded primary keys, unsigned order
   * @return this writer
   */
  public TableWriter onlyRows(java.util.NavigableSet<byte[]> primaryKeys) {
    this.onlyRows = primaryKeys;
    return this;
  }

  /**
   * Makes this writer a probe: UPDATE and DELETE write nothing and lock nothing; they add the
   * primary keys of the rows they would change to {@code into}.
   *
   * @param into where the primary keys go
   * @return this writer
   */
  public TableWriter probeRows(java.util.NavigableSet<byte[]> into) {
    this.probe = into;
    return this;
  }

  /**
   * Whether this statement changes a row it is about to update or delete: false for a probe (which
   * records the row) and for a row outside {@link #onlyRows}.
   *
   * @param t the table
   * @param oldRow the row's current values
   * @return true to go on with the change
   */
  public boolean accepts(TableLayout t, Object[] oldRow) {
    if (probe == null && onlyRows == null) {
      return true;
    }
    byte[] pk = t.primary().keyOf(oldRow).toByteArray();
    if (probe != null) {
      probe.add(pk);
      return false;
    }
    return onlyRows.contains(pk);
  }

  /**
   * @param locks how to lock what this writer writes (in a transaction), or null for no locks
   * @return this writer
   */
  public TableWriter withLocks(RowLocks locks) {
    this.locks = locks;
    return this;
  }

  private void lockRow(TableLayout t, byte[] pk) {
    if (locks != null) {
      locks.lock(t, pk, false);
    }
  }

  /** An UPDATE that changes no unique key: PostgreSQL's FOR NO KEY UPDATE lock. */
  private void lockRowNoKeyUpdate(TableLayout t, byte[] pk) {
    if (locks != null) {
      locks.lockNoKeyUpdate(t, pk);
    }
  }

  /** @return whether an update changes a column of a unique secondary index (its key) */
  private static boolean changesUniqueKey(TableLayout t, Object[] oldRow, Object[] newRow) {
    for (IndexLayout idx : t.secondary()) {
      if (idx.index().unique() && !Arrays.equals(idx.keyOf(oldRow).toByteArray(), idx.keyOf(newRow).toByteArray())) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param reader the latest committed state, for uniqueness checks
   * @param data the data keyspace
   * @param readTs the timestamp the checks read at (the latest commit)
   * @param commitTs the timestamp the new versions get
   * @param batch where the versions go
   */
  public TableWriter(KeyValueReader reader, Keyspace data, long readTs, long commitTs, WriteBatch batch) {
    this.reader = reader;
    this.data = data;
    this.readTs = readTs;
    this.commitTs = commitTs;
    this.batch = batch;
  }

  /**
   * @return the logical keys (rows and index entries) written so far and their values (row value,
   *     index marker or tombstone), in key order: a transaction block's intents
   */
  public java.util.NavigableMap<byte[], byte[]> writes() {
    return java.util.Collections.unmodifiableNavigableMap(pending);
  }

  /** @return rows inserted, updated or deleted so far */
  public long changed() {
    return changed;
  }

  /**
   * Inserts a row.
   *
   * @param t the table
   * @param row a value per live column
   * @throws SqlException 23505 if its primary key or a unique index key already exists
   */
  public void insert(TableLayout t, Object[] row) {
    byte[] pk = t.primary().keyOf(row).toByteArray();
    lockRow(t, pk);
    if (exists(t, pk)) {
      throw duplicate(t, t.primary(), row);
    }
    write(pk, t.rowCodec().encode(row));
    for (IndexLayout idx : t.secondary()) {
      putEntry(t, idx, row, pk);
    }
    changed++;
  }

  /**
   * Deletes a row (as read by this statement).
   *
   * @param t the table
   * @param row the row's current values
   */
  public void delete(TableLayout t, Object[] row) {
    byte[] pk = t.primary().keyOf(row).toByteArray();
    lockRow(t, pk);
    write(pk, RowCodec.tombstone());
    for (IndexLayout idx : t.secondary()) {
      write(entryKey(t, idx, row, pk), RowCodec.tombstone());
    }
    changed++;
  }

  /**
   * Replaces a row's values; a changed primary key moves the row.
   *
   * @param t the table
   * @param oldRow the current values
   * @param newRow the new values
   * @throws SqlException 23505 if the new key of the row or of a unique index is taken
   */
  public void update(TableLayout t, Object[] oldRow, Object[] newRow) {
    byte[] oldPk = t.primary().keyOf(oldRow).toByteArray();
    byte[] newPk = t.primary().keyOf(newRow).toByteArray();
    if (!Arrays.equals(oldPk, newPk)) {
      delete(t, oldRow);
      changed--;
      insert(t, newRow);
      return;
    }
    if (changesUniqueKey(t, oldRow, newRow)) {
      lockRow(t, newPk);
    } else {
      lockRowNoKeyUpdate(t, newPk);
    }
    write(newPk, t.rowCodec().encode(newRow));
    for (IndexLayout idx : t.secondary()) {
      byte[] oldEntry = entryKey(t, idx, oldRow, oldPk);
      byte[] newEntry = entryKey(t, idx, newRow, newPk);
      if (!Arrays.equals(oldEntry, newEntry)) {
        write(oldEntry, RowCodec.tombstone());
        putEntry(t, idx, newRow, newPk);
      }
    }
    changed++;
  }

  /**
   * Writes only the secondary index entries of an existing row (an index backfill), checking
   * uniqueness.
   *
   * @param t the table, with the indexes to fill as its secondary indexes
   * @param row the row
   */
  public void indexOnly(TableLayout t, Object[] row) {
    byte[] pk = t.primary().keyOf(row).toByteArray();
    for (IndexLayout idx : t.secondary()) {
      putEntry(t, idx, row, pk);
    }
  }

  /**
   * A live row that {@code row} would collide with in a unique index.
   *
   * @param row the existing row (a value per live column)
   * @param writtenHere true if this statement inserted or updated it
   */
  public record Conflict(Object[] row, boolean writtenHere) {}

  /**
   * Finds the live row, counting this statement's writes, whose key in {@code idx} equals that of
   * {@code row} (INSERT ... ON CONFLICT's arbiter check).
   *
   * @param t the table
   * @param idx the primary index or a unique secondary index of {@code t}
   * @param row a proposed row
   * @return the conflicting row, or null if there is none (or a key column of {@code row} is
   *     NULL in a secondary index)
   */
  public Conflict conflicting(TableLayout t, IndexLayout idx, Object[] row) {
    byte[] pk;
    if (idx.index().primary()) {
      pk = t.primary().keyOf(row).toByteArray();
    } else {
      if (idx.hasNullKey(row)) {
        return null;
      }
      byte[] key = idx.keyOf(row).toByteArray();
      byte[] entry = liveEntryUnder(t, key);
      if (entry == null) {
        return null;
      }
      int keyLength = key.length;
      byte[] tablePrefix = t.primary().prefix();
      pk = new byte[tablePrefix.length + entry.length - keyLength];
      System.arraycopy(tablePrefix, 0, pk, 0, tablePrefix.length);
      System.arraycopy(entry, keyLength, pk, tablePrefix.length, entry.length - keyLength);
    }
    byte[] mine = pending.get(pk);
    if (mine != null) {
      return RowCodec.isTombstone(mine) ? null : new Conflict(t.rowCodec().decode(mine), true);
    }
    Object[] stored = TableReader.get(reader, data, t, pk, readTs);
    return stored == null ? null : new Conflict(stored, false);
  }

  private void putEntry(TableLayout t, IndexLayout idx, Object[] row, byte[] pk) {
    if (idx.index().unique() && !idx.hasNullKey(row)) {
      byte[] prefix = idx.keyOf(row).toByteArray();
      if (locks != null) {
        locks.lock(t, prefix, true);
      }
      if (anyLiveUnder(t, prefix)) {
        throw duplicate(t, idx, row);
      }
    }
    write(entryKey(t, idx, row, pk), LIVE);
  }

  private static byte[] entryKey(TableLayout t, IndexLayout idx, Object[] row, byte[] pk) {
    int skip = t.primary().prefix().length;
    return idx.keyOf(row).appendEncoded(pk, skip, pk.length).toByteArray();
  }

  private void write(byte[] logicalKey, byte[] value) {
    io.phantomdb.kernel.sql.encoding.Checksums.putVersion(batch, data, logicalKey, commitTs, value);
    pending.put(logicalKey, value);
  }

  /** Whether a row with this exact logical key is live, counting this statement's writes. */
  private boolean exists(TableLayout t, byte[] logicalKey) {
    byte[] mine = pending.get(logicalKey);
    if (mine != null) {
      return !RowCodec.isTombstone(mine);
    }
    try (var c = reader.scan(data, VersionedKeys.visibleVersions(logicalKey, readTs),
        io.phantomdb.spi.storage.ScanOrder.FORWARD)) {
      if (!c.next()) {
        return false;
      }
      StoredValueCheck.verify(t, c.key(), c.value());
      return !RowCodec.isTombstone(c.value());
    }
  }

  /** Whether any live index entry starts with {@code prefix}, counting this statement's writes. */
  private boolean anyLiveUnder(TableLayout t, byte[] prefix) {
    return liveEntryUnder(t, prefix) != null;
  }

  /** The logical key of a live index entry starting with {@code prefix}, counting this statement's writes. */
  private byte[] liveEntryUnder(TableLayout t, byte[] prefix) {
    KeyRange range = VersionedKeys.prefixRange(prefix);
    byte[] end = range.upper();
    Map<byte[], byte[]> mine = end == null ? pending.tailMap(prefix, true) : pending.subMap(prefix, true, end, false);
    for (Map.Entry<byte[], byte[]> e : mine.entrySet()) {
      if (!RowCodec.isTombstone(e.getValue())) {
        return e.getKey();
      }
    }
    try (TableReader.VersionedCursor c = new TableReader.VersionedCursor(
        reader.scan(data, range, io.phantomdb.spi.storage.ScanOrder.FORWARD), t, readTs)) {
      while (c.next()) {
        byte[] logical = VersionedKeys.logicalKey(c.key());
        if (!pending.containsKey(logical)) {
          return logical; // stored, live, and not deleted by this statement
        }
      }
    }
    return null;
  }

  private static SqlException duplicate(TableLayout t, IndexLayout idx, Object[] row) {
    List<ColumnDescriptor> live = t.table().liveColumns();
    StringBuilder cols = new StringBuilder();
    StringBuilder vals = new StringBuilder();
    List<IndexColumn> ics = idx.index().columns();
    for (int i = 0; i < ics.size(); i++) {
      int pos = idx.positions()[i];
      cols.append(i == 0 ? "" : ", ").append(live.get(pos).name());
      Object v = row[pos];
      vals.append(i == 0 ? "" : ", ").append(v == null ? "null" : TextCodec.format(v, live.get(pos).type()));
    }
    return new SqlException(SqlState.UNIQUE_VIOLATION,
        "duplicate key value violates unique constraint \"" + idx.index().name() + "\"",
        "Key (" + cols + ")=(" + vals + ") already exists.", null, null);
  }
}
