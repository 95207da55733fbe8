package io.phantomdb.kernel.sql.exec;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.store.TableLayout;
import io.phantomdb.kernel.sql.store.TableWriter;
import java.util.List;

/**
 * The table an INSERT, UPDATE or DELETE writes: its layout, the statement's writer, where its
 * visible columns sit in a stored row, and its CHECK constraints. Stored rows hold a value per live
 * column (the hidden row id included); SQL sees the visible ones.
 */
public final class ModifyTarget {
  private final TableLayout layout;
  private final TableWriter writer;
  private final int[] visibleInStored;
  private final List<ModifyOperator.Check> checks;

  /**
   * @param layout the table
   * @param writer where the statement's changes go
   * @param visibleInStored the position of each visible column in a stored row
   * @param checks the table's CHECK constraints, over a row of its visible columns
   */
  public ModifyTarget(TableLayout layout, TableWriter writer, int[] visibleInStored, List<ModifyOperator.Check> checks) {
    this.layout = layout;
    this.writer = writer;
    this.visibleInStored = visibleInStored.clone();
    this.checks = List.copyOf(checks);
  }

  /** @return the table */
  public TableLayout layout() {
    return layout;
  }

  /** @return the statement's writer */
  public TableWriter writer() {
    return writer;
  }

  /**
   * @param stored a stored row
   * @return its visible columns, in SQL order
   */
  public Object[] visible(Object[] stored) {
    Object[] out = new Object[visibleInStored.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = stored[visibleInStored[i]];
    }
    return out;
  }

  /**
   * Checks a row about to be written against the table's NOT NULL and CHECK constraints.
   *
   * @param stored the new stored row
   * @param ctx the execution context (for the CHECK expressions)
   * @throws SqlException 23502 or 23514
   */
  public void validate(Object[] stored, ExecContext ctx) {
    List<ColumnDescriptor> live = layout.table().liveColumns();
    for (int i = 0; i < stored.length; i++) {
      ColumnDescriptor c = live.get(i);
      if (stored[i] == null && !c.nullable()) {
        throw new SqlException(SqlState.NOT_NULL_VIOLATION,
            "null value in column \"" + c.name() + "\" of relation \"" + layout.table().name()
                + "\" violates not-null constraint");
      }
    }
    if (checks.isEmpty()) {
      return;
    }
    Object[] visible = visible(stored);
    for (ModifyOperator.Check check : checks) {
      if (Boolean.FALSE.equals(check.condition().apply(visible, ctx))) {
        throw new SqlException(SqlState.CHECK_VIOLATION,
            "new row for relation \"" + layout.table().name() + "\" violates check constraint \""
                + check.name() + "\"");
      }
    }
  }
}
