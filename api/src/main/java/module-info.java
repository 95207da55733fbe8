/**
 * The PhantomDB plugin API: the Service Provider Interfaces a plugin implements and the value
 * types they pass. A plugin compiles against this module only (Maven scope {@code provided}).
 */
module io.phantomdb.api {
  requires static transitive jakarta.annotation;

  exports io.phantomdb.spi;
  exports io.phantomdb.spi.storage;
  exports io.phantomdb.spi.consensus;
  exports io.phantomdb.spi.protocol;

  uses io.phantomdb.spi.storage.StorageEngineFactory;
  uses io.phantomdb.spi.consensus.ConsensusProvider;
  uses io.phantomdb.spi.protocol.ProtocolServerFactory;
}
