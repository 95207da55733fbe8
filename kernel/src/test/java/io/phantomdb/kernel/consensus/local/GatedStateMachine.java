package io.phantomdb.kernel.consensus.local;

import io.phantomdb.spi.consensus.LogEntry;
import io.phantomdb.spi.consensus.StateMachine;
import io.phantomdb.tck.consensus.RecordingStateMachine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A {@link RecordingStateMachine} whose {@code apply} calls wait at a gate until the test opens
 * it, so a test can pile up commands behind an apply in progress without relying on timing.
 */
final class GatedStateMachine implements StateMachine {
  private final RecordingStateMachine delegate;
  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch gate = new CountDownLatch(1);

  GatedStateMachine(RecordingStateMachine delegate) {
    this.delegate = delegate;
  }

  /** Waits until the first {@code apply} call has reached the gate. */
  void awaitFirstApply() throws InterruptedException {
    entered.await();
  }

  /** Lets every {@code apply} call, waiting or later, through. */
  void open() {
    gate.countDown();
  }

  @Override
  public void apply(List<LogEntry> entries) {
    entered.countDown();
    try {
      gate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted at the gate", e);
    }
    delegate.apply(entries);
  }

  @Override
  public long lastApplied() {
    return delegate.lastApplied();
  }

  @Override
  public long takeSnapshot(OutputStream out) throws IOException {
    return delegate.takeSnapshot(out);
  }

  @Override
  public void restore(InputStream in) throws IOException {
    delegate.restore(in);
  }
}
