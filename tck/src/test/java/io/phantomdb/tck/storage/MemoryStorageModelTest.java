package io.phantomdb.tck.storage;

import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import java.nio.file.Path;

/** The reference engine against {@link AbstractStorageModelTest}. */
public class MemoryStorageModelTest extends AbstractStorageModelTest {
  @Override
  protected StorageEngine createEngine(Path directory) {
    return new MemoryStorageEngineFactory().open(StorageContext.of(directory));
  }
}
