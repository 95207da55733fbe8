package io.phantomdb.kernel.protocol;

import io.phantomdb.kernel.sql.SqlException;
import io.phantomdb.kernel.sql.SqlState;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The text/CSV details of a COPY, checked as PostgreSQL 15's {@code ProcessCopyOptions} checks
 * them (same messages and SQLSTATEs).
 *
 * @param csv CSV rather than text format
 * @param delimiter the field separator (tab, or comma for CSV)
 * @param nullString what stands for NULL ({@code \N}, or the empty string for CSV)
 * @param header whether the first line names the columns (skipped on input)
 * @param headerMatch on input, whether the header's names must be the columns' ({@code HEADER
 *     match})
 * @param quote CSV's quote character
 * @param escape CSV's escape character (the quote by default)
 * @param forceQuote columns always quoted on CSV output; null for none, {@code ["*"]} for all
 * @param forceNotNull columns whose unquoted null string is an empty string on CSV input
 * @param forceNull columns whose quoted null string is NULL on CSV input
 */
record CopyFormat(boolean csv, char delimiter, String nullString, boolean header, boolean headerMatch,
    char quote, char escape,
    List<String> forceQuote, List<String> forceNotNull, List<String> forceNull) {

  /** Collects the options as written, then checks them. */
  static final class Builder {
    private final Set<String> seen = new HashSet<>();
    private String format;
    private String delimiter;
    private String nullString;
    private String header;
    private String quote;
    private String escape;
    private List<String> forceQuote;
    private List<String> forceNotNull;
    private List<String> forceNull;

    /**
     * One option.
     *
     * @param name its name, lower case
     * @param value its value, or null when none was given
     */
    void option(String name, String value) {
      if (!seen.add(name)) {
        throw new SqlException(SqlState.SYNTAX_ERROR, "conflicting or redundant options");
      }
      switch (name) {
        case "format" -> format = value == null ? "" : value.toLowerCase(Locale.ROOT);
        case "delimiter" -> delimiter = value;
        case "null" -> nullString = value;
        case "header" -> header = value == null ? "true" : value.toLowerCase(Locale.ROOT);
        case "quote" -> quote = value;
        case "escape" -> escape = value;
        case "force_quote" -> forceQuote = columns(value);
        case "force_not_null" -> forceNotNull = columns(value);
        case "force_null" -> forceNull = columns(value);
        case "encoding" -> {
          String e = value == null ? "" : value.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
          if (!e.equals("utf8") && !e.equals("unicode")) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "COPY ENCODING other than UTF8 is not supported");
          }
        }
        case "freeze" -> { }
        default -> throw new SqlException(SqlState.SYNTAX_ERROR, "option \"" + name + "\" not recognized");
      }
    }

    private static List<String> columns(String value) {
      if (value == null || value.isBlank()) {
        return List.of("*");
      }
      return java.util.Arrays.stream(value.split(",")).map(String::strip).map(CopyTokens::unquote).toList();
    }

    /**
     * The checked format.
     *
     * @param from COPY FROM rather than TO
     * @return the format
     */
    CopyFormat build(boolean from) {
      boolean csv;
      if (format == null || format.equals("text")) {
        csv = false;
      } else if (format.equals("csv")) {
        csv = true;
      } else if (format.equals("binary")) {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "COPY BINARY is not supported");
      } else {
        throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "COPY format \"" + format + "\" not recognized");
      }
      String delim = delimiter != null ? delimiter : csv ? "," : "\t";
      String nul = nullString != null ? nullString : csv ? "" : "\\N";
      if (delim.length() != 1) {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "COPY delimiter must be a single one-byte character");
      }
      char d = delim.charAt(0);
      if (d == '\n' || d == '\r') {
        throw invalid("COPY delimiter cannot be newline or carriage return");
      }
      if (nul.indexOf('\n') >= 0 || nul.indexOf('\r') >= 0) {
        throw invalid("COPY null representation cannot use newline or carriage return");
      }
      if (!csv && "\\.abcdefghijklmnopqrstuvwxyz0123456789".indexOf(d) >= 0) {
        throw invalid("COPY delimiter cannot be \"" + d + "\"");
      }
      if (!csv && (quote != null)) {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "COPY quote available only in CSV mode");
      }
      if (!csv && escape != null) {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "COPY escape available only in CSV mode");
      }
      if (!csv && (forceQuote != null || forceNotNull != null || forceNull != null)) {
        String which = forceQuote != null ? "force quote" : forceNotNull != null ? "force not null" : "force null";
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "COPY " + which + " available only in CSV mode");
      }
      if (from && forceQuote != null) {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "COPY force quote only available using COPY TO");
      }
      if (!from && (forceNotNull != null || forceNull != null)) {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
            "COPY force " + (forceNotNull != null ? "not null" : "null") + " only available using COPY FROM");
      }
      String q = quote != null ? quote : "\"";
      if (q.length() != 1) {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "COPY quote must be a single one-byte character");
      }
      if (csv && q.charAt(0) == d) {
        throw invalid("COPY delimiter and quote must be different");
      }
      String e = escape != null ? escape : q;
      if (e.length() != 1) {
        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "COPY escape must be a single one-byte character");
      }
      if (nul.indexOf(d) >= 0) {
        throw invalid("COPY delimiter must not appear in the NULL specification");
      }
      if (csv && nul.indexOf(q.charAt(0)) >= 0) {
        throw invalid("CSV quote character must not appear in the NULL specification");
      }
      return new CopyFormat(csv, d, nul, header(from), "match".equals(header), q.charAt(0), e.charAt(0), forceQuote, forceNotNull, forceNull);
    }

    private boolean header(boolean from) {
      if (header == null) {
        return false;
      }
      return switch (header) {
        case "true", "on", "1", "yes" -> true;
        case "false", "off", "0", "no" -> false;
        case "match" -> {
          if (!from) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "cannot use \"match\" with HEADER in COPY TO");
          }
          yield true;
        }
        default -> throw invalid("header requires a Boolean value or \"match\"");
      };
    }

    private static SqlException invalid(String message) {
      return new SqlException(SqlState.INVALID_PARAMETER_VALUE, message);
    }
  }
}
