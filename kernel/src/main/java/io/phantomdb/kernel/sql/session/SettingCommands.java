package io.phantomdb.kernel.sql.session;

import io.phantomdb.kernel.sql.ColumnInfo;
import io.phantomdb.kernel.sql.Results;
import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.StatementResult;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TypeKind;
import io.phantomdb.sql.parser.stmt.SqlResetVariable;
import io.phantomdb.sql.parser.stmt.SqlSetTransaction;
import io.phantomdb.sql.parser.stmt.SqlSetVariable;
import io.phantomdb.sql.parser.stmt.SqlShowVariable;
import io.phantomdb.sql.parser.stmt.TransactionModes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserUtil;

/**
 * Runs {@code SET}, {@code SHOW}, {@code RESET} and {@code SET SESSION CHARACTERISTICS AS
 * TRANSACTION} against a session's {@link SessionSettings}.
 *
 * <p>{@code SET LOCAL} lasts until the end of the current transaction; every statement is its own
 * transaction here, so (as PostgreSQL outside a transaction block, which also warns) it checks
 * the value and has no effect. PhantomDB has no channel for the warning yet.
 */
public final class SettingCommands {
  private static final DataType TEXT = DataType.of(TypeKind.TEXT);

  private final SessionSettings settings;

  /** @param settings the session's settings */
  public SettingCommands(SessionSettings settings) {
    this.settings = settings;
  }

  /**
   * @param node a parsed statement
   * @return whether {@link #execute} runs it
   */
  public static boolean handles(SqlNode node) {
    return node instanceof SqlSetVariable || node instanceof SqlShowVariable || node instanceof SqlResetVariable
        || node instanceof SqlSetTransaction t && t.isSessionCharacteristics();
  }

  /**
   * @param node a statement {@link #handles} accepts
   * @return its result: a row for SHOW, the tag SET or RESET otherwise
   */
  public StatementResult execute(SqlNode node) {
    if (node instanceof SqlSetVariable set) {
      set(set);
      return Results.command("SET", 0);
    }
    if (node instanceof SqlResetVariable reset) {
      if (reset.isAll()) {
        settings.resetAll();
      } else {
        settings.reset(reset.nameText());
      }
      return Results.command("RESET", 0);
    }
    if (node instanceof SqlShowVariable show) {
      return show(show);
    }
    characteristics(((SqlSetTransaction) node).modes());
    return Results.command("SET", 0);
  }

  private void set(SqlSetVariable set) {
    String name = set.nameText();
    Parameter p = SessionSettings.changeable(name);
    boolean local = set.scope() == SqlSetVariable.Scope.LOCAL;
    if (set.isDefault()) {
      if (!local) {
        settings.reset(name);
      }
      return;
    }
    String value = flatten(name, p, set.values().getList());
    // SET LOCAL transaction_isolation changes the block's mode, as SET does
    if (local && !(p != null && p.name().startsWith("transaction_"))) {
      settings.check(name, value);
    } else {
      settings.set(name, value);
    }
  }

  /**
   * The values of a SET as one string, as PostgreSQL's flatten_set_variable_args: identifiers and
   * strings as written (quoted for identifier lists), joined with {@code ", "}.
   */
  private static String flatten(String name, Parameter p, List<SqlNode> values) {
    boolean list = p != null && p.has(Parameter.Flag.LIST);
    if (values.size() > 1 && !list) {
      throw new SqlException(SqlState.SYNTAX_ERROR, "SET " + name + " takes only one argument");
    }
    boolean quote = p != null && p.has(Parameter.Flag.LIST_QUOTE);
    StringJoiner out = new StringJoiner(", ");
    for (SqlNode v : values) {
      if (v instanceof SqlIdentifier id) {
        String text = String.join(".", id.names);
        out.add(quote ? SearchPath.quote(text) : text);
      } else if (v instanceof SqlIntervalLiteral i) {
        out.add(intervalText(i));
      } else {
        SqlLiteral literal = (SqlLiteral) v;
        if (literal.getValue() instanceof Boolean b) {
          out.add(b.toString());
        } else {
          String text = literal.toValue();
          out.add(quote && literal.getTypeName().getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.CHARACTER
              ? SearchPath.quote(text) : text);
        }
      }
    }
    return out.toString();
  }

  /** {@code INTERVAL '...' qualifier} as text the TimeZone parameter reads. */
  private static String intervalText(SqlIntervalLiteral literal) {
    SqlIntervalLiteral.IntervalValue v = literal.getValueAs(SqlIntervalLiteral.IntervalValue.class);
    if (v.getIntervalQualifier().isYearMonth()) {
      long months = SqlParserUtil.intervalToMonths(v.getIntervalLiteral(), v.getIntervalQualifier());
      return "INTERVAL '" + v.getSign() * months + " months'";
    }
    long ms = SqlParserUtil.intervalToMillis(v.getIntervalLiteral(), v.getIntervalQualifier());
    return "INTERVAL '" + java.math.BigDecimal.valueOf(v.getSign() * ms, 3).toPlainString() + " seconds'";
  }

  private StatementResult show(SqlShowVariable show) {
    if (show.isAll()) {
      List<Object[]> rows = new ArrayList<>();
      for (String[] r : settings.all()) {
        rows.add(new Object[] {r[0], r[1], r[2]});
      }
      return Results.list(List.of(new ColumnInfo("name", TEXT), new ColumnInfo("setting", TEXT),
          new ColumnInfo("description", TEXT)), rows, "SHOW");
    }
    String name = show.nameText();
    String value = settings.get(name);
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {value});
    return Results.list(List.of(new ColumnInfo(settings.displayName(name), TEXT)), rows, "SHOW");
  }

  /** SET SESSION CHARACTERISTICS AS TRANSACTION: the defaults of new transactions. */
  private void characteristics(TransactionModes modes) {
    String isolation = modes.isolationLevel() == null ? null
        : settings.check("default_transaction_isolation", modes.isolationLevel().sql().toLowerCase(Locale.ROOT));
    String readOnly = modes.readOnly() == null ? null
        : settings.check("default_transaction_read_only", modes.readOnly().toString());
    String deferrable = modes.deferrable() == null ? null
        : settings.check("default_transaction_deferrable", modes.deferrable().toString());
    if (isolation != null) {
      settings.set("default_transaction_isolation", isolation);
    }
    if (readOnly != null) {
      settings.set("default_transaction_read_only", readOnly);
    }
    if (deferrable != null) {
      settings.set("default_transaction_deferrable", deferrable);
    }
  }
}
