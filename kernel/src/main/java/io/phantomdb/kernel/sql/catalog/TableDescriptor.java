package io.phantomdb.kernel.sql.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A table: its columns (in their SQL order), its indexes (the primary index first), its CHECK
 * constraints, and the counters that keep column and index ids unique for its lifetime.
 *
 * @param id the table id (the first part of every key of its rows and index entries)
 * @param schemaId its schema
 * @param name its name
 * @param columns every column ever created, in creation order (which is SQL order): the hidden
 *     row id and dropped columns included, since each keeps its slot in stored rows
 * @param indexes the primary index (id {@link IndexDescriptor#PRIMARY_INDEX_ID}) first, then
 *     secondary indexes
 * @param checks CHECK constraints
 * @param nextColumnId the id the next added column gets
 * @param nextIndexId the id the next created index gets
 */
public record TableDescriptor(
    int id,
    int schemaId,
    String name,
    List<ColumnDescriptor> columns,
    List<IndexDescriptor> indexes,
    List<CheckDescriptor> checks,
    int nextColumnId,
    int nextIndexId)
    implements CatalogObject {

  /** Copies the lists and checks the primary index comes first. */
  public TableDescriptor {
    columns = List.copyOf(columns);
    indexes = List.copyOf(indexes);
    checks = List.copyOf(checks);
    if (indexes.isEmpty() || !indexes.get(0).primary()) {
      throw new IllegalArgumentException("table " + name + " needs its primary index first");
    }
  }

  @Override
  public ObjectKind kind() {
    return ObjectKind.TABLE;
  }

  /** @return the primary index */
  @JsonIgnore
  public IndexDescriptor primaryIndex() {
    return indexes.get(0);
  }

  /** @return the secondary indexes */
  @JsonIgnore
  public List<IndexDescriptor> secondaryIndexes() {
    return indexes.subList(1, indexes.size());
  }

  /** @return the columns SQL sees (not hidden, not dropped), in order */
  @JsonIgnore
  public List<ColumnDescriptor> visibleColumns() {
    List<ColumnDescriptor> out = new ArrayList<>(columns.size());
    for (ColumnDescriptor c : columns) {
      if (!c.hidden() && !c.dropped()) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * @return the columns a stored row holds values for (not dropped; the hidden row id included),
   *     in order: the layout of the rows table scans produce
   */
  @JsonIgnore
  public List<ColumnDescriptor> liveColumns() {
    List<ColumnDescriptor> out = new ArrayList<>(columns.size());
    for (ColumnDescriptor c : columns) {
      if (!c.dropped()) {
        out.add(c);
      }
    }
    return out;
  }

  /** @return true if the table has no declared primary key and is keyed by a hidden row id */
  @JsonIgnore
  public boolean hasHiddenRowId() {
    return columns.stream().anyMatch(c -> c.hidden() && !c.dropped());
  }

  /**
   * @param columnName a column name
   * @return the column, if there is one of that name (hidden columns are not found)
   */
  public Optional<ColumnDescriptor> column(String columnName) {
    return columns.stream()
        .filter(c -> !c.hidden() && !c.dropped() && c.name().equals(columnName))
        .findFirst();
  }

  /**
   * Where each visible column sits in a scanned row: element {@code v} is the position in {@link
   * #liveColumns()} of the {@code v}-th of {@link #visibleColumns()}. One pass, no comparisons.
   *
   * @return the positions, one per visible column
   */
  public int[] visibleInLive() {
    int visibleCount = 0;
    for (ColumnDescriptor c : columns) {
      if (!c.hidden() && !c.dropped()) {
        visibleCount++;
      }
    }
    int[] out = new int[visibleCount];
    int live = 0;
    int v = 0;
    for (ColumnDescriptor c : columns) {
      if (c.dropped()) {
        continue;
      }
      if (!c.hidden()) {
        out[v++] = live;
      }
      live++;
    }
    return out;
  }

  /**
   * @param columnId a live column's id
   * @return the position of that column in {@link #liveColumns()}, i.e. in a scanned row
   * @throws IllegalArgumentException if the table has no such live column
   */
  public int positionOf(int columnId) {
    List<ColumnDescriptor> live = liveColumns();
    for (int i = 0; i < live.size(); i++) {
      if (live.get(i).id() == columnId) {
        return i;
      }
    }
    throw new IllegalArgumentException("table " + name + " has no column id " + columnId);
  }

  /**
   * @param indexName an index name
   * @return the index, if the table has one of that name
   */
  public Optional<IndexDescriptor> index(String indexName) {
    return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
  }

  /**
   * @param newColumns the new column list
   * @param newNextColumnId the new column id counter
   * @return a copy with other columns
   */
  public TableDescriptor withColumns(List<ColumnDescriptor> newColumns, int newNextColumnId) {
    return new TableDescriptor(id, schemaId, name, newColumns, indexes, checks, newNextColumnId, nextIndexId);
  }

  /**
   * @param newIndexes the new index list (primary first)
   * @param newNextIndexId the new index id counter
   * @return a copy with other indexes
   */
  public TableDescriptor withIndexes(List<IndexDescriptor> newIndexes, int newNextIndexId) {
    return new TableDescriptor(id, schemaId, name, columns, newIndexes, checks, nextColumnId, newNextIndexId);
  }

  /**
   * @param newChecks the new CHECK constraints
   * @return a copy with other checks
   */
  public TableDescriptor withChecks(List<CheckDescriptor> newChecks) {
    return new TableDescriptor(id, schemaId, name, columns, indexes, newChecks, nextColumnId, nextIndexId);
  }

  /**
   * @param newName the new name
   * @return a renamed copy
   */
  public TableDescriptor withName(String newName) {
    return new TableDescriptor(id, schemaId, newName, columns, indexes, checks, nextColumnId, nextIndexId);
  }
}
