package io.phantomdb.tck.storage;

import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.spi.storage.StorageEngineFactory;
import io.phantomdb.tck.storage.memory.MemoryStorageEngine;
import java.util.Map;

/**
 * The reference storage engine, {@code memory}: every key lives in the Java heap, and every
 * batch is appended to a checksummed log in the data directory, which is replayed on open. It is
 * the executable specification the TCK is checked against, and a small engine for tests; it is
 * not meant for production data sets (the whole store must fit in memory, old versions are kept
 * while the engine is open).
 */
public final class MemoryStorageEngineFactory implements StorageEngineFactory {
  /** The engine's name. */
  public static final String NAME = "memory";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "in-memory reference engine with a write-ahead log (tests)";
  }

  @Override
  public Map<String, String> supportedOptions() {
    return Map.of();
  }

  @Override
  public StorageEngine open(StorageContext context) {
    for (String key : context.options().keySet()) {
      throw new IllegalArgumentException("the memory engine has no option '" + key + "'");
    }
    return MemoryStorageEngine.open(context.dataDirectory());
  }
}
