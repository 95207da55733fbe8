package io.phantomdb.kernel.sql.store;

import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.IndexDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.encoding.RowCodec;
import io.phantomdb.kernel.sql.type.TextCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything needed to read and write one table's rows: the row codec over its column slots, the
 * primary index layout and the secondary index layouts. Rows are arrays of the table's live
 * columns ({@link TableDescriptor#liveColumns()}), hidden row id included. Immutable; made once
 * per table descriptor version.
 *
 * @param table the table
 * @param rowCodec the codec of its stored rows
 * @param primary the primary index (the rows' keys)
 * @param secondary the secondary indexes
 */
public record TableLayout(TableDescriptor table, RowCodec rowCodec, IndexLayout primary, List<IndexLayout> secondary) {

  /**
   * @param table a table
   * @return its layout
   */
  public static TableLayout of(TableDescriptor table) {
    List<RowCodec.Column> slots = new ArrayList<>();
    for (ColumnDescriptor c : table.columns()) {
      Object missing = c.missingText() == null ? null : TextCodec.parse(c.missingText(), c.type());
      RowCodec.Column slot = new RowCodec.Column(c.id(), c.type().kind(), false, missing);
      slots.add(c.dropped() ? slot.drop() : slot);
    }
    List<IndexLayout> secondary = new ArrayList<>();
    for (IndexDescriptor i : table.secondaryIndexes()) {
      secondary.add(IndexLayout.of(table, i));
    }
    return new TableLayout(table, new RowCodec(slots), IndexLayout.of(table, table.primaryIndex()),
        List.copyOf(secondary));
  }

  /** @return the number of values in a row */
  public int width() {
    return rowCodec.columnCount();
  }
}
