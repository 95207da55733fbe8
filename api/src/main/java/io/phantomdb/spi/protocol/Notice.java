package io.phantomdb.spi.protocol;

import io.phantomdb.spi.Experimental;
import java.util.Objects;

/**
 * A notice a statement raised (NoticeResponse): a warning or note that does not fail it.
 *
 * @param severity {@code WARNING}, {@code NOTICE}, {@code INFO}, {@code LOG} or {@code DEBUG}
 * @param sqlState the five-character SQLSTATE, such as {@code 25P01}
 * @param message the primary message
 * @param detail more detail, or null
 * @param hint a hint, or null
 */
@Experimental
public record Notice(String severity, String sqlState, String message, String detail, String hint) {

  /** Checks the components. */
  public Notice {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(sqlState, "sqlState");
    Objects.requireNonNull(message, "message");
  }
}
