package io.phantomdb.kernel.sql.expr;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.type.DataType;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.fun.SqlLikeOperator;

/**
 * LIKE, ILIKE and SIMILAR TO (and their NOT forms) with PostgreSQL's rules: {@code %} matches
 * any sequence, {@code _} one character, the escape character defaults to backslash ({@code
 * ESCAPE ''} turns escaping off), a pattern ending in the escape character is an error (22025).
 * SIMILAR TO adds {@code | * + ? {m,n} ( ) [...]} from regular expressions and must match the
 * whole string. A constant pattern is translated once, at compile time.
 */
final class Patterns {
  private static final String REGEX_SPECIALS = "\\^$.|?*+()[]{}";

  private Patterns() {}

  static void register(Map<String, CallCompiler> r) {
    r.put("#LIKE", (call, args, type) -> match(call, args, type, false));
    r.put("#SIMILAR", (call, args, type) -> match(call, args, type, true));
  }

  private static Expr match(RexCall call, List<Expr> args, DataType type, boolean similar) {
    SqlLikeOperator op = (SqlLikeOperator) call.getOperator();
    boolean negated = op.isNegated();
    int flags = Pattern.DOTALL | (op.isCaseSensitive() ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    Expr s = Strings.text(args.get(0));
    Expr p = Strings.text(args.get(1));
    Expr e = args.size() > 2 ? Strings.text(args.get(2)) : new Nodes.Constant("\\", DataType.of(io.phantomdb.kernel.sql.type.TypeKind.TEXT));
    Pattern constant = null;
    if (p instanceof Nodes.Constant cp && e instanceof Nodes.Constant ce && cp.value() != null && ce.value() != null) {
      constant = compile((String) cp.value(), (String) ce.value(), similar, flags);
    }
    Pattern fixed = constant;
    String name = (negated ? "not " : "") + (similar ? "similar" : op.isCaseSensitive() ? "like" : "ilike");
    return Nodes.strictN(name, type, List.of(s, p, e), v -> {
      Pattern pattern = fixed != null ? fixed : compile((String) v[1], (String) v[2], similar, flags);
      return pattern.matcher((String) v[0]).matches() != negated;
    });
  }

  static Pattern compile(String pattern, String escape, boolean similar, int flags) {
    if (escape.codePointCount(0, escape.length()) > 1) {
      throw new SqlException(SqlState.INVALID_ESCAPE_SEQUENCE, "invalid escape string",
          "Escape string must be empty or one character.", null);
    }
    int esc = escape.isEmpty() ? -1 : escape.codePointAt(0);
    StringBuilder re = new StringBuilder(pattern.length() + 8);
    int bracket = 0; // inside [...] of SIMILAR TO
    for (int i = 0; i < pattern.length(); ) {
      int c = pattern.codePointAt(i);
      i += Character.charCount(c);
      if (c == esc) {
        if (i >= pattern.length()) {
          throw new SqlException(SqlState.INVALID_ESCAPE_SEQUENCE,
              (similar ? "SIMILAR TO" : "LIKE") + " pattern must not end with escape character");
        }
        int next = pattern.codePointAt(i);
        i += Character.charCount(next);
        literal(re, next);
      } else if (similar && bracket > 0) {
        if (c == ']') {
          bracket = 0;
        }
        if (c == '\\' || c == '[') {
          re.append('\\');
        }
        re.appendCodePoint(c);
      } else if (c == '%') {
        re.append(".*");
      } else if (c == '_') {
        re.append('.');
      } else if (similar && "|*+?(){}".indexOf(c) >= 0) {
        re.append(c == '(' ? "(?:" : String.valueOf((char) c));
      } else if (similar && c == '[') {
        bracket = 1;
        re.append('[');
        if (i < pattern.length() && pattern.charAt(i) == '^') {
          re.append('^');
          i++;
        }
        if (i < pattern.length() && pattern.charAt(i) == ']') {
          re.append("\\]");
          i++;
        }
      } else {
        literal(re, c);
      }
    }
    try {
      return Pattern.compile(re.toString(), flags);
    } catch (java.util.regex.PatternSyntaxException ex) {
      throw new SqlException("2201B",
          "invalid regular expression: " + ex.getDescription());
    }
  }

  private static void literal(StringBuilder re, int c) {
    if (c < 128 && REGEX_SPECIALS.indexOf(c) >= 0) {
      re.append('\\');
    }
    re.appendCodePoint(c);
  }
}
