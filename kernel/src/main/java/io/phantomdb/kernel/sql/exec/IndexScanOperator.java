package io.phantomdb.kernel.sql.exec;

import io.phantomdb.kernel.sql.encoding.KeyColumn;
import io.phantomdb.kernel.sql.encoding.KeyDecoder;
import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.kernel.sql.store.IndexLayout;
import io.phantomdb.kernel.sql.store.RangeCursor;
import io.phantomdb.kernel.sql.store.TableLayout;
import io.phantomdb.kernel.sql.store.TableReader;
import io.phantomdb.spi.storage.KeyValueReader;
import io.phantomdb.spi.storage.Keyspace;
import java.util.List;

/**
 * Reads rows through a secondary index: walks the index entries visible at the read timestamp in
 * key ranges (forward or in reverse), and either cuts the primary key out of each entry and fetches
 * the row as of the same timestamp, or (an index-only scan) decodes the columns the query needs
 * from the entry itself.
 *
 * <p>An index-only scan is exact because index entries are versioned like rows: every change of a
 * row's indexed values or primary key writes a deletion version of the old entry and a new entry at
 * the row's commit timestamp, so the live entries at a timestamp are exactly those of the rows
 * live then.
 */
public final class IndexScanOperator implements StoredRowSource {
  private final KeyValueReader reader;
  private final Keyspace data;
  private final TableLayout layout;
  private final IndexLayout index;
  private final KeyScan scan;
  private final long readTs;
  private final int[] visible;
  private final int[] keyTargets;
  private final int[] primaryTargets;
  private RangeCursor cursor;
  private Object[] current;

  /**
   * An index scan that fetches each row.
   *
   * @param reader the storage view
   * @param data the data keyspace
   * @param layout the table
   * @param index the secondary index to read
   * @param scan ranges of its entries' logical keys and the direction
   * @param readTs the read timestamp
   * @param visible positions, in a stored row, of the columns to return
   * @return the operator
   */
  public static IndexScanOperator fetching(KeyValueReader reader, Keyspace data, TableLayout layout, IndexLayout index,
      KeyScan scan, long readTs, int[] visible) {
    return new IndexScanOperator(reader, data, layout, index, scan, readTs, visible.clone(), null, null);
  }

  /**
   * An index-only scan: rows of {@code width} values with only the columns the entries hold
   * filled in (the others null).
   *
   * @param reader the storage view
   * @param data the data keyspace
   * @param layout the table
   * @param index the secondary index to read
   * @param scan ranges of its entries' logical keys and the direction
   * @param readTs the read timestamp
   * @param width the number of values per returned row
   * @param keyTargets for each index column, its position in a returned row, or -1 to skip it
   * @param primaryTargets for each primary key column, its position in a returned row, or -1
   * @return the operator
   */
  public static IndexScanOperator indexOnly(KeyValueReader reader, Keyspace data, TableLayout layout, IndexLayout index,
      KeyScan scan, long readTs, int width, int[] keyTargets, int[] primaryTargets) {
    return new IndexScanOperator(reader, data, layout, index, scan, readTs, new int[width], keyTargets.clone(),
        primaryTargets.clone());
  }

  private IndexScanOperator(KeyValueReader reader, Keyspace data, TableLayout layout, IndexLayout index, KeyScan scan,
      long readTs, int[] visible, int[] keyTargets, int[] primaryTargets) {
    this.reader = reader;
    this.data = data;
    this.layout = layout;
    this.index = index;
    this.scan = scan;
    this.readTs = readTs;
    this.visible = visible;
    this.keyTargets = keyTargets;
    this.primaryTargets = primaryTargets;
  }

  @Override
  public void open(ExecContext ctx) {
    cursor = new RangeCursor(reader, layout, data, scan.ranges(), readTs, scan.order());
  }

  @Override
  public Object[] next() {
    while (cursor.next()) {
      byte[] entry = VersionedKeys.logicalKey(cursor.key());
      KeyDecoder d = new KeyDecoder(entry, index.prefix().length, entry.length);
      if (keyTargets != null) {
        return decodeEntry(d);
      }
      for (KeyColumn c : index.keyColumns()) {
        d.skip(c);
      }
      byte[] primaryPrefix = layout.primary().prefix();
      byte[] pk = new byte[primaryPrefix.length + d.remaining()];
      System.arraycopy(primaryPrefix, 0, pk, 0, primaryPrefix.length);
      System.arraycopy(entry, d.position(), pk, primaryPrefix.length, d.remaining());
      Object[] stored = TableReader.get(reader, data, layout, pk, readTs);
      if (stored == null) {
        continue; // cannot happen when entries and rows are written together; be safe
      }
      current = stored;
      Object[] out = new Object[visible.length];
      for (int i = 0; i < visible.length; i++) {
        out[i] = stored[visible[i]];
      }
      return out;
    }
    current = null;
    return null;
  }

  private Object[] decodeEntry(KeyDecoder d) {
    Object[] out = new Object[visible.length];
    List<KeyColumn> keys = index.keyColumns();
    for (int i = 0; i < keys.size(); i++) {
      if (keyTargets[i] >= 0) {
        out[keyTargets[i]] = d.read(keys.get(i));
      } else {
        d.skip(keys.get(i));
      }
    }
    List<KeyColumn> primary = layout.primary().keyColumns();
    for (int i = 0; i < primary.size(); i++) {
      if (primaryTargets[i] >= 0) {
        out[primaryTargets[i]] = d.read(primary.get(i));
      } else {
        d.skip(primary.get(i));
      }
    }
    return out;
  }

  /** @return the stored row behind the last row returned (null for an index-only scan) */
  @Override
  public Object[] currentStoredRow() {
    return current;
  }

  @Override
  public TableLayout layout() {
    return layout;
  }

  @Override
  public void close() {
    if (cursor != null) {
      cursor.close();
      cursor = null;
    }
  }

  @Override
  public String describe() {
    return (keyTargets != null ? "Index Only Scan" : "Index Scan") + scan.backward() + " using "
        + index.index().name() + " on " + layout.table().name();
  }

  @Override
  public List<String> details() {
    return scan.details();
  }

  @Override
  public List<Operator> children() {
    return List.of();
  }
}
