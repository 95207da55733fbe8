package io.phantomdb.kernel.sql.ddl;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.encoding.RowCodec;
import io.phantomdb.kernel.sql.encoding.Checksums;
import io.phantomdb.kernel.sql.store.IndexLayout;
import io.phantomdb.kernel.sql.store.TableLayout;
import io.phantomdb.kernel.sql.type.TextCodec;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.spi.storage.WriteBatch;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes the difference between a table's rows as stored and the same rows after an ALTER, as
 * new versions at one commit timestamp: rows whose key or values changed are written again (a
 * changed primary key moves the row: the old key gets a tombstone), index entries whose key
 * changed are replaced, entries of new indexes are added. Indexes that the ALTER dropped are not
 * touched here (their key range is deleted). Checks that the new primary key and unique indexes
 * hold no duplicates, with PostgreSQL's error for building a unique index.
 */
final class TableRewrite {
  private static final byte[] LIVE = {1};

  private final TableLayout before;
  private final TableLayout after;
  /** logical key → new value; tombstones first, so a key both freed and taken ends up taken */
  private final Map<byte[], byte[]> tombstones = new TreeMap<>(Arrays::compareUnsigned);
  private final Map<byte[], byte[]> puts = new TreeMap<>(Arrays::compareUnsigned);

  /**
   * @param before the table as stored
   * @param after the table as altered
   */
  TableRewrite(TableLayout before, TableLayout after) {
    this.before = before;
    this.after = after;
  }

  /**
   * Computes the changes.
   *
   * @param stored the rows as stored (over {@code before}'s live columns)
   * @param altered the same rows altered (over {@code after}'s live columns), in the same order
   * @param rewriteValues true if every row's values must be written again (a column's values
   *     changed)
   * @throws SqlException 23505 if two rows have the same new primary key or unique index key
   */
  void diff(List<Object[]> stored, List<Object[]> altered, boolean rewriteValues) {
    int skipOld = before.primary().prefix().length;
    int skipNew = after.primary().prefix().length;
    Set<ByteBuffer> primaryKeys = new HashSet<>();
    List<Set<ByteBuffer>> uniqueKeys = after.secondary().stream().map(i -> (Set<ByteBuffer>) new HashSet<ByteBuffer>()).toList();
    for (int r = 0; r < stored.size(); r++) {
      Object[] oldRow = stored.get(r);
      Object[] newRow = altered.get(r);
      byte[] oldPk = before.primary().keyOf(oldRow).toByteArray();
      byte[] newPk = after.primary().keyOf(newRow).toByteArray();
      if (!primaryKeys.add(ByteBuffer.wrap(newPk))) {
        throw duplicate(after.primary(), newRow);
      }
      boolean moved = !Arrays.equals(oldPk, newPk);
      if (moved) {
        tombstones.put(oldPk, RowCodec.tombstone());
      }
      if (moved || rewriteValues) {
        puts.put(newPk, after.rowCodec().encode(newRow));
      }
      for (int i = 0; i < after.secondary().size(); i++) {
        IndexLayout idx = after.secondary().get(i);
        byte[] newEntry = idx.keyOf(newRow).appendEncoded(newPk, skipNew, newPk.length).toByteArray();
        IndexLayout old = indexBefore(idx.index().id());
        byte[] oldEntry = old == null ? null
            : old.keyOf(oldRow).appendEncoded(oldPk, skipOld, oldPk.length).toByteArray();
        if (idx.index().unique() && !idx.hasNullKey(newRow)
            && !uniqueKeys.get(i).add(ByteBuffer.wrap(idx.keyOf(newRow).toByteArray()))) {
          throw duplicate(idx, newRow);
        }
        if (!Arrays.equals(oldEntry, newEntry)) {
          if (oldEntry != null) {
            tombstones.put(oldEntry, RowCodec.tombstone());
          }
          puts.put(newEntry, LIVE);
        }
      }
    }
  }

  /** @return true if there is nothing to write */
  boolean isEmpty() {
    return tombstones.isEmpty() && puts.isEmpty();
  }

  /**
   * Adds the changes to a batch as versions at {@code commitTs}.
   *
   * @param batch the statement's batch
   * @param data the data keyspace
   * @param commitTs the commit timestamp
   */
  void write(WriteBatch batch, Keyspace data, long commitTs) {
    for (Map.Entry<byte[], byte[]> e : tombstones.entrySet()) {
      if (!puts.containsKey(e.getKey())) {
        Checksums.putVersion(batch, data, e.getKey(), commitTs, e.getValue());
      }
    }
    for (Map.Entry<byte[], byte[]> e : puts.entrySet()) {
      Checksums.putVersion(batch, data, e.getKey(), commitTs, e.getValue());
    }
  }

  private IndexLayout indexBefore(int indexId) {
    for (IndexLayout i : before.secondary()) {
      if (i.index().id() == indexId) {
        return i;
      }
    }
    return null;
  }

  private SqlException duplicate(IndexLayout idx, Object[] row) {
    List<ColumnDescriptor> live = after.table().liveColumns();
    StringBuilder cols = new StringBuilder();
    StringBuilder vals = new StringBuilder();
    for (int i = 0; i < idx.positions().length; i++) {
      ColumnDescriptor c = live.get(idx.positions()[i]);
      Object v = row[idx.positions()[i]];
      cols.append(i == 0 ? "" : ", ").append(c.name());
      vals.append(i == 0 ? "" : ", ").append(v == null ? "null" : TextCodec.format(v, c.type()));
    }
    return new SqlException(SqlState.UNIQUE_VIOLATION,
        "could not create unique index \"" + idx.index().name() + "\"",
        "Key (" + cols + ")=(" + vals + ") is duplicated.", null, null);
  }
}
