package io.phantomdb.kernel.sql.plan;

import io.phantomdb.kernel.sql.type.CalciteTypes;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.sql.parser.PhantomSqlParser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWindow;

/**
 * Turns the number and string literals of a statement into parameters, so statements that
 * differ only in their constants ({@code SELECT * FROM t WHERE id = 7}, {@code ... id = 8}) share
 * one plan: the key is the text with each literal replaced by {@code $n}, plus the literals'
 * types (the parameters get exactly the literal's type, so validation and results do not
 * change), and the literal values become the parameter values.
 *
 * <p>Literals are left alone in ORDER BY and GROUP BY (where a number is a column position),
 * LIMIT / OFFSET, IN lists, window definitions and the select list of INSERT ... SELECT; statements with parameters of their own, or with more
 * than {@value #MAX_LITERALS} literals (bulk INSERTs, whose plan would only grow), are not
 * parameterized. The node is changed in place: parse the text again to plan it with its
 * literals. Should a parameterized statement fail to plan, the caller plans the original instead.
 */
public final class LiteralParameterizer {
  /** Above this many literals a statement keeps them. */
  static final int MAX_LITERALS = 64;

  private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[0-9.eE+-]+");

  /**
   * A parameterized statement.
   *
   * @param statement the statement with {@code $1..$n} in place of its literals
   * @param key the statement text with literals replaced and their types appended: the plan
   *     cache key
   * @param types the type of each parameter, {@code $1} first: the literal's, or null for a
   *     literal assigned to a column as it is (a VALUES item of an INSERT, an UPDATE's SET value),
   *     whose parameter takes the column's type as PostgreSQL's assignment would
   * @param values the literal values, in the Java classes of their types
   * @param spans where each parameter's literal was in the text: {begin, end} (end exclusive),
   *     {@code $1} first
   */
  public record Result(SqlNode statement, String key, List<RelDataType> types, Object[] values, int[][] spans) {}

  private record Found(int index, int begin, int end) {}

