package io.phantomdb.kernel.sql.expr;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import io.phantomdb.kernel.sql.type.DataType;
import io.phantomdb.kernel.sql.type.TypeKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * String functions with PostgreSQL's semantics: positions and lengths count characters (code
 * points), CHAR values lose their trailing blanks before use (as PostgreSQL's cast of bpchar to
 * text), {@code ||} and {@code concat} write non-text operands in their text form, {@code ||}
 * is NULL if an operand is NULL while {@code concat} skips NULLs. LIKE/SIMILAR TO are in {@link
 * Patterns}.
 */
final class Strings {
  private Strings() {}

  static void register(Map<String, CallCompiler> r) {
    r.put("||", (call, args, type) -> type.kind() == TypeKind.BYTEA
        ? Nodes.strict2("||", type, args.get(0), args.get(1), (a, b) -> concatBytes((byte[]) a, (byte[]) b))
        : Nodes.strictN("||", type, texts(args), v -> String.join("", strs(v))));
    r.put("#CONCAT_WITH_NULL", (call, args, type) -> concat(texts(args), type, null));
    r.put("CONCAT", (call, args, type) -> concat(texts(args), type, null));
    r.put("CONCAT_WS", (call, args, type) -> concat(texts(args.subList(1, args.size())), type, text(args.get(0))));
    r.put("LOWER", (call, args, type) -> s1("lower", type, args, s -> s.toLowerCase(Locale.ROOT)));
    r.put("UPPER", (call, args, type) -> s1("upper", type, args, s -> s.toUpperCase(Locale.ROOT)));
    r.put("INITCAP", (call, args, type) -> s1("initcap", type, args, Strings::initcap));
    CallCompiler length = (call, args, type) -> args.get(0).type().kind() == TypeKind.BYTEA
        ? Nodes.strict1("length", type, args.get(0), v -> Conv.intOfKind(((byte[]) v).length, type.kind()))
        : s1("length", type, args, s -> Conv.intOfKind(s.codePointCount(0, s.length()), type.kind()));
    r.put("#CHAR_LENGTH", length);
    r.put("CHAR_LENGTH", length);
    r.put("CHARACTER_LENGTH", length);
    r.put("LENGTH", length);
    r.put("OCTET_LENGTH", Strings::octetLength);
    r.put("SUBSTRING", Strings::substring);
    r.put("SUBSTR", Strings::substring);
    r.put("#POSITION", Strings::position);
    r.put("STRPOS", Strings::position);
    r.put("#TRIM", Strings::trim);
    r.put("BTRIM", (call, args, type) -> trimFn(args, type, true, true));
    r.put("LTRIM", (call, args, type) -> trimFn(args, type, true, false));
    r.put("RTRIM", (call, args, type) -> trimFn(args, type, false, true));
    r.put("REPLACE", (call, args, type) -> sN("replace", type, args,
        v -> v[1].isEmpty() ? v[0] : v[0].replace(v[1], v[2])));
    r.put("LEFT", (call, args, type) -> leftRight(args, type, true));
    r.put("RIGHT", (call, args, type) -> leftRight(args, type, false));
    r.put("LPAD", (call, args, type) -> pad(args, type, true));
    r.put("RPAD", (call, args, type) -> pad(args, type, false));
    r.put("REPEAT", (call, args, type) -> Nodes.strict2("repeat", type, text(args.get(0)), args.get(1), (s, n) -> {
      long count = Conv.toLong(n);
      if (count <= 0) {
        return "";
      }
      if (count * ((String) s).length() > 1_073_741_823L) {
        throw new SqlException(SqlState.PROGRAM_LIMIT_EXCEEDED, "requested length too large");
      }
      return ((String) s).repeat((int) count);
    }));
    r.put("REVERSE", (call, args, type) -> s1("reverse", type, args, s -> new StringBuilder(s).reverse().toString()));
    r.put("SPLIT_PART", Strings::splitPart);
    CallCompiler startsWith = (call, args, type) -> sN("starts_with", type, args, v -> v[0].startsWith(v[1]));
    r.put("#STARTS_WITH", startsWith);
    r.put("STARTS_WITH", startsWith);
    r.put("MD5", (call, args, type) -> Nodes.strict1("md5", type, textOrBytes(args.get(0)), v -> md5(v)));
    r.put("ASCII", (call, args, type) -> s1("ascii", type, args, s -> s.isEmpty() ? 0 : s.codePointAt(0)));
    r.put("CHR", (call, args, type) -> Nodes.strict1("chr", type, args.get(0), v -> chr(Conv.toLong(v))));
    CallCompiler translate = (call, args, type) -> args.size() != 3 ? null : sN("translate", type, args, Strings::translate);
    r.put("TRANSLATE", translate);
    r.put("TRANSLATE3", translate);
    Patterns.register(r);
  }

