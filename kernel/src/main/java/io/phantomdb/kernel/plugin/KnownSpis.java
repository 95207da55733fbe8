package io.phantomdb.kernel.plugin;

import io.phantomdb.spi.consensus.ConsensusProvider;
import io.phantomdb.spi.protocol.ProtocolServerFactory;
import io.phantomdb.spi.storage.StorageEngineFactory;
import java.util.List;

/** The SPIs the kernel looks up. A new SPI is one constant here and one entry in {@link #ALL}. */
public final class KnownSpis {

  /** Storage engines, chosen by {@code storage.engine}. */
  public static final SpiType<StorageEngineFactory> STORAGE =
      new SpiType<>("storage", "storage engine", StorageEngineFactory.class, StorageEngineFactory::name);

  /** Consensus providers, which replicate and apply committed writes; {@code local} is built in. */
  public static final SpiType<ConsensusProvider> CONSENSUS =
      new SpiType<>("consensus", "consensus provider", ConsensusProvider.class, ConsensusProvider::name);

  /** Wire protocol servers, started by {@code phantomdb start} as {@code protocols} names them. */
  public static final SpiType<ProtocolServerFactory> PROTOCOL =
      new SpiType<>("protocol", "protocol", ProtocolServerFactory.class, ProtocolServerFactory::name);

  /** Every SPI the registry collects, in report order. */
  public static final List<SpiType<?>> ALL = List.of(STORAGE, CONSENSUS, PROTOCOL);

  private KnownSpis() {}
}
