package io.phantomdb.kernel.sql.exec;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.store.TableLayout;
import io.phantomdb.kernel.sql.store.TableWriter;
import java.util.List;
import java.util.function.Function;

/**
 * INSERT, UPDATE or DELETE: consumes its input (the rows to insert, or the rows to change with
 * their new values) and writes each change through the statement's {@link TableWriter}, checking
 * NOT NULL and CHECK constraints first. Returns one row: the number of rows changed.
 */
public final class ModifyOperator implements Operator {
  /** The kind of change. */
  public enum Kind { INSERT, UPDATE, DELETE }

  /** A CHECK constraint compiled over a row of the table's visible columns. */
  public record Check(String name, RowFunction condition) {}

  private final Kind kind;
  private final Operator input;
  private final TableLayout table;
  private final TableWriter writer;
  private final Function<Object[], Object[]> toStored;
  private final Function<Object[], Object[]> oldStored;
  private final Function<Object[], Object[]> newStored;
  private final int[] visibleInStored;
  private final List<Check> checks;
  private ExecContext ctx;
  private boolean done;

  /**
   * @param kind the change
   * @param input its rows
   * @param table the target table
   * @param writer where changes go
   * @param toStored INSERT: an input row to a stored row (hidden row id assigned)
   * @param oldStored UPDATE/DELETE: an input row to the stored row it came from
   * @param newStored UPDATE: an input row to the new stored row
   * @param visibleInStored positions of the visible columns in a stored row (for CHECKs)
   * @param checks the table's CHECK constraints
   */
  public ModifyOperator(Kind kind, Operator input, TableLayout table, TableWriter writer,
      Function<Object[], Object[]> toStored, Function<Object[], Object[]> oldStored,
      Function<Object[], Object[]> newStored, int[] visibleInStored, List<Check> checks) {
    this.kind = kind;
    this.input = input;
    this.table = table;
    this.writer = writer;
    this.toStored = toStored;
    this.oldStored = oldStored;
    this.newStored = newStored;
    this.visibleInStored = visibleInStored.clone();
    this.checks = List.copyOf(checks);
  }

  @Override
  public void open(ExecContext context) {
    this.ctx = context;
    done = false;
    input.open(context);
  }

  @Override
  public Object[] next() {
    if (done) {
      return null;
    }
    long before = writer.changed();
    Object[] row;
    while ((row = input.next()) != null) {
      switch (kind) {
        case INSERT -> {
          Object[] stored = toStored.apply(row);
          validate(stored);
          writer.insert(table, stored);
        }
        case UPDATE -> {
          Object[] old = oldStored.apply(row);
          Object[] updated = newStored.apply(row);
          validate(updated);
          writer.update(table, old, updated);
        }
        case DELETE -> writer.delete(table, oldStored.apply(row));
      }
    }
    done = true;
    return new Object[] {writer.changed() - before};
  }

  private void validate(Object[] stored) {
    List<ColumnDescriptor> live = table.table().liveColumns();
    for (int i = 0; i < stored.length; i++) {
      ColumnDescriptor c = live.get(i);
      if (stored[i] == null && !c.nullable()) {
        throw new SqlException(SqlState.NOT_NULL_VIOLATION,
            "null value in column \"" + c.name() + "\" of relation \"" + table.table().name()
                + "\" violates not-null constraint");
      }
    }
    if (!checks.isEmpty()) {
      Object[] visible = new Object[visibleInStored.length];
      for (int i = 0; i < visible.length; i++) {
        visible[i] = stored[visibleInStored[i]];
      }
      for (Check check : checks) {
        if (Boolean.FALSE.equals(check.condition().apply(visible, ctx))) {
          throw new SqlException(SqlState.CHECK_VIOLATION,
              "new row for relation \"" + table.table().name() + "\" violates check constraint \""
                  + check.name() + "\"");
        }
      }
    }
  }

  @Override
  public void close() {
    input.close();
  }

  @Override
  public String describe() {
    return kind.name().charAt(0) + kind.name().substring(1).toLowerCase() + " on " + table.table().name();
  }

  @Override
  public List<Operator> children() {
    return List.of(input);
  }
}
