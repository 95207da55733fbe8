package io.phantomdb.spi.storage;

/** Thrown when a keyspace that does not exist (or was dropped) is named or used. */
public class UnknownKeyspaceException extends StorageException {
  private static final long serialVersionUID = 1L;

  /** @param message the keyspace name and, where known, the keyspaces that do exist */
  public UnknownKeyspaceException(String message) {
    super(message);
  }
}
