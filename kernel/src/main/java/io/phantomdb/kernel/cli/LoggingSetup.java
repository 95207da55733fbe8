package io.phantomdb.kernel.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Configures java.util.logging (where the distribution's SLF4J binding, slf4j-jdk14, sends
 * everything) for the command line: warnings and errors as one line each on stderr, PF4J silent
 * because the kernel reports every plugin problem itself, exactly once. With {@code --verbose},
 * PF4J's own messages and stack traces are shown too.
 */
final class LoggingSetup {
  // held so the configured levels are not lost when the loggers are garbage collected
  private static final Logger ROOT = Logger.getLogger("");
  private static final Logger PF4J = Logger.getLogger("org.pf4j");

  private LoggingSetup() {}

  static void configure(boolean verbose) {
    LogManager.getLogManager().reset();
    ConsoleHandler handler = new ConsoleHandler();
    handler.setFormatter(new OneLineFormatter(verbose));
    handler.setLevel(verbose ? Level.FINE : Level.WARNING);
    ROOT.addHandler(handler);
    ROOT.setLevel(Level.WARNING);
    PF4J.setLevel(verbose ? Level.FINE : Level.OFF);
  }

  private static final class OneLineFormatter extends Formatter {
    private final boolean withStackTraces;

    OneLineFormatter(boolean withStackTraces) {
      this.withStackTraces = withStackTraces;
    }

    @Override
    public String format(LogRecord r) {
      StringBuilder sb = new StringBuilder("phantomdb: [")
          .append(r.getLevel().getName()).append("] ")
          .append(r.getLoggerName()).append(": ")
          .append(formatMessage(r).strip().replace(System.lineSeparator(), " "));
      if (r.getThrown() != null) {
        if (withStackTraces) {
          StringWriter sw = new StringWriter();
          r.getThrown().printStackTrace(new PrintWriter(sw));
          sb.append(System.lineSeparator()).append(sw.toString().stripTrailing());
        } else {
          sb.append(" (").append(r.getThrown()).append(")");
        }
      }
      return sb.append(System.lineSeparator()).toString();
    }
  }
}
