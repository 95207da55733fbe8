package io.phantomdb.kernel.sql.store;

import io.phantomdb.kernel.sql.catalog.IndexColumn;
import io.phantomdb.kernel.sql.catalog.IndexDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.encoding.KeyColumn;
import io.phantomdb.kernel.sql.encoding.KeyEncoder;
import java.util.ArrayList;
import java.util.List;

/**
 * How one index's keys are built from a table row: its key columns (type, direction, NULL
 * placement) and their positions in a row of the table's live columns.
 *
 * @param index the index
 * @param keyColumns the encodings of its key columns
 * @param positions the position of each key column in a row
 * @param prefix the encoded {@code tableId | indexId} every key of the index starts with
 */
public record IndexLayout(IndexDescriptor index, List<KeyColumn> keyColumns, int[] positions, byte[] prefix) {

  static IndexLayout of(TableDescriptor table, IndexDescriptor index) {
    List<KeyColumn> cols = new ArrayList<>();
    int[] positions = new int[index.columns().size()];
    int i = 0;
    for (IndexColumn ic : index.columns()) {
      int pos = table.positionOf(ic.columnId());
      positions[i++] = pos;
      cols.add(new KeyColumn(table.liveColumns().get(pos).type(), ic.descending(), ic.nullsFirst()));
    }
    return new IndexLayout(index, List.copyOf(cols), positions,
        KeyEncoder.tableIndexPrefix(table.id(), index.id()));
  }

  /**
   * Encodes this index's key columns of {@code row} after the prefix.
   *
   * @param row a table row
   * @return an encoder holding {@code prefix | key columns}, ready for more
   */
  public KeyEncoder keyOf(Object[] row) {
    return new KeyEncoder(64).appendEncoded(prefix, 0, prefix.length).appendAll(keyColumns, row, positions);
  }

  /**
   * @param row a table row
   * @return true if a key column of the row is NULL (such entries never conflict in a unique index)
   */
  public boolean hasNullKey(Object[] row) {
    for (int p : positions) {
      if (row[p] == null) {
        return true;
      }
    }
    return false;
  }
}
