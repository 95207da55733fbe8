package io.phantomdb.plugin.pgwire;

import io.phantomdb.spi.protocol.SqlErrorException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code options} start-up parameter: command-line style settings, {@code -c name=value} or
 * {@code --name=value}, separated by blanks, a backslash escaping the next character (as libpq's
 * PGOPTIONS).
 */
final class StartupOptions {
  private StartupOptions() {}

  static Map<String, String> parse(String options) {
    List<String> words = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < options.length(); i++) {
      char c = options.charAt(i);
      if (c == '\\' && i + 1 < options.length()) {
        cur.append(options.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(cur.toString());
          cur.setLength(0);
          inWord = false;
        }
      } else {
        cur.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(cur.toString());
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      String setting;
      if (w.equals("-c") && i + 1 < words.size()) {
        setting = words.get(++i);
      } else if (w.startsWith("-c")) {
        setting = w.substring(2);
      } else if (w.startsWith("--")) {
        setting = w.substring(2);
      } else {
        throw new SqlErrorException("42601", "invalid command-line argument for server process: " + w, null,
            "Use -c name=value or --name=value.", 0, null);
      }
      int eq = setting.indexOf('=');
      if (eq <= 0) {
        throw new SqlErrorException("42601", "invalid command-line argument for server process: " + w);
      }
      out.put(setting.substring(0, eq).replace('-', '_'), setting.substring(eq + 1));
    }
    return out;
  }

  /** Whether a boolean start-up value is false ({@code replication=false}). */
  static boolean isFalse(String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "false", "off", "no", "0" -> true;
      default -> false;
    };
  }
}
