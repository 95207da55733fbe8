package io.phantomdb.sql.parser;

import io.phantomdb.sql.parser.impl.ParseException;
import io.phantomdb.sql.parser.impl.PhantomSqlParserImpl;
import io.phantomdb.sql.parser.impl.Token;
import io.phantomdb.sql.parser.impl.TokenMgrError;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * PhantomDB's SQL parser: Calcite's grammar extended with PostgreSQL's statements and syntax,
 * parsing with PostgreSQL's lexical rules.
 *
 * <ul>
 *   <li>Unquoted identifiers fold to lower case; {@code "quoted"} ones keep their case; names
 *       are case-sensitive afterwards.
 *   <li>Strings are {@code 'standard'} (with {@code ''}) or {@code E'escaped\n'}.
 *   <li>Parameters are {@code $1}, {@code $2}, ... ({@link SqlDynamicParam#getIndex()} is
 *       {@code n - 1}, so {@code $1} used twice is two nodes with index 0); JDBC-style
 *       {@code ?} also works and is numbered by position.
 *   <li>The conformance is {@link PhantomSqlConformance}.
 * </ul>
 *
 * <p>Errors are {@link PhantomSqlParseException}s, which carry PostgreSQL's error position and
 * the offending token. Thread-safe: every call makes its own parser.
 */
public final class PhantomSqlParser {
  /** Longer than PostgreSQL's 63 bytes on purpose: PostgreSQL truncates, it does not fail. */
  private static final int IDENTIFIER_MAX_LENGTH = 1024;

  private static final SqlParser.Config CONFIG = SqlParser.config()
      .withParserFactory(PhantomSqlParserImpl.FACTORY)
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withUnquotedCasing(Casing.TO_LOWER)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(true)
      .withIdentifierMaxLength(IDENTIFIER_MAX_LENGTH)
      .withConformance(PhantomSqlConformance.INSTANCE);

  private PhantomSqlParser() {}

  /**
   * @return the parser configuration, to build a Calcite {@link SqlParser}. Give the validator
   *     the same conformance ({@code SqlValidator.Config.withConformance(
   *     PhantomSqlConformance.INSTANCE)}). Calcite's {@code Frameworks.getPlanner} cannot take
   *     it: its PlannerImpl round-trips the conformance through a connection property that only
   *     holds {@link org.apache.calcite.sql.validate.SqlConformanceEnum} values.
   */
  public static SqlParser.Config config() {
    return CONFIG;
  }

  /**
   * Parses one statement, optionally followed by {@code ;} (as PostgreSQL accepts it). More
   * than one statement is an error, as in PostgreSQL's extended query protocol.
   *
   * @throws PhantomSqlParseException if the text is not exactly one valid statement
   */
  public static SqlNode parseStatement(String sql) throws PhantomSqlParseException {
    final List<SqlNode> statements = parseStatements(sql);
    if (statements.size() == 1) {
      return statements.get(0);
    }
    if (statements.isEmpty()) {
      throw enrich(new SqlParseException("empty statement", null, null, null, null), sql);
    }
    final SqlParserPos pos = statements.get(1).getParserPosition();
    final String message = "cannot insert multiple commands into a prepared statement";
    throw enrich(new SqlParseException(message, pos, null, null,
        PhantomParserSupport.error(pos, message).getCause()), sql);
  }

  /**
   * Parses statements separated by {@code ;} (a last {@code ;} is optional; empty text gives an
   * empty list).
   *
   * @throws PhantomSqlParseException at the first error; no statement is returned then
   */
  public static List<SqlNode> parseStatements(String sql) throws PhantomSqlParseException {
    if (sql.isEmpty()) {
      return new ArrayList<>(); // Calcite's reader cannot take empty text
    }
    try {
      final SqlNodeList list = SqlParser.create(sql, CONFIG).parseStmtList();
      final List<SqlNode> statements = new ArrayList<>(list.size());
      for (SqlNode node : list) {
        PositionalParameters.renumber(node, sql);
        statements.add(node);
      }
      return statements;
    } catch (SqlParseException e) {
      throw enrich(e, sql);
    }
  }

  /**
   * Prints a node back as SQL this parser reads (PostgreSQL dialect: identifiers in double
   * quotes, LIMIT / OFFSET). {@code parse(toSql(parse(sql)))} gives the same tree.
   */
  public static String toSql(SqlNode node) {
    return node.toSqlString(c -> c.withDialect(PostgresqlSqlDialect.DEFAULT)
        .withAlwaysUseParentheses(false)
        .withQuoteAllIdentifiers(true)).getSql();
  }

  /**
   * Where a node came from in the statement text.
   *
   * @param sql the text the node was parsed from
   * @param pos the node's position ({@link SqlNode#getParserPosition()})
   * @return {begin, end}: the 0-based offset of its first character and the offset just past its
   *     last, or null if the position is unknown or outside the text
   */
  public static int[] sourceSpan(String sql, SqlParserPos pos) {
    if (pos == null || pos.getLineNum() <= 0 || pos.getEndLineNum() <= 0) {
      return null;
    }
    final int begin = index(sql, pos.getLineNum(), pos.getColumnNum());
    final int end = index(sql, pos.getEndLineNum(), pos.getEndColumnNum()) + 1;
    if (begin >= sql.length() || end > sql.length() || end <= begin) {
      return null;
    }
    return new int[] {begin, end};
  }

  /** Works out PostgreSQL's view of an error: the offending token and its position. */
  static PhantomSqlParseException enrich(SqlParseException e, String sql) {
    if (e instanceof PhantomSqlParseException) {
      return (PhantomSqlParseException) e;
    }
    final Throwable cause = e.getCause();
    if (cause instanceof ParseException && ((ParseException) cause).currentToken != null) {
      final Token token = offendingToken((ParseException) cause);
      if (token == null || token.kind == 0) {
        return new PhantomSqlParseException(e, null, sql.length() + 1, true);
      }
      return new PhantomSqlParseException(e, token.image,
          index(sql, token.beginLine, token.beginColumn) + 1, true);
    }
    final SqlParserPos pos = e.getPos();
    final boolean syntax = cause instanceof ParseException || cause instanceof TokenMgrError;
    if (pos == null || pos.getLineNum() <= 0) {
      return new PhantomSqlParseException(e, null, 0, syntax);
    }
    final int begin = index(sql, pos.getLineNum(), pos.getColumnNum());
    if (begin >= sql.length()) {
      return new PhantomSqlParseException(e, null, sql.length() + 1, syntax);
    }
    int end = index(sql, pos.getEndLineNum(), pos.getEndColumnNum()) + 1;
    if (cause instanceof TokenMgrError || end <= begin) {
      end = begin + 1;
    }
    return new PhantomSqlParseException(e, sql.substring(begin, Math.min(end, sql.length())),
        begin + 1, syntax);
  }

  /**
   * The token the parser could not go on with. JavaCC reports the first token of the longest
   * alternative it tried ({@code currentToken.next}); PostgreSQL names the token where that
   * alternative broke down, which is as many tokens further as the longest expected sequence
   * is long, less one ({@code a = = 1}: the second {@code =}).
   */
  private static Token offendingToken(ParseException pe) {
    int depth = 1;
    if (pe.expectedTokenSequences != null) {
      for (int[] sequence : pe.expectedTokenSequences) {
        depth = Math.max(depth, sequence.length);
      }
    }
    Token token = pe.currentToken.next;
    for (int i = 1; i < depth && token != null && token.kind != 0 && token.next != null; i++) {
      token = token.next;
    }
    return token;
  }

  /**
   * The 0-based index in {@code sql} of a 1-based line and column as JavaCC counts them (a line
   * ends at LF, CR or CR LF; a tab is one column); {@code sql.length()} if past the end.
   */
  static int index(String sql, int line, int column) {
    int l = 1;
    int c = 0;
    for (int i = 0; i < sql.length(); i++) {
      final char ch = sql.charAt(i);
      c++;
      if (l == line && c == column) {
        return i;
      }
      if (ch == '\n' || (ch == '\r' && (i + 1 >= sql.length() || sql.charAt(i + 1) != '\n'))) {
        l++;
        c = 0;
      }
    }
    return sql.length();
  }

  /**
   * Gives each {@code $n} parameter the index {@code n - 1}. The lexer reads {@code $n} as
   * Calcite's {@code ?} (so it is allowed wherever {@code ?} is, LIMIT included), and Calcite
   * numbers {@code ?}s in order of appearance; when the {@code $n} are not 1, 2, 3, ... in that
   * order the index is corrected in place, before anyone else sees the node.
   */
  static final class PositionalParameters extends SqlBasicVisitor<Void> {
    private static final Field INDEX = indexField();

    private final String sql;

    private PositionalParameters(String sql) {
      this.sql = sql;
    }

    static void renumber(SqlNode node, String sql) throws SqlParseException {
      if (sql.indexOf('$') < 0) {
        return;
      }
      try {
        node.accept(new PositionalParameters(sql));
      } catch (ParameterError e) {
        throw e.exception;
      }
    }

    @Override public Void visit(SqlDynamicParam param) {
      final SqlParserPos pos = param.getParserPosition();
      final int at = index(sql, pos.getLineNum(), pos.getColumnNum());
      if (at < 0 || at >= sql.length() || sql.charAt(at) != '$') {
        return null;
      }
      int end = at + 1;
      while (end < sql.length() && Character.isDigit(sql.charAt(end))) {
        end++;
      }
      final String text = sql.substring(at, end);
      final int n;
      try {
        n = Integer.parseInt(text.substring(1));
      } catch (NumberFormatException e) {
        throw new ParameterError(text, pos, at + 1, "there is no parameter " + text);
      }
      if (n < 1) {
        throw new ParameterError(text, pos, at + 1, "there is no parameter " + text);
      }
      if (param.getIndex() != n - 1) {
        if (INDEX == null) {
          throw new ParameterError(text, pos, at + 1,
              "parameters must be numbered $1, $2, ... in order of appearance here");
        }
        try {
          INDEX.setInt(param, n - 1);
        } catch (IllegalAccessException e) {
          throw new ParameterError(text, pos, at + 1,
              "parameters must be numbered $1, $2, ... in order of appearance here");
        }
      }
      return null;
    }

    private static Field indexField() {
      try {
        final Field f = SqlDynamicParam.class.getDeclaredField("index");
        f.setAccessible(true);
        return f;
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }
  }

  /** Carries a parameter error out of the visitor. */
  private static final class ParameterError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final PhantomSqlParseException exception;

    ParameterError(String token, SqlParserPos pos, int position, String message) {
      super(message, null, false, false);
      final SqlParseException e = new SqlParseException(message, pos, null, null,
          new IllegalArgumentException(message));
      this.exception = new PhantomSqlParseException(e, token, position, false);
    }
  }
}
