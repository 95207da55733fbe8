package io.phantomdb.kernel.sql.exec;

import io.phantomdb.kernel.sql.encoding.KeyColumn;
import io.phantomdb.kernel.sql.encoding.KeyDecoder;
import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.kernel.sql.store.IndexLayout;
import io.phantomdb.kernel.sql.store.TableLayout;
import io.phantomdb.kernel.sql.store.TableReader;
import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.KeyValueReader;
import io.phantomdb.spi.storage.Keyspace;
import java.util.List;

/**
 * Reads rows through a secondary index: walks the index entries visible at the read timestamp in
 * a key range, cuts the primary key out of each entry, and fetches the row (as of the same
 * timestamp). Returns the columns SQL sees, like {@link TableScanOperator}.
 */
public final class IndexLookupOperator implements Operator {
  private final KeyValueReader reader;
  private final Keyspace data;
  private final TableLayout layout;
  private final IndexLayout index;
  private final KeyRange range;
  private final long readTs;
  private final int[] visible;
  private final String description;
  private TableReader.VersionedCursor cursor;

  /**
   * @param reader the storage view
   * @param data the data keyspace
   * @param layout the table
   * @param index the secondary index to read
   * @param range a range of its entries' logical keys
   * @param readTs the read timestamp
   * @param visible positions, in a stored row, of the columns to return
   * @param description the fixed columns, for EXPLAIN
   */
  public IndexLookupOperator(KeyValueReader reader, Keyspace data, TableLayout layout, IndexLayout index,
      KeyRange range, long readTs, int[] visible, String description) {
    this.reader = reader;
    this.data = data;
    this.layout = layout;
    this.index = index;
    this.range = range;
    this.readTs = readTs;
    this.visible = visible.clone();
    this.description = description;
  }

  @Override
  public void open(ExecContext ctx) {
    cursor = TableReader.scan(reader, data, layout, range, readTs);
  }

  @Override
  public Object[] next() {
    while (cursor.next()) {
      byte[] entry = VersionedKeys.logicalKey(cursor.key());
      KeyDecoder d = new KeyDecoder(entry, index.prefix().length, entry.length);
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
      Object[] out = new Object[visible.length];
      for (int i = 0; i < visible.length; i++) {
        out[i] = stored[visible[i]];
      }
      return out;
    }
    return null;
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
    return "Index Scan using " + index.index().name() + " on " + layout.table().name() + " (" + description + ")";
  }

  @Override
  public List<Operator> children() {
    return List.of();
  }
}
