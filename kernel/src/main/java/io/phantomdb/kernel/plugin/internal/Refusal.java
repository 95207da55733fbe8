package io.phantomdb.kernel.plugin.internal;

/** Why a plugin is not loaded: a one-line reason that goes into its report. */
public final class Refusal extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a refusal.
   *
   * @param reason one line
   */
  public Refusal(String reason) {
    super(reason, null, false, false);
  }

  /**
   * The first line of a failure's message, with its type when the message alone says little.
   *
   * @param t a failure
   * @return such as {@code IllegalStateException: boom}
   */
  public static String describe(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    String type = root.getClass().getSimpleName();
    if (message == null || message.isBlank()) {
      return type;
    }
    String first = message.strip().lines().findFirst().orElse("");
    return type + ": " + first;
  }
}
