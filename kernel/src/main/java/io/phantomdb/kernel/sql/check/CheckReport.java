package io.phantomdb.kernel.sql.check;

import java.util.List;

/**
 * What {@link DatabaseCheck} found.
 *
 * @param tables one result per table, in catalog order (database, schema, name)
 * @param problems the damage outside tables' rows and entries: catalog entries, sequence states,
 *     stored keys that belong to no table or index
 */
public record CheckReport(List<TableResult> tables, List<Problem> problems) {
  /** Copies the lists. */
  public CheckReport {
    tables = List.copyOf(tables);
    problems = List.copyOf(problems);
  }

  /**
   * One damaged thing.
   *
   * @param relation the table, index, sequence or catalog area it belongs to
   * @param key the stored key, decoded where possible ({@code Key (id)=(42)}), else hex
   * @param what what is wrong
   */
  public record Problem(String relation, String key, String what) {
    @Override
    public String toString() {
      return relation + ": " + key + ": " + what;
    }
  }

  /**
   * The result for one table.
   *
   * @param name {@code database.schema.table}
   * @param rowVersions stored versions of its rows, tombstones and old versions included
   * @param liveRows rows live in the newest state
   * @param indexes secondary indexes checked
   * @param indexEntries live entries of those indexes in the newest state
   * @param problems what is damaged
   */
  public record TableResult(String name, long rowVersions, long liveRows, int indexes, long indexEntries,
      List<Problem> problems) {
    /** Copies the list. */
    public TableResult {
      problems = List.copyOf(problems);
    }
  }

  /** @return the number of problems found, in tables and elsewhere */
  public long problemCount() {
    return problems.size() + tables.stream().mapToLong(t -> t.problems().size()).sum();
  }

  /** @return true if nothing is damaged */
  public boolean clean() {
    return problemCount() == 0;
  }
}
