package io.phantomdb.kernel.error;

/**
 * A failure an operator caused and can fix: a bad configuration value, a missing plugin, an
 * unreadable file. Its message is one line that says what is wrong and, where it can, what to do;
 * the command line prints it as {@code phantomdb: <message>} without a stack trace.
 */
public class OperatorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line, no trailing period needed
   */
  public OperatorException(String message) {
    super(message);
  }

  /**
   * Creates the exception with the failure that led to it (shown only with {@code --verbose}).
   *
   * @param message one line
   * @param cause the underlying failure
   */
  public OperatorException(String message, Throwable cause) {
    super(message, cause);
  }
}
