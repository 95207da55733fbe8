package io.phantomdb.spi.storage;

/**
 * Thrown when a write cannot be applied for lack of space: the disk is full, or the engine
 * reached a configured size limit it cannot grow past. Nothing of the write was applied.
 */
public class StorageFullException extends StorageException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is full and which setting or resource to raise
   * @param cause the engine's own error, or null
   */
  public StorageFullException(String message, Throwable cause) {
    super(message, cause);
  }
}
