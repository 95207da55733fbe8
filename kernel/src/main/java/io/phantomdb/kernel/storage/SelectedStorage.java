package io.phantomdb.kernel.storage;

import io.phantomdb.kernel.error.OperatorException;
import io.phantomdb.kernel.plugin.ThreadContextClassLoader;
import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.StorageEngineFactory;
import io.phantomdb.spi.storage.StorageException;

/**
 * The storage engine the configuration chose, with the context it will be opened with. Made by
 * {@link StorageSelector}.
 *
 * @param name the engine name ({@code storage.engine})
 * @param providedBy who provides it, such as {@code plugin storage-lsm}
 * @param factory the engine's factory
 * @param context the data directory ({@code <data.dir>/storage}) and the engine options, checked
 *     against the engine's supported options
 */
public record SelectedStorage(
    String name, String providedBy, StorageEngineFactory factory, StorageContext context) {

  /**
   * Opens the engine, with the thread context class loader set to the engine's (see {@link
   * ThreadContextClassLoader}).
   *
   * @return the open engine; the caller closes it
   * @throws OperatorException if the engine rejects an option or cannot open its directory; the
   *     message names the engine and says why
   */
  public StorageEngine open() {
    try (ThreadContextClassLoader ignored = ThreadContextClassLoader.of(factory)) {
      return factory.open(context);
    } catch (IllegalArgumentException e) {
      throw new OperatorException("storage engine '" + name + "': " + e.getMessage(), e);
    } catch (StorageException e) {
      throw new OperatorException("storage engine '" + name + "' cannot open "
          + context.dataDirectory() + ": " + e.getMessage(), e);
    }
  }
}
