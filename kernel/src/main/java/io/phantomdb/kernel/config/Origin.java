package io.phantomdb.kernel.config;

import java.nio.file.Path;

/**
 * Where a configuration value came from, named the way error messages show it.
 *
 * @param where such as {@code /opt/phantomdb/conf/phantomdb.conf:12} or {@code --set data.dir=x}
 */
public record Origin(String where) {
  /** The value is the built-in default. */
  public static final Origin DEFAULT = new Origin("default");

  /**
   * A line of a configuration file.
   *
   * @param file the file
   * @param line the 1-based line number
   * @return the origin {@code file:line}
   */
  public static Origin file(Path file, int line) {
    return new Origin(file + ":" + line);
  }

  /**
   * An environment variable.
   *
   * @param name the variable
   * @return the origin
   */
  public static Origin environment(String name) {
    return new Origin("environment variable " + name);
  }

  /**
   * A {@code --set} option.
   *
   * @param argument what followed {@code --set}
   * @return the origin
   */
  public static Origin commandLine(String argument) {
    return new Origin("--set " + argument);
  }

  @Override
  public String toString() {
    return where;
  }
}
