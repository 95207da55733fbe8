package io.phantomdb.kernel.sql.exec;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.store.IndexLayout;
import io.phantomdb.kernel.sql.store.TableWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * INSERT's {@code ON CONFLICT} clause at run time, as PostgreSQL runs it: a proposed row whose key
 * in an arbiter index equals that of a live row (committed, or written earlier by the same
 * statement) is not inserted; DO NOTHING skips it, DO UPDATE computes the existing row's new values
 * from the existing row and the proposed one ({@code EXCLUDED}), unless its WHERE is not true. A
 * row the statement already inserted or updated cannot be updated again (21000).
 */
public final class ConflictAction {
  private final List<IndexLayout> arbiters;
  private final boolean inferred;
  private final int[] targets;
  private final RowFunction[] values;
  private final RowFunction where;
  private final String whereText;

  /**
   * @param arbiters the unique indexes (the primary one included) checked for a conflict
   * @param inferred true if the statement named a conflict target (EXPLAIN lists the arbiters)
   * @param targets DO UPDATE: the stored-row positions of the columns set; null for DO NOTHING
   * @param values DO UPDATE: their new values, over {@code existing visible row ++ proposed
   *     visible row}, already converted to the columns' types
   * @param where DO UPDATE: the condition over the same row, or null
   * @param whereText the condition as text, for EXPLAIN
   */
  public ConflictAction(List<IndexLayout> arbiters, boolean inferred, int[] targets, RowFunction[] values,
      RowFunction where, String whereText) {
    this.arbiters = List.copyOf(arbiters);
    this.inferred = inferred;
    this.targets = targets == null ? null : targets.clone();
    this.values = values == null ? null : values.clone();
    this.where = where;
    this.whereText = whereText;
  }

  /** @return true for DO NOTHING */
  public boolean doNothing() {
    return targets == null;
  }

  /**
   * @param target the table
   * @param proposed the stored row proposed for insertion
   * @return the live row it conflicts with in an arbiter index, or null to insert it
   */
  public TableWriter.Conflict find(ModifyTarget target, Object[] proposed) {
    for (IndexLayout idx : arbiters) {
      TableWriter.Conflict c = target.writer().conflicting(target.layout(), idx, proposed);
      if (c != null) {
        return c;
      }
    }
    return null;
  }

  /**
   * @param target the table
   * @param conflict the existing row
   * @param proposed the stored row proposed for insertion
   * @param ctx the execution context
   * @return the existing row's new stored values, or null to leave it alone
   * @throws SqlException 21000 if DO UPDATE meets a row this statement already wrote
   */
  public Object[] resolve(ModifyTarget target, TableWriter.Conflict conflict, Object[] proposed, ExecContext ctx) {
    if (doNothing()) {
      return null;
    }
    if (conflict.writtenHere()) {
      throw new SqlException(SqlState.CARDINALITY_VIOLATION,
          "ON CONFLICT DO UPDATE command cannot affect row a second time", null,
          "Ensure that no rows proposed for insertion within the same command have duplicate constrained values.",
          null);
    }
    Object[] existing = target.visible(conflict.row());
    Object[] excluded = target.visible(proposed);
    Object[] both = new Object[existing.length + excluded.length];
    System.arraycopy(existing, 0, both, 0, existing.length);
    System.arraycopy(excluded, 0, both, existing.length, excluded.length);
    if (where != null && !Boolean.TRUE.equals(where.apply(both, ctx))) {
      return null;
    }
    Object[] updated = conflict.row().clone();
    for (int j = 0; j < targets.length; j++) {
      updated[targets[j]] = values[j].apply(both, ctx);
    }
    return updated;
  }

  /** @return EXPLAIN's lines for the clause */
  public List<String> details() {
    List<String> out = new ArrayList<>();
    out.add("Conflict Resolution: " + (doNothing() ? "NOTHING" : "UPDATE"));
    if (inferred) {
      out.add("Conflict Arbiter Indexes: " + String.join(", ", arbiters.stream().map(i -> i.index().name()).toList()));
    }
    if (where != null) {
      out.add("Conflict Filter: " + whereText);
    }
    return out;
  }
}
