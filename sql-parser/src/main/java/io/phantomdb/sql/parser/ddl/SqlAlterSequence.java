package io.phantomdb.sql.parser.ddl;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * {@code ALTER SEQUENCE [IF EXISTS] name option [...]}: the options of CREATE SEQUENCE plus
 * {@code RESTART [[WITH] n]} ({@link SequenceOptions}).
 */
public final class SqlAlterSequence extends SqlDdl {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("ALTER SEQUENCE", SqlKind.ALTER_SEQUENCE);

  private final boolean ifExists;
  private final SqlIdentifier name;
  private final SequenceOptions options;

  /** @param options at least one option */
  public SqlAlterSequence(SqlParserPos pos, boolean ifExists, SqlIdentifier name,
      SequenceOptions options) {
    super(OPERATOR, pos);
    this.ifExists = ifExists;
    this.name = Objects.requireNonNull(name, "name");
    this.options = Objects.requireNonNull(options, "options");
  }

  /** @return true if IF EXISTS was written */
  public boolean ifExists() {
    return ifExists;
  }

  /** @return the sequence name */
  public SqlIdentifier name() {
    return name;
  }

  /** @return the options written */
  public SequenceOptions options() {
    return options;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER SEQUENCE");
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    name.unparse(writer, 0, 0);
    options.unparse(writer);
  }
}
