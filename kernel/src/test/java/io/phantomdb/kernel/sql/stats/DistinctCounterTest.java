package io.phantomdb.kernel.sql.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class DistinctCounterTest {
  private static long hashOf(long v) {
    return DistinctCounter.hash(ByteBuffer.allocate(8).putLong(v).array());
  }

  @Test
  void exactUpToTheLimit() {
    DistinctCounter c = new DistinctCounter();
    for (int round = 0; round < 3; round++) {
      for (long v = 0; v < DistinctCounter.EXACT_LIMIT; v++) {
        c.add(hashOf(v));
      }
    }
    assertThat(c.estimate()).isEqualTo(DistinctCounter.EXACT_LIMIT);
  }

  @Test
  void estimatesLargeCountsWithinAFewPercent() {
    for (long n : new long[] {20_000, 150_000, 1_000_000}) {
      DistinctCounter c = new DistinctCounter();
      for (long v = 0; v < n; v++) {
        c.add(hashOf(v));
        c.add(hashOf(v)); // duplicates do not count
      }
      assertThat(c.estimate()).as("%d values", n).isCloseTo(n, within(n * 0.03));
    }
  }
}
