package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.sql.parser.PhantomSqlParser;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql2rel.InitializerContext;
import org.apache.calcite.sql2rel.NullInitializerExpressionFactory;

/**
 * Column DEFAULTs for Calcite's INSERT conversion: a column left out of an INSERT, or given
 * {@code DEFAULT}, gets its declared default expression (parsed from the catalog's SQL text),
 * else NULL.
 */
final class ColumnDefaults extends NullInitializerExpressionFactory {
  private final List<ColumnDescriptor> columns;

  ColumnDefaults(TableDescriptor table) {
    this.columns = table.visibleColumns();
  }

  @Override
  public ColumnStrategy generationStrategy(RelOptTable table, int iColumn) {
    ColumnDescriptor c = columns.get(iColumn);
    if (c.defaultSql() != null) {
      return ColumnStrategy.DEFAULT;
    }
    return c.nullable() ? ColumnStrategy.NULLABLE : ColumnStrategy.NOT_NULLABLE;
  }

  @Override
  public RexNode newColumnDefaultValue(RelOptTable table, int iColumn, InitializerContext context) {
    ColumnDescriptor c = columns.get(iColumn);
    if (c.defaultSql() == null) {
      return super.newColumnDefaultValue(table, iColumn, context);
    }
    try {
      SqlNode expr = SqlParser.create(c.defaultSql(), PhantomSqlParser.config()).parseExpression();
      // validated first, so functions (nextval, now, ...) resolve to their operators
      RexNode value = context.convertExpression(context.validateExpression(table.getRowType(), expr));
      return context.getRexBuilder().makeCast(table.getRowType().getFieldList().get(iColumn).getType(), value, true, false);
    } catch (SqlParseException e) {
      throw new SqlException(SqlState.INTERNAL_ERROR,
          "the stored DEFAULT of column " + c.name() + " cannot be parsed: " + c.defaultSql(), null, null, e);
    }
  }
}
