package io.phantomdb.plugin.lsm;

import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.tck.storage.AbstractStorageDurabilityIT;
import java.nio.file.Path;

/** The kill -9 durability suite, run on the lsm engine (in a child JVM). */
public class LsmStorageDurabilityIT extends AbstractStorageDurabilityIT {

  @Override
  protected StorageEngine createEngine(Path directory) {
    return new LsmStorageEngineFactory().open(StorageContext.of(directory));
  }
}
