package io.phantomdb.plugin.lsm;

import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.tck.storage.AbstractStorageModelTest;
import java.nio.file.Path;

/** The storage model-based property suite, run on the lsm engine. */
public class LsmStorageModelTest extends AbstractStorageModelTest {

  @Override
  protected StorageEngine createEngine(Path directory) {
    return new LsmStorageEngineFactory().open(StorageContext.of(directory));
  }
}
