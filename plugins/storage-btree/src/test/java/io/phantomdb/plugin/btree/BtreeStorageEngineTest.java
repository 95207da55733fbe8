package io.phantomdb.plugin.btree;

import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.tck.storage.AbstractStorageEngineTest;
import java.nio.file.Path;

/** Runs the TCK's {@link AbstractStorageEngineTest} against the btree engine with default options. */
public class BtreeStorageEngineTest extends AbstractStorageEngineTest {

  @Override
  protected StorageEngine createEngine(Path directory) {
    return new BtreeStorageEngineFactory().open(StorageContext.of(directory));
  }
}
