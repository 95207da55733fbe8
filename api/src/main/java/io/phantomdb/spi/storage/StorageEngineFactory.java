package io.phantomdb.spi.storage;

import java.util.Map;

/**
 * Entry point of a storage engine implementation: opens {@link StorageEngine}s by directory.
 *
 * <p>Implementations are listed in {@code META-INF/services/io.phantomdb.spi.storage.StorageEngineFactory}
 * (inside a plugin zip, or on the class path for built-ins and tests) and must have a public
 * no-argument constructor. Configuration chooses one by {@link #name()} through the
 * {@code storage.engine} key.
 *
 * <p><b>Threading and lifecycle:</b> factories are stateless and thread-safe; the kernel may
 * create several instances and call them from any thread. Everything a factory opens belongs to
 * the caller, who closes it.
 */
public interface StorageEngineFactory {

  /**
   * The stable name configuration uses to choose this engine, such as {@code lsm} or {@code
   * btree}: lower case letters, digits and {@code -}, unique among installed engines, never
   * changed once released.
   *
   * @return the name; never null
   */
  String name();

  /**
   * A one-line human description shown by {@code phantomdb plugins}.
   *
   * @return a short description; never null
   */
  default String description() {
    return name();
  }

  /**
   * The engine-specific configuration keys this engine understands, each mapped to a one-line
   * description that names its default. Keys are written without the {@code storage.<name>.}
   * prefix they carry in {@code phantomdb.conf}. The kernel rejects configuration keys under
   * that prefix that are not listed here, so an operator's typo stops start-up with a clear line.
   *
   * @return the options, in display order; never null, possibly empty
   */
  default Map<String, String> supportedOptions() {
    return Map.of();
  }

  /**
   * Opens the engine stored in {@link StorageContext#dataDirectory()}, creating an empty store
   * there if the directory does not exist or is empty. A directory written by {@link
   * StorageEngine#checkpoint(java.nio.file.Path)} opens as a copy of the engine at that moment.
   *
   * <p>At most one open engine per directory: a second open of a directory already open (in
   * this or another process) fails with {@link StorageException}.
   *
   * @param context the directory and engine options; never null
   * @return the open engine, owned by the caller, who must {@link StorageEngine#close() close} it
   * @throws IllegalArgumentException if an option is unknown or has a value that cannot be used;
   *     the message names the key and what is expected
   * @throws StorageCorruptionException if the directory holds data the engine cannot read
   * @throws StorageException if the directory cannot be opened for any other reason (locked by
   *     another process, not writable, files of another engine); the message says which
   */
  StorageEngine open(StorageContext context);
}
