package io.phantomdb.spi.storage;

/**
 * An open range scan over one keyspace, obtained from {@link KeyValueReader#scan(Keyspace,
 * KeyRange, ScanOrder)}.
 *
 * <p>Usage: {@code while (cursor.next()) { use(cursor.key(), cursor.value()); }}, then {@link
 * #close()} (try-with-resources).
 *
 * <p><b>Contract:</b>
 * <ol>
 *   <li>A cursor yields every key of its range that is present in the view it reads, each once,
 *       in its {@link ScanOrder}, and nothing else.
 *   <li>The view is fixed when the cursor is opened: writes made after that are not seen (for a
 *       cursor of a {@link ReadSnapshot}, the snapshot's view).
 *   <li>{@link #key()} and {@link #value()} return arrays the caller owns; they stay valid after
 *       {@code next()} and {@code close()}.
 * </ol>
 *
 * <p><b>Threading:</b> a cursor is used by one thread at a time; it need not be thread-safe.
 *
 * <p><b>Lifecycle:</b> a cursor holds engine resources (an iterator, a read transaction) until
 * closed; every cursor must be closed, and before its engine. {@code close()} is idempotent.
 */
public interface Cursor extends AutoCloseable {

  /**
   * Advances to the next entry of the range.
   *
   * @return true if the cursor is now on an entry, false if the range is exhausted (further
   *     calls keep returning false)
   * @throws StorageClosedException if the cursor or its engine is closed
   * @throws StorageCorruptionException if the engine detects damaged data
   * @throws StorageException on any other failure of the store
   */
  boolean next();

  /**
   * The key of the current entry.
   *
   * @return the key, which the caller may keep but not modify; never null
   * @throws IllegalStateException if {@link #next()} has not returned true
   */
  byte[] key();

  /**
   * The value of the current entry.
   *
   * @return the value, which the caller may keep but not modify; never null (possibly empty)
   * @throws IllegalStateException if {@link #next()} has not returned true
   */
  byte[] value();

  /** Releases the cursor's resources. Idempotent; never throws. */
  @Override
  void close();
}
