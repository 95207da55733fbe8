package io.phantomdb.spi.storage;

/** The direction of a range scan. */
public enum ScanOrder {
  /** Ascending unsigned lexicographic key order: the smallest key of the range first. */
  FORWARD,
  /** Descending order: the greatest key of the range first. */
  REVERSE
}
