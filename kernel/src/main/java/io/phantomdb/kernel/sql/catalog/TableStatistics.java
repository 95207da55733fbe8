package io.phantomdb.kernel.sql.catalog;

import java.util.List;
import java.util.Optional;

/**
 * What ANALYZE found about one table, kept in the catalog beside the table (dropped with it).
 *
 * @param tableId the table's id
 * @param rowCount the number of rows when analyzed
 * @param columns per analyzed column
 * @param analyzedAt when, in microseconds since 1970 (the read timestamp of the scan)
 */
public record TableStatistics(int tableId, long rowCount, List<ColumnStatistics> columns, long analyzedAt) {
  /** Copies the list. */
  public TableStatistics {
    columns = List.copyOf(columns);
  }

  /**
   * @param columnId a column's id
   * @return its statistics, if it was analyzed
   */
  public Optional<ColumnStatistics> column(int columnId) {
    return columns.stream().filter(c -> c.columnId() == columnId).findFirst();
  }
}
