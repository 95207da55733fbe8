package io.phantomdb.kernel.sql.exec;

import io.phantomdb.kernel.sql.store.RangeCursor;
import io.phantomdb.kernel.sql.store.TableLayout;
import io.phantomdb.spi.storage.KeyValueReader;
import io.phantomdb.spi.storage.Keyspace;
import jakarta.annotation.Nullable;
import java.util.List;

/**
 * Reads a table's rows visible at the statement's read timestamp from ranges of its primary index,
 * in primary key order (or its reverse); returns the columns SQL sees ({@code visible} positions
 * of the stored row). Keeps the last stored row it returned, for UPDATE and DELETE. EXPLAIN calls
 * it a Seq Scan when it reads the whole table in key order for no reason of its own, else an
 * Index Scan of the primary key. A query's scan may decode only the columns the query reads.
 */
public final class TableScanOperator implements StoredRowSource {
  private final KeyValueReader reader;
  private final Keyspace data;
  private final TableLayout layout;
  private final KeyScan scan;
  private final long readTs;
  private final int[] visible;
  private final boolean indexScan;
  private final boolean[] decoded;
  private RangeCursor cursor;
  private Object[] current;

  /**
   * @param reader the storage snapshot
   * @param data the data keyspace
   * @param layout the table
   * @param scan the primary-key ranges to read and the direction
   * @param readTs the read timestamp
   * @param visible positions, in a stored row, of the columns to return
   * @param indexScan true to show it as an index scan of the primary key (false: a Seq Scan)
   * @param decoded per live column, whether to decode it (the others read as NULL: the query does
   *     not look at them; then {@link #currentStoredRow} is partial); null for all
   */
  public TableScanOperator(KeyValueReader reader, Keyspace data, TableLayout layout, KeyScan scan,
      long readTs, int[] visible, boolean indexScan, @Nullable boolean[] decoded) {
    this.reader = reader;
    this.data = data;
    this.layout = layout;
    this.scan = scan;
    this.readTs = readTs;
    this.visible = visible.clone();
    this.indexScan = indexScan;
    this.decoded = decoded == null ? null : decoded.clone();
  }

  @Override
  public void open(ExecContext ctx) {
    cursor = new RangeCursor(reader, layout, data, scan.ranges(), readTs, scan.order());
  }

  @Override
  public Object[] next() {
    if (!cursor.next()) {
      current = null;
      return null;
    }
    current = layout.rowCodec().decodeStored(cursor.value(), decoded);
    Object[] out = new Object[visible.length];
    for (int i = 0; i < visible.length; i++) {
      out[i] = current[visible[i]];
    }
    return out;
  }

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
    if (!indexScan) {
      return "Seq Scan on " + layout.table().name();
    }
    return "Index Scan" + scan.backward() + " using " + layout.primary().index().name() + " on " + layout.table().name();
  }

  @Override
  public List<String> details() {
    return indexScan ? scan.details() : List.of();
  }

  @Override
  public List<Operator> children() {
    return List.of();
  }
}