  /** A node refused a replaced operand after others took theirs: parse the statement again. */
  public static final class NodeChangedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NodeChangedException(Throwable cause) {
      super("the statement was changed half way while parameterizing it", cause);
    }
  }

  private final String sql;
  private final RelDataTypeFactory typeFactory;
  private final List<RelDataType> types = new ArrayList<>();
  private final List<Object> values = new ArrayList<>();
  private final List<Found> spans = new ArrayList<>();
  private final List<Runnable> replacements = new ArrayList<>();
  private final List<RelDataType> planTypes = new ArrayList<>();
  private boolean abandoned;
  private boolean assigned;

  private LiteralParameterizer(String sql, RelDataTypeFactory typeFactory) {
    this.sql = sql;
    this.typeFactory = typeFactory;
  }

  /**
   * @param statement a freshly parsed query, INSERT, UPDATE or DELETE (changed in place)
   * @param sql the text it was parsed from
   * @param typeFactory makes the parameters' types
   * @return the parameterized statement, or null (and the node unchanged) if it has no literals
   *     to replace or cannot be parameterized
   * @throws NodeChangedException if a node refused a replaced operand half way: the statement
   *     must be parsed again
   */
  public static Result parameterize(SqlNode statement, String sql, RelDataTypeFactory typeFactory) {
    if (sql.indexOf('$') >= 0 || sql.indexOf('?') >= 0) {
      return null; // parameters of its own (or text that looks like them): leave it
    }
    LiteralParameterizer p = new LiteralParameterizer(sql, typeFactory);
    try {
      p.walk(statement);
    } catch (ArithmeticException e) {
      return null; // a literal out of its own type's range
    }
    if (p.abandoned || p.values.isEmpty()) {
      return null;
    }
    String key = p.key();
    if (key == null) {
      return null;
    }
    try {
      p.replacements.forEach(Runnable::run);
    } catch (UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
      throw new NodeChangedException(e); // a node that cannot take a replaced operand
    }
    int[][] spans = new int[p.spans.size()][];
    for (Found f : p.spans) {
      spans[f.index()] = new int[] {f.begin(), f.end()};
    }
    return new Result(statement, key, java.util.Collections.unmodifiableList(new ArrayList<>(p.planTypes)),
        p.values.toArray(), spans);
  }

  private void walk(SqlNode node) {
    if (abandoned || node == null) {
      return;
    }
    if (node instanceof SqlNodeList list) {
      for (int i = 0; i < list.size(); i++) {
        SqlNode replaced = replace(list.get(i));
        if (replaced != null) {
          int at = i;
          replacements.add(() -> list.set(at, replaced));
        } else {
          walk(list.get(i));
        }
      }
      return;
    }
    if (!(node instanceof SqlCall call) || node instanceof SqlWindow) {
      return;
    }
    if (call instanceof SqlOrderBy orderBy) {
      walk(orderBy.query);
      return;
    }
    if (call instanceof SqlInsert insert && insert.getSource().getKind() == SqlKind.VALUES) {
      for (int i = 0; i < insert.getOperandList().size(); i++) {
        SqlNode operand = insert.getOperandList().get(i);
        if (operand == insert.getSource()) {
          for (SqlNode row : ((SqlCall) operand).getOperandList()) {
            if (row instanceof SqlCall r && r.getKind() == SqlKind.ROW) {
              List<SqlNode> items = r.getOperandList();
              for (int j = 0; j < items.size(); j++) {
                assigned = true;
                walkOperand(r, j, items.get(j));
                assigned = false;
              }
            } else {
              walk(row);
            }
          }
        } else {
          walk(operand);
        }
      }
      return;
    }
    if (call instanceof SqlUpdate update) {
      SqlNodeList sources = update.getSourceExpressionList();
      for (int i = 0; i < sources.size(); i++) {
        SqlNode replaced = replaceAssigned(sources.get(i));
        if (replaced != null) {
          int at = i;
          replacements.add(() -> sources.set(at, replaced));
        } else {
          walk(sources.get(i));
        }
      }
      for (SqlNode operand : update.getOperandList()) {
        if (operand != sources) {
          walk(operand);
        }
      }
      return;
    }
    if (call instanceof SqlInsert insert && insert.getSource() instanceof SqlSelect select) {
      // the select list is assigned to the columns with the literals' own lengths checked
      // (LiteralLengths): keep those literals, parameterize the rest of the query
      walkOperand(select, 2, select.getFrom());
      walkOperand(select, 3, select.getWhere());
      walkOperand(select, 5, select.getHaving());
      return;
    }
    if (call instanceof SqlSelect select) {
      walk(select.getSelectList());
      walkOperand(select, 2, select.getFrom());
      walkOperand(select, 3, select.getWhere());
      walkOperand(select, 5, select.getHaving());
      return;
    }
    List<SqlNode> operands = call.getOperandList();
    boolean inList = call.getKind() == SqlKind.IN || call.getKind() == SqlKind.NOT_IN;
    for (int i = 0; i < operands.size(); i++) {
      if (inList && operands.get(i) instanceof SqlNodeList) {
        continue; // an IN list of literals is planned as such
      }
      walkOperand(call, i, operands.get(i));
    }
  }

  private SqlNode replaceAssigned(SqlNode node) {
    assigned = true;
    try {
      return replace(node);
    } finally {
      assigned = false;
    }
  }

  private void walkOperand(SqlCall call, int i, SqlNode operand) {
    SqlNode replaced = replace(operand);
    if (replaced != null) {
      replacements.add(() -> call.setOperand(i, replaced));
    } else {
      walk(operand);
    }
  }

  /** A parameter standing for {@code node} if it is a literal to replace, else null. */
  private SqlNode replace(SqlNode node) {
    Object value;
    RelDataType type;
    if (node instanceof SqlNumericLiteral n) {
      type = n.createSqlType(typeFactory);
      DataType dt = CalciteTypes.toDataType(type);
      BigDecimal d = n.getValueAs(BigDecimal.class);
      value = switch (dt.kind()) {
        case SMALLINT -> d.shortValueExact();
        case INTEGER -> d.intValueExact();
        case BIGINT -> d.longValueExact();
        case REAL -> d.floatValue();
        case DOUBLE -> d.doubleValue();
        case NUMERIC -> d;
        default -> null;
      };
      if (value == null) {
        abandoned = true;
        return null;
      }
    } else if (node instanceof SqlCharStringLiteral s) {
      // PostgreSQL types a string literal as text where nothing else decides it, never as a
      // blank-padded char: a ' ' keeps its blank through ||
      RelDataType literalType = s.createSqlType(typeFactory);
      type = typeFactory.createTypeWithCharsetAndCollation(
          typeFactory.createSqlType(org.apache.calcite.sql.type.SqlTypeName.VARCHAR, literalType.getPrecision()),
          literalType.getCharset(), literalType.getCollation());
      value = s.getValueAs(String.class);
    } else {
      return null;
    }
    if (values.size() == MAX_LITERALS) {
      abandoned = true; // before finding its text: that costs a walk from the statement's start
      return null;
    }
    int[] span = PhantomSqlParser.sourceSpan(sql, node.getParserPosition());
    if (span == null || !looksLike(node, sql.substring(span[0], span[1]))) {
      abandoned = true;
      return null;
    }
    int index = values.size();
    values.add(value);
    types.add(type);
    planTypes.add(assigned ? null : type);
    spans.add(new Found(index, span[0], span[1]));
    return new SqlDynamicParam(index, node.getParserPosition());
  }

  /** Guards the key against a position that does not cover the literal's own text. */
  private static boolean looksLike(SqlNode literal, String text) {
    if (literal instanceof SqlNumericLiteral) {
      return NUMBER.matcher(text).matches();
    }
    return text.endsWith("'") && (text.startsWith("'") || text.regionMatches(true, 0, "e'", 0, 2));
  }

  private String key() {
    List<Found> ordered = new ArrayList<>(spans);
    ordered.sort(Comparator.comparingInt(Found::begin));
    StringBuilder b = new StringBuilder(sql.length() + 16 * ordered.size());
    int at = 0;
    for (Found f : ordered) {
      if (f.begin() < at) {
        abandoned = true; // overlapping spans: positions are not what they seem
        return null;
      }
      b.append(sql, at, f.begin()).append('$').append(f.index() + 1);
      at = f.end();
    }
    b.append(sql, at, sql.length()).append(" /*");
    for (RelDataType t : types) {
      b.append(' ').append(t.getFullTypeString());
    }
    for (int i = 0; i < planTypes.size(); i++) {
      if (planTypes.get(i) == null) {
        b.append(" =").append(i + 1);
      }
    }
    return b.append(" */").toString();
  }
}
