package io.phantomdb.plugin.lsm;

import io.phantomdb.spi.storage.StorageContext;
import io.phantomdb.spi.storage.StorageEngine;
import java.nio.file.Path;

/** Child process of {@link LsmOpenTest}: holds an engine open until its stdin closes. */
public final class LsmLockHolder {
  private LsmLockHolder() {}

  /**
   * @param args the data directory
   * @throws Exception if the engine cannot be opened
   */
  public static void main(String[] args) throws Exception {
    try (StorageEngine engine =
        new LsmStorageEngineFactory().open(StorageContext.of(Path.of(args[0])))) {
      System.out.println("OPEN");
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the parent to close our stdin
      }
    }
  }
}
