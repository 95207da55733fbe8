package io.phantomdb.sql.parser.stmt;

import io.phantomdb.sql.parser.SqlWriterSupport;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * {@code SET [SESSION | LOCAL] name {TO | =} {value [, ...] | DEFAULT}} and
 * {@code SET [SESSION | LOCAL] TIME ZONE {value | LOCAL | DEFAULT}} (whose name is
 * {@code timezone}, as in PostgreSQL). Each value is a literal (string, number, boolean) or an
 * identifier (a bare word such as {@code on} or {@code public}); {@link #valueText()} gives them
 * as PostgreSQL's text form.
 */
public final class SqlSetVariable extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("SET", SqlKind.OTHER);

  /** The scope written after SET. */
  public enum Scope {
    /** SET or SET SESSION: for the rest of the session. */
    SESSION,
    /** SET LOCAL: until the end of the current transaction. */
    LOCAL
  }

  private final Scope scope;
  private final SqlIdentifier name;
  private final SqlNodeList values;

  /**
   * @param scope SESSION (also for a plain SET) or LOCAL
   * @param values the values, or null for DEFAULT
   */
  public SqlSetVariable(SqlParserPos pos, Scope scope, SqlIdentifier name, SqlNodeList values) {
    super(pos);
    this.scope = Objects.requireNonNull(scope, "scope");
    this.name = Objects.requireNonNull(name, "name");
    this.values = values;
  }

  /** @return SESSION or LOCAL */
  public Scope scope() {
    return scope;
  }

  /** @return the variable name as an identifier */
  public SqlIdentifier name() {
    return name;
  }

  /** @return the variable name, dotted if qualified ({@code myapp.user_id}) */
  public String nameText() {
    return String.join(".", name.names);
  }

  /** @return the values, or null for DEFAULT */
  public SqlNodeList values() {
    return values;
  }

  /** @return true for {@code TO DEFAULT} (and {@code TIME ZONE LOCAL}) */
  public boolean isDefault() {
    return values == null;
  }

  /**
   * @return the values as PostgreSQL's text form joined with {@code ", "} (string literals
   *     unquoted, identifiers as their name), or null for DEFAULT
   */
  public String valueText() {
    if (values == null) {
      return null;
    }
    final StringJoiner joiner = new StringJoiner(", ");
    for (SqlNode v : values) {
      joiner.add(text(v));
    }
    return joiner.toString();
  }

  private static String text(SqlNode v) {
    if (v instanceof SqlIdentifier) {
      return String.join(".", ((SqlIdentifier) v).names);
    }
    final SqlLiteral literal = (SqlLiteral) v;
    if (literal.getValue() instanceof Boolean) {
      return literal.getValue().toString().toLowerCase(Locale.ROOT);
    }
    return literal.toValue();
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, values);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("SET");
    if (scope == Scope.LOCAL) {
      writer.keyword("LOCAL");
    }
    name.unparse(writer, 0, 0);
    writer.keyword("TO");
    if (values == null) {
      writer.keyword("DEFAULT");
    } else {
      SqlWriterSupport.commaList(writer, values);
    }
  }
}
