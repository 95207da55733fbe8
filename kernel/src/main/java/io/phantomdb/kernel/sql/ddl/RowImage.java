package io.phantomdb.kernel.sql.ddl;

import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.IndexDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.encoding.VersionedKeys;
import io.phantomdb.kernel.sql.store.TableLayout;
import io.phantomdb.kernel.sql.store.TableReader;
import io.phantomdb.kernel.sql.type.TextCodec;
import io.phantomdb.spi.storage.KeyValueReader;
import io.phantomdb.spi.storage.Keyspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a table being altered, in memory (an ALTER that must see the rows builds its whole
 * write batch in memory anyway): the rows as stored, and the same rows as the ALTER's actions so
 * far have them. The i-th working row is the i-th stored row, converted. Not thread-safe.
 */
final class RowImage {
  private final TableDescriptor storedTable;
  private final List<Object[]> stored;
  private TableDescriptor shape;
  private List<Object[]> rows;
  private boolean rewritten;

  private RowImage(TableDescriptor storedTable, List<Object[]> stored) {
    this.storedTable = storedTable;
    this.stored = stored;
    this.shape = storedTable;
    this.rows = stored;
  }

  /**
   * Reads every row of a table.
   *
   * @param reader the storage
   * @param data the data keyspace
   * @param layout the table's committed layout
   * @param readTs the latest commit timestamp
   * @return the rows
   */
  static RowImage read(KeyValueReader reader, Keyspace data, TableLayout layout, long readTs) {
    List<Object[]> rows = new ArrayList<>();
    TableDescriptor t = layout.table();
    try (TableReader.VersionedCursor c = TableReader.scan(reader, data, layout,
        VersionedKeys.indexRange(t.id(), IndexDescriptor.PRIMARY_INDEX_ID), readTs)) {
      while (c.next()) {
        rows.add(layout.rowCodec().decodeStored(c.value()));
      }
    }
    return new RowImage(t, rows);
  }

  /** @return the table as stored */
  TableDescriptor storedTable() {
    return storedTable;
  }

  /** @return the rows as stored, each over the stored table's live columns */
  List<Object[]> stored() {
    return stored;
  }

  /** @return the number of rows */
  int size() {
    return stored.size();
  }

  /** @return true if a column's values were set (so every row must be written again) */
  boolean rewritten() {
    return rewritten;
  }

  /**
   * The working rows over a table's live columns: values of columns the rows had are kept (by
   * column id), columns added since get their missing value (the DEFAULT taken at ALTER time).
   *
   * @param table the table as altered so far
   * @return the rows, each over {@code table.liveColumns()}; the list and arrays stay owned here
   */
  List<Object[]> rows(TableDescriptor table) {
    if (table.equals(shape)) {
      return rows;
    }
    List<ColumnDescriptor> from = shape.liveColumns();
    Map<Integer, Integer> position = new HashMap<>();
    for (int i = 0; i < from.size(); i++) {
      position.put(from.get(i).id(), i);
    }
    List<ColumnDescriptor> to = table.liveColumns();
    int[] source = new int[to.size()];
    Object[] missing = new Object[to.size()];
    for (int i = 0; i < to.size(); i++) {
      ColumnDescriptor c = to.get(i);
      source[i] = position.getOrDefault(c.id(), -1);
      missing[i] = c.missingText() == null ? null : TextCodec.parse(c.missingText(), c.type());
    }
    List<Object[]> out = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      Object[] r = new Object[to.size()];
      for (int i = 0; i < r.length; i++) {
        r[i] = source[i] >= 0 ? row[source[i]] : missing[i];
      }
      out.add(r);
    }
    shape = table;
    rows = out;
    return rows;
  }

  /**
   * Sets one column of every working row (a converted or generated value).
   *
   * @param table the table as altered so far, with the column
   * @param columnId the column
   * @param values one value per row, in row order
   */
  void set(TableDescriptor table, int columnId, List<Object> values) {
    List<Object[]> current = rows(table);
    if (current == stored) { // the stored rows stay as read
      current = new ArrayList<>(stored.size());
      for (Object[] row : stored) {
        current.add(row.clone());
      }
      rows = current;
    }
    int pos = table.positionOf(columnId);
    for (int i = 0; i < current.size(); i++) {
      current.get(i)[pos] = values.get(i);
    }
    rewritten = true;
  }
}
