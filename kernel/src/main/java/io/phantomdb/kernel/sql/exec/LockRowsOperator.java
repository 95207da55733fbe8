package io.phantomdb.kernel.sql.exec;

import io.phantomdb.kernel.sql.store.TableLayout;
import io.phantomdb.kernel.txn.lock.RowLockMode;
import io.phantomdb.kernel.txn.lock.WaitPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's LockRows: locks, for each row of its input, the row of each locked table it came
 * from ({@code SELECT ... FOR UPDATE} and the like), and passes the row on once every lock is
 * held; a row whose lock SKIP LOCKED found taken is left out. It runs below LIMIT / OFFSET, so
 * skipped rows do not count (and rows OFFSET skips are locked, as in PostgreSQL).
 *
 * <p>The input carries each locked table's primary key columns; the locker takes the lock and
 * decides what a change since the statement's snapshot means (a restart or 40001).
 */
public final class LockRowsOperator implements Operator {
  /** Takes one row lock. */
  @FunctionalInterface
  public interface RowLocker {
    /**
     * @param table the table
     * @param logicalKey the row's primary key as stored (without a version)
     * @param mode the lock strength
     * @param wait what to do if another transaction holds a conflicting lock
     * @return false if SKIP LOCKED found the row locked
     */
    boolean lock(TableLayout table, byte[] logicalKey, RowLockMode mode, WaitPolicy.Kind wait);
  }

  /**
   * A table whose rows are locked.
   *
   * @param layout the table
   * @param keyFields positions, in an input row, of its primary key columns (primary index order)
   * @param mode the lock strength
   * @param waitKind the wait policy
   */
  public record Target(TableLayout layout, int[] keyFields, RowLockMode mode, WaitPolicy.Kind waitKind) {}

  private final Operator input;
  private final List<Target> targets;
  private final RowLocker locker;

  /**
   * @param input the rows to lock
   * @param targets the tables locked
   * @param locker takes the locks
   */
  public LockRowsOperator(Operator input, List<Target> targets, RowLocker locker) {
    this.input = input;
    this.targets = List.copyOf(targets);
    this.locker = locker;
  }

  @Override
  public void open(ExecContext ctx) {
    input.open(ctx);
  }

  @Override
  public Object[] next() {
    Object[] row;
    rows:
    while ((row = input.next()) != null) {
      for (Target t : targets) {
        if (!locker.lock(t.layout(), keyOf(t, row), t.mode(), t.waitKind())) {
          continue rows;
        }
      }
      return row;
    }
    return null;
  }

  private static byte[] keyOf(Target t, Object[] row) {
    Object[] stored = new Object[t.layout().width()];
    int[] positions = t.layout().primary().positions();
    for (int i = 0; i < positions.length; i++) {
      stored[positions[i]] = row[t.keyFields()[i]];
    }
    return t.layout().primary().keyOf(stored).toByteArray();
  }

  @Override
  public void close() {
    input.close();
  }

  @Override
  public String describe() {
    return "LockRows";
  }

  @Override
  public List<String> details() {
    List<String> out = new ArrayList<>();
    for (Target t : targets) {
      out.add(t.mode().sqlName() + " of " + t.layout().table().name()
          + (t.waitKind() == WaitPolicy.Kind.WAIT ? "" : t.waitKind() == WaitPolicy.Kind.NOWAIT ? " NOWAIT" : " SKIP LOCKED"));
    }
    return out;
  }

  @Override
  public List<Operator> children() {
    return List.of(input);
  }
}
