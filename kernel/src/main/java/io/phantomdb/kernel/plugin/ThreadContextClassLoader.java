package io.phantomdb.kernel.plugin;

/**
 * Sets the current thread's context class loader for a block and restores it after:
 *
 * <pre>{@code
 * try (var ignored = ThreadContextClassLoader.of(factory)) {
 *   return factory.open(context);
 * }
 * }</pre>
 *
 * <p>The kernel calls into plugin code this way, so that libraries which find resources through
 * the context class loader (lmdbjava extracts its native library so) see the plugin's own jars,
 * not the kernel's.
 */
public final class ThreadContextClassLoader implements AutoCloseable {
  private final Thread thread = Thread.currentThread();
  private final ClassLoader previous;

  private ThreadContextClassLoader(ClassLoader loader) {
    previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
  }

  /**
   * Switches to the class loader that loaded an implementation.
   *
   * @param implementation an object from a plugin (or the class path)
   * @return the switch, to close when the call into the plugin is over
   */
  public static ThreadContextClassLoader of(Object implementation) {
    return new ThreadContextClassLoader(implementation.getClass().getClassLoader());
  }

  /**
   * Switches to a class loader.
   *
   * @param loader the loader
   * @return the switch, to close when the call into the plugin is over
   */
  public static ThreadContextClassLoader of(ClassLoader loader) {
    return new ThreadContextClassLoader(loader);
  }

  /** Restores the previous context class loader. */
  @Override
  public void close() {
    thread.setContextClassLoader(previous);
  }
}
