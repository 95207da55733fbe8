package io.phantomdb.kernel.txn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HybridLogicalClockTest {
  @Test
  void followsTheWallClockAndNeverGoesBack() {
    AtomicLong wall = new AtomicLong(1_000);
    HybridLogicalClock clock = new HybridLogicalClock(0, wall::get);
    assertThat(clock.now()).isEqualTo(1_000);
    assertThat(clock.now()).isEqualTo(1_001); // same wall time: logical step
    wall.set(5_000);
    assertThat(clock.now()).isEqualTo(5_000);
    wall.set(2_000); // the wall clock jumps back
    assertThat(clock.now()).isEqualTo(5_001);
  }

  @Test
  void staysAboveItsFloorAndWhatItSaw() {
    AtomicLong wall = new AtomicLong(10);
    HybridLogicalClock clock = new HybridLogicalClock(100, wall::get);
    assertThat(clock.now()).isEqualTo(101);
    clock.update(500);
    assertThat(clock.current()).isEqualTo(500);
    assertThat(clock.now()).isEqualTo(501);
    clock.update(3); // older: no effect
    assertThat(clock.now()).isEqualTo(502);
  }

  @Test
  void concurrentCallersGetDistinctTimestamps() throws InterruptedException {
    HybridLogicalClock clock = new HybridLogicalClock(0, () -> 42);
    List<Thread> threads = new ArrayList<>();
    Set<Long> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    for (int t = 0; t < 8; t++) {
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 10_000; i++) {
          seen.add(clock.now());
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(seen).hasSize(80_000);
    assertThat(java.util.Collections.max(seen)).isEqualTo(42L + 79_999);
  }
}
