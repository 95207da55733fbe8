package io.phantomdb.spi.storage;

/**
 * A failure of a storage engine: I/O errors, a locked directory, an engine-internal error. The
 * message says what failed and, where an operator can act, what to do. Subclasses name the
 * conditions callers handle differently.
 */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what failed and what to do */
  public StorageException(String message) {
    super(message);
  }

  /**
   * @param message what failed and what to do
   * @param cause the underlying failure
   */
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
