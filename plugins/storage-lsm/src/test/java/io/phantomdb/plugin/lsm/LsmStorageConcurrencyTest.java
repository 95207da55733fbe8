package io.phantomdb.plugin.lsm;

import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.tck.storage.AbstractStorageConcurrencyTest;
import java.nio.file.Path;

/** The storage concurrency suite, run on the lsm engine. */
public class LsmStorageConcurrencyTest extends AbstractStorageConcurrencyTest {

  @Override
  protected StorageEngine createEngine(Path directory) {
    return new LsmStorageEngineFactory().open(StorageContext.of(directory));
  }
}
