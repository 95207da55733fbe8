package io.phantomdb.kernel.sql;

import io.phantomdb.kernel.sql.exec.ExecContext;
import io.phantomdb.kernel.sql.exec.Operator;
import java.util.List;

/** The {@link StatementResult}s the engine returns. */
public final class Results {
  private Results() {}

  /**
   * A statement that returns no rows.
   *
   * @param tag its command tag
   * @param count the rows it changed
   * @return the result
   */
  public static StatementResult command(String tag, long count) {
    return new StatementResult() {
      @Override
      public List<ColumnInfo> columns() {
        return List.of();
      }

      @Override
      public Object[] next() {
        return null;
      }

      @Override
      public String commandTag() {
        return tag;
      }

      @Override
      public long rowCount() {
        return count;
      }

      @Override
      public void close() {}
    };
  }

  /**
   * Rows computed on demand by an open operator tree; closing closes the tree and then releases
   * the statement's snapshot (the tree's reads need its versions until then). Reading past the
   * last row closes it too.
   *
   * @param snapshot the statement's read timestamp registration, released on close
   */
  static StatementResult rows(List<ColumnInfo> columns, Operator root, ExecContext ctx, String verb,
      io.phantomdb.kernel.txn.ActiveSnapshots.Registration snapshot) {
    root.open(ctx);
    return new StatementResult() {
      private long count;
      private boolean closed;

      @Override
      public List<ColumnInfo> columns() {
        return columns;
      }

      @Override
      public Object[] next() {
        if (closed) {
          return null;
        }
        Object[] row;
        try {
          row = root.next();
        } catch (RuntimeException e) {
          close();
          throw e;
        }
        if (row == null) {
          close();
          return null;
        }
        count++;
        return row;
      }

      @Override
      public String commandTag() {
        return verb + " " + count;
      }

      @Override
      public long rowCount() {
        return count;
      }

      @Override
      public void close() {
        if (!closed) {
          closed = true;
          try {
            root.close();
          } finally {
            snapshot.close();
          }
        }
      }
    };
  }

  /**
   * Rows already computed (EXPLAIN, SHOW).
   *
   * @param columns the columns
   * @param rows the rows
   * @param verb the command tag, or empty for {@code SELECT n}
   * @return the result
   */
  public static StatementResult list(List<ColumnInfo> columns, List<Object[]> rows, String verb) {
    java.util.Iterator<Object[]> it = rows.iterator();
    return new StatementResult() {
      @Override
      public List<ColumnInfo> columns() {
        return columns;
      }

      @Override
      public Object[] next() {
        return it.hasNext() ? it.next() : null;
      }

      @Override
      public String commandTag() {
        return verb.isEmpty() ? "SELECT " + rows.size() : verb;
      }

      @Override
      public long rowCount() {
        return rows.size();
      }

      @Override
      public void close() {}
    };
  }
}
