package io.phantomdb.kernel.txn;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A hybrid logical clock giving timestamps in microseconds since the epoch: each {@link #now()}
 * is above every timestamp this clock gave or {@linkplain #update(long) saw}, and equal to the
 * wall clock whenever the wall clock is ahead. On one node this is a counter that follows the
 * wall clock; across nodes, {@link #update(long)} with a timestamp from a message keeps causally
 * later events later (Kulkarni et al.'s HLC, with the logical part folded into the microseconds:
 * a burst of more than a million events per second runs ahead of the wall clock, and the clock
 * waits for nothing).
 *
 * <p>Thread-safe and lock-free.
 */
public final class HybridLogicalClock {
  private final AtomicLong last;
  private final LongSupplier wallMicros;

  /**
   * @param floor a timestamp every future one must exceed (the last one persisted before a
   *     restart), or 0
   */
  public HybridLogicalClock(long floor) {
    this(floor, () -> System.currentTimeMillis() * 1000);
  }

  /**
   * @param floor a timestamp every future one must exceed
   * @param wallMicros the wall clock in microseconds (for tests: a clock that jumps back)
   */
  public HybridLogicalClock(long floor, LongSupplier wallMicros) {
    this.last = new AtomicLong(floor);
    this.wallMicros = wallMicros;
  }

  /** @return a new timestamp, strictly above every earlier one of this clock */
  public long now() {
    long wall = wallMicros.getAsLong();
    return last.updateAndGet(prev -> Math.max(wall, prev + 1));
  }

  /**
   * Takes in a timestamp seen from elsewhere (a message, a commit replayed from the log), so
   * later timestamps of this clock are above it.
   *
   * @param seen the timestamp
   */
  public void update(long seen) {
    last.accumulateAndGet(seen, Math::max);
  }

  /** @return the latest timestamp given or seen, without making a new one */
  public long current() {
    return last.get();
  }
}
