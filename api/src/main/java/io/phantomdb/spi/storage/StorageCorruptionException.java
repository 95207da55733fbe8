package io.phantomdb.spi.storage;

/**
 * Thrown when an engine finds data it cannot read back as written: a failed checksum, a
 * truncated file, an unreadable header. The message names the file or key where known.
 */
public class StorageCorruptionException extends StorageException {
  private static final long serialVersionUID = 1L;

  /** @param message what is damaged */
  public StorageCorruptionException(String message) {
    super(message);
  }

  /**
   * @param message what is damaged
   * @param cause the engine's own error
   */
  public StorageCorruptionException(String message, Throwable cause) {
    super(message, cause);
  }
}
