package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.catalog.ColumnDescriptor;
import io.phantomdb.kernel.sql.catalog.TableDescriptor;
import io.phantomdb.kernel.sql.type.CalciteTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * The {@code SET column = value} list of an UPDATE ... FROM or an ON CONFLICT DO UPDATE, checked
 * as PostgreSQL checks it: each column exists and is set once; a value is an expression, {@code
 * DEFAULT}, or a bare {@code NULL} (which a SELECT list cannot hold untyped, so both are planned as
 * placeholders and supplied at run time).
 *
 * @param columns the visible position of each column set
 * @param sources what each value is
 */
public record Assignments(int[] columns, Source[] sources) {
  /** What a value is. */
  public enum Source {
    /** an expression, planned in a SELECT list */
    EXPRESSION,
    /** {@code DEFAULT}: the column's default */
    DEFAULT,
    /** a bare {@code NULL} */
    NULL
  }

  /**
   * @param table the target table
   * @param targets the columns set
   * @param values their values
   * @return the checked assignments
   * @throws SqlException 42703 for an unknown column, 42601 for a column set twice
   */
  static Assignments of(TableDescriptor table, SqlNodeList targets, SqlNodeList values) {
    List<ColumnDescriptor> visible = table.visibleColumns();
    int[] columns = new int[targets.size()];
    Source[] sources = new Source[targets.size()];
    for (int j = 0; j < columns.length; j++) {
      SqlIdentifier id = (SqlIdentifier) targets.get(j);
      ColumnDescriptor c = id.names.size() == 1 ? table.column(id.names.get(0)).orElse(null) : null;
      if (c == null) {
        throw new SqlException(SqlState.UNDEFINED_COLUMN,
            "column \"" + id.names.get(0) + "\" of relation \"" + table.name() + "\" does not exist");
      }
      columns[j] = visible.indexOf(c);
      for (int i = 0; i < j; i++) {
        if (columns[i] == columns[j]) {
          throw new SqlException(SqlState.SYNTAX_ERROR, "multiple assignments to same column \"" + c.name() + "\"");
        }
      }
      SqlNode v = values.get(j);
      sources[j] = v.getKind() == SqlKind.DEFAULT ? Source.DEFAULT
          : v instanceof SqlLiteral lit && lit.getTypeName() == SqlTypeName.NULL ? Source.NULL : Source.EXPRESSION;
    }
    return new Assignments(columns, sources);
  }

  /**
   * @param values the values
   * @return the values for a SELECT list: expressions as they are, DEFAULT and NULL as {@code TRUE}
   */
  List<SqlNode> selectItems(SqlNodeList values) {
    List<SqlNode> out = new ArrayList<>();
    for (int j = 0; j < sources.length; j++) {
      out.add(sources[j] == Source.EXPRESSION ? values.get(j) : SqlLiteral.createBoolean(true, SqlParserPos.ZERO));
    }
    return out;
  }

  /**
   * Checks each expression's type can be stored in its column.
   *
   * @param table the target table
   * @param typeFactory the planner's type factory
   * @param types the expressions' types, in order
   * @throws SqlException 42804 as PostgreSQL's "column is of type ... but expression is of type"
   */
  void checkTypes(TableDescriptor table, RelDataTypeFactory typeFactory, List<RelDataType> types) {
    List<ColumnDescriptor> visible = table.visibleColumns();
    for (int j = 0; j < columns.length; j++) {
      if (sources[j] != Source.EXPRESSION) {
        continue;
      }
      ColumnDescriptor c = visible.get(columns[j]);
      RelDataType to = CalciteTypes.toRelDataType(typeFactory, c.type());
      RelDataType from = types.get(j);
      if (!SqlTypeUtil.canCastFrom(to, from, true)) {
        throw new SqlException(SqlState.DATATYPE_MISMATCH,
            "column \"" + c.name() + "\" is of type " + c.type().sqlName() + " but expression is of type "
                + CalciteTypes.toDataType(from).sqlName(), null,
            "You will need to rewrite or cast the expression.", null);
      }
    }
  }
}
