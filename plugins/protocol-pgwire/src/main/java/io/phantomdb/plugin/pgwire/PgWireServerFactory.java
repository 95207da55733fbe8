package io.phantomdb.plugin.pgwire;

import io.phantomdb.spi.protocol.ProtocolContext;
import io.phantomdb.spi.protocol.ProtocolServer;
import io.phantomdb.spi.protocol.ProtocolServerFactory;
import java.util.Map;

/** {@code pgwire}: PostgreSQL's wire protocol 3.0, what psql, pgjdbc and other drivers speak. */
public final class PgWireServerFactory implements ProtocolServerFactory {
  /** PhantomDB's default port: beside PostgreSQL's 5432, so both can run on one machine. */
  public static final int DEFAULT_PORT = 5433;

  /** Creates the factory (found through {@code META-INF/services}). */
  public PgWireServerFactory() {}

  @Override
  public String name() {
    return "pgwire";
  }

  @Override
  public String description() {
    return "PostgreSQL wire protocol 3.0 (psql, JDBC, libpq clients)";
  }

  @Override
  public Map<String, String> supportedOptions() {
    return PgWireOptions.SUPPORTED;
  }

  @Override
  public int defaultPort() {
    return DEFAULT_PORT;
  }

  @Override
  public ProtocolServer create(ProtocolContext context) {
    return new PgWireServer(context, PgWireOptions.parse(context.options()));
  }
}
