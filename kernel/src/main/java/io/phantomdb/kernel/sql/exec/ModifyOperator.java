package io.phantomdb.kernel.sql.exec;

import io.phantomdb.kernel.sql.store.TableWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * INSERT, UPDATE or DELETE: consumes its input (the rows to insert, or the rows to change with
 * their new values) and writes each change through the statement's {@link TableWriter}, checking
 * NOT NULL and CHECK constraints first; an INSERT may resolve conflicts ({@link ConflictAction}).
 *
 * <p>The whole change is made on the first {@link #next()}. Without RETURNING the operator then
 * returns no rows (the count is the writer's, {@link TableWriter#changed()}); with RETURNING it
 * returns, after the change, one row per changed row: the RETURNING expressions over the row's
 * visible columns as stored (the new row of an INSERT or UPDATE, the old row of a DELETE).
 */
public final class ModifyOperator implements Operator {
  /** The kind of change. */
  public enum Kind { INSERT, UPDATE, DELETE }

  /** A CHECK constraint compiled over a row of the table's visible columns. */
  public record Check(String name, RowFunction condition) {}

  /**
   * How an input row maps to stored rows (each a value per live column).
   *
   * @param toStored INSERT: the stored row to insert (hidden row id assigned); else null
   * @param oldStored UPDATE and DELETE: the stored row the input row came from; else null
   * @param newStored UPDATE: the stored row that replaces it; else null
   */
  public record Rows(
      BiFunction<Object[], ExecContext, Object[]> toStored,
      BiFunction<Object[], ExecContext, Object[]> oldStored,
      BiFunction<Object[], ExecContext, Object[]> newStored) {}

  private final Kind kind;
  private final Operator input;
  private final ModifyTarget target;
  private final Rows rows;
  private final ConflictAction onConflict;
  private final RowFunction[] returning;
  private final boolean oncePerRow;
  private ExecContext ctx;
  private List<Object[]> out;
  private int position;
  private long inserted;
  private long conflicts;
  private boolean ran;

  /**
   * @param kind the change
   * @param input its rows
   * @param target the table written
   * @param rows how input rows map to stored rows
   * @param onConflict INSERT ... ON CONFLICT: what to do with a conflicting row; else null
   * @param returning the RETURNING expressions over a row of the table's visible columns, or null
   * @param oncePerRow true to change each target row at most once although the input may hold it
   *     several times (UPDATE ... FROM and DELETE ... USING: the first input row wins)
   */
  public ModifyOperator(Kind kind, Operator input, ModifyTarget target, Rows rows, ConflictAction onConflict,
      RowFunction[] returning, boolean oncePerRow) {
    this.kind = kind;
    this.input = input;
    this.target = target;
    this.rows = rows;
    this.onConflict = onConflict;
    this.returning = returning == null ? null : returning.clone();
    this.oncePerRow = oncePerRow;
  }

  @Override
  public void open(ExecContext context) {
    this.ctx = context;
    out = null;
    position = 0;
    input.open(context);
  }

  @Override
  public Object[] next() {
    if (out == null) {
      out = new ArrayList<>();
      change();
      ran = true;
    }
    return position < out.size() ? out.get(position++) : null;
  }

  private void change() {
    TableWriter writer = target.writer();
    Set<ByteBuffer> seen = oncePerRow ? new HashSet<>() : null;
    Object[] row;
    while ((row = input.next()) != null) {
      ctx.checkCancelled();
      switch (kind) {
        case INSERT -> insert(rows.toStored().apply(row, ctx));
        case UPDATE -> {
          Object[] old = rows.oldStored().apply(row, ctx);
          if ((seen == null || seen.add(primaryKey(old))) && writer.accepts(target.layout(), old)) {
            Object[] updated = rows.newStored().apply(row, ctx);
            target.validate(updated, ctx);
            writer.update(target.layout(), old, updated);
            emit(updated);
          }
        }
        case DELETE -> {
          Object[] old = rows.oldStored().apply(row, ctx);
          if ((seen == null || seen.add(primaryKey(old))) && writer.accepts(target.layout(), old)) {
            writer.delete(target.layout(), old);
            emit(old);
          }
        }
      }
    }
  }

  private void insert(Object[] stored) {
    target.validate(stored, ctx);
    if (onConflict != null) {
      TableWriter.Conflict conflict = onConflict.find(target, stored);
      if (conflict != null) {
        conflicts++;
        Object[] updated = onConflict.resolve(target, conflict, stored, ctx);
        if (updated != null) {
          target.validate(updated, ctx);
          target.writer().update(target.layout(), conflict.row(), updated);
          emit(updated);
        }
        return;
      }
    }
    target.writer().insert(target.layout(), stored);
    inserted++;
    emit(stored);
  }

  private ByteBuffer primaryKey(Object[] stored) {
    return ByteBuffer.wrap(target.layout().primary().keyOf(stored).toByteArray());
  }

  private void emit(Object[] stored) {
    if (returning == null) {
      return;
    }
    Object[] visible = target.visible(stored);
    Object[] result = new Object[returning.length];
    for (int i = 0; i < result.length; i++) {
      result[i] = returning[i].apply(visible, ctx);
    }
    out.add(result);
  }

  @Override
  public void close() {
    input.close();
  }

  @Override
  public String describe() {
    return kind.name().charAt(0) + kind.name().substring(1).toLowerCase() + " on " + target.layout().table().name();
  }

  @Override
  public List<String> details() {
    if (onConflict == null) {
      return List.of();
    }
    List<String> lines = new ArrayList<>(onConflict.details());
    if (ran) {
      lines.add("Tuples Inserted: " + inserted);
      lines.add("Conflicting Tuples: " + conflicts);
    }
    return lines;
  }

  @Override
  public List<Operator> children() {
    return List.of(input);
  }
}
