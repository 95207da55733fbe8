package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.expr.EvalContext;
import io.phantomdb.kernel.sql.store.TableLayout;
import io.phantomdb.kernel.sql.store.TableWriter;
import io.phantomdb.spi.storage.KeyValueReader;
import io.phantomdb.spi.storage.Keyspace;
import io.phantomdb.kernel.sql.exec.ModifyOperator;
import java.util.List;
import io.phantomdb.kernel.sql.expr.Expr;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * What planning one execution of a statement needs from the engine: the storage view and read
 * timestamp, the table layouts, the expression context, and (for DML) the writer of its changes.
 *
 * @param reader the storage snapshot the statement reads
 * @param data the data keyspace
 * @param readTs the read timestamp
 * @param layouts the layout of a table (cached per descriptor)
 * @param evalContext parameters and statement time
 * @param writer where INSERT, UPDATE and DELETE put their changes, or null for queries
 * @param checks the compiled CHECK constraints of a table
 * @param rowIds new hidden row ids, for tables without a primary key
 * @param defaults the compiled DEFAULT of a table's visible column (by position), or NULL's
 */
public record StatementEnv(
    KeyValueReader reader,
    Keyspace data,
    long readTs,
    Function<TableDescriptor, TableLayout> layouts,
    EvalContext evalContext,
    TableWriter writer,
    Function<TableDescriptor, List<ModifyOperator.Check>> checks,
    LongSupplier rowIds,
    BiFunction<TableDescriptor, Integer, Expr> defaults) {

  /**
   * @param table a table
   * @return its layout
   */
  public TableLayout layout(TableDescriptor table) {
    return layouts.apply(table);
  }
}
