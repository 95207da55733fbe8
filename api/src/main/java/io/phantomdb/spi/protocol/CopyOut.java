package io.phantomdb.spi.protocol;

import io.phantomdb.spi.Experimental;

/**
 * A {@code COPY ... TO STDOUT} sending its data (PostgreSQL's CopyOutResponse): one line of text
 * or CSV per call, each a CopyData message, then CopyDone and the command tag of the {@link
 * QueryResult} it came from ({@code COPY n}). Rows are computed lazily as the lines are asked for.
 */
@Experimental
public interface CopyOut {

  /**
   * The number of columns of each row (CopyOutResponse announces one format per column).
   *
   * @return the column count
   */
  int columnCount();

  /**
   * The next line of the output, with its line end ({@code \n}); the header first if asked for.
   *
   * @return the line, or null at the end
   * @throws SqlErrorException if computing a row fails
   */
  String nextLine();
}
