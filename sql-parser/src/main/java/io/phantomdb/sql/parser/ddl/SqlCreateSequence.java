package io.phantomdb.sql.parser.ddl;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * {@code CREATE SEQUENCE [IF NOT EXISTS] name [START [WITH] n] [INCREMENT [BY] n]
 * [MINVALUE n | NO MINVALUE] [MAXVALUE n | NO MAXVALUE] [CACHE n] [[NO] CYCLE]}.
 */
public final class SqlCreateSequence extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE SEQUENCE", SqlKind.CREATE_SEQUENCE);

  private final SqlIdentifier name;
  private final SequenceOptions options;

  public SqlCreateSequence(SqlParserPos pos, boolean ifNotExists, SqlIdentifier name,
      SequenceOptions options) {
    super(OPERATOR, pos, false, ifNotExists);
    this.name = Objects.requireNonNull(name, "name");
    this.options = Objects.requireNonNull(options, "options");
  }

  /** @return the sequence name */
  public SqlIdentifier name() {
    return name;
  }

  /** @return true if IF NOT EXISTS was written */
  public boolean ifNotExists() {
    return ifNotExists;
  }

  /** @return the options written (never null) */
  public SequenceOptions options() {
    return options;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE SEQUENCE");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    options.unparse(writer);
  }
}