  /** A string operand: CHAR values (not literals, which Calcite pads) lose trailing blanks. */
  static Expr text(Expr e) {
    if (e.type().kind() == TypeKind.CHAR && !(e instanceof Nodes.Constant)) {
      return Nodes.strict1("rtrim", DataType.of(TypeKind.TEXT), e, v -> ValueComparator.rtrim((String) v));
    }
    if (!e.type().kind().isText() && e.type().kind() != TypeKind.UNKNOWN) {
      DataType from = e.type();
      return Nodes.strict1("text", DataType.of(TypeKind.TEXT), e, v -> Casts.toText(v, from));
    }
    return e;
  }

  private static List<Expr> texts(List<Expr> args) {
    return args.stream().map(Strings::text).toList();
  }

  private static Expr textOrBytes(Expr e) {
    return e.type().kind() == TypeKind.BYTEA ? e : text(e);
  }

  private static String[] strs(Object[] v) {
    String[] s = new String[v.length];
    for (int i = 0; i < v.length; i++) {
      s[i] = (String) v[i];
    }
    return s;
  }

  /** A function of one string. */
  @FunctionalInterface
  interface S1 {
    Object apply(String s);
  }

  /** A function of strings (non-string operands as their text, integers untouched). */
  @FunctionalInterface
  interface SN {
    Object apply(String[] s);
  }

  private static Expr s1(String name, DataType type, List<Expr> args, S1 f) {
    return Nodes.strict1(name, type, text(args.get(0)), v -> f.apply((String) v));
  }

  private static Expr sN(String name, DataType type, List<Expr> args, SN f) {
    return Nodes.strictN(name, type, texts(args), v -> f.apply(strs(v)));
  }

  private static Expr concat(List<Expr> args, DataType type, Expr separator) {
    List<Expr> all = new ArrayList<>();
    if (separator != null) {
      all.add(separator);
    }
    all.addAll(args);
    boolean ws = separator != null;
    return Nodes.call(ws ? "concat_ws" : "concat", type, all, (v, ctx) -> {
      if (ws && v[0] == null) {
        return null;
      }
      StringBuilder sb = new StringBuilder();
      boolean first = true;
      for (int i = ws ? 1 : 0; i < v.length; i++) {
        if (v[i] != null) {
          if (ws && !first) {
            sb.append((String) v[0]);
          }
          sb.append((String) v[i]);
          first = false;
        }
      }
      return sb.toString();
    }, false);
  }

