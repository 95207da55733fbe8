package io.phantomdb.kernel.sql.exec;

import io.phantomdb.kernel.sql.store.TableLayout;
import io.phantomdb.kernel.sql.store.TableReader;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.KeyValueReader;
import io.phantomdb.spi.storage.Keyspace;
import java.util.List;

/**
 * Reads a table's rows visible at the statement's read timestamp, in primary key order, from a
 * range of its primary index; returns the columns SQL sees ({@code visible} positions of the
 * stored row). Keeps the last stored row it returned, for UPDATE and DELETE.
 */
public final class TableScanOperator implements Operator {
  private final KeyValueReader reader;
  private final Keyspace data;
  private final TableLayout layout;
  private final KeyRange range;
  private final long readTs;
  private final int[] visible;
  private final String rangeDescription;
  private TableReader.VersionedCursor cursor;
  private Object[] current;

  /**
   * @param reader the storage snapshot
   * @param data the data keyspace
   * @param layout the table
   * @param range the primary-key range to read
   * @param readTs the read timestamp
   * @param visible positions, in a stored row, of the columns to return
   * @param rangeDescription the range as text for EXPLAIN, or "" for a full scan
   */
  public TableScanOperator(KeyValueReader reader, Keyspace data, TableLayout layout, KeyRange range,
      long readTs, int[] visible, String rangeDescription) {
    this.reader = reader;
    this.data = data;
    this.layout = layout;
    this.range = range;
    this.readTs = readTs;
    this.visible = visible.clone();
    this.rangeDescription = rangeDescription;
  }

  @Override
  public void open(ExecContext ctx) {
    cursor = TableReader.scan(reader, data, layout, range, readTs);
  }

  @Override
  public Object[] next() {
    if (!cursor.next()) {
      current = null;
      return null;
    }
    current = layout.rowCodec().decode(cursor.value());
    Object[] out = new Object[visible.length];
    for (int i = 0; i < visible.length; i++) {
      out[i] = current[visible[i]];
    }
    return out;
  }

  /** @return the whole stored row last returned (hidden row id included), or null */
  public Object[] currentStoredRow() {
    return current;
  }

  /** @return the table read */
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
    return (rangeDescription.isEmpty() ? "Seq Scan on " : "Index Scan using " + layout.primary().index().name() + " on ")
        + layout.table().name() + (rangeDescription.isEmpty() ? "" : " (" + rangeDescription + ")");
  }

  @Override
  public List<Operator> children() {
    return List.of();
  }
}
