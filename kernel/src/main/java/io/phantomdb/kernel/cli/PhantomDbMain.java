package io.phantomdb.kernel.cli;

import io.phantomdb.kernel.error.OperatorException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Entry point of {@code bin/phantomdb}. Operator mistakes print {@code phantomdb: <one line>} on
 * stderr and exit non-zero, never with a stack trace unless {@code --verbose} is given.
 *
 * <p>Exit codes: 0 success, 1 an operator error (configuration, plugins, storage), 2 a usage
 * error (unknown option or command), 70 an internal error (a bug: please report it).
 */
public final class PhantomDbMain {
  /** The system property the launcher sets to the installation directory. */
  public static final String HOME_PROPERTY = "phantomdb.home";

  static final int EXIT_OPERATOR_ERROR = 1;
  static final int EXIT_USAGE = 2;
  static final int EXIT_INTERNAL = 70;

  private PhantomDbMain() {}

  /**
   * Runs the command line and exits.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(args, home(), System.getenv(),
        new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the command line without exiting.
   *
   * @param args the arguments
   * @param home the installation directory
   * @param environment the environment to read {@code PHANTOMDB_*} from
   * @param out standard output
   * @param err standard error
   * @return the exit code
   */
  public static int run(String[] args, Path home, Map<String, String> environment,
      PrintWriter out, PrintWriter err) {
    LoggingSetup.configure(false);
    PhantomDbCommand root = new PhantomDbCommand(home, environment);
    CommandLine cl = new CommandLine(root);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionStrategy(parse -> {
      if (root.verbose()) {
        LoggingSetup.configure(true);
      }
      return new CommandLine.RunLast().execute(parse);
    });
    cl.setParameterExceptionHandler((ParameterException e, String[] a) -> {
      err.println("phantomdb: " + firstLine(e.getMessage()) + " (see 'phantomdb --help')");
      return EXIT_USAGE;
    });
    cl.setExecutionExceptionHandler((Exception e, CommandLine c, ParseResult p) ->
        report(e, root.verbose(), err));
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static int report(Exception e, boolean verbose, PrintWriter err) {
    int code;
    if (e instanceof OperatorException) {
      err.println("phantomdb: " + firstLine(e.getMessage()));
      code = EXIT_OPERATOR_ERROR;
    } else {
      err.println("phantomdb: internal error: " + firstLine(String.valueOf(e))
          + (verbose ? "" : " (run with --verbose for details)"));
      code = EXIT_INTERNAL;
    }
    if (verbose) {
      StringWriter sw = new StringWriter();
      e.printStackTrace(new PrintWriter(sw));
      err.print(sw);
    }
    return code;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    return s.strip().lines().findFirst().orElse("");
  }

  private static Path home() {
    String h = System.getProperty(HOME_PROPERTY);
    return Path.of(h == null || h.isBlank() ? "" : h).toAbsolutePath().normalize();
  }
}
