package io.phantomdb.plugin.btree;

import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.tck.storage.AbstractStorageDurabilityIT;
import java.nio.file.Path;

/** Runs the TCK's {@link AbstractStorageDurabilityIT} against the btree engine with default options. */
public class BtreeStorageDurabilityIT extends AbstractStorageDurabilityIT {

  /** Instantiated reflectively by the TCK's child JVM. */
  public BtreeStorageDurabilityIT() {}

  @Override
  protected StorageEngine createEngine(Path directory) {
    return new BtreeStorageEngineFactory().open(StorageContext.of(directory));
  }
}
