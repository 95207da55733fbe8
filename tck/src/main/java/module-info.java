/**
 * The PhantomDB Technology Compatibility Kit: abstract JUnit 5 suites every implementation of an
 * SPI must pass, and in-memory reference implementations that pass them.
 */
module io.phantomdb.tck {
  requires transitive io.phantomdb.api;
  requires transitive org.junit.jupiter.api;
  requires transitive org.junit.jupiter.params;
  requires transitive org.assertj.core;
  requires transitive net.jqwik.api;
  requires java.management;

  exports io.phantomdb.tck.consensus;
  exports io.phantomdb.tck.protocol;
  exports io.phantomdb.tck.storage;
  exports io.phantomdb.tck.storage.memory;

  provides io.phantomdb.spi.storage.StorageEngineFactory with
      io.phantomdb.tck.storage.MemoryStorageEngineFactory;
}
