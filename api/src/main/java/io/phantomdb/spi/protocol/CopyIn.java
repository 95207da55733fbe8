package io.phantomdb.spi.protocol;

import io.phantomdb.spi.Experimental;

/**
 * A {@code COPY ... FROM STDIN} waiting for its data (PostgreSQL's CopyInResponse): the server
 * passes the client's CopyData bytes in arrival order, then CopyDone ({@link #done()}) or
 * CopyFail ({@link #fail(String)}). Rows are read and inserted as the data arrives, in batches,
 * so the input is never held whole. Every row goes in or none: the COPY runs in its own
 * transaction, or joins the open transaction block (an error fails the block).
 *
 * <p>One thread at a time (the session's). After an exception the COPY is over: the server
 * reports the error and discards the CopyData that still comes, up to CopyDone or CopyFail.
 */
@Experimental
public interface CopyIn {

  /**
   * The number of columns each row has (CopyInResponse announces one format per column).
   *
   * @return the column count
   */
  int columnCount();

  /**
   * Whether the data is in CSV rather than text format (both are "textual": format code 0).
   *
   * @return true for {@code FORMAT csv}
   */
  boolean csv();

  /**
   * Takes the next piece of the data (one CopyData message; a row may span pieces).
   *
   * @param data the bytes (UTF-8), owned by the caller once this returns
   * @param offset where they start in {@code data}
   * @param length how many
   * @throws SqlErrorException a bad row (22P02 invalid input syntax, 22P04 bad copy file format,
   *     23505 ...), with a {@link SqlErrorException#where() context} naming the line and column
   */
  void data(byte[] data, int offset, int length);

  /**
   * The data is complete (CopyDone): the last rows are inserted and the COPY commits (unless it
   * runs inside a block).
   *
   * @return the command tag, {@code COPY n}
   * @throws SqlErrorException as {@link #data}, or if the commit fails
   */
  String done();

  /**
   * The client gave up (CopyFail): nothing is inserted. Always throws.
   *
   * @param message the client's reason
   * @throws SqlErrorException 57014 {@code COPY from stdin failed: <message>}
   */
  void fail(String message);
}
