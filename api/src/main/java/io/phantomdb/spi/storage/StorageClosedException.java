package io.phantomdb.spi.storage;

/** Thrown when an engine, snapshot or cursor is used after it was closed. */
public class StorageClosedException extends StorageException {
  private static final long serialVersionUID = 1L;

  /** @param message which object was closed */
  public StorageClosedException(String message) {
    super(message);
  }
}
