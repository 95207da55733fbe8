package io.phantomdb.kernel.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The value types configuration keys use. */
public final class ValueTypes {
  /** The placeholder for the installation directory at the start of a path value. */
  public static final String HOME_PLACEHOLDER = "<home>";

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern ID = Pattern.compile("[^\\s,]+");

  /**
   * A file system path. A leading {@code <home>} stands for the installation directory; other
   * relative paths are resolved against the working directory. The result is absolute.
   */
  public static final ValueType<Path> PATH =
      new ValueType<>() {
        @Override
        public Path parse(String text, Path home) {
          if (text.isEmpty()) {
            throw new IllegalArgumentException("expected a path, got nothing");
          }
          String expanded = text;
          if (text.equals(HOME_PLACEHOLDER) || text.startsWith(HOME_PLACEHOLDER + "/")) {
            expanded = home.toString() + text.substring(HOME_PLACEHOLDER.length());
          }
          try {
            return Path.of(expanded).toAbsolutePath().normalize();
          } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid path: " + e.getReason());
          }
        }

        @Override
        public String describe() {
          return "path";
        }
      };

  /** The name of an implementation, such as a storage engine: lower-case letters, digits, '-'. */
  public static final ValueType<String> NAME_VALUE =
      new ValueType<>() {
        @Override
        public String parse(String text, Path home) {
          if (!NAME.matcher(text).matches()) {
            throw new IllegalArgumentException(
                "'" + text + "' is not a valid name (expected lower-case letters, digits and '-')");
          }
          return text;
        }

        @Override
        public String describe() {
          return "name";
        }
      };

  /** A comma-separated list of plugin ids; blanks around commas are ignored, may be empty. */
  public static final ValueType<List<String>> ID_LIST =
      new ValueType<>() {
        @Override
        public List<String> parse(String text, Path home) {
          List<String> ids = new ArrayList<>();
          for (String part : text.split(",", -1)) {
            String id = part.trim();
            if (id.isEmpty()) {
              continue;
            }
            if (!ID.matcher(id).matches()) {
              throw new IllegalArgumentException(
                  "'" + id + "' is not a plugin id (expected a comma-separated list such as "
                      + "storage-lsm, storage-btree)");
            }
            ids.add(id);
          }
          return List.copyOf(ids);
        }

        @Override
        public String describe() {
          return "comma-separated list";
        }
      };

  /**
   * A length of time: a non-negative whole number and a unit, {@code ms}, {@code s}, {@code min},
   * {@code h} or {@code d} (for example {@code 10s}, {@code 500ms}, {@code 1min}); a bare
   * {@code 0} is zero.
   */
  public static final ValueType<java.time.Duration> DURATION =
      new ValueType<>() {
        @Override
        public java.time.Duration parse(String text, Path home) {
          java.util.regex.Matcher m = DURATION_TEXT.matcher(text.trim());
          if (!m.matches() || (m.group(2) == null && Long.parseLong(m.group(1)) != 0)) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (expected a whole number "
                + "and a unit: ms, s, min, h or d, such as 10s)");
          }
          long n = Long.parseLong(m.group(1));
          String unit = m.group(2) == null ? "s" : m.group(2);
          return switch (unit) {
            case "ms" -> java.time.Duration.ofMillis(n);
            case "s" -> java.time.Duration.ofSeconds(n);
            case "min" -> java.time.Duration.ofMinutes(n);
            case "h" -> java.time.Duration.ofHours(n);
            default -> java.time.Duration.ofDays(n);
          };
        }

        @Override
        public String describe() {
          return "duration";
        }
      };

  private static final Pattern DURATION_MS_TEXT = Pattern.compile("(\\d+)\\s*(ms|s|min|h|d)?");

  /**
   * A duration as PostgreSQL's settings write it: a whole number of milliseconds, or with a unit
   * ({@code ms, s, min, h, d}), such as {@code 0}, {@code 500ms}, {@code 1s}; at most 2^31-1 ms.
   */
  public static final ValueType<java.time.Duration> DURATION_MS =
      new ValueType<>() {
        @Override
        public java.time.Duration parse(String text, Path home) {
          java.util.regex.Matcher m = DURATION_MS_TEXT.matcher(text);
          if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (expected milliseconds, or a "
                + "number with a unit ms, s, min, h or d, such as 500ms or 1s)");
          }
          long unit = switch (m.group(2) == null ? "ms" : m.group(2)) {
            case "s" -> 1_000L;
            case "min" -> 60_000L;
            case "h" -> 3_600_000L;
            case "d" -> 86_400_000L;
            default -> 1L;
          };
          java.math.BigInteger ms = new java.math.BigInteger(m.group(1)).multiply(java.math.BigInteger.valueOf(unit));
          if (ms.compareTo(java.math.BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("'" + text + "' is too long (at most 2147483647ms)");
          }
          return java.time.Duration.ofMillis(ms.longValue());
        }

        @Override
        public String describe() {
          return "duration";
        }
      };

  private static final Pattern DURATION_TEXT = Pattern.compile("([0-9]{1,12})\\s*(ms|s|min|h|d)?");

  /** A comma-separated list of names (lower-case letters, digits, '-'); may be empty. */
  public static final ValueType<List<String>> NAME_LIST =
      new ValueType<>() {
        @Override
        public List<String> parse(String text, Path home) {
          List<String> names = new ArrayList<>();
          for (String part : text.split(",", -1)) {
            String name = part.trim();
            if (name.isEmpty()) {
              continue;
            }
            if (!NAME.matcher(name).matches()) {
              throw new IllegalArgumentException("'" + name + "' is not a valid name (expected a comma-separated "
                  + "list of lower-case letters, digits and '-', such as pgwire)");
            }
            names.add(name);
          }
          return List.copyOf(names);
        }

        @Override
        public String describe() {
          return "comma-separated names";
        }
      };

  /** A transaction isolation level as PostgreSQL spells it: read committed, repeatable read, serializable. */
  public static final ValueType<String> ISOLATION_LEVEL =
      new ValueType<>() {
        @Override
        public String parse(String text, Path home) {
          String t = text.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
          if (!List.of("read committed", "repeatable read", "serializable").contains(t)) {
            throw new IllegalArgumentException("'" + text
                + "' is not an isolation level (expected read committed, repeatable read or serializable)");
          }
          return t;
        }

        @Override
        public String describe() {
          return "isolation level";
        }
      };

  private ValueTypes() {}
}
