package io.phantomdb.kernel.sql.session;

import java.util.Locale;
import java.util.Map;

/**
 * Checkers of the parameters that say how values travel to the client: {@code client_encoding}
 * (PostgreSQL's encoding names; PhantomDB converts to none, so only UTF8), {@code DateStyle}
 * (PhantomDB writes ISO and reads MDY) and {@code IntervalStyle} ({@code postgres}).
 */
final class ClientFormats {
  /** PostgreSQL's encoding names and aliases, cleaned as its clean_encoding_name does. */
  private static final Map<String, String> ENCODINGS = Map.ofEntries(
      Map.entry("utf8", "UTF8"), Map.entry("unicode", "UTF8"),
      Map.entry("sqlascii", "SQL_ASCII"), Map.entry("muleinternal", "MULE_INTERNAL"),
      Map.entry("latin1", "LATIN1"), Map.entry("iso88591", "LATIN1"),
      Map.entry("latin2", "LATIN2"), Map.entry("iso88592", "LATIN2"),
      Map.entry("latin3", "LATIN3"), Map.entry("iso88593", "LATIN3"),
      Map.entry("latin4", "LATIN4"), Map.entry("iso88594", "LATIN4"),
      Map.entry("latin5", "LATIN5"), Map.entry("iso88599", "LATIN5"),
      Map.entry("latin6", "LATIN6"), Map.entry("iso885910", "LATIN6"),
      Map.entry("latin7", "LATIN7"), Map.entry("iso885913", "LATIN7"),
      Map.entry("latin8", "LATIN8"), Map.entry("iso885914", "LATIN8"),
      Map.entry("latin9", "LATIN9"), Map.entry("iso885915", "LATIN9"),
      Map.entry("latin10", "LATIN10"), Map.entry("iso885916", "LATIN10"),
      Map.entry("iso88595", "ISO_8859_5"), Map.entry("iso88596", "ISO_8859_6"),
      Map.entry("iso88597", "ISO_8859_7"), Map.entry("iso88598", "ISO_8859_8"),
      Map.entry("win866", "WIN866"), Map.entry("win874", "WIN874"),
      Map.entry("win1250", "WIN1250"), Map.entry("win1251", "WIN1251"), Map.entry("win1252", "WIN1252"),
      Map.entry("win1253", "WIN1253"), Map.entry("win1254", "WIN1254"), Map.entry("win1255", "WIN1255"),
      Map.entry("win1256", "WIN1256"), Map.entry("win1257", "WIN1257"), Map.entry("win1258", "WIN1258"),
      Map.entry("koi8r", "KOI8R"), Map.entry("koi8u", "KOI8U"),
      Map.entry("eucjp", "EUC_JP"), Map.entry("euccn", "EUC_CN"), Map.entry("euckr", "EUC_KR"),
      Map.entry("euctw", "EUC_TW"), Map.entry("eucjis2004", "EUC_JIS_2004"),
      Map.entry("sjis", "SJIS"), Map.entry("shiftjis", "SJIS"), Map.entry("shiftjis2004", "SHIFT_JIS_2004"),
      Map.entry("big5", "BIG5"), Map.entry("gbk", "GBK"), Map.entry("uhc", "UHC"),
      Map.entry("gb18030", "GB18030"), Map.entry("johab", "JOHAB"));

  private ClientFormats() {}

  /** client_encoding: any PostgreSQL encoding name is recognised; only UTF8 is accepted. */
  static String clientEncoding(Parameter p, String value, String current) {
    String clean = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    String encoding = ENCODINGS.get(clean);
    if (encoding == null) {
      throw ParameterValues.invalid(p, value);
    }
    if (!encoding.equals("UTF8")) {
      throw ParameterValues.unsupported(p, value,
          "Conversion between " + encoding + " and UTF8 is not supported.");
    }
    return encoding;
  }

  /**
   * DateStyle: PostgreSQL's key words (an output style ISO, SQL, Postgres, German, and an
   * input order DMY/Euro/European, MDY/US/NonEuro/NonEuropean, YMD, or DEFAULT); a part not given
   * keeps its current value. PhantomDB writes ISO and reads MDY only.
   */
  static String dateStyle(Parameter p, String value, String current) {
    String style = null;
    String order = null;
    for (String w : ParameterValues.words(value)) {
      String s = null;
      String o = null;
      switch (w) {
        case "iso" -> s = "ISO";
        case "sql" -> s = "SQL";
        case "postgres" -> s = "Postgres";
        case "german" -> s = "German";
        case "ymd" -> o = "YMD";
        case "dmy", "euro", "european" -> o = "DMY";
        case "mdy", "us", "noneuro", "noneuropean" -> o = "MDY";
        case "default" -> {
          s = "ISO";
          o = "MDY";
        }
        default -> throw ParameterValues.invalid(p, value, "Unrecognized key word: \"" + w + "\".", null);
      }
      if (s != null && style != null && !s.equals(style) || o != null && order != null && !o.equals(order)) {
        throw ParameterValues.invalid(p, value, "Conflicting \"datestyle\" specifications.", null);
      }
      style = s != null ? s : style;
      order = o != null ? o : order;
    }
    String[] now = current.split(", ");
    String result = (style != null ? style : now[0]) + ", "
        + (order != null ? order : style != null && style.equals("German") ? "DMY" : now[1]);
    if (!result.equals("ISO, MDY")) {
      throw ParameterValues.unsupported(p, value, "PhantomDB supports DateStyle \"ISO, MDY\" only.");
    }
    return result;
  }

  /** IntervalStyle: PostgreSQL's four styles are recognised; PhantomDB writes {@code postgres}. */
  static String intervalStyle(Parameter p, String value, String current) {
    String v = ParameterValues.oneOf("postgres", "postgres_verbose", "sql_standard", "iso_8601")
        .check(p, value, current);
    if (!v.equals("postgres")) {
      throw ParameterValues.unsupported(p, value, "PhantomDB supports IntervalStyle \"postgres\" only.");
    }
    return v;
  }
}
