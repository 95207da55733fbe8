package io.phantomdb.plugin.lsm;

import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import io.phantomdb.tck.storage.AbstractStorageEngineTest;
import java.nio.file.Path;

/** The storage conformance suite, run on the lsm engine. */
public class LsmStorageEngineTest extends AbstractStorageEngineTest {

  @Override
  protected StorageEngine createEngine(Path directory) {
    return new LsmStorageEngineFactory().open(StorageContext.of(directory));
  }
}
