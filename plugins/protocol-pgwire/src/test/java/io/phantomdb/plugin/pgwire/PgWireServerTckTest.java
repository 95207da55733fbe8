package io.phantomdb.plugin.pgwire;

import io.phantomdb.spi.protocol.ProtocolServerFactory;
import io.phantomdb.spi.protocol.SessionService;
import io.phantomdb.tck.protocol.AbstractProtocolServerTest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The protocol TCK's lifecycle suite on {@code pgwire}, over a real kernel. */
class PgWireServerTckTest extends AbstractProtocolServerTest {
  @TempDir Path dir;
  private KernelServer kernel;

  @BeforeEach
  void openKernel() {
    kernel = new KernelServer(dir);
  }

  @AfterEach
  void closeKernel() {
    kernel.close();
  }

  @Override
  protected ProtocolServerFactory factory() {
    return new PgWireServerFactory();
  }

  @Override
  protected SessionService sessions() {
    return kernel.sessions;
  }
}
