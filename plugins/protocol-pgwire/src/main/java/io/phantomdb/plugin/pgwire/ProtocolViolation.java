package io.phantomdb.plugin.pgwire;

/** A malformed or unexpected frontend message: SQLSTATE 08P01, and the connection ends. */
final class ProtocolViolation extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ProtocolViolation(String message) {
    super(message);
  }
}