  private static byte[] concatBytes(byte[] a, byte[] b) {
    byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  static String initcap(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean inWord = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      sb.appendCodePoint(inWord ? Character.toLowerCase(cp) : Character.toUpperCase(cp));
      inWord = Character.isLetterOrDigit(cp);
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  private static Expr octetLength(RexCall call, List<Expr> args, DataType type) {
    RexNode operand = call.getOperands().get(0);
    Expr arg = args.get(0);
    if (operand instanceof RexCall cast && cast.getKind() == SqlKind.CAST
        && cast.getOperands().get(0).getType().getSqlTypeName().getFamily() == SqlTypeFamily.CHARACTER) {
      arg = ExprCompiler.compile(cast.getOperands().get(0)); // Calcite casts text to bytes first
    }
    if (arg.type().kind() == TypeKind.BYTEA) {
      return Nodes.strict1("octet_length", type, arg, v -> Conv.intOfKind(((byte[]) v).length, type.kind()));
    }
    Expr a = arg.type().kind() == TypeKind.CHAR ? arg : text(arg);
    return Nodes.strict1("octet_length", type, a,
        v -> Conv.intOfKind(((String) v).getBytes(StandardCharsets.UTF_8).length, type.kind()));
  }

  /** PostgreSQL's substr: start may be before 1; a negative length is an error. */
  private static Expr substring(RexCall call, List<Expr> args, DataType type) {
    if (args.size() > 1 && !args.get(1).type().kind().isNumeric()) {
      return null; // SUBSTRING(s FROM pattern): regular expressions are not supported
    }
    boolean bytes = args.get(0).type().kind() == TypeKind.BYTEA;
    List<Expr> a = new ArrayList<>(args);
    a.set(0, bytes ? args.get(0) : text(args.get(0)));
    return Nodes.strictN("substring", type, a, v -> {
      long start = Conv.toLong(v[1]);
      long end;
      if (v.length > 2) {
        long len = Conv.toLong(v[2]);
        if (len < 0) {
          throw new SqlException(Errors.SUBSTRING_ERROR, "negative substring length not allowed");
        }
        end = start + len;
      } else {
        end = Long.MAX_VALUE;
      }
      if (bytes) {
        byte[] b = (byte[]) v[0];
        int from = (int) Math.max(0, Math.min(b.length, start - 1));
        int to = (int) Math.max(from, Math.min(b.length, end - 1));
        return java.util.Arrays.copyOfRange(b, from, to);
      }
      String s = (String) v[0];
      int n = s.codePointCount(0, s.length());
      int from = (int) Math.max(0, Math.min(n, start - 1));
      int to = (int) Math.max(from, Math.min(n, end - 1));
      return s.substring(s.offsetByCodePoints(0, from), s.offsetByCodePoints(0, to));
    });
  }

  private static Expr position(RexCall call, List<Expr> args, DataType type) {
    List<Expr> a = new ArrayList<>(texts(args.subList(0, 2)));
    if (args.size() > 2) {
      a.add(args.get(2));
    }
    return Nodes.strictN("position", type, a, v -> {
      String sub = (String) v[0];
      String s = (String) v[1];
      int from = 0;
      if (v.length > 2) {
        long start = Conv.toLong(v[2]);
        int n = s.codePointCount(0, s.length());
        if (start > n) {
          return Conv.intOfKind(0, type.kind());
        }
        from = s.offsetByCodePoints(0, (int) Math.max(0, start - 1));
      }
      int i = s.indexOf(sub, from);
      return Conv.intOfKind(i < 0 ? 0 : s.codePointCount(0, i) + 1, type.kind());
    });
  }

  private static Expr trim(RexCall call, List<Expr> args, DataType type) {
    SqlTrimFunction.Flag flag = (SqlTrimFunction.Flag) ((Nodes.Constant) args.get(0)).value();
    boolean leading = flag != SqlTrimFunction.Flag.TRAILING;
    boolean trailing = flag != SqlTrimFunction.Flag.LEADING;
    return Nodes.strict2("trim", type, text(args.get(1)), text(args.get(2)),
        (chars, s) -> trim((String) s, (String) chars, leading, trailing));
  }

  private static Expr trimFn(List<Expr> args, DataType type, boolean leading, boolean trailing) {
    if (args.size() == 1) {
      return Nodes.strict1("trim", type, text(args.get(0)), s -> trim((String) s, " ", leading, trailing));
    }
    return Nodes.strict2("trim", type, text(args.get(0)), text(args.get(1)),
        (s, chars) -> trim((String) s, (String) chars, leading, trailing));
  }

  static String trim(String s, String chars, boolean leading, boolean trailing) {
    int start = 0;
    int end = s.length();
    while (leading && start < end && chars.indexOf(s.codePointAt(start)) >= 0) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (trailing && end > start && chars.indexOf(s.codePointBefore(end)) >= 0) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  private static Expr leftRight(List<Expr> args, DataType type, boolean left) {
    return Nodes.strict2(left ? "left" : "right", type, text(args.get(0)), args.get(1), (v, k) -> {
      String s = (String) v;
      long n = Conv.toLong(k);
      int len = s.codePointCount(0, s.length());
      long keep = n >= 0 ? Math.min(n, len) : Math.max(0, len + n);
      return left
          ? s.substring(0, s.offsetByCodePoints(0, (int) keep))
          : s.substring(s.offsetByCodePoints(0, (int) (len - keep)));
    });
  }

  private static Expr pad(List<Expr> args, DataType type, boolean left) {
    List<Expr> a = new ArrayList<>(args);
    a.set(0, text(args.get(0)));
    if (a.size() > 2) {
      a.set(2, text(args.get(2)));
    }
    return Nodes.strictN(left ? "lpad" : "rpad", type, a, v -> {
      String s = (String) v[0];
      long len = Conv.toLong(v[1]);
      String fill = v.length > 2 ? (String) v[2] : " ";
      if (len <= 0) {
        return "";
      }
      if (len > 10_485_760) {
        throw new SqlException(SqlState.PROGRAM_LIMIT_EXCEEDED, "requested length too large");
      }
      int n = s.codePointCount(0, s.length());
      if (n >= len) {
        return s.substring(0, s.offsetByCodePoints(0, (int) len));
      }
      if (fill.isEmpty()) {
        return s;
      }
      int[] f = fill.codePoints().toArray();
      StringBuilder padding = new StringBuilder();
      for (int i = 0; i < len - n; i++) {
        padding.appendCodePoint(f[i % f.length]);
      }
      return left ? padding + s : s + padding;
    });
  }

  private static Expr splitPart(RexCall call, List<Expr> args, DataType type) {
    return Nodes.strictN("split_part", type, List.of(text(args.get(0)), text(args.get(1)), args.get(2)), v -> {
      String s = (String) v[0];
      String delim = (String) v[1];
      long n = Conv.toLong(v[2]);
      if (n == 0) {
        throw Errors.invalidParameter("field position must not be zero");
      }
      List<String> parts = new ArrayList<>();
      if (delim.isEmpty()) {
        parts.add(s);
      } else {
        int from = 0;
        for (int i; (i = s.indexOf(delim, from)) >= 0; from = i + delim.length()) {
          parts.add(s.substring(from, i));
        }
        parts.add(s.substring(from));
      }
      long idx = n > 0 ? n - 1 : parts.size() + n;
      return idx >= 0 && idx < parts.size() ? parts.get((int) idx) : "";
    });
  }

  private static String md5(Object v) {
    byte[] bytes = v instanceof byte[] b ? b : ((String) v).getBytes(StandardCharsets.UTF_8);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String chr(long cp) {
    if (cp == 0) {
      throw new SqlException(SqlState.PROGRAM_LIMIT_EXCEEDED, "null character not permitted");
    }
    if (cp < 0 || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
      throw new SqlException(SqlState.PROGRAM_LIMIT_EXCEEDED, "requested character too large for encoding: " + cp);
    }
    return new String(Character.toChars((int) cp));
  }

  private static String translate(String[] v) {
    int[] from = v[1].codePoints().toArray();
    int[] to = v[2].codePoints().toArray();
    StringBuilder sb = new StringBuilder(v[0].length());
    v[0].codePoints().forEach(cp -> {
      int i = 0;
      while (i < from.length && from[i] != cp) {
        i++;
      }
      if (i == from.length) {
        sb.appendCodePoint(cp);
      } else if (i < to.length) {
        sb.appendCodePoint(to[i]);
      }
    });
    return sb.toString();
  }
}
