package io.phantomdb.kernel.config.internal;

import io.phantomdb.kernel.config.Origin;
import io.phantomdb.kernel.config.Setting;
import io.phantomdb.kernel.error.OperatorException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code phantomdb.conf}: UTF-8 lines of {@code key = value}; blank lines and lines whose
 * first non-blank character is {@code #} are ignored. A value runs to the end of the line
 * (trimmed) and may be empty. Keys are not checked here, only the syntax; a key set twice in one
 * file is an error.
 */
public final class ConfFileParser {
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private ConfFileParser() {}

  /**
   * Parses a file.
   *
   * @param file the file
   * @return the settings in file order, each with its {@code file:line} origin
   * @throws OperatorException if the file cannot be read or a line is malformed
   */
  public static List<Setting> parse(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new OperatorException("configuration file " + file + " does not exist");
    } catch (AccessDeniedException e) {
      throw new OperatorException("configuration file " + file + " cannot be read: permission denied");
    } catch (CharacterCodingException e) {
      throw new OperatorException("configuration file " + file + " is not UTF-8 text");
    } catch (IOException e) {
      throw new OperatorException("configuration file " + file + " cannot be read: " + e, e);
    }
    List<Setting> settings = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      int lineNo = i + 1;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Origin origin = Origin.file(file, lineNo);
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new OperatorException(
            origin + ": expected 'key = value', got '" + abbreviate(line) + "'");
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      if (!KEY.matcher(key).matches()) {
        throw new OperatorException(
            origin + ": expected 'key = value', got '" + abbreviate(line) + "'"
                + (key.isEmpty() ? " (no key before '=')" : " ('" + key + "' is not a key)"));
      }
      Integer earlier = seen.putIfAbsent(key, lineNo);
      if (earlier != null) {
        throw new OperatorException(
            origin + ": " + key + " is already set on line " + earlier + "; keep one of them");
      }
      settings.add(new Setting(key, value, origin));
    }
    return settings;
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
