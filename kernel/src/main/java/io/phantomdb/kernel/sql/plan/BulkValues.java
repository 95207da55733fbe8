package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TypeKind;
import io.phantomdb.sql.parser.PhantomSqlParser;
import io.phantomdb.sql.parser.dml.SqlPgInsert;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A many-row {@code INSERT ... VALUES} of literals ({@code VALUES (1, 'a'), (2, 'b'), ...}, more
 * than {@link LiteralParameterizer#MAX_LITERALS} literals), planned as the INSERT of ONE row of
 * parameters and run for every row: planning then costs the same for 1,000 rows as for one, and
 * the plan is cached by the statement's text outside its rows.
 *
 * <p>Each parameter takes its target column's type and each row's literals are converted to it
 * one row at a time, as PostgreSQL coerces each VALUES row of an INSERT to the target columns on
 * its own. Row items may be number, string, boolean and NULL literals, a minus before a number,
 * and DEFAULT where every row has it in the same position; anything else (expressions, casts,
 * typed literals such as {@code DATE '...'}, rows of different widths) leaves the statement to
 * the ordinary planning of its literals. A number or boolean is only taken for a column of its
 * own kind ({@link #fits}); otherwise the statement is planned as before too.
 */
public final class BulkValues {
  private static final String KEY_MARK = "\u0002bulk ";

  private final SqlInsert insert;
  private final String key;
  private final boolean[] isDefault;
  private final TypeKind[] literalKinds;
  private final List<Object[]> rows;

  private BulkValues(SqlInsert insert, String key, boolean[] isDefault, TypeKind[] literalKinds, List<Object[]> rows) {
    this.insert = insert;
    this.key = key;
    this.isDefault = isDefault;
    this.literalKinds = literalKinds;
    this.rows = rows;
  }

  /**
   * @param node a freshly parsed statement
   * @param sql the text it was parsed from
   * @return the statement as many rows of one parameterized row, or null if it is not such an
   *     INSERT (then nothing was changed)
   */
  public static BulkValues of(SqlNode node, String sql) {
    SqlInsert insert = node instanceof SqlPgInsert pg && !pg.isDefaultValues() ? pg.insert()
        : node instanceof SqlInsert i ? i : null;
    if (insert == null || insert.getSource().getKind() != SqlKind.VALUES) {
      return null;
    }
    List<SqlNode> rowNodes = ((SqlCall) insert.getSource()).getOperandList();
    if (rowNodes.size() < 2 || !(rowNodes.get(0) instanceof SqlCall first) || first.getKind() != SqlKind.ROW) {
      return null;
    }
    int width = first.operandCount();
    if (width == 0 || (long) width * rowNodes.size() <= LiteralParameterizer.MAX_LITERALS) {
      return null; // LiteralParameterizer makes a shared plan of it as it is
    }
    boolean[] isDefault = new boolean[width];
    for (int j = 0; j < width; j++) {
      isDefault[j] = first.operand(j).getKind() == SqlKind.DEFAULT;
    }
    TypeKind[] kinds = new TypeKind[width];
    List<Object[]> rows = new ArrayList<>(rowNodes.size());
    for (SqlNode rowNode : rowNodes) {
      if (!(rowNode instanceof SqlCall row) || row.getKind() != SqlKind.ROW || row.operandCount() != width) {
        return null;
      }
      Object[] values = new Object[width];
      for (int j = 0; j < width; j++) {
        SqlNode item = row.operand(j);
        if (isDefault[j] != (item.getKind() == SqlKind.DEFAULT)) {
          return null;
        }
        if (isDefault[j]) {
          continue;
        }
        Object v = value(item);
        if (v == NOT_A_LITERAL) {
          return null;
        }
        if (v != null) {
          TypeKind k = v instanceof String ? TypeKind.TEXT : v instanceof Boolean ? TypeKind.BOOLEAN : TypeKind.NUMERIC;
          if (kinds[j] == null || kinds[j] == TypeKind.TEXT) {
            kinds[j] = k;
          } else if (k != TypeKind.TEXT && k != kinds[j]) {
            return null; // numbers and booleans for one column: the ordinary planning decides
          }
        }
        values[j] = v;
      }
      rows.add(compact(values, isDefault));
    }
    int[] firstSpan = PhantomSqlParser.sourceSpan(sql, first.getParserPosition());
    int[] lastSpan = PhantomSqlParser.sourceSpan(sql, rowNodes.get(rowNodes.size() - 1).getParserPosition());
    if (firstSpan == null || lastSpan == null || sql.charAt(firstSpan[0]) != '(' || sql.charAt(lastSpan[1] - 1) != ')'
        || lastSpan[0] < firstSpan[1]) {
      return null;
    }
    // the prefix's length makes the split of the key into prefix, row and suffix unambiguous
    StringBuilder key = new StringBuilder(KEY_MARK).append(firstSpan[0]).append(' ').append(sql, 0, firstSpan[0]).append('(');
    int parameter = 0;
    for (int j = 0; j < width; j++) {
      key.append(j == 0 ? "" : ", ").append(isDefault[j] ? "DEFAULT" : "$" + ++parameter);
    }
    key.append(')').append(sql, lastSpan[1], sql.length());
    return new BulkValues(insert, key.toString(), isDefault, kinds, rows);
  }

  /** @return the plan cache key: the text outside the rows, with one row of parameters between */
  public String key() {
    return key;
  }

  /** @return each row's values, one per parameter ({@code $1} first) */
  public List<Object[]> rows() {
    return rows;
  }

  /** @return how many parameters the single-row INSERT has */
  public int parameterCount() {
    return rows.get(0).length;
  }

  /**
   * Changes the statement in place into the INSERT of one row of parameters (DEFAULT items kept);
   * parse the text again to plan it as it was.
   *
   * @return the statement to plan, with {@link #parameterCount} parameters of the columns' types
   */
  public SqlNode singleRow(SqlNode statement) {
    SqlCall values = (SqlCall) insert.getSource();
    SqlCall first = (SqlCall) values.operand(0);
    List<SqlNode> items = new ArrayList<>();
    int parameter = 0;
    for (int j = 0; j < isDefault.length; j++) {
      SqlNode item = first.operand(j);
      items.add(isDefault[j] ? item : new SqlDynamicParam(parameter++, item.getParserPosition()));
    }
    SqlNode row = SqlStdOperatorTable.ROW.createCall(first.getParserPosition(), items);
    insert.setOperand(2, SqlStdOperatorTable.VALUES.createCall(values.getParserPosition(), row));
    return statement;
  }

  /**
   * @param types the parameters' types in the single-row plan (the target columns')
   * @return whether every literal may go through its column's text input or cast: a number only
   *     into a numeric column, a boolean only into a boolean column
   */
  public boolean fits(List<DataType> types) {
    int parameter = 0;
    for (int j = 0; j < isDefault.length; j++) {
      if (isDefault[j]) {
        continue;
      }
      TypeKind to = types.get(parameter++).kind();
      if (literalKinds[j] == TypeKind.NUMERIC && !numeric(to) || literalKinds[j] == TypeKind.BOOLEAN && to != TypeKind.BOOLEAN) {
        return false;
      }
    }
    return true;
  }

  private static boolean numeric(TypeKind k) {
    return k == TypeKind.SMALLINT || k == TypeKind.INTEGER || k == TypeKind.BIGINT || k == TypeKind.REAL
        || k == TypeKind.DOUBLE || k == TypeKind.NUMERIC;
  }

  private static final Object NOT_A_LITERAL = new Object();

  /** A literal item's value in the class the parser's type gives it, null for NULL, or {@link #NOT_A_LITERAL}. */
  private static Object value(SqlNode item) {
    if (item instanceof SqlNumericLiteral n) {
      return number(n, false);
    }
    if (item instanceof SqlCharStringLiteral s) {
      return s.getValueAs(String.class);
    }
    if (item instanceof SqlLiteral l) {
      if (l.getTypeName() == SqlTypeName.NULL) {
        return null;
      }
      if (l.getTypeName() == SqlTypeName.BOOLEAN && l.getValue() != null) {
        return l.booleanValue();
      }
      return NOT_A_LITERAL;
    }
    if (item instanceof SqlBasicCall c && c.getKind() == SqlKind.MINUS_PREFIX && c.operandCount() == 1
        && c.operand(0) instanceof SqlNumericLiteral n) {
      return number(n, true);
    }
    return NOT_A_LITERAL;
  }

  /** As {@link LiteralParameterizer}: an integer as INTEGER or BIGINT if it fits, else NUMERIC; DOUBLE if approximate. */
  private static Object number(SqlNumericLiteral n, boolean negate) {
    BigDecimal d = n.getValueAs(BigDecimal.class);
    if (negate) {
      d = d.negate();
    }
    if (!n.isExact()) {
      return d.doubleValue();
    }
    if (d.scale() <= 0) {
      try {
        long l = d.longValueExact();
        return l == (int) l ? (Object) (int) l : (Object) l;
      } catch (ArithmeticException e) {
        return d;
      }
    }
    return d;
  }

  private static Object[] compact(Object[] values, boolean[] isDefault) {
    int n = 0;
    for (boolean b : isDefault) {
      n += b ? 0 : 1;
    }
    if (n == values.length) {
      return values;
    }
    Object[] out = new Object[n];
    int k = 0;
    for (int j = 0; j < values.length; j++) {
      if (!isDefault[j]) {
        out[k++] = values[j];
      }
    }
    return out;
  }
}
