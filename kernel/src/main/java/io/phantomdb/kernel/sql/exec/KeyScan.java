package io.phantomdb.kernel.sql.exec;

import io.phantomdb.spi.storage.KeyRange;
import io.phantomdb.spi.storage.ScanOrder;
import java.util.List;

/**
 * The part of an index a scan reads: disjoint key ranges in ascending order (each covering every
 * version of its keys), the direction to read them in, and the condition they stand for.
 *
 * @param ranges the ranges; empty reads nothing
 * @param order forward (index order) or reverse
 * @param condition makes the condition as EXPLAIN shows it after {@code Index Cond:}, or "" for a
 *     scan of the whole index (made only when EXPLAIN asks)
 */
public record KeyScan(List<KeyRange> ranges, ScanOrder order, java.util.function.Supplier<String> condition) {
  /** Copies the list. */
  public KeyScan {
    ranges = List.copyOf(ranges);
  }

  /** @return the EXPLAIN words for the direction: "" or " Backward" */
  String backward() {
    return order == ScanOrder.REVERSE ? " Backward" : "";
  }

  /** @return the detail lines EXPLAIN prints under the scan */
  List<String> details() {
    String c = condition.get();
    return c.isEmpty() ? List.of() : List.of("Index Cond: " + c);
  }
}
